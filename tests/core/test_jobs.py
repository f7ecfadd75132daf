"""The job state machine."""

from __future__ import annotations

import dataclasses

import itertools
import time

import pytest

from studio.core.errors import StudioError
from studio.core.jobs import (
    ALLOWED_TRANSITIONS,
    TERMINAL_STATES,
    IllegalTransition,
    Job,
    JobState,
    check_transition,
)

S = JobState

# The agreed life of a job, written out independently of the module's own table.
EXPECTED_ALLOWED = {
    (S.QUEUED, S.SUBMITTING),
    (S.QUEUED, S.CANCELLED),
    (S.QUEUED, S.FAILED),
    (S.SUBMITTING, S.SUBMITTED),
    (S.SUBMITTING, S.QUEUED),
    (S.SUBMITTING, S.FAILED),
    (S.SUBMITTING, S.UNKNOWN),
    (S.SUBMITTING, S.CANCELLED),
    (S.SUBMITTED, S.RUNNING),
    (S.SUBMITTED, S.DOWNLOADING),
    (S.SUBMITTED, S.FAILED),
    (S.SUBMITTED, S.CANCELLED),
    (S.RUNNING, S.DOWNLOADING),
    (S.RUNNING, S.FAILED),
    (S.RUNNING, S.CANCELLED),
    (S.DOWNLOADING, S.DONE),
    (S.DOWNLOADING, S.FAILED),
    (S.DOWNLOADING, S.CANCELLED),
    (S.UNKNOWN, S.SUBMITTED),
    # reconciled and verifiably absent at the provider: may be queued again (said so in the job)
    (S.UNKNOWN, S.QUEUED),
    (S.UNKNOWN, S.RUNNING),
    (S.UNKNOWN, S.DOWNLOADING),
    (S.UNKNOWN, S.FAILED),
    (S.UNKNOWN, S.CANCELLED),
    # a paid job held up by a temporary problem is kept, never failed for it …
    (S.SUBMITTED, S.STALLED),
    (S.RUNNING, S.STALLED),
    (S.DOWNLOADING, S.STALLED),
    # … and resumes where it was: polling, or fetching the known result
    (S.STALLED, S.SUBMITTED),
    (S.STALLED, S.RUNNING),
    (S.STALLED, S.DOWNLOADING),
    (S.STALLED, S.FAILED),
    (S.STALLED, S.CANCELLED),
}

ALL_PAIRS = list(itertools.product(list(JobState), repeat=2))


def job_in(state: JobState, **kwargs) -> Job:
    return Job.new("animatic:kenburns", {"prompt": "a lighthouse"}, state=state, **kwargs)


def test_a_stalled_job_is_unfinished_and_says_what_it_waits_for():
    job = job_in(S.RUNNING).transition(S.STALLED, error={"kind": "stalled", "message": "m", "waiting_for": "disk space"})
    assert not job.state.terminal and job.state.remote
    assert job.waiting_for == "disk space"
    assert job_in(S.DONE, remote={"warnings": ["short"]}).warnings == ["short"]


def test_table_matches_the_agreed_life():
    table = {(a, b) for a, targets in ALLOWED_TRANSITIONS.items() for b in targets}
    assert table == EXPECTED_ALLOWED
    assert set(ALLOWED_TRANSITIONS) == set(JobState)


@pytest.mark.parametrize("current, new", ALL_PAIRS, ids=lambda s: s.value)
def test_every_pair(current, new):
    job = job_in(current)
    if (current, new) in EXPECTED_ALLOWED:
        check_transition(current, new)
        moved = job.transition(new)
        assert moved.state is new
        assert job.state is current, "transition must not mutate the original"
    else:
        with pytest.raises(IllegalTransition) as info:
            job.transition(new)
        assert current.value in str(info.value) and new.value in str(info.value)
        with pytest.raises(IllegalTransition):
            check_transition(current, new)


def test_self_transitions_are_never_allowed():
    for state in JobState:
        with pytest.raises(IllegalTransition):
            job_in(state).transition(state)


def test_terminal_states():
    assert TERMINAL_STATES == {S.DONE, S.FAILED, S.CANCELLED}
    for state in JobState:
        assert state.terminal is (state in (S.DONE, S.FAILED, S.CANCELLED))
    assert not S.UNKNOWN.terminal
    for state in TERMINAL_STATES:
        assert ALLOWED_TRANSITIONS[state] == frozenset()


def test_remote_states():
    assert {s for s in JobState if s.remote} == {S.SUBMITTED, S.RUNNING, S.DOWNLOADING, S.STALLED}


def test_illegal_transition_is_a_studio_error():
    assert issubclass(IllegalTransition, StudioError)


def test_happy_path_sets_timestamps():
    job = job_in(S.QUEUED)
    assert job.submitted_at is None and job.finished_at is None
    before = time.time()
    job = job.transition(S.SUBMITTING)
    assert job.submitted_at is None
    job = job.transition(S.SUBMITTED, remote_id="abc")
    assert job.remote_id == "abc"
    assert job.submitted_at is not None and job.submitted_at >= before
    submitted_at = job.submitted_at
    job = job.transition(S.RUNNING, progress=0.5)
    assert job.progress == 0.5
    assert job.submitted_at == submitted_at
    assert job.finished_at is None
    job = job.transition(S.DOWNLOADING)
    assert job.finished_at is None
    job = job.transition(S.DONE, output_path="/tmp/x.mp4")
    assert job.finished_at is not None and job.finished_at >= submitted_at
    assert job.updated_at == job.finished_at
    assert job.output_path == "/tmp/x.mp4"


def test_submitted_at_is_kept_when_reconciled_from_unknown():
    job = job_in(S.SUBMITTING).transition(S.UNKNOWN)
    assert job.submitted_at is None
    job = job.transition(S.SUBMITTED)
    assert job.submitted_at is not None
    original = job_in(S.UNKNOWN, submitted_at=100.0).transition(S.SUBMITTED)
    assert original.submitted_at == 100.0


@pytest.mark.parametrize("end", [S.FAILED, S.CANCELLED])
def test_failed_and_cancelled_set_finished_at(end):
    job = job_in(S.QUEUED).transition(end)
    assert job.finished_at is not None
    assert job.state.terminal


def test_transition_updates_updated_at():
    job = job_in(S.QUEUED, updated_at=1.0)
    assert job.transition(S.SUBMITTING).updated_at > 1.0


def test_updated_refuses_state_changes():
    job = job_in(S.QUEUED)
    with pytest.raises(IllegalTransition):
        job.updated(state=S.DONE)
    with pytest.raises(IllegalTransition):
        job.updated(state=S.QUEUED, progress=0.1)


def test_updated_changes_fields_and_keeps_state():
    job = job_in(S.RUNNING, updated_at=1.0)
    new = job.updated(progress=0.25, attempts=2)
    assert new.state is S.RUNNING
    assert (new.progress, new.attempts) == (0.25, 2)
    assert new.updated_at > 1.0
    assert job.progress is None, "the original is immutable"
    with pytest.raises(dataclasses.FrozenInstanceError):
        job.progress = 0.5


def test_new_job_defaults():
    a = Job.new("m:x", {"prompt": "p"})
    b = Job.new("m:x", {"prompt": "p"})
    assert a.id != b.id
    assert a.idempotency_key != b.idempotency_key
    assert a.state is S.QUEUED
    assert a.prompt == "p"
    assert Job.new("m:x", {}).prompt == ""


def test_error_message_and_elapsed():
    job = job_in(S.QUEUED, created_at=100.0)
    assert job.error_message is None
    assert job.elapsed(now=130.0) == 30.0
    assert job.elapsed(now=50.0) == 0.0
    failed = job.transition(S.FAILED, error={"kind": "auth", "message": "No key."})
    assert failed.error_message == "No key."
    done = job.updated(finished_at=110.0)
    assert done.elapsed(now=1000.0) == 10.0
