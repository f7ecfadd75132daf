"""Atomic output files: write next to the target, then rename over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def temp_sibling(target: Path) -> Path:
    """A fresh temp path in ``target``'s directory that keeps its suffix.

    Same directory so the final ``os.replace`` is a rename, never a copy across
    file systems; same suffix so muxers and image encoders pick the right format.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".part{target.suffix}", dir=target.parent)
    os.close(fd)
    return Path(name)


def discard(path: Path) -> None:
    """Delete ``path`` if it exists; never raises for a missing file."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass


@contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temp path; on success it replaces ``target``, on any error it is deleted."""
    target = Path(target)
    tmp = temp_sibling(target)
    try:
        yield tmp
    except BaseException:
        discard(tmp)
        raise
    os.replace(tmp, target)
