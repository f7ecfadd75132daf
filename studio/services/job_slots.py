"""Per-provider job slots that never make paid work wait behind new work."""

from __future__ import annotations

import asyncio
from collections import deque


class JobSlots:
    """A provider's job slots: new jobs wait for one; jobs already at the provider take one at once.

    A job that is running remotely (found again after a crash, say) costs the same whether
    we watch it or not, so it never waits behind new submits; it only delays them.
    """

    def __init__(self, limit: int):
        self.limit = max(1, limit)
        self.used = 0
        self._waiters: deque[asyncio.Future] = deque()

    async def acquire(self) -> None:
        while self.used >= self.limit:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            except BaseException:
                if waiter.done() and not waiter.cancelled():
                    self._wake_one()  # we were woken but leave: pass the turn on
                raise
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
        self.used += 1

    def take_now(self) -> None:
        self.used += 1

    def release(self) -> None:
        self.used = max(0, self.used - 1)
        self._wake_one()

    def _wake_one(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
