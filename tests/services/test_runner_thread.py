"""The runner on its own loop in a worker thread (the window's arrangement), without Qt."""

from __future__ import annotations

import asyncio
import threading

import pytest

from studio.core.jobs import JobState
from studio.core.request import GenerationRequest
from studio.services.context import build_services
from studio.services.runner import Timing
from studio.services.runner_thread import RunnerThread, ThreadedRunner

FAST = Timing(poll_first=0.02, poll_max=0.1, retry_base=0.01)


def runner_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "job-runner" and t.is_alive()]


def animatic(prompt: str = "A paper boat on a puddle") -> GenerationRequest:
    return GenerationRequest("animatic:kenburns", prompt, duration=1.0, resolution="480p")


async def test_a_coroutine_runs_on_the_thread_and_its_answer_comes_back():
    thread = RunnerThread()
    try:

        async def where() -> str:
            await asyncio.sleep(0)
            return threading.current_thread().name

        assert await thread.run(where()) == "job-runner"
        assert threading.current_thread().name != "job-runner"
    finally:
        thread.close()
    assert not thread.is_alive()


async def forever(cancelled: threading.Event) -> None:
    """Sleeps until cancelled, and says it was."""
    try:
        await asyncio.sleep(60)
    except asyncio.CancelledError:
        cancelled.set()
        raise


async def test_cancelling_the_caller_cancels_the_work_on_the_thread():
    thread = RunnerThread()
    cancelled = threading.Event()
    try:
        caller = asyncio.ensure_future(thread.run(forever(cancelled)))
        await asyncio.sleep(0.05)
        caller.cancel()
        with pytest.raises(asyncio.CancelledError):
            await caller
        assert await asyncio.to_thread(cancelled.wait, 5)
    finally:
        thread.close()


async def test_closing_cancels_what_is_left_and_ends_the_thread():
    thread = RunnerThread()
    cancelled = threading.Event()
    thread.submit(forever(cancelled))
    await asyncio.sleep(0.05)
    await asyncio.to_thread(thread.close)
    assert cancelled.is_set() and not thread.is_alive() and thread.loop.is_closed()


async def test_the_threaded_runner_drives_a_job_and_announces_it_from_its_thread(studio_home):
    services = build_services(studio_home, log_to_file=False, timing=FAST, runner_thread=True)
    assert isinstance(services.runner, ThreadedRunner)
    threads: set[str] = set()
    services.runner.job_changed.connect(lambda job: threads.add(threading.current_thread().name))
    await services.start()
    job = await services.runner.submit(animatic())
    done = await services.runner.wait(job.id)
    assert done.state is JobState.DONE and done.output_path
    assert threads == {"job-runner"}
    assert services.runner.get(job.id).state is JobState.DONE  # plain methods are the runner's own
    await services.aclose()
    assert runner_threads() == []
    await services.aclose()  # twice is harmless (a window and its tests may both close)


async def test_cancel_through_the_threaded_runner_and_shutdown_leave_no_thread(studio_home):
    services = build_services(studio_home, log_to_file=False, timing=FAST, runner_thread=True)
    services.settings.set("animatic.queue_seconds", 30)  # the job waits in the provider's queue
    await services.start()
    job = await services.runner.submit(animatic())
    for _ in range(200):
        if services.runner.get(job.id).state in (JobState.SUBMITTED, JobState.RUNNING):
            break
        await asyncio.sleep(0.02)
    await services.runner.cancel(job.id)
    ended = await services.runner.wait(job.id)
    assert ended.state is JobState.CANCELLED
    assert services.jobstore.get(job.id).state is JobState.CANCELLED
    await services.aclose()
    assert runner_threads() == []


async def test_stopping_mid_job_leaves_it_resumable_for_the_next_start(studio_home):
    services = build_services(studio_home, log_to_file=False, timing=FAST, runner_thread=True)
    services.settings.set("animatic.queue_seconds", 30)
    await services.start()
    job = await services.runner.submit(animatic())
    await asyncio.sleep(0.2)
    await services.aclose()
    assert runner_threads() == []

    again = build_services(studio_home, log_to_file=False, timing=FAST, runner_thread=True)
    again.settings.set("animatic.queue_seconds", 0.05)
    try:
        resumed = await again.start()
        assert [j.id for j in resumed] == [job.id]
        assert (await again.runner.wait(job.id)).state is JobState.DONE
    finally:
        await again.aclose()
    assert runner_threads() == []
