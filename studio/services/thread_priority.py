"""Background threads yield the CPU to the window's thread when the cores are all busy.

On a machine with two cores, a hundred jobs finishing together keep the job runner's thread,
its download and probe workers, and the window's thread all runnable at once; the operating
system then shares the cores evenly, and the window's thread waits its turn for a core
(measured: about a third of the time of every late frame, docs/bench-ui.md). A background
thread that lowers its own priority still gets every idle cycle, but a core goes to the
window first.

Linux only: there a thread is its own scheduling entity, so ``setpriority`` on its id changes
that thread alone, and raising one's own niceness needs no privilege. Elsewhere (macOS, Windows)
this does nothing.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

BACKGROUND_NICENESS = 5  # added to the process's: a weight of about a third of the window's thread


def lower_this_thread(step: int = BACKGROUND_NICENESS) -> bool:
    """Run the calling thread ``step`` nice levels below the process's main thread.

    Idempotent: a thread started by a lowered thread inherits its level and stays there.
    True when the thread runs at that level afterwards.
    """
    if not sys.platform.startswith("linux") or not hasattr(os, "setpriority"):
        return False
    tid = threading.get_native_id()
    try:
        target = min(19, os.getpriority(os.PRIO_PROCESS, os.getpid()) + step)  # the main thread's, plus step
        if os.getpriority(os.PRIO_PROCESS, tid) < target:
            os.setpriority(os.PRIO_PROCESS, tid, target)
    except OSError:  # a sandbox that forbids it: run at the usual priority
        log.debug("could not lower the priority of thread %s", tid, exc_info=True)
        return False
    return True
