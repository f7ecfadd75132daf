"""UI tier setup: offscreen Qt, a qasync loop, a temp STUDIO_HOME, services and a window.

Tests drive the widgets as a person would and assert on the project model. Async work (jobs,
imports, frame grabs) runs on one qasync loop; ``run(coro)`` drives it until ``coro`` ends.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from uitools import wait_until


@pytest.fixture(scope="session", autouse=True)
def sqlite_guard():
    """SQLite on the GUI thread from the app's own code (a slot, a task on the window's loop)
    stalls the window: every UI test fails if it happens. A test reading the store itself is fine."""
    from studio.services.thread_guard import guard_sqlite

    tests_dir = str(Path(__file__).resolve().parents[1])
    guard = guard_sqlite(allow_caller=lambda filename: filename.startswith(tests_dir))
    yield guard
    guard.uninstall()


@pytest.fixture(autouse=True)
def no_sqlite_on_the_gui_thread(sqlite_guard):
    sqlite_guard.take()
    yield
    seen = sqlite_guard.take()
    assert not seen, "SQLite used on the GUI thread by the app:\n" + "\n".join(
        f"{v.operation}:\n{v.stack}" for v in seen[:3]
    )


@pytest.fixture(scope="session")
def qloop(qapp):
    """One qasync loop riding on the Qt event loop that pytest-qt drives (``already_running``)."""
    import qasync

    from studio.ui.style import apply_theme

    apply_theme(qapp)
    from studio.ui.i18n import install_translations

    install_translations("en")  # English with its plural forms ("1 job", "3 jobs"), as the app starts
    loop = qasync.QEventLoop(qapp, already_running=True)
    # Plain worker threads: qasync's own QThread executor is never shut down by a loop that
    # pytest-qt keeps running, and Qt aborts the process when a running QThread is destroyed.
    executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="ui-test-worker")
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    yield loop
    executor.shutdown(wait=True, cancel_futures=True)


@pytest.fixture
def run(qloop, qtbot):
    """``run(coro, timeout=60)``: process Qt events (which drive asyncio) until ``coro`` finishes."""

    def runner(coro, timeout: float = 60.0):
        task = qloop.create_task(coro)
        qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
        return task.result()

    return runner


@pytest.fixture
def wait():
    return wait_until


class AnsweringPrompter:
    """Answers the controller's questions the way a test says."""

    def __init__(self) -> None:
        self.parent = None
        self.save_answer = "cancel"
        self.recover_answer = True
        self.open_folder: Path | None = None
        self.new_name: str | None = "Test project"
        self.save_as_target: Path | None = None
        self.asked: list[str] = []
        self.errors: list[str] = []

    def ask_save_changes(self, title: str) -> str:
        self.asked.append("save_changes")
        return self.save_answer

    def ask_recover(self, folder: Path) -> bool:
        self.asked.append("recover")
        return self.recover_answer

    def ask_open_folder(self, start: Path):
        self.asked.append("open")
        return self.open_folder

    def ask_new_name(self, default: str):
        self.asked.append("new")
        return self.new_name

    def ask_save_as(self, start: Path):
        self.asked.append("save_as")
        return self.save_as_target

    def error(self, exc) -> None:
        self.errors.append(str(exc))


@pytest.fixture
def services(studio_home, run, qloop):
    from studio.services.context import build_services
    from studio.services.runner import Timing

    svc = build_services(
        studio_home, log_to_file=False, timing=Timing(poll_first=0.02, poll_max=0.1, retry_base=0.01), runner_thread=True
    )
    run(svc.start())
    yield svc
    run(svc.aclose())


@pytest.fixture
def make_window(services, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from studio.ui.main_window import MainWindow

    made = []

    def factory(prompter: AnsweringPrompter | None = None, *, open_sample: bool = True):
        prompter = prompter or AnsweringPrompter()
        settings = QSettings(str(tmp_path / f"ui-{len(made)}.ini"), QSettings.IniFormat)
        window = MainWindow(services, qsettings=settings, prompter=prompter, autosave_ms=3_600_000)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        if open_sample:
            assert window.controller.open_or_create_sample()
        made.append(window)
        return window

    yield factory
    for window in made:
        window.controller.undo_stack.setClean()
        window.controller._external_dirty = False
        window.close()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def png(tmp_path):
    """A 640x480 PNG with a red left half (so crop vs pad is visible)."""
    from PySide6.QtGui import QColor, QImage, QPainter

    path = tmp_path / "selfie.png"
    img = QImage(640, 480, QImage.Format_RGB888)
    img.fill(QColor("blue"))
    painter = QPainter(img)
    painter.fillRect(0, 0, 320, 480, QColor("red"))
    painter.end()
    assert img.save(str(path))
    return path
