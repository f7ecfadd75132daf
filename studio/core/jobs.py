"""The job record and its state machine.

``queued → submitting → submitted → running → downloading → done``, or ``failed``,
``cancelled``, ``unknown`` (a submit whose answer was lost; never resubmitted silently),
``stalled`` (a paid job held up by a temporary problem — an outage, a broken download, a
rejected key, a full disk — kept with its remote id and picked up again by the next resume).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from .errors import StudioError


class JobState(str, Enum):
    """Where a job is in its life."""

    QUEUED = "queued"
    SUBMITTING = "submitting"
    SUBMITTED = "submitted"
    RUNNING = "running"
    DOWNLOADING = "downloading"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"
    STALLED = "stalled"

    @property
    def terminal(self) -> bool:
        return self in TERMINAL_STATES

    @property
    def remote(self) -> bool:
        """True while the provider holds (and may be billing for) the job."""
        return self in (JobState.SUBMITTED, JobState.RUNNING, JobState.DOWNLOADING, JobState.STALLED)


TERMINAL_STATES = frozenset({JobState.DONE, JobState.FAILED, JobState.CANCELLED})

_S = JobState
ALLOWED_TRANSITIONS: dict[JobState, frozenset[JobState]] = {
    _S.QUEUED: frozenset({_S.SUBMITTING, _S.CANCELLED, _S.FAILED}),
    # Back to queued only when the provider provably did not take it (refused, never reached).
    _S.SUBMITTING: frozenset({_S.SUBMITTED, _S.QUEUED, _S.FAILED, _S.UNKNOWN, _S.CANCELLED}),
    _S.SUBMITTED: frozenset({_S.RUNNING, _S.DOWNLOADING, _S.FAILED, _S.CANCELLED, _S.STALLED}),
    _S.RUNNING: frozenset({_S.DOWNLOADING, _S.FAILED, _S.CANCELLED, _S.STALLED}),
    _S.DOWNLOADING: frozenset({_S.DONE, _S.FAILED, _S.CANCELLED, _S.STALLED}),
    # A paid job held up by a temporary problem; resuming polls again (or downloads, when the
    # result was already known). Never resubmitted: the remote id is kept.
    _S.STALLED: frozenset({_S.SUBMITTED, _S.RUNNING, _S.DOWNLOADING, _S.FAILED, _S.CANCELLED}),
    # A lost submit is resolved by reconciling with the provider's list: found (submitted),
    # or verifiably absent after a grace period (queued again, said so in the job), or by the person.
    _S.UNKNOWN: frozenset({_S.SUBMITTED, _S.RUNNING, _S.DOWNLOADING, _S.QUEUED, _S.FAILED, _S.CANCELLED}),
    _S.DONE: frozenset(),
    _S.FAILED: frozenset(),
    _S.CANCELLED: frozenset(),
}


class IllegalTransition(StudioError):
    """A state change the job state machine does not allow (a programming error)."""

    kind = "illegal_transition"


def check_transition(current: JobState, new: JobState) -> None:
    """Raise :class:`IllegalTransition` unless ``current → new`` is allowed."""
    if new not in ALLOWED_TRANSITIONS[current]:
        raise IllegalTransition(f"A job cannot go from {current.value} to {new.value}.")


@dataclass(frozen=True)
class Job:
    """One generation: what was asked, where it is, what it cost, where the clip went.

    Immutable: every change is a new Job from :meth:`transition` or :meth:`updated`, so the
    store and the events always see whole records.
    """

    id: str
    model_id: str
    request: dict[str, Any]
    state: JobState = JobState.QUEUED
    idempotency_key: str = field(default_factory=lambda: uuid.uuid4().hex)
    remote_id: str | None = None
    remote: dict[str, Any] = field(default_factory=dict)
    cost_quote: float | None = None
    currency: str = "USD"
    progress: float | None = None
    error: dict[str, Any] | None = None
    output_path: str | None = None
    project_dir: str | None = None
    shot_id: str | None = None
    attempts: int = 0
    created_at: float = field(default_factory=time.time)
    updated_at: float = field(default_factory=time.time)
    submitted_at: float | None = None
    finished_at: float | None = None

    @staticmethod
    def new(model_id: str, request: dict[str, Any], **kwargs: Any) -> "Job":
        return Job(id=uuid.uuid4().hex[:12], model_id=model_id, request=request, **kwargs)

    @property
    def prompt(self) -> str:
        return str(self.request.get("prompt", ""))

    def transition(self, new: JobState, **changes: Any) -> "Job":
        """The job in state ``new``; raises IllegalTransition when not allowed."""
        check_transition(self.state, new)
        now = time.time()
        extra: dict[str, Any] = {}
        if new is JobState.SUBMITTED and self.submitted_at is None:
            extra["submitted_at"] = now
        if new.terminal:
            extra["finished_at"] = now
        return replace(self, state=new, updated_at=now, **extra, **changes)

    def updated(self, **changes: Any) -> "Job":
        """The job with fields changed but the state kept."""
        if "state" in changes:
            raise IllegalTransition("Use transition() to change a job's state.")
        return replace(self, updated_at=time.time(), **changes)

    @property
    def warnings(self) -> list[str]:
        """What differs from the request in a delivered clip (length, picture shape, sound)."""
        return list(self.remote.get("warnings") or ())

    @property
    def waiting_for(self) -> str | None:
        """What a stalled job waits for ("the provider", "the download", "a working key", "disk space")."""
        return self.error.get("waiting_for") if self.error else None

    @property
    def error_message(self) -> str | None:
        return self.error.get("message") if self.error else None

    def elapsed(self, now: float | None = None) -> float:
        end = self.finished_at or (now if now is not None else time.time())
        return max(0.0, end - self.created_at)
