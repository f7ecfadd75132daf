"""The window paints before the heavy libraries load: they come on first use or in the warm-up."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("openai", "av", "cv2", "numpy", "studio.services.media", "studio.services.assistant")


def test_building_the_window_module_imports_none_of_the_heavy_libraries():
    code = (
        # the docks the window imports as it builds them (before its first paint) count too
        "import sys, studio.ui.main_window, studio.ui.jobs, studio.ui.preview, studio.ui.preview.follow\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


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
            loaded = [m for m in HEAVY if m in sys.modules]
            database = os.path.exists(os.path.join(os.environ["STUDIO_HOME"], "studio.db"))
            print("first paint:", type(obj.window()).__name__, "loaded:", ",".join(loaded), flush=True)
            print("job database opened:", database, flush=True)
            os._exit(0)
        return False

app = QApplication(sys.argv[:1])
watch = FirstPaint()
app.installEventFilter(watch)
from studio.app import main
main([])
"""


def test_the_first_paint_comes_before_the_heavy_modules_are_imported(tmp_path):
    """Launch the app as a person does: its first painted window needs none of them (nor the job database)."""
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDIO_HOME": str(tmp_path / "home"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    code = WATCH_FIRST_PAINT.format(heavy=FIRST_PAINT_HEAVY)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    line = next(line for line in out.stdout.splitlines() if line.startswith("first paint:"))
    assert line == "first paint: StartupFrame loaded: "
    assert "job database opened: False" in out.stdout


def test_the_app_replaces_its_start_up_frame_with_the_window_once_it_has_painted(tmp_path):
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv[:1])\n"
        "def check():\n"
        "    shown = sorted(type(w).__name__ for w in app.topLevelWidgets() if w.isVisible())\n"
        "    if shown == ['MainWindow']:\n"
        "        print('only the window is shown', flush=True); os._exit(0)\n"
        "timer = QTimer(); timer.timeout.connect(check); timer.start(50)\n"
        "QTimer.singleShot(60_000, lambda: os._exit(3))\n"
        "from studio.app import main\n"
        "main([])\n"
    )
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDIO_HOME": str(tmp_path / "home"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "only the window is shown" in out.stdout


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
