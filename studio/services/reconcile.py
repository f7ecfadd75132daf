"""Pairing lost submits with the provider's records, one to one.

A submit whose answer was lost (``unknown``) is looked for in the provider's list of recent
jobs. Identical requests are interchangeable: when several lost jobs share one request and
the provider shows several unclaimed jobs with that input, the oldest lost job takes the
oldest record, the next the next, and so on. Every job computes the same pairing from the
same data, so two jobs never claim one record and none waits for ever on an ambiguity.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Sequence

from studio.core.errors import LostSubmission, StudioError
from studio.core.jobs import Job, JobState
from studio.core.modelspec import ModelSpec
from studio.providers.base import Provider, RemoteRecord, RemoteRef

from .job_text import provider_label, short_reason

log = logging.getLogger("studio.services.runner")

# How far before its row a job's remote record may be stamped (clocks differ).
CLOCK_SLACK = 300.0


def record_matches(job: Job, model: str, record: RemoteRecord) -> bool:
    """Whether ``record`` could be the remote side of ``job`` (same model and input)."""
    if record.created_at < job.created_at - CLOCK_SLACK:
        return False
    if record.model and record.model != model:
        return False
    key = record.data.get("idempotency_key")
    if key is not None and key != job.idempotency_key:
        return False
    sent = record.input
    if sent.get("prompt", job.prompt) != job.prompt:
        return False
    duration = job.request.get("duration")
    for name in ("duration", "seconds"):
        if name in sent and duration is not None and _number(sent[name]) != _number(duration):
            return False
    seed = job.request.get("seed")
    if seed is not None and sent.get("seed") is not None and _number(sent["seed"]) != _number(seed):
        return False
    return True


def pair(job: Job, model: str, records: Iterable[RemoteRecord], siblings: Sequence[Job], known: set[str]) -> RemoteRecord | None:
    """The record that belongs to ``job``, or None when none is left for it.

    ``siblings`` are the lost jobs (``unknown`` or ``submitting``, no remote id) of the same
    model; those with exactly ``job``'s request share its records. ``known`` holds the
    remote ids other jobs already own.
    """
    unique = {r.remote_id: r for r in records if r.remote_id not in known and record_matches(job, model, r)}
    candidates = sorted(unique.values(), key=lambda r: (r.created_at, r.remote_id))
    twins = {j.id: j for j in siblings if _lost(j) and j.request == job.request}
    twins[job.id] = job
    order = sorted(twins.values(), key=_sent_at)
    index = [j.id for j in order].index(job.id)
    return candidates[index] if index < len(candidates) else None


class ReconcileMixin:
    """Finding lost submits at the provider; mixed into :class:`~studio.services.runner.Runner`."""

    async def _reconcile(self, job: Job, spec: ModelSpec, provider: Provider) -> Job:
        """Find a lost submit at the provider; requeue it only once the provider verifiably lacks it.

        Always ends: found (``submitted``), verifiably absent (``queued`` again, said so),
        or — when the provider cannot list, or past the deadline — ``unknown`` with a
        sentence, waiting for a person or the next resume.
        """
        attempt_at = float(job.remote.get("attempt_at") or job.updated_at)
        label = provider_label(job)
        deadline = time.monotonic() + self.timing.reconcile_deadline
        while True:
            self._check_cancel(job.id)
            remaining = deadline - time.monotonic()
            try:
                records = await asyncio.wait_for(provider.list_recent(since=job.created_at - 300), timeout=max(0.1, remaining))
            except asyncio.TimeoutError:
                return await self._wait_for_person(
                    job, f"{label} did not answer when asked for its recent jobs (within {self.timing.reconcile_deadline:.0f} s)"
                )
            except StudioError as error:
                return await self._wait_for_person(job, f"{label} could not list its recent jobs ({short_reason(error)})")
            if records is None:
                error = LostSubmission(
                    f"The answer to this job was lost and {spec.provider} cannot list recent jobs; "
                    "check its dashboard before generating again."
                )
                return await self._commit(job.updated(error=error.to_dict()))
            record = await asyncio.to_thread(self._matching_record, job, spec, records)
            if record is not None:
                ref = RemoteRef(provider=spec.provider, remote_id=record.remote_id, data=record.data)
                log.info("job %s reconciled with remote %s", job.id, record.remote_id)
                return await self._commit(
                    job.transition(JobState.SUBMITTED, remote_id=record.remote_id, remote=ref.to_dict(), error=None)
                )
            wait = attempt_at + self.timing.reconcile_grace - time.time()
            if wait <= 0 and job.attempts >= self.timing.max_submit_retries:
                failed = LostSubmission(
                    f"This job could not be sent to {label} after {job.attempts} attempts; "
                    "the provider has no record of it, so nothing was charged."
                )
                return await self._commit(job.transition(JobState.FAILED, error=failed.to_dict()))
            if wait <= 0:
                note = LostSubmission(
                    f"{label} has no record of this job {self.timing.reconcile_grace:.0f} s after it was "
                    "sent, so it never started; it was sent again."
                )
                log.info("job %s: not at %s after the grace period; queued again", job.id, spec.provider)
                return await self._commit(job.transition(JobState.QUEUED, error=note.to_dict()))
            pause = min(wait, self._pause() * 5)
            if time.monotonic() + pause > deadline:
                return await self._wait_for_person(
                    job, f"{label} did not show this job within {self.timing.reconcile_deadline:.0f} s"
                )
            job = await self._commit(
                job.updated(
                    error=LostSubmission(
                        "The answer to this job was lost; checking with the provider whether it arrived."
                    ).to_dict()
                )
            )
            await self._sleep(job.id, pause)

    async def _wait_for_person(self, job: Job, why: str) -> Job:
        """End a reconcile that cannot finish now: the job stays ``unknown`` and says why."""
        label = provider_label(job)
        waiting = LostSubmission(
            f"The answer to this job was lost and Studio cannot tell yet whether {label} received it: {why}. "
            f"The job is kept as unknown and nothing is sent again; check {label}'s dashboard, or run "
            "'studio-cli jobs resume' later to look again."
        )
        return await self._commit(self._current(job.id).updated(error=waiting.to_dict()))

    def _matching_record(self, job: Job, spec: ModelSpec, records):
        """The provider's record for ``job``: identical lost requests pair one to one by time."""
        recent = self.store.list(model=job.model_id, since=job.created_at - 3600, limit=1000)
        known = {j.remote_id for j in recent if j.remote_id}
        return pair(job, spec.model, records, recent, known)


def _lost(job: Job) -> bool:
    return job.remote_id is None and job.state in (JobState.UNKNOWN, JobState.SUBMITTING)


def _sent_at(job: Job) -> tuple[float, float, str]:
    return (float(job.remote.get("attempt_at") or job.created_at), job.created_at, job.id)


def _number(value) -> float | str:
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)
