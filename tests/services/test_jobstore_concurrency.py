"""Money rules across processes, in the job store: one job per shot, the budget, owners, deliveries.

Every test here runs real processes on one SQLite file (tests/services/_store_worker.py):
what must hold is the transaction and the OS lock, not an in-memory flag.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.core.errors import QuotaError
from studio.core.jobs import Job, JobState
from studio.services.jobstore import SCHEMA_VERSION, JobStore

pytestmark = pytest.mark.concurrency

S = JobState
UNFINISHED = [S.QUEUED, S.SUBMITTING, S.SUBMITTED, S.RUNNING, S.DOWNLOADING, S.UNKNOWN]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "home" / "studio.db"


@pytest.fixture
def store(db):
    s = JobStore(db)
    yield s
    s.close()


def make(state=S.QUEUED, *, shot=None, project="/p", cost=None, created=None) -> Job:
    extra = {"created_at": created, "updated_at": created} if created is not None else {}
    return Job.new("replicate:google/veo-3.1-fast", {"prompt": "x"}, state=state, cost_quote=cost,
                   project_dir=project if shot else None, shot_id=shot, **extra)  # fmt: skip


def worker(*args: str, stdin=None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.services._store_worker", *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=stdin, text=True,
    )  # fmt: skip


def run_together(db: Path, count: int, *extra: str) -> list[dict]:
    """``count`` processes that each admit one job at the same instant."""
    at = time.time() + 2.0  # time for every interpreter to start on a loaded machine
    procs = [worker("admit", str(db), "--at", str(at), *extra) for _ in range(count)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    return results


@pytest.fixture
def live_owner(db):
    """Another live process holding a store on the same file; yields its owner token."""
    JobStore(db).close()  # create (and migrate) the file first
    proc = worker("own", str(db), stdin=subprocess.PIPE)
    token = proc.stdout.readline().strip()
    assert token, proc.stderr.read()
    yield proc, token
    if proc.poll() is None:
        proc.stdin.close()
        proc.wait(timeout=10)


def set_owner(db: Path, job_id: str, *, pid: int | None, token: str | None) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE jobs SET owner_pid = ?, owner_host = ?, owner_token = ? WHERE id = ?",
            (pid, socket.gethostname(), token, job_id),
        )


# -- one generation per shot ----------------------------------------------------------------


def test_a_second_admit_for_a_shot_in_flight_adopts_it(store):
    first = store.admit(make(shot="s1"))
    assert not first.adopted
    second = store.admit(make(shot="s1"))
    assert second.adopted and second.job.id == first.job.id
    assert len(store.list(shot_id="s1")) == 1
    # another shot, or the same shot id in another project, is its own
    assert not store.admit(make(shot="s2")).adopted
    assert not store.admit(make(shot="s1", project="/other")).adopted


def test_more_takes_are_let_through_only_when_asked_for(store):
    store.admit(make(shot="s1"))
    assert not store.admit(make(shot="s1"), takes=2).adopted
    assert store.admit(make(shot="s1"), takes=2).adopted
    assert len(store.list(shot_id="s1")) == 2


@pytest.mark.parametrize("state", [S.DONE, S.FAILED, S.CANCELLED])
def test_a_finished_job_does_not_block_a_new_take(store, state):
    store.save(make(state=state, shot="s1"))
    assert not store.admit(make(shot="s1")).adopted


def test_an_unknown_job_counts_as_in_flight(store):
    """A submit whose answer was lost may be running and billed: a second one would pay twice."""
    lost = store.save(make(state=S.UNKNOWN, shot="s1"))
    admission = store.admit(make(shot="s1"))
    assert admission.adopted and admission.job.id == lost.id


def test_eight_processes_admitting_one_shot_at_once_make_one_job(db, store):
    results = run_together(db, 8, "--project", "/p", "--shot", "s1")
    inserted = [r for r in results if not r["adopted"]]
    assert len(inserted) == 1
    assert {r["id"] for r in results} == {inserted[0]["id"]}
    assert len(store.list(shot_id="s1")) == 1


# -- budget -------------------------------------------------------------------------------------


def test_the_budget_check_sees_jobs_in_flight_at_their_quote(store):
    seen = []
    for state in (S.QUEUED, S.SUBMITTING, S.SUBMITTED, S.RUNNING, S.DOWNLOADING, S.UNKNOWN, S.DONE):
        store.save(make(state=state, cost=1.0, created=time.time()))
    store.save(make(state=S.FAILED, cost=100.0, created=time.time()))  # refused before it was sent
    store.save(make(state=S.DONE, cost=100.0, created=time.time() - 25 * 3600))  # too old
    store.admit(make(cost=0.5), check_budget=seen.append)
    assert seen == [pytest.approx(7.0)]


def test_a_refused_budget_check_inserts_nothing(store):
    def refuse(spent):
        raise QuotaError("over")

    with pytest.raises(QuotaError):
        store.admit(make(cost=0.5), check_budget=refuse)
    assert store.list() == []


def test_five_processes_against_a_one_dollar_cap_let_two_through(db, store):
    results = run_together(db, 5, "--cost", "0.40", "--cap", "1.00")
    assert sum(1 for r in results if "id" in r) == 2
    assert sum(1 for r in results if "refused" in r) == 3
    assert store.spent_since(0) == pytest.approx(0.80)


# -- owners -------------------------------------------------------------------------------------


def test_rows_of_a_live_owner_are_not_claimed_and_are_owned_elsewhere(db, store, live_owner):
    proc, token = live_owner
    job = store.save(make(state=S.RUNNING))
    set_owner(db, job.id, pid=proc.pid, token=token)
    assert store.claim_orphans(UNFINISHED) == []
    assert store.claim(job.id) is None
    assert store.owned_elsewhere(job.id)


def test_rows_of_a_killed_owner_are_claimed(db, store, live_owner):
    proc, token = live_owner
    job = store.save(make(state=S.RUNNING))
    set_owner(db, job.id, pid=proc.pid, token=token)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert not store.owned_elsewhere(job.id)
    assert [j.id for j in store.claim_orphans(UNFINISHED)] == [job.id]
    assert not (db.parent / "owners" / f"{token}.lock").exists()


def test_a_recorded_pid_now_held_by_an_unrelated_python_process_is_adoptable(db, store):
    """After a reboot the recorded pid may belong to anything, even another Python program."""
    unrelated = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        job = store.save(make(state=S.SUBMITTED))
        set_owner(db, job.id, pid=unrelated.pid, token=f"{unrelated.pid}-0123456789ab")
        assert not store.owned_elsewhere(job.id)
        assert store.claim(job.id).id == job.id
        assert not store.owned_elsewhere(job.id)
    finally:
        unrelated.kill()
        unrelated.wait()


def test_a_second_store_in_one_process_is_a_separate_owner(db, store):
    other = JobStore(db)
    try:
        job = other.save(make(state=S.RUNNING))
        assert store.owned_elsewhere(job.id)
        assert store.claim(job.id) is None
    finally:
        other.close()
    assert store.claim(job.id).id == job.id


def test_a_schema_1_database_is_migrated_in_place(db):
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as conn:
        conn.executescript(
            """
            CREATE TABLE jobs (id TEXT PRIMARY KEY, model_id TEXT NOT NULL, state TEXT NOT NULL,
              prompt TEXT NOT NULL DEFAULT '', request TEXT NOT NULL, idempotency_key TEXT NOT NULL,
              remote_id TEXT, remote TEXT, cost_quote REAL, currency TEXT, progress REAL, error TEXT,
              output_path TEXT, project_dir TEXT, shot_id TEXT, attempts INTEGER NOT NULL DEFAULT 0,
              created_at REAL NOT NULL, updated_at REAL NOT NULL, submitted_at REAL, finished_at REAL,
              owner_pid INTEGER, owner_host TEXT);
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            INSERT INTO meta VALUES ('schema_version', '1');
            INSERT INTO jobs (id, model_id, state, request, idempotency_key, created_at, updated_at, owner_pid)
              VALUES ('old1', 'animatic:kenburns', 'running', '{"prompt": "x"}', 'k', 1, 1, NULL);
            """
        )
    store = JobStore(db)
    try:
        assert store.get("old1").state is S.RUNNING
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
        assert [j.id for j in store.claim_orphans(UNFINISHED)] == ["old1"]
        store.add_delivery("old1", "/out/a.mp4")
        assert store.deliveries() == {"old1": ["/out/a.mp4"]}
    finally:
        store.close()
    JobStore(db).close()  # a second open finds the schema current and changes nothing


# -- deliveries ---------------------------------------------------------------------------------


def test_deliveries_round_trip(store):
    store.add_delivery("a", "/out/a.mp4")
    store.add_delivery("a", "/out/a.mp4")  # the same promise twice is one
    store.add_delivery("b", "/out/b.mp4")
    assert store.deliveries() == {"a": ["/out/a.mp4"], "b": ["/out/b.mp4"]}
    store.remove_delivery("a")
    assert store.deliveries() == {"b": ["/out/b.mp4"]}


def test_four_processes_adding_deliveries_lose_none(db, store):
    at = time.time() + 2.0
    procs = [worker("deliver", str(db), "--at", str(at), "--prefix", f"p{i}", "--count", "200") for i in range(4)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    promised = store.deliveries()
    assert len(promised) == 800
    assert promised["p3-199"] == ["/out/p3-199.mp4"]


def test_owner_lock_files_live_under_the_data_folder(db, store):
    assert (db.parent / "owners" / f"{store.owner_token}.lock").exists()
    assert str(os.getpid()) in store.owner_token


def test_lock_files_of_killed_owners_are_swept_by_the_next_store(db, live_owner):
    proc, token = live_owner
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert (db.parent / "owners" / f"{token}.lock").exists()
    JobStore(db).close()
    assert list((db.parent / "owners").glob("*.lock")) == []
