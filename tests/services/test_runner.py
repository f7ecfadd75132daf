"""The job engine end to end on the offline animatic provider, plus scripted failures."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest

from studio.core.errors import InvalidRequest, LostSubmission, QuotaError, RateLimited, TransientError
from studio.core.jobs import Job, JobState
from studio.core.request import GenerationRequest
from studio.providers.base import RemoteRecord, SubmitNotSent
from studio.services.context import build_services
from studio.services.media import probe
from studio.services.runner import Timing

FAST = Timing(poll_first=0.05, poll_max=0.2, retry_base=0.05, retry_max=0.2, reconcile_grace=0.3)


@pytest.fixture
def services(studio_home):
    svc = build_services(studio_home, timing=FAST, log_to_file=False)
    svc.settings.set("animatic.queue_seconds", 0.05)
    yield svc


def request(prompt="A red kite over green hills", **kw):
    kw.setdefault("duration", 1.0)
    kw.setdefault("resolution", "480p")
    return GenerationRequest("animatic:kenburns", prompt, **kw)


class Scripted:
    """Wraps the real animatic provider and fails its submit as scripted, counting calls."""

    def __init__(self, inner, failures, *, idempotent=False):
        self.inner = inner
        self.failures = list(failures)
        self.name = inner.name
        self.supports_idempotency = idempotent
        self.max_concurrency = 2
        self.submits = 0

    async def submit(self, spec, req, key):
        self.submits += 1
        if self.failures:
            raise self.failures.pop(0)
        return await self.inner.submit(spec, req, key)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def script(services, failures, **kw):
    scripted = Scripted(services.providers("animatic"), failures, **kw)
    services.runner.providers = lambda name: scripted
    return scripted


async def test_animatic_job_runs_to_done_with_a_valid_clip_and_provenance(services):
    states = []
    services.runner.job_changed.connect(lambda job: states.append(job.state))
    job = await services.runner.submit(request())
    job = await services.runner.wait(job.id)
    await services.aclose()

    assert job.state is JobState.DONE
    info = probe(job.output_path)
    assert info.video.width == 854 and info.video.height == 480
    assert info.audio is not None
    assert abs(info.duration - 1.0) < 0.1
    sidecar = json.loads(open(job.output_path[:-4] + ".json").read())
    assert sidecar["job_id"] == job.id and sidecar["label"] == "offline animatic, not AI"
    order = [s for i, s in enumerate(states) if i == 0 or states[i - 1] is not s]
    # "running" shows only when a poll catches the render in progress; a fast one skips it.
    assert [s for s in order if s is not JobState.RUNNING] == [
        JobState.QUEUED,
        JobState.SUBMITTING,
        JobState.SUBMITTED,
        JobState.DOWNLOADING,
        JobState.DONE,
    ]
    stored = build_services(services.paths.home, log_to_file=False).jobstore.get(job.id)
    assert stored.state is JobState.DONE and stored.remote_id


async def test_invalid_requests_are_refused_before_a_row_exists(services):
    with pytest.raises(InvalidRequest) as zero:
        await services.runner.submit(request(duration=0))
    assert zero.value.field == "duration"
    with pytest.raises(InvalidRequest) as unknown:
        await services.runner.submit(GenerationRequest("replicate:nobody/nothing", "x"))
    assert unknown.value.field == "model"
    assert services.jobstore.list() == []
    await services.aclose()


async def test_budget_cap_refuses_a_paid_job(services):
    services.settings.set("budget_cap", 1.0)
    spec = services.catalog.get("animatic:kenburns")
    priced = spec.to_dict() | {"id": "animatic:priced", "model": "priced"}
    priced["price"] = {"rows": [{"per_second": 0.75}]}
    from studio.core.modelspec import ModelSpec

    services.catalog.add_user_spec(ModelSpec.from_dict(priced))
    first = await services.runner.submit(GenerationRequest("animatic:priced", "one", duration=1.0, resolution="480p"))
    await services.runner.wait(first.id)
    with pytest.raises(QuotaError, match="budget cap"):
        await services.runner.submit(GenerationRequest("animatic:priced", "two", duration=1.0, resolution="480p"))
    await services.aclose()


async def test_cancel_stops_the_job_here_and_at_the_provider(services):
    services.settings.set("animatic.queue_seconds", 5.0)
    job = await services.runner.submit(request())
    for _ in range(100):
        if services.runner.get(job.id).state is JobState.SUBMITTED:
            break
        await asyncio.sleep(0.02)
    job = await services.runner.cancel(job.id)
    assert job.state is JobState.CANCELLED
    folder = services.paths.home / "animatic" / job.remote_id
    assert (folder / "cancelled").exists()
    assert not list(services.paths.clips.glob("*.mp4"))
    await services.aclose()


async def test_a_provider_that_cannot_stop_a_job_keeps_it_and_its_video(services):
    """Vertex, the Videos API and Kie bill a started job anyway: cancel refuses and the clip arrives."""
    from studio.core.errors import NotCancellable

    services.settings.set("animatic.queue_seconds", 1.0)
    scripted = script(services, [])
    scripted.cancellable = False
    job = await services.runner.submit(request())
    for _ in range(100):
        if services.runner.get(job.id).state is JobState.SUBMITTED:
            break
        await asyncio.sleep(0.02)
    with pytest.raises(NotCancellable, match="cannot be stopped once it has started"):
        await services.runner.cancel(job.id)
    job = await services.runner.wait(job.id)
    assert job.state is JobState.DONE and probe(job.output_path).duration > 0
    await services.aclose()


async def test_a_refusal_the_transport_gave_up_on_is_not_sent_again_by_the_runner(services):
    """Retries live in the transport: the runner never repeats a create it was refused."""
    scripted = script(services, [RateLimited("Replicate kept asking Studio to slow down; nothing was charged.")])
    job = await services.runner.wait((await services.runner.submit(request())).id)
    assert job.state is JobState.FAILED and scripted.submits == 1
    assert "nothing was charged" in job.error_message
    await services.aclose()


async def test_submit_that_never_left_fails_once_and_says_nothing_was_charged(services):
    scripted = script(services, [SubmitNotSent("connect failed")])
    job = await services.runner.wait((await services.runner.submit(request())).id)
    assert job.state is JobState.FAILED and scripted.submits == 1
    assert "nothing was charged" in job.error_message
    await services.aclose()


@pytest.mark.parametrize("failure", [TransientError("502 after send"), LostSubmission("read timeout")])
async def test_ambiguous_submit_is_reconciled_not_blindly_resent(services, failure):
    """The create failed after it was sent: the provider did create it, so we adopt, never resend."""
    inner = services.providers("animatic")

    class CreatedThenLost(Scripted):
        async def submit(self, spec, req, key):
            self.submits += 1
            await inner.submit(spec, req, key)  # it reached the provider…
            raise failure  # …but the answer was lost

    scripted = CreatedThenLost(inner, [])
    services.runner.providers = lambda name: scripted
    seen = []
    services.runner.job_changed.connect(lambda j: seen.append(j.state))
    job = await services.runner.wait((await services.runner.submit(request())).id)
    assert JobState.UNKNOWN in seen
    assert job.state is JobState.DONE
    assert scripted.submits == 1
    await services.aclose()


async def test_unknown_job_is_reconciled_from_the_providers_list(services):
    """A crash between committing 'submitting' and hearing back: the provider did take it."""
    spec = services.catalog.get("animatic:kenburns")
    provider = services.providers("animatic")
    validated = services.runner.prepare(request("reconcile me"))[1]
    job = Job.new(spec.id, validated.request.to_dict()).transition(JobState.SUBMITTING)
    await provider.submit(spec, validated, job.idempotency_key)  # it reached the provider…
    _save_as_dead_process(services, job)  # …and then the process died

    resumed = await services.runner.start()
    assert [j.id for j in resumed] == [job.id]
    final = await services.runner.wait(job.id)
    assert final.state is JobState.DONE
    assert final.remote_id.startswith("anim-")
    await services.aclose()


async def test_lost_submit_the_provider_never_got_is_sent_once_after_the_grace_period(services):
    scripted = script(services, [])
    spec = services.catalog.get("animatic:kenburns")
    validated = services.runner.prepare(request("never arrived"))[1]
    job = Job.new(spec.id, validated.request.to_dict()).transition(JobState.SUBMITTING)
    _save_as_dead_process(services, job)
    messages = []
    services.runner.job_changed.connect(lambda j: messages.append((j.state, j.error_message)))
    await services.runner.start()
    final = await services.runner.wait(job.id)
    assert final.state is JobState.DONE
    assert scripted.submits == 1
    assert any(state is JobState.QUEUED and "never started" in (text or "") for state, text in messages)


async def test_lost_submits_with_identical_requests_pair_one_to_one_by_time(services):
    """Four lost jobs sharing one request, four records at the provider: each gets its own."""
    now = time.time()
    records = [RemoteRecord(f"r{i}", "kenburns", now + i, {"prompt": "twin"}) for i in range(4)]

    class Listing:
        name = "animatic"
        supports_idempotency = False
        max_concurrency = 1

        async def list_recent(self, since):
            return list(reversed(records))  # newest first, as providers list

    spec = services.catalog.get("animatic:kenburns")
    jobs = []
    for i in range(4):
        job = Job.new(spec.id, {"prompt": "twin", "duration": 1.0}, created_at=now - 10 + i)
        job = job.transition(JobState.SUBMITTING, remote={"attempt_at": now - 5 + i}).transition(JobState.UNKNOWN)
        jobs.append(services.jobstore.save(job))
    results = []
    for job in reversed(jobs):  # the order they reconcile in must not matter
        results.append(await services.runner._reconcile(job, spec, Listing()))
    assert all(r.state is JobState.SUBMITTED for r in results)
    assert {r.id: r.remote_id for r in results} == {j.id: f"r{i}" for i, j in enumerate(jobs)}
    await services.aclose()


async def test_lost_submit_at_a_provider_without_a_list_waits_for_a_person(services):
    class NoList:
        name = "animatic"

        async def list_recent(self, since):
            return None

    spec = services.catalog.get("animatic:kenburns")
    job = Job.new(spec.id, {"prompt": "x", "duration": 1.0}).transition(JobState.SUBMITTING)
    job = services.jobstore.save(job.transition(JobState.UNKNOWN))
    result = await services.runner._reconcile(job, spec, NoList())
    assert result.state is JobState.UNKNOWN and "dashboard" in result.error["message"]
    await services.aclose()


async def test_jobs_of_a_live_process_are_not_adopted(services):
    owner = subprocess.Popen(
        [sys.executable, "-m", "tests.services._store_worker", "own", str(services.paths.db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        token = owner.stdout.readline().strip()
        spec = services.catalog.get("animatic:kenburns")
        job = Job.new(spec.id, request().to_dict())
        _save_as_dead_process(services, job, pid=owner.pid)
        with sqlite3.connect(services.paths.db) as conn:
            conn.execute("UPDATE jobs SET owner_token = ? WHERE id = ?", (token, job.id))
        assert await services.runner.start() == []
    finally:
        owner.stdin.close()
        owner.wait()
    await services.aclose()


async def test_reconcile_skips_records_that_belong_to_other_jobs(services):
    """Two identical prompts: the provider's record must match this job's key, not the other's."""

    class Listing:
        name = "animatic"
        supports_idempotency = False
        max_concurrency = 1

        async def list_recent(self, since):
            return [RemoteRecord("other", "kenburns", since + 200, {"prompt": "same"}, data={"idempotency_key": "x"})]

    services.runner.providers = lambda name: Listing()
    spec = services.catalog.get("animatic:kenburns")
    job = Job.new(spec.id, {"prompt": "same", "duration": 1.0}).transition(JobState.SUBMITTING).transition(JobState.UNKNOWN)
    services.jobstore.save(job)
    result = await services.runner._reconcile(job, spec, Listing())
    assert result.remote_id is None and result.state is JobState.QUEUED
    await services.aclose()


def _save_as_dead_process(services, job, pid=None):
    services.jobstore.save(job)
    if pid is None:
        dead = subprocess.Popen(["true"])
        dead.wait()
        pid = dead.pid
    with sqlite3.connect(services.paths.db) as conn:
        conn.execute("UPDATE jobs SET owner_pid = ? WHERE id = ?", (pid, job.id))
    assert os.path.exists(services.paths.db)


async def test_cancel_during_a_slow_submit_records_then_cancels_the_remote_job(services):
    inner = services.providers("animatic")

    class Slow(Scripted):
        async def submit(self, spec, req, key):
            self.submits += 1
            await asyncio.sleep(0.4)  # the POST is on the wire
            return await inner.submit(spec, req, key)

    scripted = Slow(inner, [])
    services.runner.providers = lambda name: scripted
    services.settings.set("animatic.queue_seconds", 5.0)
    job = await services.runner.submit(request())
    while job.id not in services.runner._submitting:
        await asyncio.sleep(0.01)
    job = await services.runner.cancel(job.id)
    assert job.state is JobState.CANCELLED
    assert job.remote_id, "the remote id that arrived during the cancel was kept"
    assert (services.paths.home / "animatic" / job.remote_id / "cancelled").exists()
    assert scripted.submits == 1
    await services.aclose()


async def test_a_crash_inside_a_submit_leaves_the_job_unknown_not_failed(services):
    scripted = script(services, [RuntimeError("bug while reading the answer")])
    seen = []
    services.runner.job_changed.connect(lambda j: seen.append(j.state))
    job = await services.runner.wait((await services.runner.submit(request())).id)
    assert JobState.UNKNOWN in seen and JobState.FAILED not in seen
    # the provider never got it (the list says so after the grace period): sent once more
    assert job.state is JobState.DONE and scripted.submits == 2
    await services.aclose()


async def test_a_record_listed_twice_is_one_match(services):
    """Offset pagination can repeat a record while jobs are created; it is still one job."""
    record = RemoteRecord("r1", "kenburns", time.time(), {"prompt": "once"})

    class Listing:
        name = "animatic"

        async def list_recent(self, since):
            return [record, record]

    spec = services.catalog.get("animatic:kenburns")
    job = Job.new(spec.id, {"prompt": "once", "duration": 1.0}).transition(JobState.SUBMITTING)
    job = services.jobstore.save(job.transition(JobState.UNKNOWN))
    result = await services.runner._reconcile(job, spec, Listing())
    assert result.state is JobState.SUBMITTED and result.remote_id == "r1"
    await services.aclose()
