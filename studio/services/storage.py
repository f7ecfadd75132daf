"""One sentence for a folder Studio cannot write: read-only, not a folder, a name too long, or a full disk.

The operating system and SQLite each describe these in their own words (``EROFS``,
``attempt to write a readonly database``, ``database or disk is full`` …); the CLI and the
window want one sentence that says which folder and what to do, with an exit code of 2
(the person must change something) or 5 (free space, then run it again).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

from studio.core.errors import StorageError

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}
_NOT_A_FOLDER = {errno.EEXIST, errno.ENOTDIR}
_NAME_TOO_LONG = {errno.ENAMETOOLONG}
_HOME_HINT = "point STUDIO_HOME (or --home) at another folder"

# SQLite's primary result codes (sqlite3.h): they say what happened whatever the message's wording.
_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 3, 8, 10, 13, 14


def storage_error(
    exc: BaseException, place: Path | str | None = None, *, data_folder: bool = False
) -> StorageError | None:
    """The StorageError for ``exc`` (an OSError or sqlite3 error about writing), else None.

    ``place`` is the file or folder involved (default: the one the error names);
    ``data_folder`` says it is Studio's own data folder, so the sentence says how to choose
    another.
    """
    kind = _kind(exc)
    if kind is None:
        return None
    where = Path(place) if place is not None else _named_path(exc)
    if data_folder and where is not None and _is_file(where):
        kind = "a_file"
    sentence, exit_code = _sentence(kind, where, data_folder)
    return StorageError(sentence, exit_code=exit_code, detail=str(exc))


def _sentence(kind: str, where: Path | None, data_folder: bool) -> tuple[str, int]:
    again = "then run it again"
    if data_folder:
        home = f"The data folder {where}"
        return {
            "full": (f"The disk holding the data folder {where} is full; free some space, {again}.", 5),
            "a_file": (f"{home} is a file, not a folder; {_HOME_HINT}.", 2),
            "not_a_folder": (f"{home} cannot be made: a file is in its way; {_HOME_HINT}.", 2),
            "read_only": (f"{home} is read-only; make it writable or {_HOME_HINT}.", 2),
            "io": (f"{home} could not be written (a disk error); check the disk, {again}.", 5),
            "too_long": (f"{home} has a name too long for this system; {_HOME_HINT}.", 2),
        }[kind]
    if where is None:
        return {
            "full": (f"The disk is full; free some space, {again}.", 5),
            "not_a_folder": ("Studio cannot write a file: a file is where a folder should be.", 2),
            "read_only": ("Studio was refused access to a file: it is read-only or not yours.", 2),
            "io": (f"A file could not be written (a disk error); check the disk, {again}.", 5),
            "too_long": ("Studio cannot write a file: its name is too long for this system.", 2),
        }[kind]
    return {
        "full": (f"The disk holding {where} is full; free some space, {again}.", 5),
        "not_a_folder": (f"Studio cannot write {where}: a file is where a folder should be.", 2),
        "read_only": (f"Studio was refused access to {where}: it is read-only or not yours.", 2),
        "io": (f"Studio could not write {where} (a disk error); check the disk, {again}.", 5),
        "too_long": (f"Studio cannot write {where}: the name is too long for this system; choose a shorter one.", 2),
    }[kind]


def _kind(exc: BaseException) -> str | None:
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
        primary = code & 0xFF if isinstance(code, int) else None
        message = str(exc).lower()
        if primary == _SQLITE_FULL or "disk is full" in message:
            return "full"
        if primary in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in message or "read-only" in message:
            return "read_only"
        if primary == _SQLITE_CANTOPEN or "unable to open" in message:
            return "read_only"
        if primary == _SQLITE_IOERR or "disk i/o error" in message:
            return "io"
        return None
    if isinstance(exc, OSError):
        if exc.errno in _FULL:
            return "full"
        if exc.errno in _NOT_WRITABLE:
            return "read_only"
        if exc.errno in _NOT_A_FOLDER:
            return "not_a_folder"
        if exc.errno == errno.EIO:
            return "io"
        if exc.errno in _NAME_TOO_LONG:
            return "too_long"
    return None


def _named_path(exc: BaseException) -> Path | None:
    name = getattr(exc, "filename", None)
    return Path(os.fsdecode(name)) if isinstance(name, (str, bytes)) else None


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False
