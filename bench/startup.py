"""Launch to first painted window: Studio against a bare PySide6 QMainWindow, in one run.

    python bench/startup.py [--repeats 5] [--platform offscreen|xcb]

Each launch is a fresh Python process; the time runs from spawning it to the first paint of
its main window (an application-wide event filter reports the first ``QEvent.Paint`` of a
``QMainWindow`` or any of its children, then the process exits). Studio starts through
``studio.app.main`` on a fresh data folder, so the sample project is created and opened as
on a first start. Prints the median of each and the ratio (goal: Studio <= 1.5x bare).
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
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and isinstance(obj, QWidget) and isinstance(obj.window(), QMainWindow):
            sys.stdout.write("painted\n")
            sys.stdout.flush()
            os._exit(0)
        return False

# As studio.app.main does; it must come before the application exists.
QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
app = QApplication(sys.argv[:1])
watch = FirstPaint()
app.installEventFilter(watch)
"""

BARE = PAINT_WATCH + r"""
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.exec()
"""

STUDIO = PAINT_WATCH + r"""
from studio.app import main
main([])
"""


def launch(code: str, platform: str, home: Path | None) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_")}
    env["QT_QPA_PLATFORM"] = platform
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    if home is not None:
        env["STUDIO_HOME"] = str(home)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if line.strip() != "painted":
        sys.exit(f"no window was painted (exit {proc.returncode})")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    bare: list[float] = []
    studio: list[float] = []
    launch(BARE, args.platform, None)  # warm the file cache for both
    for _ in range(args.repeats):
        # Alternate, so a neighbour's burst of load falls on both sides alike.
        bare.append(launch(BARE, args.platform, None))
        with tempfile.TemporaryDirectory(prefix="studio-start-") as home:
            studio.append(launch(STUDIO, args.platform, Path(home)))
    b, s = statistics.median(bare), statistics.median(studio)
    print(f"bare QMainWindow: median {b * 1000:.0f} ms  (runs: {', '.join(f'{x * 1000:.0f}' for x in bare)})")
    print(f"Studio window:    median {s * 1000:.0f} ms  (runs: {', '.join(f'{x * 1000:.0f}' for x in studio)})")
    print(f"ratio: {s / b:.2f}x (goal <= 1.5x)")


if __name__ == "__main__":
    main()
