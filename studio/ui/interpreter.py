"""Interpreter settings that keep the GUI thread on time while other threads run Python.

Two things made the window late by 60–140 ms with a hundred jobs in flight (see
docs/bench-ui.md), both outside any one piece of Studio's code:

* **The GIL hand-back.** Many Qt calls release the GIL (drawing text, creating an item, a
  model's ``index``, a signal's ``emit``) and every Python slot or virtual that Qt calls has to
  take it again. While the runner's thread, downloads and probes run Python, each take-back
  waits until the holder drops the GIL, which it does after the switch interval. A repaint
  makes hundreds of such calls, so the interval multiplies: at 1 ms such a call cost ~100 µs
  under load, at 0.2 ms ~30 µs. The threads' own throughput barely changes (the switch is a
  few microseconds).
* **Full garbage collections.** The cyclic collector's oldest generation walks every object
  the process holds (Qt wrappers, every imported module): 120 ms with the GIL held, in
  whichever thread triggered it. Objects that exist once the window is up and warmed live as
  long as the app does; :func:`freeze_startup_objects` moves them out of the collector's
  view (``gc.freeze``), so later full collections walk only what was made since.
"""

from __future__ import annotations

import gc
import sys

SWITCH_INTERVAL_S = 0.0002


def tune_switch_interval() -> None:
    """Hand the GIL back to a waiting thread (the GUI's) after 0.2 ms (Python's default is 5 ms;
    the window used 1 ms before, the figure the module's note compares with)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def freeze_startup_objects() -> None:
    """Keep the objects alive now (modules, the window's widgets) out of later collections.

    No collection runs first: that would stall the window once for the whole heap's walk;
    the few cycles of start-up garbage it would free stay.
    """
    gc.freeze()
