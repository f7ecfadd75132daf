"""Saves asked for together share one write, and none returns before its change is written."""

from __future__ import annotations

import asyncio

from studio.services.save_coalescing import CoalescedSave


async def test_saves_asked_while_one_runs_share_the_next_and_each_sees_its_change_written():
    changes: list[int] = []  # the "project": a change per caller
    written: list[list[int]] = []  # what each save wrote

    async def save() -> None:
        snapshot = list(changes)  # taken when the save begins, as the storyboard's save does
        await asyncio.sleep(0.05)
        written.append(snapshot)

    coalesced = CoalescedSave(save)

    async def change_then_save(index: int) -> None:
        changes.append(index)
        await coalesced()
        assert any(index in w for w in written), (index, written)  # its change is on disk

    await asyncio.gather(*(change_then_save(i) for i in range(10)))
    assert len(written) == 2  # the first caller's save, then one for the nine queued behind it
    assert written[-1] == list(range(10))

    await change_then_save(10)  # a later request gets a save of its own
    assert len(written) == 3 and written[-1][-1] == 10
