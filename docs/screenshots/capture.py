"""Capture the README screenshots: the window with the sample project, a generating job, export.

Run under a display (Xvfb is fine)::

    Xvfb :99 -screen 0 1600x1000x24 &  DISPLAY=:99 python docs/screenshots/capture.py

With ``STUDIO_LANG=ru`` (or ``tr``) the window speaks that language and the pictures are saved
as ``main-ru.png`` and so on.

Uses a throw-away STUDIO_HOME so it never touches your projects.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent
LANG = os.environ.get("STUDIO_LANG", "")


async def wait_until(predicate, timeout: float = 30.0, step: float = 0.05) -> bool:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if predicate():
            return True
        await asyncio.sleep(step)
    return False


async def scenario(app) -> None:
    from PySide6.QtCore import QSettings

    from studio.core.jobs import JobState
    from studio.services.context import build_services
    from studio.services.runner import Timing
    from studio.ui.main_window import MainWindow

    home = Path(tempfile.mkdtemp(prefix="studio-shots-"))
    services = build_services(home, log_to_file=False, timing=Timing(poll_first=0.05, poll_max=0.2))
    settings = QSettings(str(home / "ui.ini"), QSettings.IniFormat)
    window = MainWindow(services, qsettings=settings)
    window.resize(1560, 960)
    window.show()
    await services.start()
    window.controller.open_or_create_sample()
    await asyncio.sleep(1.0)
    only = sys.argv[1:] or ["main", "generating", "export"]
    suffix = f"-{LANG}" if LANG and LANG != "en" else ""

    async def grab(name: str) -> None:
        # Let the loop paint; app.processEvents() here would re-enter the running task (qasync).
        await asyncio.sleep(0.1)
        path = OUT / f"{name}{suffix}.png"
        window.grab().save(str(path))
        print("saved", path)

    # a generating job: start the storyboard and grab while the jobs run
    window.generate_missing()
    await wait_until(lambda: window.quote_dialog is not None, 20)
    window.quote_dialog.run_button.click()  # the run starts once its quote is accepted
    await wait_until(lambda: any(j.state is JobState.RUNNING for j in services.runner.active()), 20)
    await asyncio.sleep(0.3)
    if "generating" in only:
        await grab("generating")
    project = window.project
    await wait_until(lambda: all(s.chosen_take for s in project.shots), 120)
    await asyncio.sleep(1.5)
    window.storyboard.select(project.shots[0].id)
    window.preview_cut()
    await asyncio.sleep(1.5)
    if "main" in only:
        await grab("main")
    if "export" in only:
        window.open_export()
        await asyncio.sleep(1.5)
        for w in app.topLevelWidgets():
            if w.isVisible() and w is not window and w.windowTitle():
                path = OUT / f"export{suffix}.png"
                w.grab().save(str(path))
                print("saved", path)
                w.close()
    window.controller.save()
    window.close()
    await services.aclose()


def main(run_scenario=None) -> None:
    """Run ``run_scenario(app)`` (default: this file's scenario) on a qasync loop."""
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    import qasync
    from PySide6.QtWidgets import QApplication

    from studio.ui.style import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # closing the window must not stop the loop before cleanup
    apply_theme(app)
    from studio.ui.i18n import install_translations

    install_translations(LANG or "en")  # as the app does: English too, for its plural forms
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete((run_scenario or scenario)(app))


if __name__ == "__main__":
    main()
