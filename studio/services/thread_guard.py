"""A debug hook: report SQLite used on a thread that must not block (the window's GUI thread).

A query on the GUI thread waits for the job store's lock, and a commit for an fsync: the
window misses frames. :func:`guard_sqlite` makes every SQLite connection opened afterwards
check the thread on each statement and commit; a use on the guarded thread from the app's
own code (an event-loop callback, a slot) is recorded as a :class:`Violation` with its stack.
The UI test tier installs it for the whole run and fails a test that leaves a violation.

A call made directly by a test function (asserting on the store) is not the app's doing and
is allowed: the first frame outside ``studio/`` decides (``allow_caller``).
"""

from __future__ import annotations

import sqlite3
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_STUDIO_DIR = str(Path(__file__).resolve().parents[1])
_PLUMBING = ("contextlib.py", "functools.py")  # ``with store._transaction()`` and partials


@dataclass(frozen=True)
class Violation:
    """SQLite used on the guarded thread: what ran, and the stack that asked for it."""

    operation: str
    stack: str


class SqliteGuard:
    """Installed by :func:`guard_sqlite`; holds the violations seen since the last :meth:`take`."""

    def __init__(self, thread_id: int, allow_caller: Callable[[str], bool]) -> None:
        self.thread_id = thread_id
        self.allow_caller = allow_caller
        self._violations: list[Violation] = []
        self._lock = threading.Lock()
        self._connect = sqlite3.connect

    def check(self, operation: str) -> None:
        if threading.get_ident() != self.thread_id:
            return
        frames = traceback.extract_stack()[:-2]
        caller = next(
            (f.filename for f in reversed(frames)
             if not f.filename.startswith(_STUDIO_DIR) and not f.filename.endswith(_PLUMBING)),
            "",
        )  # fmt: skip
        if self.allow_caller(caller):
            return
        stack = "".join(traceback.format_list([f for f in frames if f.filename.startswith(_STUDIO_DIR)][-8:]))
        with self._lock:
            self._violations.append(Violation(operation, stack))

    def take(self) -> list[Violation]:
        """The violations seen so far (and forget them)."""
        with self._lock:
            seen, self._violations = self._violations, []
        return seen

    def uninstall(self) -> None:
        sqlite3.connect = self._connect


def guard_sqlite(thread_id: int | None = None, *, allow_caller: Callable[[str], bool] = lambda _f: False) -> SqliteGuard:
    """Check every SQLite connection opened from now on against ``thread_id`` (default: this thread)."""
    guard = SqliteGuard(thread_id if thread_id is not None else threading.get_ident(), allow_caller)

    class GuardedConnection(sqlite3.Connection):
        def execute(self, *args, **kwargs):
            guard.check("execute")
            return super().execute(*args, **kwargs)

        def executemany(self, *args, **kwargs):
            guard.check("executemany")
            return super().executemany(*args, **kwargs)

        def executescript(self, *args, **kwargs):
            guard.check("executescript")
            return super().executescript(*args, **kwargs)

        def commit(self):
            guard.check("commit")
            return super().commit()

        def cursor(self, *args, **kwargs):
            guard.check("cursor")
            return super().cursor(*args, **kwargs)

    original = guard._connect

    def connect(*args, **kwargs):
        kwargs.setdefault("factory", GuardedConnection)
        return original(*args, **kwargs)

    sqlite3.connect = connect
    return guard
