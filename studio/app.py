"""Composition root of the window: build the services once, run Qt on a qasync event loop.

``studio`` (the console script) calls :func:`main`. Everything the window needs is built here
and passed down; there is no global application object.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="studio", description="Studio: plan, generate, preview and export short AI videos.")
    parser.add_argument("project", nargs="?", help="a project folder to open")
    parser.add_argument("--home", help="the data folder (default: STUDIO_HOME or the platform's data folder)")
    return parser.parse_args(argv)


def _window_settings(home: str | None):
    """Layout and recent projects belong to the data folder: another STUDIO_HOME is another studio.

    Only the path is worked out here (before the first paint); building the services creates
    the folder, or says in one sentence why it cannot.
    """
    from PySide6.QtCore import QSettings

    from studio.services.paths import default_home

    folder = Path(home).expanduser() if home else default_home()
    return QSettings(str(folder / "window.ini"), QSettings.IniFormat)


async def run_window(app, args: argparse.Namespace, frame=None, qsettings=None) -> int:
    """Build services and the window, and wait until the window closes.

    ``frame`` (a :class:`~studio.ui.startup_frame.StartupFrame` already painted) stands in
    until the window has painted. The services are built in a worker (the job database opens
    there, and the HTTP stack, the keyring and the providers' modules import there) while the
    window's own modules import in another.
    """
    import asyncio
    import importlib

    from PySide6.QtCore import QCoreApplication, Qt

    from studio.core.errors import StudioError
    from studio.services.context import build_services

    qsettings = qsettings if qsettings is not None else _window_settings(args.home)
    window_module = asyncio.ensure_future(asyncio.to_thread(importlib.import_module, "studio.ui.main_window"))
    try:
        services = await asyncio.to_thread(build_services, Path(args.home) if args.home else None, runner_thread=True)
    except StudioError as exc:
        from PySide6.QtWidgets import QMessageBox

        if frame is not None:
            frame.close()
        QMessageBox.critical(None, QCoreApplication.translate("App", "Studio cannot start"), exc.user_message)
        return 1
    MainWindow = (await window_module).MainWindow

    from .ui.i18n import LANGUAGE_KEY, install_translations

    install_translations(services.settings.get(LANGUAGE_KEY))  # before any window text is made
    closed = asyncio.Event()
    window = MainWindow(services, qsettings=qsettings)
    window.destroyed.connect(lambda *_: closed.set())
    window.setAttribute(Qt.WA_DeleteOnClose)
    app.lastWindowClosed.connect(closed.set)
    _close_on_termination(window)
    window.show()
    if frame is not None:
        frame.close_when_painted(window)
    try:
        resumed = await services.start()
        if resumed:
            count = len(resumed)  # a plain name: lupdate reads no call as the count
            window.show_message(QCoreApplication.translate("App", "Resumed %n unfinished job(s) from the last session.", "", count))
    except StudioError as exc:
        window.show_message(exc.user_message, 10_000)
    if args.project:
        if not window.controller.open(args.project, guard=False):
            window.controller.open_or_create_sample()
    else:
        window.controller.open_or_create_sample()
    from .ui.async_utils import spawn
    from .ui.warmup import warm_up

    spawn(warm_up(), name="warm-up")  # the window has painted while the jobs were read back
    await closed.wait()
    await services.aclose()
    return 0


def _close_on_termination(window) -> None:
    """Ctrl+C in the terminal and SIGTERM (logout, `kill`) close the window as Quit does, so
    unsaved work is offered for saving and the runner and database shut down in order."""
    import asyncio
    import signal

    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, window.close)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # Windows has no loop signal handlers; its console sends WM_CLOSE instead


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from .ui.style import apply_theme

    QCoreApplication.setOrganizationName("Studio")
    QCoreApplication.setApplicationName("Studio")
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    # Worker threads (runner, decode, encode, frame grabs) hold the GIL in short bursts; a short
    # switch interval lets the GUI thread take it back before a frame is late (ui/interpreter.py).
    from .ui.interpreter import tune_switch_interval

    tune_switch_interval()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Studio")
    # run_window ends the loop itself once the services are closed; Qt quitting on the last
    # window would stop the loop under it ("Event loop stopped before Future completed").
    app.setQuitOnLastWindowClosed(False)
    apply_theme(app)
    # The system's language for the start-up frame; Settings' choice replaces it once the
    # services (and so the settings) are read.
    from .ui.i18n import install_translations

    install_translations()
    # The system's language for the start-up frame; Settings' choice replaces it once the
    # services (and so the settings) are read.
    from .ui.i18n import install_translations

    install_translations()
    # First paint before anything heavy: a frame in the window's place, then the rest.
    from .ui.startup_frame import StartupFrame

    qsettings = _window_settings(args.home)
    frame = StartupFrame(qsettings)
    frame.show()
    frame.wait_painted()
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        code = loop.run_until_complete(run_window(app, args, frame, qsettings))
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
