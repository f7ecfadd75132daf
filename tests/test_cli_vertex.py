"""studio-cli on Vertex AI Veo: against the emulator with a service-account file, and after a SIGKILL."""

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
from tests.emulators.vertex import start_emulator_process

MODEL = "vertex:veo-3.1-fast-generate-001"


@pytest.fixture
def emulator(tmp_path):
    account = tmp_path / "service-account.json"
    proc, url = start_emulator_process(account, latency=3.0)
    yield url, account
    proc.terminate()
    proc.wait(timeout=10)


def stats(url):
    return httpx.get(f"{url}/_emulator/stats", timeout=5).json()


def env_for(home: Path, url: str, account: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STUDIO_", "GOOGLE_"))}
    env.update(
        STUDIO_HOME=str(home),
        STUDIO_VERTEX_BASE_URL=url,
        GOOGLE_APPLICATION_CREDENTIALS=str(account),
        GOOGLE_CLOUD_LOCATION="europe-west4",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env


def settings(home: Path, **extra) -> None:
    home.mkdir(exist_ok=True)
    values = {"providers.vertex.poll_interval": 0.3, "providers.vertex.concurrency": 4, **extra}
    (home / "settings.json").write_text(json.dumps(values))


def test_generate_with_a_first_frame_from_a_service_account_file(tmp_path, emulator):
    url, account = emulator
    home = tmp_path / "home"
    settings(home)
    image = tmp_path / "selfie.jpg"
    cv2.imwrite(str(image), np.full((1280, 720, 3), 90, np.uint8))
    out = tmp_path / "veo.mp4"
    command = [sys.executable, "-m", "studio.cli", "generate", "--model", MODEL, "--prompt", "she waves",
               "--image", str(image), "--aspect", "9:16", "--duration", "4", "--resolution", "720p", "--no-audio",
               "-o", str(out)]  # fmt: skip
    done = subprocess.run(command, env=env_for(home, url, account), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "$0.40" in done.stderr  # 4 s at $0.10/s without audio
    info = probe(out)
    assert abs(info.duration - 4.0) < 0.2 and info.video.height > info.video.width
    sent = httpx.get(f"{url}/_emulator/requests", timeout=5).json()
    assert len(sent) == 1 and sent[0]["body"]["instances"][0]["image"]["mimeType"] == "image/jpeg"
    # The private key reached neither the database, the logs nor the sidecar.
    key_line = json.loads(account.read_text())["private_key"].splitlines()[1]
    for path in home.rglob("*"):
        if path.is_file():
            assert key_line.encode() not in path.read_bytes(), path.name


def test_a_missing_service_account_is_exit_4_with_one_sentence(tmp_path, emulator):
    url, account = emulator
    home = tmp_path / "home"
    settings(home)
    env = env_for(home, url, tmp_path / "nowhere.json")
    command = [sys.executable, "-m", "studio.cli", "generate", "--model", MODEL, "--prompt", "x", "--duration", "4",
               "-o", str(tmp_path / "o.mp4")]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 4, done.stderr
    assert "GOOGLE_APPLICATION_CREDENTIALS" in done.stderr and "Traceback" not in done.stderr
    assert stats(url)["create_requests"] == 0


def test_sigkill_mid_job_then_resume_creates_and_downloads_once(tmp_path, emulator):
    url, account = emulator
    home = tmp_path / "home"
    settings(home, **{"providers.vertex.output_gcs_uri": "gs://studio-out/runs"})
    folder = tmp_path / "film"
    project = Project("Three shots", ProjectSettings(width=256, height=144, fps=24))
    for index in range(3):
        project.add_shot(Shot(title=f"Shot {index + 1}", prompt=f"paper boat, beat {index}", model_id=MODEL,
                              duration=4, resolution="720p", audio=True))  # fmt: skip
    ProjectStore().save(project, folder)
    out = tmp_path / "film.mp4"
    command = [sys.executable, "-m", "studio.cli", "storyboard", "run", str(folder), "-o", str(out)]
    env = env_for(home, url, account)

    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while stats(url)["create_requests"] < 3:
        assert first.poll() is None, first.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.5)  # the operation names are committed; nothing has finished (3 s each)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)

    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert second.returncode == 0, second.stderr
    after = stats(url)
    assert after["create_requests"] == 3
    assert sorted(op["creates"] for op in after["ops"].values()) == [1, 1, 1]
    assert sorted(op["downloads"] for op in after["ops"].values()) == [1, 1, 1]
    assert abs(probe(out).duration - 12.0) < 0.3
    # The service account's key reached no database, log, sidecar or project file.
    key_line = json.loads(account.read_text())["private_key"].splitlines()[1].encode()
    for path in [*home.rglob("*"), *folder.rglob("*")]:
        if path.is_file() and path.suffix != ".mp4":
            assert key_line not in path.read_bytes(), path.name
