"""Capture the assistant screenshots: a suggestion in the prompt editor, and the story splitter.

Run under a display (Xvfb is fine)::

    Xvfb :99 -screen 0 1600x1000x24 &  DISPLAY=:99 python docs/screenshots/capture_assistant.py

Uses a throw-away STUDIO_HOME and no key, so the offline builder answers and nothing leaves
the machine.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

import capture
from capture import OUT, wait_until

STORY = (
    "At dawn, Mira unlocks her tiny flower shop on a rainy street. "
    "Then she arranges sunflowers in the window. "
    "A soaked delivery boy rushes in with a parcel. "
    "She hands him a sunflower and he laughs."
)


async def scenario(app) -> None:
    from PySide6.QtCore import QSettings

    from studio.services.context import build_services
    from studio.ui.main_window import MainWindow

    for name in ("OPENAI_API_KEY", "STUDIO_OPENAI_BASE_URL"):
        os.environ.pop(name, None)
    home = Path(tempfile.mkdtemp(prefix="studio-shots-"))
    services = build_services(home, log_to_file=False)
    services.secrets.get = lambda provider: None  # no key: the offline builder
    window = MainWindow(services, qsettings=QSettings(str(home / "ui.ini"), QSettings.IniFormat))
    window.resize(1560, 960)
    window.show()
    await services.start()
    window.controller.open_or_create_sample()
    await asyncio.sleep(1.0)
    only = sys.argv[1:] or ["assistant", "split"]

    if "assistant" in only:
        editor = window.editor
        editor.model_combo.setCurrentIndex(editor.model_combo.findData("replicate:google/veo-3.1-fast"))
        editor.prompt.setPlainText('A lighthouse keeper climbs the stairs at night and says "Storm\'s coming."')
        editor.assistant.start("assistant")
        await wait_until(lambda: editor.assistant.result_box.isVisible(), 20)
        await asyncio.sleep(0.3)
        window.grab().save(str(OUT / "assistant.png"))
        print("saved", OUT / "assistant.png")
        editor.assistant.reject()

    if "split" in only:
        dialog = window.storyboard.open_split()
        dialog.model.setCurrentIndex(dialog.model.findData("replicate:google/veo-3.1-fast"))
        dialog.story.setPlainText(STORY)
        dialog.count.setValue(3)
        dialog.split()
        await wait_until(lambda: dialog.plan.topLevelItemCount() > 0, 20)
        await asyncio.sleep(0.3)
        dialog.grab().save(str(OUT / "split.png"))
        print("saved", OUT / "split.png")
        dialog.reject()

    window.controller.undo_stack.setClean()
    window.close()
    await services.aclose()


if __name__ == "__main__":
    capture.main(scenario)
