"""The SQLite job store: durable rows, history queries, orphan adoption, spend."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys

import pytest

from studio.core.jobs import Job, JobState
from studio.services.jobstore import JobStore

S = JobState
UNFINISHED = [S.QUEUED, S.SUBMITTING, S.SUBMITTED, S.RUNNING, S.DOWNLOADING, S.UNKNOWN]


@pytest.fixture
def store(tmp_path):
    s = JobStore(tmp_path / "db" / "studio.db")
    yield s
    s.close()


def make(prompt="a cat", model="replicate:google/veo-3.1-fast", created=1000.0, state=S.QUEUED, **kw) -> Job:
    return Job.new(model, {"prompt": prompt}, state=state, created_at=created, updated_at=created, **kw)


def raw(store: JobStore, sql: str, *args):
    conn = sqlite3.connect(store.path)
    try:
        with conn:
            return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


# -- round trip --------------------------------------------------------------------------


def test_every_field_round_trips(store):
    job = Job(
        id="abc123",
        model_id="replicate:acme/vid",
        request={"prompt": "ünïcode ✓", "duration": 8.0, "reference_images": ["a.png"], "extra": {"k": [1, 2]}},
        state=S.DOWNLOADING,
        idempotency_key="idem-1",
        remote_id="r-1",
        remote={"urls": {"get": "http://x"}, "n": 1},
        cost_quote=1.25,
        currency="EUR",
        progress=0.75,
        error={"kind": "transient", "message": "Retrying."},
        output_path="/clips/abc.mp4",
        project_dir="/projects/p",
        shot_id="shot-1",
        attempts=3,
        created_at=1.5,
        updated_at=2.5,
        submitted_at=3.5,
        finished_at=4.5,
    )
    store.save(job)
    assert store.get("abc123") == job


def test_none_fields_round_trip(store):
    job = make()
    store.save(job)
    back = store.get(job.id)
    assert back == job
    assert back.remote == {} and back.error is None and back.remote_id is None


def test_get_unknown_is_none(store):
    assert store.get("nope") is None


def test_save_replaces_the_row_and_survives_reopening(store, tmp_path):
    job = make()
    store.save(job)
    job = job.transition(S.SUBMITTING)
    job = job.transition(S.SUBMITTED, remote_id="remote-9")
    store.save(job)
    assert raw(store, "SELECT COUNT(*) FROM jobs")[0][0] == 1
    other = JobStore(store.path)
    try:
        back = other.get(job.id)
        assert back.state is S.SUBMITTED
        assert back.remote_id == "remote-9"
        assert back.submitted_at == job.submitted_at
    finally:
        other.close()


def test_row_records_its_owner(store):
    job = make()
    store.save(job)
    pid, host = raw(store, "SELECT owner_pid, owner_host FROM jobs WHERE id = ?", job.id)[0]
    assert pid == os.getpid()
    assert host == socket.gethostname()


def test_wal_mode(store):
    assert raw(store, "PRAGMA journal_mode")[0][0].lower() == "wal"
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"


def test_find_by_prefix(store):
    a = store.save(Job(id="aaa111", model_id="m:x", request={}))
    store.save(Job(id="aaa222", model_id="m:x", request={}))
    assert store.find("aaa1") == a
    assert store.find("aaa111") == a
    assert store.find("aaa") is None  # ambiguous
    assert store.find("zzz") is None


# -- history queries ---------------------------------------------------------------------


def test_list_is_newest_first_with_limit(store):
    jobs = [make(prompt=f"p{i}", created=1000.0 + i) for i in range(5)]
    for job in (jobs[2], jobs[0], jobs[4], jobs[1], jobs[3]):
        store.save(job)
    assert [j.prompt for j in store.list()] == ["p4", "p3", "p2", "p1", "p0"]
    assert [j.prompt for j in store.list(limit=2)] == ["p4", "p3"]


def test_list_by_state_and_states(store):
    q = store.save(make(prompt="q", created=1))
    r = store.save(make(prompt="r", created=2, state=S.RUNNING))
    d = store.save(make(prompt="d", created=3, state=S.DONE))
    assert [j.id for j in store.list(state=S.RUNNING)] == [r.id]
    assert [j.id for j in store.list(state="done")] == [d.id]
    assert [j.id for j in store.list(state=[S.QUEUED, "done"])] == [d.id, q.id]
    assert store.list(state=[S.FAILED]) == []


def test_list_by_text_treats_wildcards_literally(store):
    pct = store.save(make(prompt="100% zoom", created=1))
    store.save(make(prompt="1000 zoom", created=2))
    under = store.save(make(prompt="snake_case title", created=3))
    store.save(make(prompt="snakeXcase title", created=4))
    back = store.save(make(prompt=r"path C:\clips", created=5))
    store.save(make(prompt="A CAT at night", created=6))
    assert [j.id for j in store.list(text="100%")] == [pct.id]
    assert [j.id for j in store.list(text="%")] == [pct.id]
    assert [j.id for j in store.list(text="e_c")] == [under.id]
    assert [j.id for j in store.list(text="_")] == [under.id]
    assert [j.id for j in store.list(text="\\")] == [back.id]
    assert [j.prompt for j in store.list(text="cat")] == ["A CAT at night"]  # case-insensitive
    assert store.list(text="nothing like this") == []


def test_list_by_model_exact_or_prefix(store):
    veo = store.save(make(model="replicate:google/veo-3.1-fast", created=1))
    kling = store.save(make(model="replicate:kwaivgi/kling", created=2))
    anim = store.save(make(model="animatic:kenburns", created=3))
    assert [j.id for j in store.list(model="animatic:kenburns")] == [anim.id]
    assert [j.id for j in store.list(model="replicate:")] == [kling.id, veo.id]
    assert [j.id for j in store.list(model="replicate:google")] == [veo.id]
    assert store.list(model="openai:") == []


def test_model_prefix_wildcards_are_literal(store):
    store.save(make(model="acme:vidXone", created=1))
    exact = store.save(make(model="acme:vid_one", created=2))
    assert [j.id for j in store.list(model="acme:vid_")] == [exact.id]
    assert store.list(model="acme:%") == []


def test_list_since_inclusive_until_exclusive(store):
    for t in (100.0, 200.0, 300.0, 400.0):
        store.save(make(prompt=str(int(t)), created=t))
    assert [j.prompt for j in store.list(since=200.0)] == ["400", "300", "200"]
    assert [j.prompt for j in store.list(until=300.0)] == ["200", "100"]
    assert [j.prompt for j in store.list(since=200.0, until=400.0)] == ["300", "200"]


def test_filters_combine(store):
    hit = store.save(make(prompt="red fox", model="replicate:a", created=50, state=S.DONE))
    store.save(make(prompt="red fox", model="replicate:a", created=50, state=S.FAILED))
    store.save(make(prompt="red fox", model="animatic:kenburns", created=50, state=S.DONE))
    store.save(make(prompt="blue fox", model="replicate:a", created=50, state=S.DONE))
    store.save(make(prompt="red fox", model="replicate:a", created=5, state=S.DONE))
    found = store.list(state=S.DONE, text="red", model="replicate:", since=10, until=100)
    assert [j.id for j in found] == [hit.id]


# -- orphans -----------------------------------------------------------------------------


def set_owner(store: JobStore, job_id: str, pid: int | None, host: str | None = None, token: str | None = None) -> None:
    """Record an owner; without ``token`` the row looks like one written before owner locks (schema 1)."""
    raw(
        store,
        "UPDATE jobs SET owner_pid = ?, owner_host = ?, owner_token = ? WHERE id = ?",
        pid, host or socket.gethostname(), token, job_id,
    )


def owner_of(store: JobStore, job_id: str) -> tuple:
    return tuple(raw(store, "SELECT owner_pid, owner_host FROM jobs WHERE id = ?", job_id)[0])


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture
def python_sleeper():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    yield proc.pid
    proc.kill()
    proc.wait()


@pytest.fixture
def plain_sleeper():
    proc = subprocess.Popen(["sleep", "30"])
    yield proc.pid
    proc.kill()
    proc.wait()


def test_claim_adopts_rows_of_a_dead_owner(store):
    job = store.save(make(state=S.RUNNING))
    set_owner(store, job.id, dead_pid())
    claimed = store.claim_orphans(UNFINISHED)
    assert [j.id for j in claimed] == [job.id]
    assert claimed[0] == job
    assert owner_of(store, job.id) == (os.getpid(), socket.gethostname())


def test_claim_adopts_rows_without_an_owner(store):
    job = store.save(make(state=S.SUBMITTED))
    raw(store, "UPDATE jobs SET owner_pid = NULL, owner_host = NULL WHERE id = ?", job.id)
    assert [j.id for j in store.claim_orphans(UNFINISHED)] == [job.id]


def test_claim_leaves_rows_of_a_live_studio_process(store, python_sleeper):
    job = store.save(make(state=S.RUNNING))
    set_owner(store, job.id, python_sleeper)
    assert store.claim_orphans(UNFINISHED) == []
    assert owner_of(store, job.id)[0] == python_sleeper


def test_a_live_pid_that_is_not_studio_counts_as_recycled(store, plain_sleeper):
    # `sleep` holds the pid, but it is not a Studio (Python) process: the owner that wrote
    # the row is gone and the pid was reused, so the row is adopted.
    job = store.save(make(state=S.RUNNING))
    set_owner(store, job.id, plain_sleeper)
    if not os.path.exists(f"/proc/{plain_sleeper}/cmdline"):
        pytest.skip("no /proc: pids are trusted as they are")
    assert [j.id for j in store.claim_orphans(UNFINISHED)] == [job.id]


def test_claim_leaves_rows_of_another_host(store):
    job = store.save(make(state=S.RUNNING))
    set_owner(store, job.id, dead_pid(), host="some-other-machine")
    assert store.claim_orphans(UNFINISHED) == []


def test_claim_skips_terminal_rows(store):
    dead = dead_pid()
    finished = [store.save(make(state=s, created=i)) for i, s in enumerate((S.DONE, S.FAILED, S.CANCELLED))]
    live = store.save(make(state=S.QUEUED, created=10))
    for job in (*finished, live):
        set_owner(store, job.id, dead)
    assert [j.id for j in store.claim_orphans(UNFINISHED)] == [live.id]
    # even when a caller asks for every state, a finished job is never adopted
    for job in finished:
        set_owner(store, job.id, dead)
    claimed = store.claim_orphans(list(JobState))
    assert not any(j.state.terminal for j in claimed)
    for job in finished:
        assert owner_of(store, job.id)[0] == dead


def test_claim_only_the_states_asked_for_oldest_first(store):
    dead = dead_pid()
    a = store.save(make(state=S.UNKNOWN, created=2))
    b = store.save(make(state=S.SUBMITTED, created=1))
    c = store.save(make(state=S.QUEUED, created=3))
    for job in (a, b, c):
        set_owner(store, job.id, dead)
    claimed = store.claim_orphans([S.SUBMITTED, S.UNKNOWN])
    assert [j.id for j in claimed] == [b.id, a.id]
    assert owner_of(store, c.id)[0] == dead


def test_a_second_store_does_not_steal_rows_of_the_first_when_it_is_alive(tmp_path, python_sleeper):
    first = JobStore(tmp_path / "studio.db")
    second = JobStore(tmp_path / "studio.db")
    try:
        job = first.save(make(state=S.RUNNING))
        set_owner(first, job.id, python_sleeper)
        assert second.claim_orphans(UNFINISHED) == []
        assert first.claim_orphans(UNFINISHED) == []
    finally:
        first.close()
        second.close()


# -- spend -------------------------------------------------------------------------------


def test_spent_since_counts_jobs_that_may_be_billed(store):
    def save(state, cost, created=100.0, submitted=None):
        return store.save(make(state=state, created=created, cost_quote=cost, submitted_at=submitted))

    save(S.QUEUED, 1.0)  # about to be paid
    save(S.SUBMITTING, 2.0)
    save(S.UNKNOWN, 4.0)  # may have been paid
    save(S.RUNNING, 8.0, submitted=101.0)
    save(S.DONE, 16.0, submitted=101.0)
    save(S.FAILED, 32.0, submitted=101.0)  # failed after the provider took it: billed
    save(S.FAILED, 64.0)  # refused before submit: not billed
    save(S.CANCELLED, 128.0)  # cancelled before submit: not billed
    save(S.DONE, 256.0, created=10.0, submitted=11.0)  # too old
    save(S.DONE, None, submitted=101.0)  # no quote
    assert store.spent_since(50.0) == pytest.approx(1 + 2 + 4 + 8 + 16 + 32)
    assert store.spent_since(0.0) == pytest.approx(1 + 2 + 4 + 8 + 16 + 32 + 256)
    assert store.spent_since(1000.0) == 0.0
