"""The window with the runner on its own thread (as studio.app builds it): events reach the
GUI thread, a shot generates and becomes a take, cancel works, and closing leaves no thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from studio.core.jobs import JobState
from studio.services.runner_thread import ThreadedRunner

pytestmark = pytest.mark.ui


def runner_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "job-runner" and t.is_alive()]


def test_a_shot_generates_on_the_runner_thread_and_the_window_hears_it_on_its_own(window, services, qtbot):
    assert isinstance(services.runner, ThreadedRunner)
    emitted_on: set[str] = set()
    services.runner.job_changed.connect(lambda job: emitted_on.add(threading.current_thread().name))
    heard_on = []
    window._job_bridge.fired.connect(lambda args: heard_on.append(QThread.currentThread()))
    shot = window.project.shots[0]
    window.generate_shot(shot.id)
    qtbot.waitUntil(lambda: len(shot.takes) == 1, timeout=30_000)
    assert emitted_on == {"job-runner"}
    assert heard_on and set(heard_on) == {window.thread()}
    assert services.jobstore.get(shot.takes[0].job_id).state is JobState.DONE


def test_cancel_from_the_job_monitor_reaches_the_runner_thread(window, services, qtbot):
    services.settings.set("animatic.queue_seconds", 30)  # the job waits at the provider
    shot = window.project.shots[1]
    window.generate_shot(shot.id)
    monitor = window.jobs
    qtbot.waitUntil(lambda: monitor.model.rowCount() == 1, timeout=10_000)
    job = monitor.model.job(0)
    qtbot.waitUntil(lambda: services.runner.get(job.id).state in (JobState.SUBMITTED, JobState.RUNNING), timeout=10_000)
    assert monitor.select_job(job.id)
    monitor.cancel_action.trigger()
    qtbot.waitUntil(lambda: monitor.model.job_by_id(job.id).state is JobState.CANCELLED, timeout=10_000)
    assert not shot.takes


def test_closing_the_window_and_the_services_leaves_no_runner_thread(make_window, services, run):
    window = make_window()
    assert runner_threads()
    window.close()
    run(services.aclose())
    assert runner_threads() == []


def test_the_guard_catches_sqlite_on_the_gui_thread_from_the_windows_loop(services, run, qloop, qtbot, sqlite_guard):
    import asyncio
    import functools

    async def careful_slot():
        return await asyncio.to_thread(services.jobstore.list, limit=5)

    run(careful_slot())
    assert sqlite_guard.take() == []
    # What a slot must not do: a store query called straight from the window's loop.
    qloop.call_soon(functools.partial(services.jobstore.list, limit=5))
    qtbot.wait(200)
    seen = sqlite_guard.take()
    assert seen and "jobstore.py" in seen[0].stack
