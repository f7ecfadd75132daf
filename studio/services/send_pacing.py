"""Generations of a large run handed to the runner a few per frame, not all in one turn.

A storyboard run of a hundred independent shots would otherwise start a hundred admissions
in a single turn of the caller's event loop: a hundred hand-offs to the runner's thread, a
hundred job-store transactions and HTTP creates there, and the provider's answers all at
once. In the window that burst leaves its thread waiting for a core for a frame or more
(docs/bench-ui.md). Spread over turns, each frame carries a small share of it.

This decides only *when* each shot asks to be sent. Whether it is sent (one generation in
flight per shot unless more takes were asked for, the caps and budgets in the same
transaction) stays in the job store's admission, so a second run or a second click while a
batch is being handed over still adopts instead of paying again.
"""

from __future__ import annotations

import asyncio
import weakref

SENDS_PER_TURN = 8  # shots handed to the runner in one turn of the caller's loop
TURN_SECONDS = 0.016  # one frame at 60 Hz


class SendPacer:
    """Hands out send turns in arrival order: ``per_turn`` callers each ``turn_seconds``.

    The first ``per_turn`` callers of a burst go at once; the next ones sleep until their
    turn. Once every turn handed out has passed, the next burst starts afresh.
    """

    def __init__(self, per_turn: int = SENDS_PER_TURN, turn_seconds: float = TURN_SECONDS) -> None:
        if per_turn < 1 or turn_seconds < 0:
            raise ValueError("per_turn must be at least 1 and turn_seconds not negative")
        self.per_turn = per_turn
        self.turn_seconds = turn_seconds
        self._start = 0.0
        self._handed = 0

    def _reserve(self, now: float) -> float:
        """The loop time at which the next caller may send (and count it)."""
        turns = -(-self._handed // self.per_turn)  # turns already begun
        if now >= self._start + turns * self.turn_seconds:
            self._start, self._handed = now, 0  # the last burst is over
        at = self._start + (self._handed // self.per_turn) * self.turn_seconds
        self._handed += 1
        return at

    async def wait_turn(self) -> None:
        """Return when this caller's share of the burst may be sent."""
        loop = asyncio.get_running_loop()
        now = loop.time()
        delay = self._reserve(now) - now
        if delay > 0:
            await asyncio.sleep(delay)


_pacers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, SendPacer] = weakref.WeakKeyDictionary()


def send_pacer() -> SendPacer:
    """The running loop's pacer: runs started together (two clicks, two runs) share its turns."""
    loop = asyncio.get_running_loop()
    pacer = _pacers.get(loop)
    if pacer is None:
        pacer = _pacers[loop] = SendPacer()
    return pacer
