"""Run an emulator module as its own process (it must outlive a client killed with SIGKILL)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def start_module(module: str, *args: str) -> tuple[subprocess.Popen, str]:
    """``python -m module args…``; the module prints its URL on its first line. Returns (process, URL)."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen([sys.executable, "-m", module, *args], cwd=root, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if not line.startswith("http"):
        proc.kill()
        raise RuntimeError(f"{module} did not start (got {line!r})")
    return proc, line
