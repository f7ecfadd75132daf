"""A storyboard run SIGKILLed half-way is carried on, by ``studio-cli storyboard run`` or by the
service call the window makes when the project opens: a finished or running shot is never
sent again, a shot that was never sent is sent once, and every shot ends with its take.

At the kill: shots 1 and 3 (independent) are created and running at the emulator; shot 2
(chained to shot 1) has no job yet, because it waits for shot 1's last frame.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest
from keyring.backends import fail

from studio.core.project import Project, ProjectSettings, Shot
from studio.services.context import build_services
from studio.services.runner import Timing
from studio.services.secrets import Secrets
from studio.services.storyboard_resume import RUN_NOTE, continue_interrupted_run, interrupted_run, plan_run
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator
from tests.reliability.kit import MODEL, cli_env, prepare_home, run_cli

SHOTS = 3


@pytest.fixture(scope="module")
def emulator():
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=4.0) as emu:
        yield emu


@pytest.fixture
def provider(emulator):
    emulator.reset()
    emulator.set_faults(latency=4.0)
    return emulator


def write_project(folder) -> list[str]:
    project = Project("Carry on", ProjectSettings(width=256, height=144, fps=24))
    for index in range(SHOTS):
        project.add_shot(Shot(
            title=f"Shot {index + 1}", prompt=f"Shot {index + 1}: a kite over the dunes, beat {index}", model_id=MODEL,
            duration=4, resolution="720p", audio=True, continuity="chained" if index == 1 else "independent",
        ))  # fmt: skip
    from studio.services.projects import ProjectStore

    ProjectStore().save(project, folder)
    return [shot.id for shot in project.shots]


def run_and_kill(home, provider, folder, out) -> None:
    """Start a real run, SIGKILL it while shots 1 and 3 are running and shot 2 waits."""
    command = [sys.executable, "-m", "studio.cli", "storyboard", "run", str(folder), "-o", str(out)]
    first = subprocess.Popen(command, env=cli_env(home, provider.url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while provider.stats()["create_requests"] < 2:
        assert first.poll() is None, first.stderr.read().decode()
        assert time.monotonic() < deadline, "the first run never sent its two independent shots"
        time.sleep(0.02)
    time.sleep(0.5)  # the creates' answers are stored; a few polls land; nothing has finished (4 s each)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    first.stderr.close()
    stats = provider.stats()
    assert stats["create_requests"] == 2 and not stats["downloads"], stats


def assert_every_shot_once(provider, folder, shot_ids) -> None:
    stats = provider.stats()
    assert stats["create_requests"] == SHOTS, stats
    assert len(stats["creates"]) == SHOTS and set(stats["creates"].values()) == {1}, stats["creates"]
    assert sorted(stats["downloads"]) == sorted(stats["creates"]), stats
    saved = json.loads((folder / "project.json").read_text())
    assert [shot["id"] for shot in saved["shots"]] == shot_ids
    assert all(shot["chosen_take_id"] for shot in saved["shots"]), saved["shots"]
    assert not (folder / RUN_NOTE).exists()  # the run is over: nothing to carry on next time


def test_a_killed_run_is_carried_on_by_the_cli(tmp_path, provider):
    home = prepare_home(tmp_path / "home")
    folder = tmp_path / "kites"
    shot_ids = write_project(folder)
    out = tmp_path / "kites.mp4"
    run_and_kill(home, provider, folder, out)
    assert interrupted_run(folder) == shot_ids  # the stopped run left its note

    second = run_cli(home, provider.url, "storyboard", "run", str(folder), "-o", str(out), timeout=120)
    assert second.code == 0, second.stderr
    assert_every_shot_once(provider, folder, shot_ids)


async def test_a_killed_run_is_carried_on_when_the_window_opens_the_project(tmp_path, provider, monkeypatch):
    home = prepare_home(tmp_path / "home")
    folder = tmp_path / "kites"
    shot_ids = write_project(folder)
    run_and_kill(home, provider, folder, tmp_path / "kites.mp4")

    # What the window does: build the services, resume orphaned jobs, open the project, carry on.
    monkeypatch.setenv("REPLICATE_API_TOKEN", DEFAULT_TOKEN)
    monkeypatch.setenv("STUDIO_REPLICATE_BASE_URL", provider.url)
    services = build_services(
        home, secrets=Secrets(fail.Keyring()), log_to_file=False,
        timing=Timing(reconcile_grace=2, reconcile_deadline=8),
    )  # fmt: skip
    try:
        await services.start()
        project = services.projects.load(folder)
        plans = []
        before = plan_run(services, project, folder, shot_ids)
        assert sorted(before.following) == sorted([shot_ids[0], shot_ids[2]]) and before.to_send == [shot_ids[1]]
        jobs = await continue_interrupted_run(services, project, folder, on_plan=plans.append)
    finally:
        await services.aclose()
    assert jobs is not None and len(jobs) == SHOTS
    assert [sorted(p.following) for p in plans] == [sorted(before.following)]
    assert all(shot.chosen_take is not None for shot in project.shots)
    assert_every_shot_once(provider, folder, shot_ids)
