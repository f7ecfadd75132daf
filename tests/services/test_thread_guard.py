"""The SQLite thread guard (the UI tier installs it for the GUI thread)."""

from __future__ import annotations

import sqlite3
import threading

from studio.services.thread_guard import guard_sqlite


def test_a_statement_on_the_guarded_thread_is_recorded_and_one_elsewhere_is_not(tmp_path):
    before = sqlite3.connect
    guard = guard_sqlite(allow_caller=lambda _filename: False)
    try:
        conn = sqlite3.connect(tmp_path / "x.db", check_same_thread=False)
        worker = threading.Thread(target=lambda: conn.execute("CREATE TABLE t (x)"))
        worker.start()
        worker.join()
        assert guard.take() == []
        conn.execute("INSERT INTO t VALUES (1)")
        conn.commit()
        seen = guard.take()
        assert [v.operation for v in seen] == ["execute", "commit"]
        conn.close()
    finally:
        guard.uninstall()
    assert sqlite3.connect is before


def test_a_caller_the_guard_allows_is_not_recorded(tmp_path):
    guard = guard_sqlite(allow_caller=lambda filename: filename == __file__)
    try:
        conn = sqlite3.connect(tmp_path / "x.db")
        conn.execute("SELECT 1")
        assert guard.take() == []
        conn.close()
    finally:
        guard.uninstall()
