"""Dump every thread's native and Python stack (py-spy) while the window's event loop is late.

Started by ``bench/ui_responsiveness.py --native-stalls DIR``: the bench's 5 ms probe writes
the monotonic time of its last tick into ``DIR/heartbeat``; when that is more than 30 ms old,
this process runs ``py-spy dump --native`` on the bench and keeps the result as
``DIR/stall-NNN.txt``. A stall is caught while it happens, so the dump names who holds the GIL
(``active+gil``) and what the GUI thread is doing in Qt. A dump pauses the process for a few
hundred milliseconds, so the stalls after the first are partly its own: read the first ones.

    python bench/stall_watch.py PID HEARTBEAT_FILE OUT_DIR [THRESHOLD_S]

Needs ``py-spy`` (``pip install py-spy``) and the right to trace the process.
"""

from __future__ import annotations

import mmap
import os
import struct
import subprocess
import sys
import time
from pathlib import Path


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def main() -> int:
    pid, heartbeat, out = int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    threshold = float(sys.argv[4]) if len(sys.argv) > 4 else 0.03
    out.mkdir(parents=True, exist_ok=True)
    with open(heartbeat, "r+b") as handle:
        beat_map = mmap.mmap(handle.fileno(), 8)
        dumps, last_dumped = 0, None
        while alive(pid):
            beat = struct.unpack("d", beat_map[:8])[0]
            now = time.monotonic()
            if beat > 0 and now - beat > threshold and beat != last_dumped:
                last_dumped = beat
                started = time.monotonic()
                result = subprocess.run(["py-spy", "dump", "--native", "--pid", str(pid)], capture_output=True, text=True)
                dumps += 1
                took = (time.monotonic() - started) * 1000
                (out / f"stall-{dumps:03d}.txt").write_text(
                    f"beat {beat:.4f} detected {now:.4f} stale_ms {(now - beat) * 1000:.1f} dump_ms {took:.0f}\n"
                    + result.stdout + result.stderr
                )
            time.sleep(0.002)
    return 0


if __name__ == "__main__":
    sys.exit(main())
