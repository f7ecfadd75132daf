"""Everything Qt: the main window, its docks and dialogs, and the Qt models over core objects.

Importing this package applies :func:`_guard_pyside_emit_refcount` (see there).
"""

from __future__ import annotations

import sys


def _guard_pyside_emit_refcount() -> None:
    """Work around PySide6 6.12.0 on Python < 3.12: its bindings return ``None`` (every void
    method: ``QPainter.setPen``, ``QWidget.update`` …) and ``True``/``False`` (``Signal.emit``)
    without taking a reference, as if those objects were immortal (they are from 3.12 on).
    Each call drops one reference; after a few thousand calls (one timeline repaint or a busy
    job monitor) the interpreter aborts with "none_dealloc: deallocating None" or
    "bool_dealloc: deallocating True or False".

    On 3.11 we give ``None``, ``True`` and ``False`` a reference count so large that no
    session can drain it (2**40 calls). Nothing is done on 3.12+ or other PySide6 versions.
    Remove once PySide6 is fixed.
    """
    if sys.version_info >= (3, 12):
        return
    try:
        import ctypes

        import PySide6

        if not PySide6.__version__.startswith("6.12."):
            return
        for obj in (None, True, False):
            refcnt = ctypes.c_ssize_t.from_address(id(obj))
            if refcnt.value < 1 << 40:
                refcnt.value += 1 << 40
    except Exception:  # never stop the window from opening over this
        pass


_guard_pyside_emit_refcount()
