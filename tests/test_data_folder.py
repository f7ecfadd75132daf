"""A bad data folder gets one sentence (exit 2 or 5), never a traceback; its database and logs are private.

The folder can be a file, read-only, or on a full disk. A read-only folder is made for real
with chmod where the tests run unprivileged; as root (which ignores permissions) the same
run is made with the operating system's answer injected where Studio meets it: ``os.open``
and ``os.mkdir`` answer EROFS for anything under the data folder, as a read-only mount does.
A full disk is SQLite's real SQLITE_FULL (``PRAGMA max_page_count``) and a real ENOSPC
from ``fsync`` (injected: tests cannot fill a real disk).
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from studio.cli import main
from studio.core.errors import StorageError
from studio.core.jobs import Job
from studio.services.context import build_services
from studio.services.storage import storage_error
from tests.project_kit import shot, write_project

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def one_sentence(code: int, err: str, expected_code: int, needle: str, *, after_progress: bool = False) -> None:
    """Exit ``expected_code`` with one sentence (the last line, after progress lines if allowed)."""
    assert code == expected_code, err
    assert "Traceback" not in err
    lines = [line for line in err.strip().splitlines() if line]
    assert len(lines) == 1 or after_progress, err
    assert needle in lines[-1], err


def commands(tmp_path: Path) -> dict[str, list[str]]:
    project = tmp_path / "project"
    write_project(project, [shot("s1")])
    return {
        "models": ["models"],
        "models --json": ["models", "--json"],
        "jobs list": ["jobs", "list"],
        "jobs resume": ["jobs", "resume"],
        "generate": ["generate", "-m", "animatic:kenburns", "-p", "a kite", "--duration", "1", "-o", str(tmp_path / "g.mp4")],
        "storyboard run": ["storyboard", "run", str(project), "-o", str(tmp_path / "s.mp4")],
        "demo": ["demo", "-o", str(tmp_path / "d.mp4")],
    }


@pytest.mark.parametrize("command", ["models", "models --json", "jobs list", "jobs resume", "generate", "storyboard run", "demo"])
def test_a_data_folder_that_is_a_file_is_one_sentence_for_every_command(capsys, tmp_path, monkeypatch, command):
    home = tmp_path / "studio-home"
    home.write_text("not a folder")
    monkeypatch.setenv("STUDIO_HOME", str(home))
    code = main(commands(tmp_path)[command])
    one_sentence(code, capsys.readouterr().err, 2, f"The data folder {home} is a file, not a folder")
    assert home.read_text() == "not a folder"


def test_a_data_folder_with_a_name_too_long_is_one_sentence(capsys, tmp_path):
    home = tmp_path / ("x" * 300)
    code = main(["--home", str(home), "jobs", "list"])
    one_sentence(code, capsys.readouterr().err, 2, "has a name too long for this system")


def test_a_data_folder_below_a_file_is_one_sentence(capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code = main(["--home", str(blocker / "studio"), "models"])
    one_sentence(code, capsys.readouterr().err, 2, "a file is in its way")


def test_the_console_script_says_it_in_one_sentence_too(tmp_path):
    home = tmp_path / "studio-home"
    home.write_text("")
    proc = subprocess.run([sys.executable, "-m", "studio.cli", "models"], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "STUDIO_HOME": str(home)})
    one_sentence(proc.returncode, proc.stderr, 2, "is a file, not a folder")


def test_the_window_gets_the_same_sentence(tmp_path):
    home = tmp_path / "studio-home"
    home.write_text("")
    with pytest.raises(StorageError) as info:
        build_services(home)  # what the window's composition root calls and shows in a dialog
    assert "is a file, not a folder" in info.value.user_message


# -- read-only ---------------------------------------------------------------------------


@pytest.fixture
def existing_home(tmp_path, capsys):
    """A data folder that a first run set up (database, logs, a finished job)."""
    home = tmp_path / "home"
    assert main(["--home", str(home), "generate", "-m", "animatic:kenburns", "-p", "a kite", "--duration", "1",
                 "--resolution", "480p", "-o", str(tmp_path / "first.mp4")]) == 0
    capsys.readouterr()
    return home


def read_only_by_injection(monkeypatch, home: Path) -> None:
    """``os.open`` for writing and ``os.mkdir`` of anything under ``home`` fail with EROFS."""
    real_open, real_mkdir = os.open, os.mkdir
    inside = str(home.resolve())
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def under(path) -> bool:
        return os.path.abspath(os.fsdecode(path)).startswith(inside)

    def fake_open(path, flags, *args, **kwargs):
        if under(path) and flags & writing:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    def fake_mkdir(path, *args, **kwargs):
        if under(path):
            if os.path.exists(path):
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), os.fsdecode(path))
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)
    monkeypatch.setattr(logging.getLogger("studio"), "handlers", [])  # the log file is opened again


@pytest.mark.parametrize("command", ["models", "jobs list", "generate"])
def test_a_read_only_data_folder_is_one_sentence(capsys, tmp_path, monkeypatch, existing_home, command):
    if ROOT:
        read_only_by_injection(monkeypatch, existing_home)
    else:
        for path in [existing_home, *existing_home.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
    try:
        code = main(["--home", str(existing_home), *commands(tmp_path)[command]])
    finally:
        if not ROOT:
            for path in [existing_home, *existing_home.rglob("*")]:
                path.chmod(path.stat().st_mode | 0o200)
    one_sentence(code, capsys.readouterr().err, 2, f"The data folder {existing_home} is read-only")


def test_a_read_only_new_data_folder_is_one_sentence(capsys, tmp_path, monkeypatch):
    parent = tmp_path / "locked"
    parent.mkdir()
    if ROOT:
        read_only_by_injection(monkeypatch, parent)
    else:
        parent.chmod(0o555)
    try:
        code = main(["--home", str(parent / "studio"), "models"])
    finally:
        parent.chmod(0o755)
    one_sentence(code, capsys.readouterr().err, 2, "is read-only")


# -- full disk ---------------------------------------------------------------------------


def test_a_full_database_is_one_sentence_and_exit_5(capsys, tmp_path, monkeypatch, existing_home):
    real_connect = sqlite3.connect

    def no_room_to_grow(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite answers SQLITE_FULL past this
        return conn

    monkeypatch.setattr(sqlite3, "connect", no_room_to_grow)
    code = main(["--home", str(existing_home), "generate", "-m", "animatic:kenburns", "-p", "x" * 3900,
                 "--duration", "1", "--resolution", "480p", "-o", str(tmp_path / "second.mp4")])
    one_sentence(code, capsys.readouterr().err, 5, "is full; free some space, then run it again", after_progress=True)
    assert not (tmp_path / "second.mp4").exists()


def test_a_full_disk_while_saving_a_project_is_one_sentence_and_exit_5(capsys, tmp_path, monkeypatch, studio_home):
    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    project = tmp_path / "demo-project"
    code = main(["--home", str(studio_home), "demo", "-o", str(tmp_path / "demo.mp4"), "--project", str(project)])
    one_sentence(code, capsys.readouterr().err, 5, "The disk is full")
    assert not (project / "project.json").exists()  # the atomic write left no half file
    assert [p.name for p in project.iterdir() if p.name.endswith(".tmp")] == []


def test_sqlite_errors_map_by_their_real_codes(tmp_path):
    db = tmp_path / "x.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (b BLOB)")
    conn.commit()
    conn.close()
    read_only = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as info:
        read_only.execute("INSERT INTO t VALUES (x'00')")
    read_only.close()
    error = storage_error(info.value, tmp_path, data_folder=True)
    assert error is not None and error.exit_code == 2 and "read-only" in error.user_message
    full = sqlite3.connect(db)
    full.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.OperationalError) as info:
        full.execute("INSERT INTO t VALUES (zeroblob(100000))")
    full.close()
    error = storage_error(info.value, tmp_path, data_folder=True)
    assert error is not None and error.exit_code == 5 and "is full" in error.user_message
    assert storage_error(sqlite3.OperationalError("no such table: jobs")) is None
    assert storage_error(ValueError("x")) is None


# -- privacy -----------------------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_its_wal_and_the_logs_are_private(tmp_path, monkeypatch):
    monkeypatch.setattr(logging.getLogger("studio"), "handlers", [])
    monkeypatch.setattr(os, "umask", os.umask)  # restored below as well
    old = os.umask(0o022)
    try:
        services = build_services(tmp_path / "home")
        try:
            services.jobstore.save(Job.new("animatic:kenburns", {"prompt": "private prompt"}, cost_quote=0.0))
            logging.getLogger("studio.test").warning("a line with a prompt in it")
            db = services.paths.db
            wal, shm = db.with_name("studio.db-wal"), db.with_name("studio.db-shm")
            assert wal.exists() and shm.exists()
            for path in (db, wal, shm, services.paths.logs / "studio.log"):
                assert mode(path) == 0o600, path
            assert mode(services.paths.home) == 0o700
        finally:
            services.jobstore.close()
            for handler in logging.getLogger("studio").handlers:
                handler.close()
    finally:
        os.umask(old)


def test_files_left_readable_by_an_older_studio_are_made_private(tmp_path, monkeypatch):
    monkeypatch.setattr(logging.getLogger("studio"), "handlers", [])
    home = tmp_path / "home"
    (home / "logs").mkdir(parents=True)
    conn = sqlite3.connect(home / "studio.db")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    for name in ("studio.db", "logs/studio.log", "logs/studio.log.1"):
        (home / name).touch()
        (home / name).chmod(0o644)
    services = build_services(home)
    try:
        for name in ("studio.db", "logs/studio.log", "logs/studio.log.1"):
            assert mode(home / name) == 0o600, name
    finally:
        services.jobstore.close()
        for handler in logging.getLogger("studio").handlers:
            handler.close()


@pytest.mark.parametrize(
    ("number", "code", "needle"),
    [
        (errno.ENOSPC, 5, "is full"),
        (errno.EDQUOT, 5, "is full"),
        (errno.EROFS, 2, "read-only"),
        (errno.EACCES, 2, "read-only"),
        (errno.ENOTDIR, 2, "a file"),
        (errno.EIO, 5, "a disk error"),
        (errno.ENAMETOOLONG, 2, "too long"),
    ],
)
@pytest.mark.parametrize("named", [True, False])
def test_every_storage_failure_is_one_sentence_with_or_without_a_file_name(number, code, needle, named):
    exc = OSError(number, os.strerror(number), "/data/out.mp4") if named else OSError(number, os.strerror(number))
    for error in (storage_error(exc), storage_error(exc, "/data", data_folder=True)):
        assert error is not None and error.exit_code == code
        message = error.user_message
        assert needle in message and message.endswith(".") and "None" not in message, message
    assert storage_error(OSError(errno.EPIPE, "broken pipe")) is None  # not about storage: left to its handler
