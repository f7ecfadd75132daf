"""Job events for the window, at most one batch per frame.

The runner announces every change of every job (a hundred jobs polling, downloading and
changing state make hundreds a second) from its own thread. Handling each one on the GUI
thread — a model update, a card repaint — would make the window late for its frames.
:class:`CoalescingBridge` keeps only the latest event per key (a job's id) and hands them to
the GUI thread together, once per frame: ``batch(list_of_args)`` with every pending event, then
``fired(args)`` for each, in the order their keys first arrived. Keyed by the job, a listener
sees every job's latest state; states a job passed through within one frame are skipped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from .async_utils import EventBridge

FRAME_MS = 16


def job_key(args: tuple) -> Any:
    """Events of ``runner.job_changed`` are keyed by the job's id."""
    return getattr(args[0], "id", id(args[0])) if args else None


class CoalescingBridge(QObject):
    """Re-emit a core Signal on this object's (GUI) thread, coalesced per key and per frame.

    Same ``fired(tuple)`` signal as :class:`~studio.ui.async_utils.EventBridge`, so a listener
    of one works with the other; ``batch(list)`` carries a whole frame's events at once.
    """

    fired = Signal(tuple)
    batch = Signal(list)
    _wake = Signal()

    def __init__(
        self,
        source: Any,
        parent: QObject | None = None,
        *,
        key: Callable[[tuple], Any] = job_key,
        interval_ms: int = FRAME_MS,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._key = key
        self._lock = threading.Lock()
        self._pending: dict[Any, tuple] = {}
        self._woken = False
        self._gui_thread = threading.get_ident()  # built on the thread that listens
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)
        # Queued: the runner's thread only records the event and wakes the GUI thread once.
        self._wake.connect(self._start_frame, Qt.ConnectionType.QueuedConnection)
        self._listener = self._relay
        source.connect(self._listener)
        self.destroyed.connect(EventBridge._unhook_on_destroy(source, self._listener))

    def _relay(self, *args: Any) -> None:
        """Any thread: keep the latest event per key; wake the GUI thread for the first of a frame.

        An event raised on the GUI thread itself (a runner sharing the window's loop, a test)
        is delivered at once, after whatever was pending, as a plain bridge would.
        """
        key = self._key(args)
        with self._lock:
            self._pending[key] = args
            here = threading.get_ident() == self._gui_thread
            if not here:
                if self._woken:
                    return
                self._woken = True
        if here:
            self.flush()
            return
        try:
            self._wake.emit()
        except RuntimeError:  # the Qt object is gone (window closed); stop listening
            self.detach()

    def _start_frame(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Deliver what is pending now (the frame timer calls this; tests may too)."""
        with self._lock:
            pending, self._pending = list(self._pending.values()), {}
            self._woken = False
        if not pending:
            return
        self.batch.emit(pending)
        for args in pending:
            self.fired.emit(args)

    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    detach = EventBridge.detach
