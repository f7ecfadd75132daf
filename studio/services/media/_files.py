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
    try:
        # mkstemp makes the file private (0600); a finished video should get the same
        # permissions as any other file the person creates, which the umask decides.
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o666 & ~_umask())
    finally:
        os.close(fd)
    return Path(name)


def _umask() -> int:
    """The process umask, read without changing it where the platform allows."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
