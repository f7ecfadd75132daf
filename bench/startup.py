"""Launch to first painted window: Studio against a bare PySide6 QMainWindow, in one run.

    python bench/startup.py [--repeats 5] [--platform offscreen|xcb] [--application-wide]

Each launch is a fresh Python process; the time runs from spawning it to the first paint of
its main window (an event filter on each ``QMainWindow``, installed as it is shown, reports
its first ``QEvent.Paint``; ``--application-wide`` watches every object's paints instead, as
older runs did, at a cost of its own: docs/bench-startup.md). Studio starts through ``studio.app.main`` on a fresh
data folder, so the sample project is created and opened as on a first start. Studio's first
window is the studio window itself (``studio.ui.main_window.MainWindow``: menus, toolbar and
docks in their places, the panels still loading); the bench also times when that window is
complete ("docks filled": its ``docks_filled`` signal, then its next paint), and names the
class of the first painted window, so an older tree whose first window was something else
shows as such. Prints the medians and the ratio of the first paints (goal: Studio <= 1.5x bare).
With ``--platform xcb`` run it under a display (``xvfb-run -a python bench/startup.py``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in the child: report the first paint of a main window (and its class), the first paint
# of the studio window, and its first paint once its docks are filled; then leave at once.
PAINT_WATCH = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

def say(*words):
    sys.stdout.write(" ".join(words) + "\n")
    sys.stdout.flush()

class FirstPaint(QObject):
    first = True
    studio = None  # the studio window, once it has painted
    filled = False  # its docks_filled came (or it was complete when it first painted)

    def eventFilter(self, obj, event):
        if event.type() != QEvent.Paint or not isinstance(obj, QWidget):
            return False
        window = obj.window()
        if not isinstance(window, QMainWindow):
            return False
        if self.first:
            self.first = False
            say("painted", type(window).__name__)
            if not WAIT_FOR_STUDIO_WINDOW:
                os._exit(0)
        if type(window).__name__ != "MainWindow":
            return False
        if self.studio is None:
            self.studio = window
            say("window")
            # An older window is complete when it first paints (it has no docks_filled).
            if not hasattr(window, "docks_filled") or window.is_ready():
                say("filled")
                os._exit(0)
            window.docks_filled.connect(lambda: setattr(self, "filled", True))
        elif self.filled:
            say("filled")
            os._exit(0)
        return False

# As studio.app.main does; it must come before the application exists.
QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
app = QApplication(sys.argv[:1])
watch = FirstPaint()
if APPLICATION_WIDE:
    app.installEventFilter(watch)
else:
    # Watch each main window itself, from its show(): it paints before its children, and no
    # other object's events pass through Python (see the module's docstring).
    _show = QWidget.show

    def show(self):
        if isinstance(self, QMainWindow):
            self.installEventFilter(watch)
        _show(self)

    QWidget.show = show
"""

BARE = "WAIT_FOR_STUDIO_WINDOW = False\n" + PAINT_WATCH + r"""
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.exec()
"""

STUDIO = "WAIT_FOR_STUDIO_WINDOW = True\n" + PAINT_WATCH + r"""
from studio.app import main
main([])
"""


def launch(code: str, platform: str, home: Path | None) -> tuple[str, list[float]]:
    """The class of the first painted window, and the seconds from spawning to each line the
    child printed (first paint; for Studio also the studio window painted, and filled)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_")}
    # As installed (pip compiles the bytecode; a frozen build ships it): modules load from
    # their cached bytecode, which the warm-up launches write, not compiled at every launch.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["QT_QPA_PLATFORM"] = platform
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    if home is not None:
        env["STUDIO_HOME"] = str(home)
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as errors:
        proc = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors, text=True)
        lines, times = [], []
        for line in proc.stdout:
            times.append(time.perf_counter() - start)
            lines.append(line.split())
        proc.wait(timeout=60)
        if not lines or lines[0][0] != "painted":
            errors.seek(0)
            sys.exit(f"no window was painted (exit {proc.returncode}):\n{errors.read()[-3000:]}")
    return lines[0][1], times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--application-wide", action="store_true",
                        help="watch paints with an application-wide event filter (the older method; see above)")
    args = parser.parse_args()
    flag = f"APPLICATION_WIDE = {args.application_wide}\n"
    bare_code, studio_code = flag + BARE, flag + STUDIO
    bare: list[float] = []
    studio: list[float] = []
    studio_window: list[float] = []
    filled: list[float] = []
    first_class = ""
    launch(bare_code, args.platform, None)  # warm the file cache (and the bytecode cache) for both
    with tempfile.TemporaryDirectory(prefix="studio-start-") as home:
        launch(studio_code, args.platform, Path(home))
    for _ in range(args.repeats):
        # Alternate, so a neighbour's burst of load falls on both sides alike.
        bare.append(launch(bare_code, args.platform, None)[1][0])
        with tempfile.TemporaryDirectory(prefix="studio-start-") as home:
            first_class, times = launch(studio_code, args.platform, Path(home))
            if len(times) != 3:
                sys.exit("the studio window never finished filling its docks")
            studio.append(times[0])
            studio_window.append(times[1])
            filled.append(times[2])
    b, s, w, f = (statistics.median(v) for v in (bare, studio, studio_window, filled))

    def runs(values: list[float]) -> str:
        return ", ".join(f"{x * 1000:.0f}" for x in values)

    print(f"bare QMainWindow:               median {b * 1000:.0f} ms  (runs: {runs(bare)})")
    print(f"Studio, first painted window:   median {s * 1000:.0f} ms  (runs: {runs(studio)})  [{first_class}]")
    print(f"Studio, studio window painted:  median {w * 1000:.0f} ms  (runs: {runs(studio_window)})")
    print(f"Studio, docks filled, painted:  median {f * 1000:.0f} ms  (runs: {runs(filled)})")
    print(f"studio window first paint: {w / b:.2f}x the bare window; docks filled: {f / b:.2f}x")
    print(f"ratio: {s / b:.2f}x (goal <= 1.5x; first painted window: {first_class})")


if __name__ == "__main__":
    main()
