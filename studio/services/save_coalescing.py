"""Saves of a project asked for in a burst, written as few times as keeps each one honest.

A storyboard run saves the project after every take it adds, so a take is on disk as soon
as it is in the project. A hundred takes landing together would then snapshot and write the
whole project a hundred times in a row, each snapshot on the caller's loop (the window's,
in the app). Here a caller still returns only once a save begun after its request has
finished, but callers that were waiting together share one save.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


class CoalescedSave:
    """Call to save; callers queued behind a running save share the next one."""

    def __init__(self, save: Callable[[], Awaitable[None]]) -> None:
        self._save = save
        self._lock = asyncio.Lock()
        self._asked = 0  # requests so far
        self._covered = 0  # requests the last finished save included

    async def __call__(self) -> None:
        self._asked += 1
        mine = self._asked
        async with self._lock:
            if self._covered >= mine:
                return  # a save that began after this request has finished
            covers = self._asked  # the snapshot below includes every change asked for until now
            await self._save()
            self._covered = covers
