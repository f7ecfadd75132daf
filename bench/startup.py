"""Launch to first painted window: Studio against a bare PySide6 QMainWindow, in one run.

    python bench/startup.py [--repeats 5] [--platform offscreen|xcb]

Each launch is a fresh Python process; the time runs from spawning it to the first paint of
its main window (an application-wide event filter reports the first ``QEvent.Paint`` of a
``QMainWindow`` or any of its children, then the process exits). Studio starts through
``studio.app.main`` on a fresh data folder, so the sample project is created and opened as
on a first start. Studio's first window is its start-up frame (``studio.ui.startup_frame``:
the studio's title, theme and place, "Opening Studio…"); the time until the studio window
itself has painted over it is printed too. Prints the medians and the ratio of the first
paints (goal: Studio <= 1.5x bare).
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

# Runs in the child: report the first paint of the main window, then leave at once.
PAINT_WATCH = r"""
import os, sys
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

class FirstPaint(QObject):
    # The first paint of any main window ("painted"); with Studio, whose first window is the
    # start-up frame, also the first paint of the studio window itself ("window").
    first = True

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and isinstance(obj, QWidget) and isinstance(obj.window(), QMainWindow):
            studio = type(obj.window()).__name__ == "MainWindow"
            if self.first:
                self.first = False
                sys.stdout.write("painted\n")
                sys.stdout.flush()
                if not WAIT_FOR_STUDIO_WINDOW or studio:
                    sys.stdout.write("window\n")
                    sys.stdout.flush()
                    os._exit(0)
            elif studio:
                sys.stdout.write("window\n")
                sys.stdout.flush()
                os._exit(0)
        return False

# As studio.app.main does; it must come before the application exists.
QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
app = QApplication(sys.argv[:1])
watch = FirstPaint()
app.installEventFilter(watch)
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


def launch(code: str, platform: str, home: Path | None) -> tuple[float, float]:
    """Seconds from spawning to the first painted window, and to the studio window painted."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_")}
    env["QT_QPA_PLATFORM"] = platform
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    if home is not None:
        env["STUDIO_HOME"] = str(home)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    first = time.perf_counter() - start
    second = proc.stdout.readline()
    whole = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "painted" or second.strip() != "window":
        sys.exit(f"no window was painted (exit {proc.returncode})")
    return first, whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    bare: list[float] = []
    studio: list[float] = []
    studio_window: list[float] = []
    launch(BARE, args.platform, None)  # warm the file cache for both
    for _ in range(args.repeats):
        # Alternate, so a neighbour's burst of load falls on both sides alike.
        bare.append(launch(BARE, args.platform, None)[0])
        with tempfile.TemporaryDirectory(prefix="studio-start-") as home:
            first, whole = launch(STUDIO, args.platform, Path(home))
            studio.append(first)
            studio_window.append(whole)
    b, s, w = statistics.median(bare), statistics.median(studio), statistics.median(studio_window)

    def runs(values: list[float]) -> str:
        return ", ".join(f"{x * 1000:.0f}" for x in values)

    print(f"bare QMainWindow:            median {b * 1000:.0f} ms  (runs: {runs(bare)})")
    print(f"Studio, first painted window: median {s * 1000:.0f} ms  (runs: {runs(studio)})")
    print(f"Studio, full window painted:  median {w * 1000:.0f} ms  (runs: {runs(studio_window)})")
    print(f"full window: {w / b:.2f}x the bare window")
    print(f"ratio: {s / b:.2f}x (goal <= 1.5x)")


if __name__ == "__main__":
    main()
