"""Pairing lost submits with the provider's records, one to one.

A submit whose answer was lost (``unknown``) is looked for in the provider's list of recent
jobs. Identical requests are interchangeable: when several lost jobs share one request and
the provider shows several unclaimed jobs with that input, the oldest lost job takes the
oldest record, the next the next, and so on. Every job computes the same pairing from the
same data, so two jobs never claim one record and none waits for ever on an ambiguity.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from studio.core.jobs import Job, JobState
from studio.providers.base import RemoteRecord

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


def _lost(job: Job) -> bool:
    return job.remote_id is None and job.state in (JobState.UNKNOWN, JobState.SUBMITTING)


def _sent_at(job: Job) -> tuple[float, float, str]:
    return (float(job.remote.get("attempt_at") or job.created_at), job.created_at, job.id)


def _number(value) -> float | str:
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)
