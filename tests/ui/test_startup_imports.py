"""The studio window paints first, before the heavy libraries and the services: they come
after its first paint (its panels, the warm-up, on first use)."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("openai", "av", "cv2", "numpy", "studio.services.media", "studio.services.assistant")
# What the window's own module must not bring: the services' modules and the panels' (they are
# imported in a worker while the services are built, then the panels fill the docks).
SERVICES_AND_PANELS = (
    "asyncio", "studio.services.storyboard", "studio.services.quote", "studio.services.budgets",
    "studio.services.export", "studio.services.takes", "studio.services.context", "studio.services.jobstore",
    "studio.ui.editor", "studio.ui.storyboard", "studio.ui.jobs", "studio.ui.preview", "studio.ui.history",
)


def _imported_by(code: str, names: tuple[str, ...]) -> str:
    script = f"import sys\n{code}\nprint(','.join(m for m in {names!r} if m in sys.modules))\n"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_the_window_module_imports_nothing_but_qt_and_light_helpers():
    assert _imported_by("import studio.ui.main_window", HEAVY + SERVICES_AND_PANELS) == ""


def test_the_panels_modules_import_none_of_the_heavy_libraries():
    # imported in a worker before the panels are built: the heavy ones still come on first use
    assert _imported_by("import studio.ui.main_window, studio.ui.jobs, studio.ui.preview, studio.ui.preview.follow, "
                        "studio.ui.editor, studio.ui.storyboard, studio.ui.history", HEAVY) == ""


def test_the_warm_up_imports_them_in_a_worker(run):
    from studio.ui.warmup import warm_up

    run(warm_up(("studio.services.media", "no.such.module")))  # a missing one is skipped, not raised
    assert "studio.services.media" in sys.modules


FIRST_PAINT_HEAVY = HEAVY + ("httpx", "google.genai", "PIL", "PySide6.QtMultimedia", "keyring")

WATCH_FIRST_PAINT = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

HEAVY = {heavy!r}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and isinstance(obj, QWidget) and isinstance(obj.window(), QMainWindow):
            window = obj.window()
            loaded = [m for m in HEAVY if m in sys.modules]
            database = os.path.exists(os.path.join(os.environ["STUDIO_HOME"], "studio.db"))
            print("first paint:", type(window).__name__, "loaded:", ",".join(loaded), flush=True)
            print("job database opened:", database, flush=True)
            print("title:", window.windowTitle(), flush=True)
            docks = sorted(d.objectName() for d in window.findChildren(QWidget) if d.inherits("QDockWidget") and d.isVisible())
            print("docks:", ",".join(docks), flush=True)
            print("panels:", ",".join(sorted(type(d.widget()).__name__ for d in window.findChildren(QWidget) if d.inherits("QDockWidget"))), flush=True)
            print("generate enabled:", window.act_generate.isEnabled(), "services:", window.services is not None, flush=True)
            print("first menu:", window.menuBar().actions()[0].text(), flush=True)
            os._exit(0)
        return False

app = QApplication(sys.argv[:1])
watch = FirstPaint()
app.installEventFilter(watch)
from studio.app import main
main([])
"""


def _launch(code: str, tmp_path) -> subprocess.CompletedProcess:
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDIO_HOME": str(tmp_path / "home"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    return out


def test_the_first_painted_window_is_the_studio_window_before_the_heavy_modules_and_the_services(tmp_path):
    """Launch the app as a person does: its first painted window is the MainWindow itself, with
    its docks in place, painted before the heavy libraries load and the job database opens."""
    out = _launch(WATCH_FIRST_PAINT.format(heavy=FIRST_PAINT_HEAVY), tmp_path).stdout
    line = next(line for line in out.splitlines() if line.startswith("first paint:"))
    assert line == "first paint: MainWindow loaded: "
    assert "job database opened: False" in out
    assert "title: Studio" in out
    assert "docks: dock_editor,dock_history,dock_jobs,dock_preview,dock_storyboard" in out
    assert "panels: Placeholder,Placeholder,Placeholder,Placeholder,Placeholder" in out
    assert "generate enabled: False services: False" in out  # nothing the person clicks runs yet


def test_the_first_paint_speaks_the_language_chosen_in_settings(tmp_path):
    """The window's text is made before the services exist: Settings' language is read first."""
    import json

    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text(json.dumps({"ui.language": "ru"}), "utf-8")
    out = _launch(WATCH_FIRST_PAINT.format(heavy=FIRST_PAINT_HEAVY), tmp_path).stdout
    assert "first menu: &Файл" in out


def test_the_window_fills_its_docks_and_opens_the_project_after_its_first_paint(tmp_path):
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "def check():\n"
        "    shown = [w for w in app.topLevelWidgets() if w.isVisible() and type(w).__name__ == 'MainWindow']\n"
        "    if shown and shown[0].is_ready() and shown[0].project is not None:\n"
        "        w = shown[0]\n"
        "        print('windows:', sorted(type(t).__name__ for t in app.topLevelWidgets() if t.isVisible()), flush=True)\n"
        "        print('panels:', type(w.editor).__name__, type(w.storyboard).__name__, type(w.preview).__name__,\n"
        "              type(w.jobs).__name__, type(w.history).__name__, flush=True)\n"
        "        print('docks hold them:', w.editor_dock.widget() is w.editor and w.storyboard_dock.widget() is w.storyboard\n"
        "              and w.preview_dock.widget() is w.preview and w.jobs_dock.widget() is w.jobs\n"
        "              and w.history_dock.widget() is w.history, flush=True)\n"
        "        print('generate enabled:', w.act_generate.isEnabled(), w.act_generate_all.isEnabled(), flush=True)\n"
        "        os._exit(0)\n"
        "timer = QTimer(); timer.timeout.connect(check); timer.start(50)\n"
        "QTimer.singleShot(60_000, lambda: os._exit(3))\n"
        "from studio.app import main\n"
        "main([])\n"
    )
    out = _launch(code, tmp_path).stdout
    assert "windows: ['MainWindow']" in out
    assert "panels: PromptEditor StoryboardPanel PreviewPane JobMonitor HistoryPane" in out
    assert "docks hold them: True" in out
    assert "generate enabled: True True" in out


def test_the_preview_loads_qt_multimedia_only_once_it_has_painted(qtbot):
    """Loaded at construction (or on the loop's first turn), it would come before the window's first paint."""
    import pytest

    from studio.ui.preview import PreviewPane, multimedia_available

    if not multimedia_available():
        pytest.skip("Qt Multimedia cannot play here")
    pane = PreviewPane(None)
    qtbot.addWidget(pane)
    qtbot.wait(100)
    assert not pane.has_multimedia
    pane.show()
    qtbot.waitUntil(lambda: pane.has_multimedia, timeout=10_000)


def test_a_window_closed_as_it_first_appears_ends_the_start_before_the_services_are_built(tmp_path):
    code = (
        "import os\n"
        "from PySide6.QtCore import QTimer\n"
        "import studio.ui.main_window as window_module\n"
        "show = window_module.MainWindow.show\n"
        "def show_then_close(self):\n"
        "    QTimer.singleShot(0, self.close)  # the person closes it (Ctrl+Q, logout) before it has painted\n"
        "    show(self)\n"
        "window_module.MainWindow.show = show_then_close\n"
        "from studio.app import main\n"
        "print('main returned', main([]), flush=True)\n"
        "print('job database opened:', os.path.exists(os.path.join(os.environ['STUDIO_HOME'], 'studio.db')), flush=True)\n"
    )
    out = _launch(code, tmp_path).stdout
    assert "main returned 0" in out
    assert "job database opened: False" in out
