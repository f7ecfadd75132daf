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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from studio.core.jobs import Job, JobState

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

SCHEMA_VERSION = "1"


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
        self._conn.execute("PRAGMA journal_mode=WAL")
        # FULL: a committed row (the one written before a paid call) survives power loss too.
        self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.execute("PRAGMA busy_timeout=30000")
        self._conn.executescript(_SCHEMA)
        self._conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        self._pid = os.getpid()
        self._host = socket.gethostname()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- writes ----------------------------------------------------------------------

    def save(self, job: Job) -> Job:
        """Insert or replace the whole row, owned by this process, and commit."""
        row = _to_row(job)
        names = ", ".join((*_COLUMNS, "owner_pid", "owner_host"))
        marks = ", ".join("?" for _ in range(len(_COLUMNS) + 2))
        with self._lock:
            self._conn.execute(
                f"INSERT OR REPLACE INTO jobs ({names}) VALUES ({marks})",
                (*[row[c] for c in _COLUMNS], self._pid, self._host),
            )
        return job

    def claim_orphans(self, states: Iterable[JobState]) -> list[Job]:
        """Adopt unfinished rows in ``states`` whose owning process is gone, and return them."""
        wanted = [s.value for s in states if not JobState(s).terminal]
        if not wanted:
            return []
        marks = ", ".join("?" for _ in wanted)
        claimed: list[Job] = []
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                rows = self._conn.execute(
                    f"SELECT * FROM jobs WHERE state IN ({marks}) ORDER BY created_at", wanted
                ).fetchall()
                for row in rows:
                    if self._owner_alive(row["owner_pid"], row["owner_host"]):
                        continue
                    self._conn.execute(
                        "UPDATE jobs SET owner_pid = ?, owner_host = ? WHERE id = ?", (self._pid, self._host, row["id"])
                    )
                    claimed.append(_from_row(row))
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        return claimed

    def _owner_alive(self, pid: int | None, host: str | None) -> bool:
        if pid is None or pid == self._pid:
            return False
        if host != self._host:
            # Another machine shares this folder; its runner owns its jobs.
            return True
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return _is_studio_process(pid)

    # -- reads -----------------------------------------------------------------------

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _from_row(row) if row else None

    def owned_elsewhere(self, job_id: str) -> bool:
        """True when a live process other than this one owns the job (the window, a CLI run)."""
        with self._lock:
            row = self._conn.execute("SELECT owner_pid, owner_host FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return bool(row) and row["owner_pid"] != self._pid and self._owner_alive(row["owner_pid"], row["owner_host"])

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
        """Sum of cost quotes of jobs that reached the provider since ``since`` (for the budget cap)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT COALESCE(SUM(cost_quote), 0) FROM jobs WHERE created_at >= ?"
                " AND (submitted_at IS NOT NULL OR state IN ('queued', 'submitting', 'unknown'))",
                (since,),
            ).fetchone()
        return float(row[0] or 0.0)


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


def _is_studio_process(pid: int) -> bool:
    """Guard against a recycled pid: only a Python process counts as a live owner."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc (macOS, Windows): trust the pid
    return b"python" in cmdline.lower() or b"studio" in cmdline.lower()
