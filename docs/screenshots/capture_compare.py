"""Capture the compare view: four real (offline animatic) takes of one shot, side by side.

Run under a display (Xvfb is fine)::

    Xvfb :99 -screen 0 1600x1000x24 &  DISPLAY=:99 python docs/screenshots/capture_compare.py

Two takes are made from the shot's prompt (title cards), then a photo is set as the shot's
first frame and two more are made (a slow move over it); the third is chosen for the cut.
Uses a throw-away STUDIO_HOME so it never touches your projects.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import capture  # the sibling script: its main() runs a scenario on a qasync loop

OUT = Path(__file__).resolve().parent


def write_photo(path: Path) -> None:
    """A dawn coast: sky gradient, sun, sea and a lighthouse (drawn, so the take has a real picture)."""
    from PIL import Image, ImageDraw

    width, height = 1280, 720
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        sky = (int(250 - 120 * t), int(170 - 60 * t), int(120 + 60 * t))
        sea = (int(30 + 20 * t), int(70 + 30 * t), int(110 + 30 * t))
        draw.line([(0, y), (width, y)], fill=sky if y < height * 0.62 else sea)
    draw.ellipse([820, 300, 940, 420], fill=(255, 226, 160))
    draw.polygon([(0, 720), (0, 470), (260, 430), (520, 520), (560, 720)], fill=(40, 36, 40))
    draw.polygon([(300, 440), (340, 440), (330, 200), (310, 200)], fill=(235, 235, 230))
    for y in range(240, 440, 40):
        draw.rectangle([305, y, 337, y + 16], fill=(190, 40, 40))
    draw.rectangle([300, 180, 340, 205], fill=(255, 240, 180))
    image.save(path)


async def scenario(app) -> None:
    from PySide6.QtCore import QSettings

    from studio.services.context import build_services
    from studio.services.runner import Timing
    from studio.ui.main_window import MainWindow

    home = Path(tempfile.mkdtemp(prefix="studio-shots-"))
    services = build_services(home, log_to_file=False, timing=Timing(poll_first=0.05, poll_max=0.2))
    window = MainWindow(services, qsettings=QSettings(str(home / "ui.ini"), QSettings.IniFormat))
    window.resize(1560, 960)
    window.show()
    await services.start()
    window.controller.open_or_create_sample()
    await asyncio.sleep(0.5)
    project, folder = window.project, window.folder
    shot = project.shots[0]
    window.storyboard.select(shot.id)
    window.storyboard.takes_controls.set_takes(2)
    window.generate_shot(shot.id)
    await capture.wait_until(lambda: len(shot.takes) == 2, 120)
    photo = home / "coast.png"
    write_photo(photo)
    window.storyboard.canvas.set_field(shot.id, first_frame=services.projects.import_asset(folder, photo))
    window.generate_shot(shot.id)
    await capture.wait_until(lambda: len(shot.takes) == 4, 120)
    window.storyboard.canvas.choose_take(shot.id, shot.takes[2].id)
    dialog = window.storyboard.open_compare(shot.id)
    dialog.resize(1240, 800)
    await capture.wait_until(lambda: all(t.pane.frame_view.image() is not None for t in dialog.tiles), 30)
    for tile in dialog.tiles:  # a moment into each take, where the move shows
        tile.pane.seek(1.5)
    await asyncio.sleep(2.0)
    path = OUT / "compare.png"
    dialog.grab().save(str(path))
    print("saved", path)
    dialog.close()
    window.controller.save()
    window.close()
    await services.aclose()


if __name__ == "__main__":
    capture.main(scenario)
