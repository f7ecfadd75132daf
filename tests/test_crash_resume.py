"""SIGKILL studio-cli with ten paid jobs in flight, restart it: each is created once and downloaded once.

The Replicate emulator runs as its own process (it is "the provider" and outlives the
client); studio-cli reaches it over real HTTP through STUDIO_REPLICATE_BASE_URL.
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
from tests.emulators.replicate import DEFAULT_TOKEN, start_emulator_process

SHOTS = 10
MODEL = "replicate:google/veo-3.1-fast"


@pytest.fixture
def emulator(tmp_path):
    proc, url = start_emulator_process(tmp_path / "emulator-state.json", latency=4.0)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def stats(url):
    return httpx.get(f"{url}/_emulator/stats", timeout=5).json()


def cli_env(home, url):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_")}
    env.update(
        STUDIO_HOME=str(home),
        STUDIO_REPLICATE_BASE_URL=url,
        REPLICATE_API_TOKEN=DEFAULT_TOKEN,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env


def write_project(folder: Path) -> None:
    project = Project("Ten shots", ProjectSettings(width=256, height=144, fps=24))
    for index in range(SHOTS):
        project.add_shot(
            Shot(title=f"Shot {index + 1}", prompt=f"Shot {index + 1}: a paper boat on a river, beat {index}",
                 model_id=MODEL, duration=4, resolution="720p", audio=True)
        )
    ProjectStore().save(project, folder)


@pytest.mark.parametrize("kill_after_creates", [4, SHOTS])
def test_sigkill_with_jobs_in_flight_then_restart(tmp_path, emulator, kill_after_creates):
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text(
        json.dumps(
            {
                "providers.replicate.concurrency": SHOTS,
                "providers.replicate.poll_interval": 0.5,
                # a submit cut off by the kill is checked at the provider this long before resending
                "runner.reconcile_grace": 3,
            }
        )
    )
    folder = tmp_path / "boats"
    write_project(folder)
    out = tmp_path / "boats.mp4"
    command = [sys.executable, "-m", "studio.cli", "storyboard", "run", str(folder), "-o", str(out)]
    env = cli_env(home, emulator)

    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while stats(emulator)["create_requests"] < kill_after_creates:
        assert first.poll() is None, first.stderr.read().decode()
        assert time.monotonic() < deadline, "the first run never submitted all shots"
        time.sleep(0.05)
    if kill_after_creates == SHOTS:
        time.sleep(0.3)  # a few polls land; nothing has finished yet (each job takes 4 s)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    before = stats(emulator)
    assert sum(before["downloads"].values()) == 0

    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert second.returncode == 0, second.stderr

    after = stats(emulator)
    # The money first: one prediction per shot, each created once; then the raw request count.
    assert len(after["creates"]) == SHOTS, after
    assert set(after["creates"].values()) == {1}, after["creates"]
    assert after["create_requests"] == SHOTS, (after, second.stderr[-2000:])
    assert sorted(after["downloads"]) == sorted(after["creates"])
    assert set(after["downloads"].values()) == {1}, after["downloads"]

    info = probe(out)
    assert abs(info.duration - 4.0 * SHOTS) < 0.2
    assert info.audio is not None
    saved = json.loads((folder / "project.json").read_text())
    assert all(shot["chosen_take_id"] for shot in saved["shots"])
