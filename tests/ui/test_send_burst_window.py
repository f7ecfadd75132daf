"""Generate missing hands its shots to the runner a few per frame; a second Run meanwhile pays for none."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from studio.core.jobs import JobState
from studio.services import send_pacing
from studio.services.send_pacing import SendPacer

pytestmark = [pytest.mark.ui, pytest.mark.concurrency]


def test_generate_missing_run_again_while_its_shots_are_handed_over_adds_no_job(
    window, services, qtbot, run, wait, monkeypatch
):
    services.settings.set("animatic.queue_seconds", 2.5)  # the first run's jobs stay in flight
    services.providers.forget("animatic")
    monkeypatch.setattr(send_pacing, "send_pacer", lambda pacer=SendPacer(per_turn=1, turn_seconds=1.5): pacer)
    handed: list[str] = []
    runner = services.runner.runner  # the window's runner works on its own thread; record there
    admit_takes = runner.admit_takes

    async def recorded(requests, **kwargs):
        handed.append(kwargs["shot_id"])
        return await admit_takes(requests, **kwargs)

    monkeypatch.setattr(runner, "admit_takes", recorded)
    button = window.storyboard.generate_all_button
    qtbot.mouseClick(button, Qt.LeftButton)
    run(wait(lambda: window.quote_dialog is not None, timeout=20))
    first = window.quote_dialog
    qtbot.mouseClick(first.run_button, Qt.LeftButton)
    run(wait(lambda: len(handed) >= 1, timeout=20))
    qtbot.mouseClick(button, Qt.LeftButton)  # pressed again while the shots are being handed over
    run(wait(lambda: window.quote_dialog is not None and window.quote_dialog is not first, timeout=20))
    assert len(handed) < 3  # one shot per 1.5 s turn: the hand-over is not over
    qtbot.mouseClick(window.quote_dialog.run_button, Qt.LeftButton)
    run(wait(lambda: min(len(s.takes) for s in window.project.shots) >= 1 and not services.runner.active(),
             timeout=90), timeout=120)  # fmt: skip
    jobs = services.jobstore.list()
    assert len(jobs) == 3, [(j.shot_id, j.state) for j in jobs]
    assert {j.shot_id for j in jobs} == {s.id for s in window.project.shots}
    assert all(j.state is JobState.DONE for j in jobs)
    assert [len(s.takes) for s in window.project.shots] == [1, 1, 1]
    # every shot was handed over once by the first run, and by the second only while still without a take
    assert len(handed) <= 6 and sorted(set(handed)) == sorted(s.id for s in window.project.shots)
