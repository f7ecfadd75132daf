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


def _data_folder(home: str | None) -> Path:
    """The data folder's path (only worked out here: building the services creates it, or says
    in one sentence why it cannot)."""
    from studio.services.paths import default_home

    return Path(home).expanduser() if home else default_home()


def _window_settings(folder: Path):
    """Layout and recent projects belong to the data folder: another STUDIO_HOME is another studio."""
    from PySide6.QtCore import QSettings

    return QSettings(str(folder / "window.ini"), QSettings.IniFormat)


def _chosen_language(folder: Path) -> str | None:
    """Settings' language, read before the window is made (its menus are made in it)."""
    from studio.services.settings import Settings

    from .ui.i18n import LANGUAGE_KEY

    return Settings(folder / "settings.json").get(LANGUAGE_KEY)


def _build_services(home: str | None):
    """In a worker: the services' modules (the HTTP stack, the keyring, the providers) import
    here, and the job database opens here."""
    from studio.services.context import build_services

    return build_services(Path(home) if home else None, runner_thread=True)


def _import_panels() -> None:
    """In a worker, beside the services: what building the docks' panels imports."""
    import importlib

    from .ui.window_docks import PANEL_MODULES

    for name in PANEL_MODULES:
        importlib.import_module(name)


def _start_in_workers(args: argparse.Namespace):
    """Start building the services and importing the panels' modules in two worker threads
    (returns their futures), so they run while the GUI thread imports asyncio and qasync."""
    from concurrent.futures import ThreadPoolExecutor

    starter = ThreadPoolExecutor(max_workers=2, thread_name_prefix="studio-start")
    started = (starter.submit(_build_services, args.home), starter.submit(_import_panels))
    starter.shutdown(wait=False)
    return started


async def run_window(app, args: argparse.Namespace, window, started=None) -> int:
    """Give the window (made, shown and painted by :func:`main`, before the services) its
    services and panels, and wait until it closes.

    The services are built in a worker (the job database opens there, and the HTTP stack, the
    keyring and the providers' modules import there) while the panels' modules import in
    another (``started``: both already under way, from :func:`_start_in_workers`); then the services are attached and the panels built into the docks, one per turn
    of the event loop, so the window stays live throughout.
    """
    import asyncio

    closed = asyncio.Event()
    window.destroyed.connect(lambda *_: closed.set())
    window.closed.connect(closed.set)
    app.lastWindowClosed.connect(closed.set)
    if not window.isVisible():  # shown by main(), and closed already
        closed.set()
    remove_handlers = _close_on_termination(window)
    try:
        return await _attach_and_run(app, args, window, closed, started or _start_in_workers(args))
    finally:
        remove_handlers()


async def _attach_and_run(app, args: argparse.Namespace, window, closed, started) -> int:
    import asyncio

    from PySide6.QtCore import QCoreApplication

    from studio.core.errors import StudioError

    building, importing = started
    panels = asyncio.wrap_future(importing)
    try:
        services = await asyncio.wrap_future(building)
    except StudioError as exc:
        _cannot_start(window, closed, exc.user_message)
        await asyncio.gather(panels, return_exceptions=True)
        return 1
    # A panel that fails to import is reported (or stood in for) by the dock that needs it.
    await asyncio.gather(panels, return_exceptions=True)
    if not closed.is_set():
        filled = asyncio.Event()
        failed: list[BaseException] = []
        window.docks_filled.connect(filled.set)
        window.docks_failed.connect(lambda exc: (failed.append(exc), filled.set()))
        window.attach_services(services)
        window.fill_docks_later()
        waits = [asyncio.ensure_future(filled.wait()), asyncio.ensure_future(closed.wait())]
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        for waiting in waits:
            waiting.cancel()
        if failed and not closed.is_set():  # a panel could not be built: say so, not "Loading…" forever
            from .ui.async_utils import user_message

            _cannot_start(window, closed, user_message(failed[0]))
            await services.aclose()
            return 1
    if closed.is_set():  # closed before it was ready: nothing was opened
        await services.aclose()
        return 0
    try:
        resumed = await services.start()
        if resumed:
            count = len(resumed)  # a plain name: lupdate reads no call as the count
            window.show_message(QCoreApplication.translate("App", "Resumed %n unfinished job(s) from the last session.", "", count))
    except StudioError as exc:
        window.show_message(exc.user_message, 10_000)
    if not closed.is_set():
        if args.project:
            if not window.controller.open(args.project, guard=False):
                window.controller.open_or_create_sample()
        else:
            window.controller.open_or_create_sample()
    from .ui.async_utils import spawn
    from .ui.warmup import warm_up

    warming = spawn(warm_up(), name="warm-up")  # the window has painted while the jobs were read back
    await closed.wait()
    warming.cancel()  # quit within a second of opening: end the wait, not leave a pending task
    await asyncio.gather(warming, return_exceptions=True)
    await services.aclose()
    return 0


def _cannot_start(window, closed, text: str) -> None:
    """Tell the person why Studio cannot start (over its window, unless that was closed) and
    close the window."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None if closed.is_set() else window, QCoreApplication.translate("App", "Studio cannot start"), text)
    if not closed.is_set():
        window.close()


def _close_on_termination(window):
    """Ctrl+C in the terminal and SIGTERM (logout, `kill`) close the window as Quit does, so
    unsaved work is offered for saving and the runner and database shut down in order.
    Returns what takes the handlers away again."""
    import asyncio
    import signal

    loop = asyncio.get_running_loop()
    added = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signum, window.close)
            added.append(signum)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # Windows has no loop signal handlers; its console sends WM_CLOSE instead

    def remove() -> None:
        for signum in added:
            loop.remove_signal_handler(signum)

    return remove


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
    # The studio window first, before anything heavy: its menus, toolbar and docks in their
    # saved places, painted; its services and panels come after (run_window).
    folder = _data_folder(args.home)
    from .ui.i18n import install_translations

    install_translations(_chosen_language(folder))  # before any window text is made
    from .ui.main_window import MainWindow

    window = MainWindow(qsettings=_window_settings(folder))
    window.setAttribute(Qt.WA_DeleteOnClose)
    window.show()
    window.wait_painted()
    if window.was_closed():  # closed before its first paint was done: nothing else was started
        return 0
    started = _start_in_workers(args)
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        code = loop.run_until_complete(run_window(app, args, window, started))
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
