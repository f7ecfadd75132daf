"""Concurrency suite: several studio-cli processes on one data folder, against the Replicate emulator.

Each reproduction of a double payment, an overspent budget or a lost delivery is run here
with real processes and real HTTP: two `storyboard run` of one project (0.2 s apart, and at
the same moment on 8 shots), five `generate` against a $1.00 cap, four `generate -o` at once
(finished, and killed then resumed). The emulator counts creates and downloads per prediction.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from studio.core.project import Project, ProjectSettings, Shot
from studio.services.media import probe
from studio.services.projects import ProjectStore
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator

pytestmark = pytest.mark.concurrency

MODEL = "replicate:google/veo-3.1-fast"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def emulator():
    # Each prediction takes 3 s, so a second process always finds the first one's jobs in flight.
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=3.0) as emu:
        yield emu


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / "settings.json").write_text(
        json.dumps({"providers.replicate.concurrency": 8, "providers.replicate.poll_interval": 0.3})
    )
    return folder


def settings(home: Path, **values) -> None:
    path = home / "settings.json"
    path.write_text(json.dumps(json.loads(path.read_text()) | values))


def start_cli(home: Path, emulator, *args: str, stderr=subprocess.PIPE) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") and k != "REPLICATE_API_TOKEN"}
    env.update(STUDIO_HOME=str(home), STUDIO_REPLICATE_BASE_URL=emulator.url, REPLICATE_API_TOKEN=DEFAULT_TOKEN,
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-m", "studio.cli", *args], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=stderr, text=True,
    )  # fmt: skip


def finish(proc: subprocess.Popen, timeout: float = 240) -> tuple[int, str]:
    _, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


def start_generates(home: Path, emulator, folder: Path, count: int) -> list[subprocess.Popen]:
    """``count`` `generate -o kiteN.mp4` processes at once; Veo 3.1 Fast, 4 s, no audio: $0.40 each."""
    return [
        start_cli(home, emulator, "generate", "-m", MODEL, "-p", f"a kite, take {i}", "--duration", "4",
                  "--resolution", "720p", "--no-audio", "-o", str(folder / f"kite{i}.mp4"))
        for i in range(count)
    ]  # fmt: skip


def write_project(folder: Path, shots: int) -> None:
    project = Project("Boats", ProjectSettings(width=256, height=144, fps=24))
    for index in range(shots):
        project.add_shot(
            Shot(title=f"Shot {index}", prompt=f"a paper boat on a river, beat {index}", model_id=MODEL,
                 duration=4, resolution="720p", audio=False)
        )  # fmt: skip
    ProjectStore().save(project, folder)


def assert_paid_once_and_downloaded_once(emulator, shots: int) -> None:
    stats = emulator.stats()
    assert stats["create_requests"] == shots, stats
    assert len(stats["creates"]) == shots and set(stats["creates"].values()) == {1}
    assert sorted(stats["downloads"]) == sorted(stats["creates"])
    assert set(stats["downloads"].values()) == {1}, stats["downloads"]


def assert_every_shot_has_one_take(folder: Path) -> None:
    saved = json.loads((folder / "project.json").read_text())
    for shot in saved["shots"]:
        assert len(shot["takes"]) == 1, shot
        assert shot["chosen_take_id"] == shot["takes"][0]["id"]
        assert (folder / shot["takes"][0]["path"]).exists()


def test_two_storyboard_runs_started_0_2_s_apart_pay_once_per_shot(home, emulator, tmp_path):
    folder = tmp_path / "boats"
    write_project(folder, 3)
    first = start_cli(home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / "first.mp4"))
    time.sleep(0.2)
    second = start_cli(home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / "second.mp4"))
    (code1, err1), (code2, err2) = finish(first), finish(second)
    assert code1 == 0, err1
    assert code2 == 0, err2
    assert_paid_once_and_downloaded_once(emulator, 3)
    # Each shot is adopted by whichever run came second to it (unless it was already finished then).
    assert 1 <= err2.count("already being generated") + err1.count("already being generated") <= 3, err2
    assert "ended queued" not in err1 + err2
    assert_every_shot_has_one_take(folder)
    for out in ("first.mp4", "second.mp4"):
        assert abs(probe(tmp_path / out).duration - 12.0) < 0.3


def test_a_run_following_another_runs_jobs_takes_them_over_when_that_run_is_killed(home, emulator, tmp_path):
    emulator.set_faults(latency=8.0)  # the first run's jobs are still in flight when the second starts
    folder = tmp_path / "boats"
    write_project(folder, 3)
    first = start_cli(home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / "first.mp4"))
    deadline = time.monotonic() + 60
    while emulator.stats()["create_requests"] < 3:
        assert time.monotonic() < deadline and first.poll() is None
        time.sleep(0.05)
    log = tmp_path / "second.log"
    with log.open("w") as said:
        second = start_cli(home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / "second.mp4"),
                           stderr=said)  # fmt: skip
        while log.read_text().count("already being generated") < 3:  # it follows all three
            assert time.monotonic() < deadline + 60 and second.poll() is None, log.read_text()
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        code, _ = finish(second)
    assert code == 0, log.read_text()
    assert_paid_once_and_downloaded_once(emulator, 3)
    assert_every_shot_has_one_take(folder)
    assert abs(probe(tmp_path / "second.mp4").duration - 12.0) < 0.3


def test_two_storyboard_runs_at_the_same_moment_on_eight_shots_make_eight_creates(home, emulator, tmp_path):
    folder = tmp_path / "boats"
    write_project(folder, 8)
    runs = [
        start_cli(home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / f"run{i}.mp4"))
        for i in range(2)
    ]
    results = [finish(run) for run in runs]
    for code, err in results:
        assert code == 0, err
    assert_paid_once_and_downloaded_once(emulator, 8)
    assert_every_shot_has_one_take(folder)


def test_five_generates_against_a_one_dollar_cap_let_two_through(home, emulator, tmp_path):
    settings(home, budget_cap=1.0)
    procs = start_generates(home, emulator, tmp_path, 5)
    results = [finish(proc) for proc in procs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 0, 4, 4, 4], results
    for code, err in results:
        if code == 4:
            assert "over your budget cap of $1.00" in err
    assert emulator.stats()["create_requests"] == 2
    assert len(list(tmp_path.glob("kite*.mp4"))) == 2


def test_a_storyboard_of_five_40_cent_shots_under_a_one_dollar_cap_sends_two(home, emulator, tmp_path):
    """All five shots are submitted together; the cap check and the insert are one transaction."""
    settings(home, budget_cap=1.0)
    folder = tmp_path / "boats"
    write_project(folder, 5)
    code, err = finish(start_cli(home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / "b.mp4")))
    assert code == 4, err
    assert "over your budget cap of $1.00" in err
    assert emulator.stats()["create_requests"] == 2
    saved = json.loads((folder / "project.json").read_text())
    assert sum(1 for shot in saved["shots"] if shot["takes"]) == 2  # the two paid clips are kept as takes


def test_four_generate_o_processes_deliver_every_clip(home, emulator, tmp_path):
    procs = start_generates(home, emulator, tmp_path, 4)
    for proc in procs:
        code, err = finish(proc)
        assert code == 0, err
    for i in range(4):
        assert abs(probe(tmp_path / f"kite{i}.mp4").duration - 4.0) < 0.2
    assert_paid_once_and_downloaded_once(emulator, 4)
    from studio.services.jobstore import JobStore

    store = JobStore(home / "studio.db")
    try:
        assert store.deliveries() == {}
    finally:
        store.close()


def test_four_generate_o_processes_killed_mid_job_are_all_delivered_by_resume(home, emulator, tmp_path):
    procs = start_generates(home, emulator, tmp_path, 4)
    deadline = time.monotonic() + 60
    while emulator.stats()["create_requests"] < 4:
        assert time.monotonic() < deadline, [p.poll() for p in procs]
        time.sleep(0.05)
    time.sleep(0.3)  # each has committed its remote id and its delivery; nothing has finished (3 s each)
    for proc in procs:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert not list(tmp_path.glob("kite*.mp4"))

    code, err = finish(start_cli(home, emulator, "jobs", "resume"))
    assert code == 0, err
    for i in range(4):
        assert abs(probe(tmp_path / f"kite{i}.mp4").duration - 4.0) < 0.2, err
    assert_paid_once_and_downloaded_once(emulator, 4)


def test_cancel_of_a_job_that_may_be_billed_gives_the_runners_sentence(home, emulator, tmp_path):
    from studio.core.jobs import Job, JobState
    from studio.services.jobstore import JobStore

    store = JobStore(home / "studio.db")
    job = Job.new(MODEL, {"prompt": "lost"}).transition(JobState.SUBMITTING).transition(JobState.UNKNOWN)
    store.save(job)
    store.close()
    code, err = finish(start_cli(home, emulator, "jobs", "cancel", job.id))
    assert code == 2
    assert f"Job {job.id} may already be running (and billed) at the provider" in err
    assert httpx.get(f"{emulator.url}/_emulator/stats").json()["cancels"] == {}


@pytest.mark.parametrize("then", ["resume", "cancel"])
def test_a_job_whose_recorded_pid_now_belongs_to_another_program_is_resumed_or_cancelled(home, emulator, tmp_path, then):
    """After a crash (or a reboot) the recorded pid may be reused, even by another Python program."""
    import sqlite3

    out = tmp_path / "kite.mp4"
    gen = start_cli(home, emulator, "generate", "-m", MODEL, "-p", "a kite", "--duration", "4",
                    "--resolution", "720p", "--no-audio", "-o", str(out))  # fmt: skip
    deadline = time.monotonic() + 60
    while emulator.stats()["create_requests"] < 1:
        assert time.monotonic() < deadline and gen.poll() is None
        time.sleep(0.05)
    time.sleep(0.3)
    gen.send_signal(signal.SIGKILL)
    gen.wait(timeout=10)
    unrelated = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        with sqlite3.connect(home / "studio.db") as conn:
            job_id, = conn.execute("SELECT id FROM jobs").fetchone()
            conn.execute("UPDATE jobs SET owner_pid = ?", (unrelated.pid,))
        if then == "resume":
            code, err = finish(start_cli(home, emulator, "jobs", "resume"))
            assert code == 0, err
            assert abs(probe(out).duration - 4.0) < 0.2
            assert_paid_once_and_downloaded_once(emulator, 1)
        else:
            code, err = finish(start_cli(home, emulator, "jobs", "cancel", job_id))
            assert code == 0, err
            assert f"Job {job_id} cancelled." in err
            assert sum(emulator.stats()["cancels"].values()) == 1
    finally:
        unrelated.kill()
        unrelated.wait()


@pytest.mark.parametrize("recorded", ["store", "legacy cli-outputs.json"])
def test_resume_writes_a_clip_whose_job_ended_before_its_file_was_written(home, tmp_path, recorded):
    """A `generate -o` stopped between "done" and the copy: the paid clip still reaches its target."""
    from studio.cli import main
    from studio.services.jobstore import JobStore

    args = ["--home", str(home), "generate", "-m", "animatic:kenburns", "-p", "a boat", "--duration", "1",
            "--resolution", "480p", "-o", str(tmp_path / "first.mp4")]  # fmt: skip
    assert main(args) == 0
    later = tmp_path / "later.mp4"
    store = JobStore(home / "studio.db")
    try:
        job = store.list()[0]
        if recorded == "store":
            store.add_delivery(job.id, str(later))
        else:  # written by an older version
            (home / "cli-outputs.json").write_text(json.dumps({job.id: str(later)}))
    finally:
        store.close()

    assert main(["--home", str(home), "jobs", "resume"]) == 0
    assert abs(probe(later).duration - 1.0) < 0.1
    store = JobStore(home / "studio.db")
    try:
        assert store.deliveries() == {}
    finally:
        store.close()
    assert not (home / "cli-outputs.json").exists()


def test_two_storyboard_runs_at_once_stop_at_the_project_budget(home, emulator, tmp_path):
    """Two processes run one project of five 40-cent shots with a $1.00 budget: two creates in all."""
    folder = tmp_path / "boats"
    write_project(folder, 5)
    data = json.loads((folder / "project.json").read_text())
    data["settings"]["budget"] = 1.0
    (folder / "project.json").write_text(json.dumps(data))
    runs = [
        start_cli(home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / f"run{i}.mp4"))
        for i in range(2)
    ]
    results = [finish(run) for run in runs]
    for code, err in results:
        assert code == 4, err  # the same exit as the 24-hour cap
    said = "".join(err for _, err in results)
    assert "would take the project \u201cBoats\u201d over its budget of $1.00: $0.80 is already spent or in flight." in said
    assert "Quote: 5 generation(s), total $2.00." in said
    assert emulator.stats()["create_requests"] == 2
    saved = json.loads((folder / "project.json").read_text())
    assert sum(1 for shot in saved["shots"] if shot["takes"]) == 2  # the two paid clips are kept as takes
