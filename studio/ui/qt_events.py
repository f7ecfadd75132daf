"""Bridge core events (plain :class:`studio.core.events.Signal`) into Qt signals, and run
coroutines from Qt slots.

The runner emits its events on the asyncio loop. Under qasync that loop runs on the GUI
thread, so delivery is direct; when an event is emitted from a worker thread instead, Qt's
automatic connection queues it to the GUI thread. Either way a widget's slot always runs on
the GUI thread, and a bridge whose receiver was destroyed silently unhooks itself from the
core signal (so a closed dialog never leaves a dangling listener on a long-lived service).

Usage::

    bridge = connect_core(runner.job_changed, self, self._on_job_changed)
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.core.events import Signal as CoreSignal

log = logging.getLogger(__name__)


class SignalBridge(QObject):
    """Listens to one core signal and re-emits each call as ``fired(args: tuple)``.

    Parent it to the widget that listens: when that widget is destroyed, the bridge is
    destroyed with it and stops listening to the core signal.
    """

    fired = Signal(object)

    def __init__(self, core_signal: CoreSignal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core_signal: CoreSignal | None = core_signal
        core_signal.connect(self._relay)
        self.destroyed.connect(self._on_destroyed_static(core_signal, self._relay))

    @staticmethod
    def _on_destroyed_static(core_signal: CoreSignal, relay: Callable[..., None]) -> Callable[..., None]:
        # A plain closure: bound methods of a destroyed QObject must not be used.
        return lambda *_: core_signal.disconnect(relay)

    def _relay(self, *args: Any) -> None:
        try:
            self.fired.emit(args)
        except RuntimeError:  # the C++ side is gone: stop listening
            self.close()

    def close(self) -> None:
        """Stop listening to the core signal (idempotent)."""
        if self._core_signal is not None:
            self._core_signal.disconnect(self._relay)
            self._core_signal = None


def connect_core(core_signal: CoreSignal, receiver: QObject, slot: Callable[..., Any]) -> SignalBridge:
    """Call ``slot(*args)`` on the GUI thread for each ``core_signal.emit(*args)``.

    The returned bridge is a child of ``receiver``; keep it only if you want to close it early.
    """
    bridge = SignalBridge(core_signal, receiver)
    bridge.fired.connect(lambda args: slot(*args))
    return bridge


# -- coroutines from slots ---------------------------------------------------------------

_tasks: set[asyncio.Task] = set()


def spawn(
    coro: Awaitable[Any],
    *,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> asyncio.Task:
    """Schedule ``coro`` on the running (qasync) loop from a Qt slot.

    ``on_result`` / ``on_error`` are called on the loop (the GUI thread under qasync) when it
    finishes. Errors without an ``on_error`` are logged, never lost. The task is kept alive
    until it finishes.
    """
    loop = asyncio.get_event_loop()
    task = loop.create_task(coro)  # type: ignore[arg-type]
    _tasks.add(task)

    def _done(t: asyncio.Task) -> None:
        _tasks.discard(t)
        if t.cancelled():
            return
        exc = t.exception()
        if exc is not None:
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background task failed", exc_info=exc)
        elif on_result is not None:
            on_result(t.result())

    task.add_done_callback(_done)
    return task
