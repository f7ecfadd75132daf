"""Helpers shared by the UI tests (importable: the test modules' folder is on sys.path)."""

from __future__ import annotations

import asyncio


async def wait_until(predicate, timeout: float = 20.0, step: float = 0.02) -> None:
    """Let the loop run until ``predicate()`` holds; fail after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        if loop.time() > end:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(step)
