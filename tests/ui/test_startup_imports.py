"""The window paints before the heavy libraries load: they come on first use or in the warm-up."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("openai", "av", "cv2", "numpy", "studio.services.media", "studio.services.assistant")


def test_building_the_window_module_imports_none_of_the_heavy_libraries():
    code = (
        "import sys, studio.ui.main_window\n"
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
