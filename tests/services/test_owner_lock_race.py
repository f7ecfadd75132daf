"""Owner locks created while other stores sweep the same folder.

A sweep takes the lock of any ``*.lock`` file it finds unlocked, to see whether its owner is
gone, and deletes the file when it could. A new owner's file must therefore never be visible
unlocked: otherwise the new store fails to lock its own file ("the job database cannot be
opened" when two processes start at once), or its file is deleted while it lives and its jobs
look adoptable to others.
"""

from __future__ import annotations

import threading

from studio.services.owner_lock import OwnerLock


def test_owners_created_during_sweeps_are_always_locked_and_kept(tmp_path):
    folder = tmp_path / "owners"
    failures: list[str] = []
    start = threading.Barrier(6)

    def churn() -> None:
        start.wait()
        for _ in range(150):
            try:
                owner = OwnerLock(folder)  # sweeps everyone else's files as it starts
            except OSError as exc:
                failures.append(f"could not become an owner: {exc}")
                continue
            path = folder / f"{owner.token}.lock"
            if not path.exists():
                failures.append("a live owner's lock file was deleted by another sweep")
            probe = OwnerLock.__new__(OwnerLock)  # a second view of the folder, as another process has
            probe.folder, probe.token, probe._fd = folder, "", None
            if not probe.is_held(owner.token):
                failures.append("a live owner looked gone")
            owner.release()

    threads = [threading.Thread(target=churn) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, f"{len(failures)} failures, first: {failures[0]}"
    assert not list(folder.glob("*.lock")), "released owners leave no lock file"
    assert not list(folder.glob("*.new")), "no staging file is left behind"
