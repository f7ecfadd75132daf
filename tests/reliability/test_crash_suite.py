"""Crash suite: SIGKILL a real ``studio-cli storyboard run`` at each awkward step, run it again,
and check at the emulator that every shot was created once and downloaded once.

The kill comes from inside (``STUDIO_TEST_KILL_AT=<step>``: the process SIGKILLs itself at
that exact point, see studio/services/crashpoints.py) or from the test (all creates in flight).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.core.project import Project, ProjectSettings, Shot
from studio.services.media import probe
from studio.services.projects import ProjectStore
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator
from tests.reliability.kit import MODEL, cli_env, prepare_home, run_cli

SHOTS = 3
KILL_POINTS = [
    "commit:queued",  # before the first job row is committed
    "submitted",  # a create was answered (and billed) but its id is not stored yet
    "poll",  # mid-poll
    "download",  # mid-download: some bytes on disk
    "rename",  # the clip renamed into place, "done" not yet committed
    "export",  # half of the film written
    "replace:project.json",  # the project file written but not yet renamed into place
]


@pytest.fixture(scope="module")
def emulator():
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=1.0) as emu:
        yield emu


@pytest.fixture
def provider(emulator):
    emulator.reset()
    emulator.set_faults(latency=1.0, download_chunk_delay=0.02)
    return emulator


def write_project(folder: Path, prompts: list[str]) -> None:
    project = Project("Crash test", ProjectSettings(width=256, height=144, fps=24))
    for index, prompt in enumerate(prompts):
        project.add_shot(
            Shot(title=f"Shot {index + 1}", prompt=prompt, model_id=MODEL, duration=4, resolution="720p", audio=True)
        )
    ProjectStore().save(project, folder)


def storyboard(home, emulator, folder, out, **options):
    return run_cli(home, emulator.url, "storyboard", "run", str(folder), "-o", str(out), timeout=120, **options)


def assert_exactly_once(emulator, folder, out, shots):
    stats = emulator.stats()
    assert stats["create_requests"] == shots, stats
    assert len(stats["creates"]) == shots and set(stats["creates"].values()) == {1}, stats["creates"]
    assert sorted(stats["downloads"]) == sorted(stats["creates"]), stats
    assert set(stats["downloads"].values()) == {1}, stats["downloads"]
    saved = json.loads((folder / "project.json").read_text())
    assert all(shot["chosen_take_id"] for shot in saved["shots"])
    info = probe(out)
    assert abs(info.duration - 4.0 * shots) < 0.3 and info.audio is not None
    return stats


@pytest.mark.parametrize("step", KILL_POINTS)
def test_sigkill_at_each_step_then_run_again_pays_once(tmp_path, provider, step):
    # One job at the provider at a time, so the kill lands while exactly one job is at ``step``
    # (a body the emulator finished sending to a process killed before reading it would count twice).
    home = prepare_home(tmp_path / "home", **{"providers.replicate.concurrency": 1})
    folder = tmp_path / "film"
    write_project(folder, [f"Shot {i + 1}: a paper boat on a river, beat {i}" for i in range(SHOTS)])
    out = tmp_path / "film.mp4"

    first = storyboard(home, provider, folder, out, kill_at=step)
    assert first.code == -signal.SIGKILL, f"never reached {step}: {first.stderr}"

    second = storyboard(home, provider, folder, out)
    assert second.code == 0, second.stderr
    stats = assert_exactly_once(provider, folder, out, SHOTS)
    if step == "download":
        assert sum(stats["ranged_downloads"].values()) >= 1  # continued from the bytes on disk


def test_four_shots_sharing_a_prompt_killed_mid_create_are_each_adopted_once(tmp_path, provider):
    """Before: reconciling matched by prompt, all four stayed unknown for ever and every run failed."""
    provider.set_faults(create_delay=1.5)  # created at the provider, the answers still on the wire
    home = prepare_home(tmp_path / "home")
    folder = tmp_path / "film"
    write_project(folder, ["the same lighthouse at dusk"] * 4)
    out = tmp_path / "film.mp4"
    command = [sys.executable, "-m", "studio.cli", "storyboard", "run", str(folder), "-o", str(out)]
    first = subprocess.Popen(command, env=cli_env(home, provider.url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(provider.stats()["creates"]) < 4:
        assert first.poll() is None, first.stderr.read().decode()
        assert time.monotonic() < deadline, "the first run never sent all four creates"
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    first.stderr.close()
    provider.set_faults(create_delay=0)

    second = storyboard(home, provider, folder, out)
    assert second.code == 0, second.stderr
    assert_exactly_once(provider, folder, out, 4)
