"""The job engine on its own asyncio event loop, in a worker thread.

A window's event loop also paints: a hundred jobs polling over HTTP, reading and writing
SQLite, parsing JSON and fetching results on that loop make it late for frames. The window
therefore runs the :class:`~studio.services.runner.Runner` on a :class:`RunnerThread` and
talks to it through a :class:`ThreadedRunner`, which has the runner's API: each coroutine
method runs on the runner's loop and is awaited from the caller's loop, and every other
attribute (``job_changed``, ``get``, ``active``, ``prepare``, ``timing``…) is the runner's own.
``job_changed`` then fires on the runner's thread; a listener that needs its own thread (the
window's) hands the event over itself.

The CLI keeps the runner on its one loop; nothing here is needed there.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import inspect
import logging
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from .thread_priority import lower_this_thread

log = logging.getLogger(__name__)

T = TypeVar("T")


class RunnerThread:
    """An asyncio event loop running forever on a thread of its own until :meth:`close`."""

    def __init__(self, name: str = "job-runner") -> None:
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()
        self._ready.wait()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        # The runner and its workers (downloads, probes, file moves) give way to the window's
        # thread when both cores are busy (thread_priority.py).
        lower_this_thread()
        self.loop.set_default_executor(
            concurrent.futures.ThreadPoolExecutor(thread_name_prefix="runner-io", initializer=lower_this_thread)
        )
        asyncio.set_event_loop(self.loop)
        self.loop.call_soon(self._ready.set)
        try:
            self.loop.run_forever()
        finally:
            self._finish()

    def _finish(self) -> None:
        """Cancel what is left, let it unwind, and release the loop's executor and resources."""
        loop = self.loop
        try:
            left = [task for task in asyncio.all_tasks(loop) if not task.done()]
            for task in left:
                task.cancel()
            if left:
                loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        except Exception:  # closing must finish; what failed is logged
            log.exception("the job runner's loop did not close cleanly")
        finally:
            asyncio.set_event_loop(None)
            loop.close()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Schedule ``coro`` on this loop from any thread."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Await ``coro`` on this loop from another loop; cancelling the caller cancels it there."""
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self.loop:
            return await coro
        return await asyncio.wrap_future(self.submit(coro))

    def call(self, fn, *args: Any) -> None:
        """Call ``fn(*args)`` on this loop's thread, soon (from any thread)."""
        self.loop.call_soon_threadsafe(fn, *args)

    def close(self, timeout: float = 30.0) -> None:
        """Stop the loop (tasks still running are cancelled) and wait for the thread to end."""
        if self._thread.is_alive() and not self.loop.is_closed():
            try:
                self.loop.call_soon_threadsafe(self.loop.stop)
            except RuntimeError:  # closed between the check and the call
                pass
        if self._thread is not threading.current_thread():
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("the job runner's thread did not stop within %.0f s", timeout)


class ThreadedRunner:
    """The runner's API for callers on another loop; its coroutines run on ``thread``'s loop.

    Every coroutine method of the wrapped runner (``start``, ``submit``, ``admit``, ``wait``,
    ``cancel``, ``retry``, ``resume``, ``stop``, and any added later) is awaited on the runner's
    loop; plain attributes and methods are the runner's own. Money rules stay in the runner:
    this class only decides on which thread its code runs.
    """

    def __init__(self, runner: Any, thread: RunnerThread) -> None:
        object.__setattr__(self, "_runner", runner)
        object.__setattr__(self, "_thread", thread)

    @property
    def runner(self) -> Any:
        """The runner itself (its coroutines must be awaited on :attr:`thread`'s loop)."""
        return self._runner

    @property
    def thread(self) -> RunnerThread:
        return self._thread

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._runner, name)
        if inspect.iscoroutinefunction(value):
            return self._on_runner_loop(value)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._runner, name, value)

    def _on_runner_loop(self, method):
        thread = self._thread

        @functools.wraps(method)
        async def call(*args: Any, **kwargs: Any) -> Any:
            return await thread.run(method(*args, **kwargs))

        return call
