"""Double clicks in the window never pay twice, and its cancel gives the runner's reason.

The sample project's three shots run on the offline animatic provider; each render waits in
a simulated queue long enough for the second click to land while the first job is in flight.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt

from studio.core.jobs import Job, JobState

pytestmark = [pytest.mark.ui, pytest.mark.concurrency]


@pytest.fixture
def slow_queue(services):
    services.settings.set("animatic.queue_seconds", 0.8)
    services.providers.forget("animatic")
    return services


def takes_per_shot(window) -> list[int]:
    return [len(shot.takes) for shot in window.project.shots]


def test_generate_missing_pressed_twice_makes_one_job_per_shot(window, slow_queue, qtbot, run, wait):
    services = slow_queue
    button = window.storyboard.generate_all_button
    qtbot.mouseClick(button, Qt.LeftButton)
    qtbot.mouseClick(button, Qt.LeftButton)  # the second press brings the same quote forward
    run(wait(lambda: window.quote_dialog is not None, timeout=20))
    first = window.quote_dialog
    qtbot.mouseClick(first.run_button, Qt.LeftButton)
    run(wait(lambda: len(services.jobstore.list()) >= 1, timeout=20))
    qtbot.mouseClick(button, Qt.LeftButton)  # pressed again while the first run's jobs are in flight
    run(wait(lambda: window.quote_dialog is not None and window.quote_dialog is not first, timeout=20))
    qtbot.mouseClick(window.quote_dialog.run_button, Qt.LeftButton)
    run(wait(lambda: min(takes_per_shot(window)) >= 1 and not services.runner.active(), timeout=60), timeout=90)
    run(wait(lambda: "already being generated" in window.statusBar().currentMessage()
             or "Every missing shot" in window.statusBar().currentMessage(), timeout=10))  # fmt: skip
    jobs = services.jobstore.list()
    assert len(jobs) == 3, [(j.shot_id, j.state) for j in jobs]
    assert {j.shot_id for j in jobs} == {s.id for s in window.project.shots}
    assert all(j.state is JobState.DONE for j in jobs)
    assert takes_per_shot(window) == [1, 1, 1]


def test_generate_shot_pressed_twice_adopts_the_first_job_and_says_so(window, slow_queue, qtbot, run, wait):
    services = slow_queue
    shot = window.project.shots[0]
    window.generate_shot(shot.id)
    run(wait(lambda: len(services.jobstore.list()) == 1, timeout=20))
    window.generate_shot(shot.id)
    run(wait(lambda: "already being generated" in window.statusBar().currentMessage(), timeout=20))
    assert "Shot 1 (Establishing) is already being generated" in window.statusBar().currentMessage()
    run(wait(lambda: len(window.project.shots[0].takes) == 1 and not services.runner.active(), timeout=60), timeout=90)
    assert len(services.jobstore.list()) == 1
    assert len(window.project.shots[0].takes) == 1


@pytest.mark.parametrize("state", [JobState.UNKNOWN, JobState.SUBMITTING])
def test_monitor_refuses_to_cancel_a_job_that_may_be_billed_with_the_cli_sentence(
    window, services, monkeypatch, run, wait, state
):
    shown = []
    monkeypatch.setattr("studio.ui.jobs.monitor.show_error", lambda parent, exc, title="": shown.append(exc))
    job = Job.new("animatic:kenburns", {"prompt": "lost answer", "duration": 1.0}).transition(JobState.SUBMITTING)
    if state is JobState.UNKNOWN:
        job = job.transition(JobState.UNKNOWN)
    services.jobstore.save(job)
    monitor = window.jobs
    monitor.model.upsert(job)
    assert monitor.select_job(job.id)
    monitor.cancel_selected()
    run(wait(lambda: bool(shown), timeout=10))
    expected = services.runner.cancel_refusal(job, owned_elsewhere=False)
    assert str(shown[0]) == expected
    assert "may already be running (and billed)" in expected
    assert services.jobstore.get(job.id).state is state
