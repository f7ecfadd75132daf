"""Outage suite: each temporary problem, then recovery — the paid clip arrives, created once, downloaded once.

A real ``studio-cli`` process talks HTTP to the Replicate emulator. During the problem the
CLI exits 5 with a sentence saying the job is kept and how to resume it; the job waits in a
state that names what it waits for; after the problem, ``studio-cli jobs resume`` delivers
the clip. The counts are taken at the emulator, where the money is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.core.jobs import JobState
from studio.services.media import probe
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator
from tests.reliability.kit import generate, jobs, prepare_home, run_cli, the_job


@pytest.fixture
def emulator():
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=1.0) as emu:
        yield emu


@pytest.fixture
def home(tmp_path):
    return prepare_home(tmp_path / "home")


def assert_kept_with_a_resume_sentence(run, home):
    assert run.code == 5, run.stderr
    last = run.stderr.strip().splitlines()[-1]
    assert "kept" in last and "studio-cli jobs resume" in last, last
    assert ".part" not in run.stderr
    job = the_job(home)
    assert job.state is JobState.STALLED and job.waiting_for, job
    return job


def resume_and_check_once(home, emulator, out, *, duration=4.0):
    run = run_cli(home, emulator.url, "jobs", "resume")
    assert run.code == 0, run.stderr
    assert abs(probe(out).duration - duration) < 0.2
    assert the_job(home).state is JobState.DONE
    stats = emulator.stats()
    (remote_id,) = stats["creates"]
    assert stats["create_requests"] == 1 and stats["creates"][remote_id] == 1
    assert stats["downloads"] == {remote_id: 1}
    return stats


def test_polls_failing_for_minutes_keep_the_job_then_resume_delivers_it(home, emulator, tmp_path):
    emulator.set_faults(poll_5xx=10_000)  # the status endpoint is down for as long as it takes
    out = tmp_path / "boat.mp4"
    run = generate(home, emulator.url, out)
    job = assert_kept_with_a_resume_sentence(run, home)
    assert "Replicate to answer" in job.waiting_for
    # one retry layer: the transport's five tries, not runner retries on top (was up to 45 GETs)
    assert emulator.stats()["polls"][job.remote_id] <= 5

    emulator.set_faults(poll_5xx=0)
    resume_and_check_once(home, emulator, out)


def test_a_download_that_keeps_breaking_resumes_from_its_partial_file(home, emulator, tmp_path):
    emulator.set_faults(download_reset=10_000)
    out = tmp_path / "boat.mp4"
    run = generate(home, emulator.url, out, duration=8)
    job = assert_kept_with_a_resume_sentence(run, home)
    assert job.waiting_for == "the download to work"
    assert list((home / "clips").glob(".*.part")), "the bytes already paid for and received are kept"

    emulator.set_faults(download_reset=0)
    stats = resume_and_check_once(home, emulator, out, duration=8.0)
    (remote_id,) = stats["creates"]
    assert stats["ranged_downloads"][remote_id] >= 5  # every attempt continued; none restarted at byte 0


def test_a_wrong_key_at_resume_keeps_the_job_until_the_key_is_fixed(home, emulator, tmp_path):
    out = tmp_path / "boat.mp4"
    killed = generate(home, emulator.url, out, kill_at="poll")  # the first run dies while the job runs
    assert killed.code == -9, killed.stderr

    wrong = run_cli(home, emulator.url, "jobs", "resume", token="r8_wrongwrongwrongwrong")
    assert_kept_with_a_resume_sentence(wrong, home)
    assert the_job(home).waiting_for == "a working API key"
    assert "wrongwrong" not in wrong.stderr

    resume_and_check_once(home, emulator, out)


@pytest.mark.parametrize("fault", ["list_5xx", "list_hang"])
def test_a_lost_answer_with_the_list_endpoint_down_returns_with_a_sentence(home, emulator, tmp_path, fault):
    emulator.set_faults(create_reset=1, list_hang_seconds=600, **{fault: 10_000})
    out = tmp_path / "boat.mp4"
    run = generate(home, emulator.url, out, timeout=60)  # before: retried the list for ever
    assert run.code == 5, run.stderr
    last = run.stderr.strip().splitlines()[-1]
    assert "unknown" in last and "studio-cli jobs resume" in last and "dashboard" in last, last
    job = the_job(home)
    assert job.state is JobState.UNKNOWN and job.remote_id is None

    emulator.set_faults(**{fault: 0})
    resume_and_check_once(home, emulator, out)


def test_a_429_storm_says_one_thing(home, emulator, tmp_path):
    emulator.set_faults(create_429=10_000, retry_after=0.2)
    run = generate(home, emulator.url, tmp_path / "boat.mp4")
    assert run.code == 5, run.stderr
    last = run.stderr.strip().splitlines()[-1]
    assert "nothing was charged" in last
    assert "will try again" not in last and "retry on its own" not in last, last
    assert emulator.stats()["creates"] == {}
    assert jobs(home)[0].state is JobState.FAILED  # nothing was paid, so nothing is kept waiting


def test_a_clip_two_seconds_short_is_delivered_with_a_warning(home, emulator, tmp_path):
    emulator.set_faults(short_output=1)
    out = tmp_path / "boat.mp4"
    run = generate(home, emulator.url, out, duration=6)
    assert run.code == 0, run.stderr
    assert "4.0 s long; 6 s was asked for" in run.stderr
    assert ".part" not in run.stderr
    assert abs(probe(out).duration - 4.0) < 0.2
    job = the_job(home)
    assert job.state is JobState.DONE and job.warnings
    sidecar = json.loads(Path(job.output_path).with_suffix(".json").read_text())
    assert sidecar["warnings"] == job.warnings


def test_a_clip_that_cannot_be_decoded_is_quarantined_and_the_job_says_where(home, emulator, tmp_path):
    emulator.set_faults(corrupt_output=1)
    run = generate(home, emulator.url, tmp_path / "boat.mp4")
    assert run.code != 0
    job = the_job(home)
    kept = home / "quarantine" / f"{job.id}.mp4"
    assert kept.exists() and kept.stat().st_size > 0
    assert str(kept) in run.stderr and str(kept) in job.error_message
    assert ".part" not in run.stderr and ".part" not in job.error_message
    assert emulator.stats()["downloads"] == {job.remote_id: 1}
