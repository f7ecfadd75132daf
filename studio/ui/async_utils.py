"""Run coroutines and blocking work from Qt slots on the qasync event loop.

Qt slots are plain functions; the services are async. :func:`spawn` starts a coroutine as a
task on the running (qasync) loop, keeps a reference so it is not garbage collected, and
reports a failure through a callback instead of losing it in the loop's log.
:func:`run_blocking` moves blocking work (decode, frame grabs, file copies) to a worker
thread. :class:`EventBridge` adapts a core :class:`~studio.core.events.Signal` to a Qt
signal so listeners always run on the GUI thread, whichever thread emitted; a bridge whose
parent is destroyed unhooks itself from the core signal, so a closed dialog never leaves a
listener on a long-lived service. :func:`connect_core` is the one-line form::

    connect_core(runner.job_changed, self, self._on_job_changed)
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from studio.core.errors import StudioError

log = logging.getLogger(__name__)

T = TypeVar("T")

_tasks: set[asyncio.Task] = set()

ErrorHandler = Callable[[BaseException], None]
_default_error_handler: ErrorHandler | None = None


def set_error_handler(handler: ErrorHandler | None) -> None:
    """Where failures of spawned tasks go when the caller gave no ``on_error`` (the window)."""
    global _default_error_handler
    _default_error_handler = handler


def user_message(exc: BaseException) -> str:
    """One sentence for a person: the StudioError's message, else a generic one."""
    if isinstance(exc, StudioError):
        return exc.user_message
    return f"Something went wrong: {type(exc).__name__}: {exc}"


def loop() -> asyncio.AbstractEventLoop:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.get_event_loop()


def spawn(
    coro: Coroutine[Any, Any, T],
    *,
    on_done: Callable[[T], None] | None = None,
    on_error: ErrorHandler | None = None,
    name: str | None = None,
) -> asyncio.Task:
    """Start ``coro`` on the qasync loop; call ``on_done(result)`` or ``on_error(exc)`` later."""
    task = loop().create_task(coro, name=name)
    _tasks.add(task)

    def finished(t: asyncio.Task) -> None:
        _tasks.discard(t)
        if t.cancelled():
            return
        exc = t.exception()
        if exc is not None:
            handler = on_error or _default_error_handler
            if handler is not None:
                handler(exc)
            else:
                log.error("background task failed", exc_info=exc)
            return
        if on_done is not None:
            try:
                on_done(t.result())
            except Exception:
                log.exception("on_done callback failed")

    task.add_done_callback(finished)
    return task


def pending_tasks() -> set[asyncio.Task]:
    return set(_tasks)


async def run_blocking(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a blocking call in a worker thread and await its result."""
    return await asyncio.to_thread(functools.partial(fn, *args, **kwargs))


def async_slot(method: Callable[..., Awaitable[Any]]) -> Callable[..., asyncio.Task]:
    """Decorate an ``async def`` method so a Qt signal can call it; errors go to the handler."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> asyncio.Task:
        return spawn(method(*args, **kwargs), name=method.__name__)

    return wrapper


class EventBridge(QObject):
    """Re-emit a core Signal as a Qt signal, delivered on this object's (GUI) thread.

    A Qt signal emitted from another thread reaches GUI-thread receivers through the event
    queue, so a runner or media worker may emit freely.
    """

    fired = Signal(tuple)

    def __init__(self, source: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._listener = self._relay
        source.connect(self._listener)
        self.destroyed.connect(self._unhook_on_destroy(source, self._listener))

    @staticmethod
    def _unhook_on_destroy(source: Any, listener: Callable[..., None]) -> Callable[..., None]:
        # A plain closure: bound methods of a destroyed QObject must not be used.
        return lambda *_: source.disconnect(listener)

    def _relay(self, *args: Any) -> None:
        try:
            self.fired.emit(args)
        except RuntimeError:  # the Qt object is gone (window closed); stop listening
            self.detach()

    def detach(self) -> None:
        try:
            self._source.disconnect(self._listener)
        except Exception:  # noqa: BLE001 - already disconnected, or the source is gone
            pass


def connect_core(source: Any, receiver: QObject, slot: Callable[..., Any]) -> EventBridge:
    """Call ``slot(*args)`` on the GUI thread for each ``source.emit(*args)``.

    The bridge is a child of ``receiver`` and stops listening when ``receiver`` is destroyed;
    keep the returned bridge only to :meth:`~EventBridge.detach` it early.
    """
    bridge = EventBridge(source, receiver)
    bridge.fired.connect(lambda args: slot(*args))
    return bridge
