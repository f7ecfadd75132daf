"""Durable job rows in SQLite (WAL).

The row is committed before any remote call and the remote id the moment it arrives, so a
crash at any point leaves enough to resume (poll by remote id) or to reconcile (a submit
whose answer was lost becomes ``unknown``, never a silent second payment).

Each row records the process that owns it (``owner_pid``/``owner_host``); a runner only
adopts unfinished rows whose owner is gone, so the window and a CLI run can share a store.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.core.jobs import Job, JobState

from .owner_lock import OwnerLock
from .private_files import create_private, make_private

_COLUMNS = (
    "id",
    "model_id",
    "state",
    "prompt",
    "request",
    "idempotency_key",
    "remote_id",
    "remote",
    "cost_quote",
    "currency",
    "progress",
    "error",
    "output_path",
    "project_dir",
    "shot_id",
    "attempts",
    "created_at",
    "updated_at",
    "submitted_at",
    "finished_at",
)
_JSON_COLUMNS = {"request", "remote", "error"}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    model_id TEXT NOT NULL,
    state TEXT NOT NULL,
    prompt TEXT NOT NULL DEFAULT '',
    request TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    remote_id TEXT,
    remote TEXT,
    cost_quote REAL,
    currency TEXT,
    progress REAL,
    error TEXT,
    output_path TEXT,
    project_dir TEXT,
    shot_id TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    submitted_at REAL,
    finished_at REAL,
    owner_pid INTEGER,
    owner_host TEXT
);
CREATE INDEX IF NOT EXISTS jobs_state ON jobs(state);
CREATE INDEX IF NOT EXISTS jobs_created ON jobs(created_at);
CREATE INDEX IF NOT EXISTS jobs_model ON jobs(model_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""

SCHEMA_VERSION = "2"

# States in which a job may still be (or become) billed and may still produce a clip.
IN_FLIGHT = tuple(s.value for s in JobState if not s.terminal)

# A job that is paid or may yet be: in flight, done, or taken by the provider at some point
# (a failure after submit may be billed). Binds IN_FLIGHT's values.
_MAY_BE_BILLED = (
    f"(state IN ({', '.join('?' for _ in IN_FLIGHT)}, 'done') OR submitted_at IS NOT NULL OR remote_id IS NOT NULL)"
)

# Each step takes the schema from the version before it to its own number.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: (
        "ALTER TABLE jobs ADD COLUMN owner_token TEXT",
        "CREATE INDEX IF NOT EXISTS jobs_shot ON jobs(project_dir, shot_id)",
        # Where `studio-cli generate -o` promised each clip, so `jobs resume` can still write it.
        "CREATE TABLE IF NOT EXISTS deliveries ("
        " job_id TEXT NOT NULL, target TEXT NOT NULL, created_at REAL NOT NULL, PRIMARY KEY (job_id, target))",
    ),
}


@dataclass(frozen=True)
class Admission:
    """What a submit led to: a new job, or the shot's job already in flight (``adopted``)."""

    job: Job
    adopted: bool = False


def _use_wal(conn: sqlite3.Connection, patience: float = 30.0) -> None:
    """Put the database in WAL mode, waiting for other processes that are doing the same.

    WAL is stored in the file, so only a new database changes mode; but when two processes
    open a new database at once, SQLite answers the loser's ``journal_mode=WAL`` with "database
    is locked" at once, without its busy handler: wait for the winner instead of failing.
    """
    deadline = time.monotonic() + patience
    delay = 0.005
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


class JobStore:
    """All jobs ever run, with history queries by prompt text, model and date."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Prompts and spend are private: SQLite gives -wal and -shm the database file's mode.
        create_private(self.path)
        make_private(*(self.path.with_name(self.path.name + end) for end in ("-wal", "-shm", "-journal")))
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        self._conn.row_factory = sqlite3.Row
        _use_wal(self._conn)
        # FULL: a committed row (the one written before a paid call) survives power loss too.
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA busy_timeout=30000")
        self._conn.executescript(_SCHEMA)
        self._conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '1')")
        self._migrate()
        self._pid = os.getpid()
        self._host = socket.gethostname()
        self._owner = OwnerLock(self.path.parent / "owners")

    def _migrate(self) -> None:
        with self._transaction():
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0])
            for target in sorted(v for v in _MIGRATIONS if v > version):
                for statement in _MIGRATIONS[target]:
                    self._conn.execute(statement)
                self._conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(target),))

    @contextmanager
    def _transaction(self):
        """One write transaction that every process's writer queues behind (``BEGIN IMMEDIATE``)."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                # SQLite may have rolled back already (a full disk does): keep the real error.
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error:
                if self._conn.in_transaction:  # never leave a half transaction for the next writer
                    self._conn.execute("ROLLBACK")
                raise

    @property
    def owner_token(self) -> str:
        """The token this store writes into the rows it owns."""
        return self._owner.token

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            self._owner.release()

    # -- writes ----------------------------------------------------------------------

    def save(self, job: Job) -> Job:
        """Insert or replace the whole row, owned by this process, and commit."""
        with self._lock:
            self._insert(job)
        return job

    def _insert(self, job: Job) -> None:
        row = _to_row(job)
        names = ", ".join((*_COLUMNS, "owner_pid", "owner_host", "owner_token"))
        marks = ", ".join("?" for _ in range(len(_COLUMNS) + 3))
        self._conn.execute(
            f"INSERT OR REPLACE INTO jobs ({names}) VALUES ({marks})",
            (*[row[c] for c in _COLUMNS], self._pid, self._host, self._owner.token),
        )

    def admit(
        self,
        job: Job,
        *,
        takes: int = 1,
        check_budget: Callable[[float], None] | None = None,
        check_project_budget: Callable[[float], None] | None = None,
        adopts: Callable[[Job], bool] | None = None,
    ) -> Admission:
        """Insert a new job's row unless its shot already has ``takes`` generations in flight.

        Returns the inserted job, or the oldest job in flight (``adopted``) when that job
        should be adopted instead of paying again. ``check_budget(spent)`` is
        called with the last 24 hours' spending (jobs in flight counted at their quote) and
        raises to refuse; the check and the insert are one transaction, so processes that
        submit at the same moment cannot all pass the same check.
        ``check_project_budget(spent)`` is called the same way with everything the job's
        project has spent (or may yet spend) since it began.
        ``adopts`` narrows which jobs in flight count (a remix counts only the same remix of the
        same take).
        """
        with self._transaction():
            if job.shot_id is not None and job.project_dir is not None:
                marks = ", ".join("?" for _ in IN_FLIGHT)
                rows = self._conn.execute(
                    f"SELECT * FROM jobs WHERE project_dir = ? AND shot_id = ? AND state IN ({marks})"
                    " ORDER BY created_at",
                    (job.project_dir, job.shot_id, *IN_FLIGHT),
                ).fetchall()
                if adopts is not None:
                    rows = [row for row in rows if adopts(_from_row(row))]
                if len(rows) >= max(1, takes):
                    return Admission(_from_row(rows[0]), adopted=True)
            if check_budget is not None:
                check_budget(self._spent_since(time.time() - 24 * 3600))
            if check_project_budget is not None and job.project_dir is not None:
                check_project_budget(self._spent_on_project(job.project_dir))
            self._insert(job)
        return Admission(job)

    def admit_takes(
        self,
        jobs: list[Job],
        *,
        check_budget: Callable[[Job, float], None] | None = None,
        check_project_budget: Callable[[Job, float], None] | None = None,
    ) -> list[Admission]:
        """Admit ``jobs`` as the takes one shot should have in flight: ``len(jobs)`` at most.

        All jobs belong to one shot. In one transaction: the shot's jobs already in flight
        fill the first slots (adopted, oldest first), and only the rest are inserted, so a
        second click or another process asking for the same takes adopts instead of paying
        twice. ``check_budget(job, spent)`` runs before each insert with the spending that
        includes the jobs inserted before it; ``check_project_budget(job, spent)`` likewise
        with everything the shot's project has spent (or may yet spend).
        """
        if not jobs:
            return []
        first = jobs[0]
        with self._transaction():
            rows = []
            if first.shot_id is not None and first.project_dir is not None:
                marks = ", ".join("?" for _ in IN_FLIGHT)
                rows = self._conn.execute(
                    f"SELECT * FROM jobs WHERE project_dir = ? AND shot_id = ? AND state IN ({marks})"
                    " ORDER BY created_at LIMIT ?",
                    (first.project_dir, first.shot_id, *IN_FLIGHT, len(jobs)),
                ).fetchall()
            admitted = [Admission(_from_row(row), adopted=True) for row in rows]
            spent = self._spent_since(time.time() - 24 * 3600) if check_budget is not None else 0.0
            by_project = first.project_dir is not None and check_project_budget is not None
            project_spent = self._spent_on_project(first.project_dir) if by_project else 0.0
            for job in jobs[len(rows):]:
                if check_budget is not None:
                    check_budget(job, spent)
                if by_project:
                    check_project_budget(job, project_spent)
                spent += job.cost_quote or 0.0
                project_spent += job.cost_quote or 0.0
                self._insert(job)
                admitted.append(Admission(job))
        return admitted

    def claim(self, job_id: str) -> Job | None:
        """Take over one unfinished job whose owner is gone (or is this store); None if it is not ours to run."""
        with self._transaction():
            row = self._conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
            if row is None or JobState(row["state"]).terminal or self._owner_alive(row):
                return None
            self._take(row["id"])
        return _from_row(row)

    def _take(self, job_id: str) -> None:
        self._conn.execute(
            "UPDATE jobs SET owner_pid = ?, owner_host = ?, owner_token = ? WHERE id = ?",
            (self._pid, self._host, self._owner.token, job_id),
        )

    def claim_orphans(self, states: Iterable[JobState]) -> list[Job]:
        """Adopt unfinished rows in ``states`` whose owning process is gone, and return them."""
        wanted = [s.value for s in states if not JobState(s).terminal]
        if not wanted:
            return []
        marks = ", ".join("?" for _ in wanted)
        claimed: list[Job] = []
        with self._transaction():
            rows = self._conn.execute(f"SELECT * FROM jobs WHERE state IN ({marks}) ORDER BY created_at", wanted).fetchall()
            for row in rows:
                if self._owner_alive(row):
                    continue
                self._take(row["id"])
                claimed.append(_from_row(row))
        return claimed

    def _owner_alive(self, row: sqlite3.Row) -> bool:
        """True when a live process other than this store owns the row."""
        pid, host, token = row["owner_pid"], row["owner_host"], row["owner_token"]
        if token == self._owner.token:
            return False
        if host is not None and host != self._host:
            # Another machine shares this folder; its runner owns its jobs.
            return True
        if token:
            return self._owner.is_held(token)
        return _legacy_owner_alive(pid, self._pid)

    # -- reads -----------------------------------------------------------------------

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _from_row(row) if row else None

    def owned_elsewhere(self, job_id: str) -> bool:
        """True when a live process other than this one owns the job (the window, a CLI run)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT owner_pid, owner_host, owner_token FROM jobs WHERE id = ?", (job_id,)
            ).fetchone()
            return bool(row) and self._owner_alive(row)

    def find(self, prefix: str) -> Job | None:
        """A job by its id or an unambiguous id prefix."""
        with self._lock:
            rows = self._conn.execute("SELECT * FROM jobs WHERE id LIKE ? LIMIT 2", (prefix + "%",)).fetchall()
        return _from_row(rows[0]) if len(rows) == 1 else None

    def list(
        self,
        *,
        state: JobState | str | Iterable[JobState | str] | None = None,
        text: str | None = None,
        model: str | None = None,
        since: float | None = None,
        until: float | None = None,
        shot_id: str | None = None,
        project_dir: str | None = None,
        limit: int = 200,
    ) -> list[Job]:
        """Jobs newest first, filtered by state(s), prompt text, model id (or prefix) and date."""
        where: list[str] = []
        args: list[Any] = []
        if state is not None:
            states = [state] if isinstance(state, (str, JobState)) else list(state)
            values = [s.value if isinstance(s, JobState) else s for s in states]
            where.append(f"state IN ({', '.join('?' for _ in values)})")
            args.extend(values)
        if text:
            where.append("prompt LIKE ? ESCAPE '\\'")
            args.append("%" + _like_literal(text) + "%")
        if model:
            where.append("(model_id = ? OR model_id LIKE ? ESCAPE '\\')")
            args.extend([model, _like_literal(model) + "%"])
        if shot_id is not None:
            where.append("shot_id = ?")
            args.append(shot_id)
        if project_dir is not None:
            where.append("project_dir = ?")
            args.append(project_dir)
        if since is not None:
            where.append("created_at >= ?")
            args.append(since)
        if until is not None:
            where.append("created_at < ?")
            args.append(until)
        sql = "SELECT * FROM jobs"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_at DESC LIMIT ?"
        args.append(limit)
        with self._lock:
            rows = self._conn.execute(sql, args).fetchall()
        return [_from_row(r) for r in rows]

    def spent_since(self, since: float) -> float:
        """Cost quotes of jobs since ``since`` that are paid or may yet be (for the budget cap).

        Every job in flight counts at its quote, as does a finished one and any job the
        provider took (a failure after submit may be billed); a job refused or cancelled
        before it reached the provider does not.
        """
        with self._lock:
            return self._spent_since(since)

    def _spent_since(self, since: float) -> float:
        row = self._conn.execute(
            f"SELECT COALESCE(SUM(cost_quote), 0) FROM jobs WHERE created_at >= ? AND {_MAY_BE_BILLED}",
            (since, *IN_FLIGHT),
        ).fetchone()
        return float(row[0] or 0.0)

    def spent_on_project(self, project_dir: str) -> float:
        """Cost quotes of every job of one project that is paid or may yet be (for its budget)."""
        with self._lock:
            return self._spent_on_project(project_dir)

    def _spent_on_project(self, project_dir: str) -> float:
        row = self._conn.execute(
            f"SELECT COALESCE(SUM(cost_quote), 0) FROM jobs WHERE project_dir = ? AND {_MAY_BE_BILLED}",
            (project_dir, *IN_FLIGHT),
        ).fetchone()
        return float(row[0] or 0.0)

    # -- deliveries ------------------------------------------------------------------

    def add_delivery(self, job_id: str, target: str) -> None:
        """Remember that ``job_id``'s clip is promised to the file ``target`` (``generate -o``)."""
        with self._lock:
            self._conn.execute(
                "INSERT OR IGNORE INTO deliveries(job_id, target, created_at) VALUES (?, ?, ?)",
                (job_id, target, time.time()),
            )

    def deliveries(self) -> dict[str, list[str]]:
        """Every promised target by job id, oldest first."""
        with self._lock:
            rows = self._conn.execute("SELECT job_id, target FROM deliveries ORDER BY created_at, rowid").fetchall()
        promised: dict[str, list[str]] = {}
        for row in rows:
            promised.setdefault(row["job_id"], []).append(row["target"])
        return promised

    def remove_delivery(self, job_id: str, target: str | None = None) -> None:
        """Forget a delivery once the clip is written (or the job ended without one)."""
        with self._lock:
            if target is None:
                self._conn.execute("DELETE FROM deliveries WHERE job_id = ?", (job_id,))
            else:
                self._conn.execute("DELETE FROM deliveries WHERE job_id = ? AND target = ?", (job_id, target))


def _like_literal(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (for ``ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _to_row(job: Job) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in _COLUMNS:
        if column == "prompt":
            row[column] = job.prompt
            continue
        value = getattr(job, column)
        if column == "state":
            value = job.state.value
        elif column in _JSON_COLUMNS:
            value = None if value is None else json.dumps(value, ensure_ascii=False)
        row[column] = value
    return row


def _from_row(row: sqlite3.Row) -> Job:
    values: dict[str, Any] = {}
    for column in _COLUMNS:
        if column == "prompt":
            continue
        value = row[column]
        if column in _JSON_COLUMNS and value is not None:
            value = json.loads(value)
        values[column] = value
    values["state"] = JobState(values["state"])
    values["remote"] = values.get("remote") or {}
    return Job(**values)


def _legacy_owner_alive(pid: int | None, own_pid: int) -> bool:
    """For rows written before owner locks (schema 1): a live Studio-looking pid owns them."""
    if pid is None or pid == own_pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return _is_studio_process(pid)


def _is_studio_process(pid: int) -> bool:
    """Guard against a recycled pid: only a Python process counts as a live owner."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc (macOS, Windows): trust the pid
    return b"python" in cmdline.lower() or b"studio" in cmdline.lower()
