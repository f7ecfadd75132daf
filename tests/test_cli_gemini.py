"""studio-cli on Gemini Omni Flash: against the emulator with GEMINI_API_KEY, and after a SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import cv2
import httpx
import numpy as np
import pytest

from studio.core.project import Project, ProjectSettings, Shot
from studio.services.media import probe
from studio.services.projects import ProjectStore
from tests.emulators.gemini import DEFAULT_KEY, start_emulator_process

MODEL = "gemini:gemini-omni-1.1-flash"


@pytest.fixture
def emulator():
    proc, url = start_emulator_process(latency=3.0)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def stats(url):
    return httpx.get(f"{url}/_emulator/stats", timeout=5).json()


def env_for(home: Path, url: str, key: str | None = DEFAULT_KEY) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") and k not in ("GEMINI_API_KEY", "GOOGLE_API_KEY")}
    env.update(STUDIO_HOME=str(home), STUDIO_GEMINI_BASE_URL=url, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    if key:
        env["GEMINI_API_KEY"] = key
    home.mkdir(exist_ok=True)
    (home / "settings.json").write_text(json.dumps({"providers.gemini.poll_interval": 0.3, "providers.gemini.concurrency": 4}))
    return env


def test_generate_from_a_selfie(tmp_path, emulator):
    selfie = tmp_path / "selfie.jpg"
    cv2.imwrite(str(selfie), np.full((1280, 720, 3), 150, np.uint8))
    out = tmp_path / "omni.mp4"
    command = [sys.executable, "-m", "studio.cli", "generate", "--model", MODEL, "--prompt", "she laughs",
               "--image", str(selfie), "--aspect", "9:16", "--duration", "6", "-o", str(out)]  # fmt: skip
    done = subprocess.run(command, env=env_for(tmp_path / "home", emulator), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "$0.60" in done.stderr
    info = probe(out)
    assert abs(info.duration - 6.0) < 0.2 and info.video.height > info.video.width and info.audio is not None
    (sent,) = httpx.get(f"{emulator}/_emulator/requests", timeout=5).json()
    assert sent["generation_config"]["video_config"]["task"] == "image_to_video"


def test_no_key_is_exit_4(tmp_path, emulator):
    command = [sys.executable, "-m", "studio.cli", "generate", "--model", MODEL, "--prompt", "x", "--duration", "4",
               "-o", str(tmp_path / "o.mp4")]  # fmt: skip
    done = subprocess.run(command, env=env_for(tmp_path / "home", emulator, key=None), capture_output=True, text=True, timeout=120)
    assert done.returncode == 4 and "GEMINI_API_KEY" in done.stderr and "Traceback" not in done.stderr
    assert stats(emulator)["create_requests"] == 0


def test_sigkill_mid_job_then_resume_creates_and_downloads_once(tmp_path, emulator):
    home = tmp_path / "home"
    env = env_for(home, emulator)
    folder = tmp_path / "film"
    project = Project("Three shots", ProjectSettings(width=256, height=144, fps=24))
    for index in range(3):
        project.add_shot(Shot(title=f"Shot {index + 1}", prompt=f"paper boat, beat {index}", model_id=MODEL, duration=4))
    ProjectStore().save(project, folder)
    out = tmp_path / "film.mp4"
    command = [sys.executable, "-m", "studio.cli", "storyboard", "run", str(folder), "-o", str(out)]

    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while stats(emulator)["create_requests"] < 3:
        assert first.poll() is None, first.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.5)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)

    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert second.returncode == 0, second.stderr
    after = stats(emulator)
    assert after["create_requests"] == 3
    assert sorted(item["creates"] for item in after["items"].values()) == [1, 1, 1]
    assert sorted(item["downloads"] for item in after["items"].values()) == [1, 1, 1]
    assert abs(probe(out).duration - 12.0) < 0.3
