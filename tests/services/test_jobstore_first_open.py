"""Several processes opening a new job database at the same moment all get it.

The first open turns the file to WAL; SQLite refuses a second process's switch with "database
is locked" at once (no busy wait), which once ended a `storyboard run` started beside another.
"""

from __future__ import annotations

import subprocess
import sys
import time

OPEN = """
import sqlite3, sys, time
from pathlib import Path
from studio.services.jobstore import JobStore
start = float(sys.argv[2])
while time.time() < start:
    pass
JobStore(Path(sys.argv[1])).close()
print(sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode").fetchone()[0])
"""


def test_processes_opening_a_new_database_at_once_all_open_it(tmp_path):
    for round_ in range(6):
        db = tmp_path / f"home{round_}" / "studio.db"
        start = time.time() + 1.5  # every process has imported by then and spins to the same instant
        runs = [subprocess.Popen([sys.executable, "-c", OPEN, str(db), str(start)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
        results = [run.communicate(timeout=120) for run in runs]
        assert [run.returncode for run in runs] == [0] * 4, [err for _, err in results]
        assert [out.strip() for out, _ in results] == ["wal"] * 4
