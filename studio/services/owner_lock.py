"""Process ownership by an OS lock: a process owns its jobs for exactly as long as it lives.

Each job store holds an exclusive lock on its own file ``owners/<token>.lock`` under the data
folder and records ``token`` in the rows it writes. Another process tells whether that owner
still runs by trying the same lock: the operating system drops it when the owner exits, is
killed or the machine restarts, so a recycled pid can never pass for a live owner.

``fcntl.flock`` locks belong to the open file, so a second store in the same process sees
the first as a separate owner, as it should; on Windows ``msvcrt.locking`` does the same.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows CI only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class OwnerLock:
    """This process's ownership token, held as an OS lock in ``folder`` until :meth:`release`."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.token = f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
        self._fd: int | None = self._create_locked(self._path(self.token))
        self._sweep()

    @staticmethod
    def _create_locked(path: Path) -> int:
        """Open ``path`` already locked: it must never be seen unlocked.

        Another store's sweep treats an unlocked ``*.lock`` as a dead owner's: it would take the
        lock for a moment (so ours fails) and delete the file (so this live owner's jobs would look
        adoptable). On POSIX the file is locked under a name no sweep looks at, then renamed into
        place; the lock belongs to the open file, so it survives the rename. Windows cannot rename
        an open file, so there it is created in place.
        """
        staging = path.with_name(path.name + ".new") if os.name != "nt" else path
        fd = os.open(staging, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        if not _try_lock(fd):  # a fresh random name: nobody else can hold it
            os.close(fd)
            raise OSError(f"could not lock {path}")
        if staging != path:
            try:
                os.replace(staging, path)
            except OSError:
                os.close(fd)
                staging.unlink(missing_ok=True)
                raise
        return fd

    def _sweep(self, limit: int = 200) -> None:
        """Remove lock files that killed processes left behind (checking one removes it when stale)."""
        for index, path in enumerate(self.folder.glob("*.lock")):
            if index >= limit:
                break
            self.is_held(path.stem)

    def _path(self, token: str) -> Path:
        return self.folder / f"{token}.lock"

    def release(self) -> None:
        """Give up ownership (the store is closing); the rows become adoptable."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)
        self._path(self.token).unlink(missing_ok=True)

    def is_held(self, token: str) -> bool:
        """True while the process that wrote ``token`` is alive (this one included)."""
        if token == self.token:
            return self._fd is not None
        if not token or "/" in token or "\\" in token or token.startswith("."):
            return False
        path = self._path(token)
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            return False  # no lock file: the owner exited cleanly or the folder was cleaned
        try:
            if not _try_lock(fd):
                return True
            _unlock(fd)
        finally:
            os.close(fd)
        # We could take it: its owner is gone. Tidy the stale file (another checker may race us).
        try:
            path.unlink()
        except OSError:
            pass
        return False
