"""Outage suite, in process: a full disk, a cancel mid-download, and results that must not expire
while new submits wait — with the real runner, the real Replicate adapter and the emulator."""

from __future__ import annotations

import asyncio
import errno
import sqlite3
import subprocess

import pytest

from studio.core.jobs import Job, JobState
from studio.core.request import GenerationRequest
from studio.providers.base import RemoteRef
from studio.services.context import build_services
from studio.services.media import probe
from studio.services.runner import Timing
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator
from tests.providers._replicate_kit import poll_until_done, validated

FAST = Timing(poll_first=0.05, poll_max=0.2, retry_base=0.05, retry_max=0.2, reconcile_grace=0.5, reconcile_deadline=5)
MODEL = "replicate:google/veo-3.1-fast"


@pytest.fixture
def emulator():
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=0.3) as emu:
        yield emu


@pytest.fixture
def services(studio_home, emulator, monkeypatch):
    monkeypatch.setenv("REPLICATE_API_TOKEN", DEFAULT_TOKEN)
    monkeypatch.setenv("STUDIO_REPLICATE_BASE_URL", emulator.url)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    svc = build_services(studio_home, timing=FAST, log_to_file=False)
    svc.settings.set("providers.replicate.poll_interval", 0.05)
    yield svc


def request(prompt="a paper boat drifts", duration=4):
    return GenerationRequest(MODEL, prompt, duration=duration, resolution="720p")


async def wait_for_state(runner, job_id, state, timeout=20.0):
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while runner.get(job_id).state is not state:
        assert loop.time() < deadline, runner.get(job_id)
        await asyncio.sleep(0.01)


async def test_a_full_disk_mid_download_keeps_the_job_and_resuming_finishes_it(services, emulator):
    emulator.set_faults(download_chunk_delay=0.02)
    inner = services.providers("replicate")

    class DiskFillsOnce:
        """The disk fills up after the first bytes of the clip are written."""

        full = True

        def __getattr__(self, name):
            return getattr(inner, name)

        async def download(self, ref, status, dest, progress=None):
            def write(done, total):
                if self.full and done:
                    self.full = False
                    raise OSError(errno.ENOSPC, "No space left on device")
                if progress:
                    progress(done, total)

            await inner.download(ref, status, dest, write)

    disk = DiskFillsOnce()
    services.runner.providers = lambda name: disk
    job = await services.runner.submit(request(duration=8))
    job = await services.runner.wait(job.id)
    assert job.state is JobState.STALLED, job  # before: failed, "Something went wrong inside Studio"
    assert job.waiting_for == "free disk space"
    assert "disk is full" in job.error_message and "studio-cli jobs resume" in job.error_message

    resumed = await services.runner.resume(job.id)  # the window's "Resume"
    job = await services.runner.wait(resumed.id)
    assert job.state is JobState.DONE
    assert abs(probe(job.output_path).duration - 8.0) < 0.2
    stats = emulator.stats()
    assert stats["create_requests"] == 1
    assert stats["ranged_downloads"] == {job.remote_id: 1}  # continued from the bytes on disk
    await services.aclose()


async def test_cancelling_during_a_download_finishes_the_download(services, emulator):
    emulator.set_faults(download_chunk_delay=0.05)
    job = await services.runner.submit(request(duration=8))
    await wait_for_state(services.runner, job.id, JobState.DOWNLOADING)
    job = await services.runner.cancel(job.id)
    assert job.state is JobState.DONE, job  # the money is spent: the clip is kept
    assert abs(probe(job.output_path).duration - 8.0) < 0.2
    assert emulator.stats()["downloads"] == {job.remote_id: 1}
    await services.aclose()


async def test_after_a_crash_finished_results_are_fetched_before_new_submits(services, emulator):
    """Before: results waited for a provider slot behind new submits, and expired meanwhile."""
    services.settings.set("providers.replicate.concurrency", 1)
    provider = services.providers("replicate")
    spec = services.catalog.get(MODEL)
    dead = _dead_pid()
    queued = []
    for i in range(3):  # new work from the crashed run, older than the finished results
        _, valid = services.runner.prepare(request(f"new shot {i}"))
        queued.append(_as_orphan(services, Job.new(spec.id, valid.request.to_dict()), dead))
    emulator.set_faults(latency=0.1)
    finished = []
    for i in range(3):
        s, valid = validated("google/veo-3.1-fast", prompt=f"finished shot {i}", duration=4)
        ref = await provider.submit(s, valid, f"key{i}")
        status = await poll_until_done(provider, ref)
        job = Job.new(spec.id, services.runner.prepare(request(f"finished shot {i}"))[1].request.to_dict())
        job = job.transition(JobState.SUBMITTING).transition(
            JobState.SUBMITTED, remote_id=ref.remote_id, remote={**ref.to_dict(), "result": status.result}
        )
        finished.append(_as_orphan(services, job.transition(JobState.DOWNLOADING), dead))
    # The provider keeps results for 2.5 s here (an hour at Replicate); each new job takes 1.5 s.
    emulator.set_faults(latency=1.5, retention=2.5)

    resumed = await services.runner.start()
    assert len(resumed) == 6
    results = [await services.runner.wait(j.id) for j in finished]
    assert [j.state for j in results] == [JobState.DONE] * 3, [j.error_message for j in results]
    others = [await services.runner.wait(j.id) for j in queued]
    assert [j.state for j in others] == [JobState.DONE] * 3
    await services.aclose()


def _dead_pid() -> int:
    gone = subprocess.Popen(["true"])
    gone.wait()
    return gone.pid


def _as_orphan(services, job: Job, pid: int) -> Job:
    services.jobstore.save(job)
    with sqlite3.connect(services.paths.db) as conn:
        conn.execute("UPDATE jobs SET owner_pid = ? WHERE id = ?", (pid, job.id))
    return job


__all__ = ["RemoteRef"]
