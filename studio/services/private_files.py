"""Files only their owner may read: the job database and the logs hold prompts and spend.

Sidecars and project files are written through ``mkstemp`` (0600) already; SQLite and the
logging module create files with the process umask (often 0644), so these helpers make them
private before anything is written into them.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE = 0o600


def open_private(path: Path | str, flags: int) -> int:
    """``os.open`` that creates the file owner-only and makes an existing one owner-only.

    Raises OSError when the folder cannot be written (the caller turns it into one sentence).
    """
    fd = os.open(path, flags | os.O_CREAT, PRIVATE)
    try:
        os.fchmod(fd, PRIVATE)
    except (OSError, AttributeError):
        pass  # another user's file on a shared disk, or no fchmod (Windows): use it as it is
    return fd


def create_private(path: Path) -> None:
    """Create ``path`` (if missing) as an owner-only file; make an existing one owner-only."""
    os.close(open_private(path, os.O_RDWR))


def make_private(*paths: Path) -> None:
    """Make each existing file in ``paths`` owner-only (files made by an older Studio were not)."""
    for path in paths:
        try:
            os.chmod(path, PRIVATE)
        except FileNotFoundError:
            continue
        except OSError:
            pass  # a read-only disk or not our file: reading it still works
