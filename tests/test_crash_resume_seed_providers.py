"""SIGKILL a real studio-cli mid-job on the OpenAI Videos and Kie contracts, then resume:
each job is created once and downloaded once.

Each emulator runs as its own process (it is "the provider" and outlives the client);
studio-cli reaches it over real HTTP through STUDIO_OPENAI_BASE_URL / STUDIO_KIE_BASE_URL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import httpx
import pytest

from studio.services.media import probe
from tests.emulators.kie import DEFAULT_TOKEN as KIE_TOKEN
from tests.emulators.kie import start_kie_emulator_process
from tests.emulators.openai_videos import DEFAULT_TOKEN as OPENAI_TOKEN
from tests.emulators.openai_videos import start_openai_emulator_process
from tests.providers._seed_kit import selfie


def stats(url):
    return httpx.get(f"{url}/_emulator/stats", timeout=5).json()


def env_for(home, provider, url):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") and not k.endswith(("_API_KEY", "_TOKEN"))}
    env.update(STUDIO_HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    if provider == "openai":
        env.update(STUDIO_OPENAI_BASE_URL=f"{url}/v1", OPENAI_API_KEY=OPENAI_TOKEN)
    else:
        env.update(STUDIO_KIE_BASE_URL=url, KIE_API_KEY=KIE_TOKEN)
    return env


def kill_when(proc, url, ready, what):
    deadline = time.monotonic() + 60
    while not ready(stats(url)):
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, f"studio-cli never reached: {what}"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)


def polled(s):
    return s["create_requests"] >= 1 and sum(s["polls"].values()) >= 1


def sent(s):
    return s["create_requests"] >= 1


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home"
    folder.mkdir()
    (folder / "settings.json").write_text(json.dumps({
        "providers.openai.poll_interval": 0.3, "providers.kie.poll_first": 0.3,
        "runner.reconcile_grace": 3,  # a submit cut off by the kill is looked for this long before resending
    }))  # fmt: skip
    return folder


@pytest.mark.parametrize(
    ("provider", "model", "duration", "kill_at", "settings"),
    [
        ("openai", "openai:sora-2", "4", polled, {"latency": 4.0, "poll_after_ms": 300}),
        # killed while the create's answer is on its way: found again through GET /videos
        ("openai", "openai:sora-2", "4", sent, {"latency": 4.0, "create_delay": 2.0}),
        ("kie", "kie:sora-2-image-to-video", "10", polled, {"latency": 4.0}),
    ],
    ids=["openai-while-running", "openai-mid-create", "kie-while-running"],
)
def test_sigkill_mid_job_then_resume_creates_once_and_downloads_once(
    tmp_path, home, provider, model, duration, kill_at, settings
):
    start = start_openai_emulator_process if provider == "openai" else start_kie_emulator_process
    emulator, url = start(tmp_path / "emulator-state.json", **settings)
    try:
        image = selfie(tmp_path / "selfie.jpg")
        out = tmp_path / "clip.mp4"
        env = env_for(home, provider, url)
        command = [sys.executable, "-m", "studio.cli", "generate", "--model", model, "--allow-retired",
                   "--image", str(image), "--aspect", "9:16", "--duration", duration, "-o", str(out)]  # fmt: skip
        first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        kill_when(first, url, kill_at, kill_at.__name__)
        assert sum(stats(url)["downloads"].values()) == 0 and not out.exists()

        resumed = subprocess.run([sys.executable, "-m", "studio.cli", "jobs", "resume"], env=env,
                                 capture_output=True, text=True, timeout=120)  # fmt: skip
        assert resumed.returncode == 0, resumed.stderr

        after = stats(url)
        assert after["create_requests"] == 1
        assert list(after["creates"].values()) == [1]
        assert after["downloads"] == {next(iter(after["creates"])): 1}
        info = probe(out)  # the clip promised by the killed `generate -o` is delivered by the resume
        assert abs(info.duration - float(duration)) < 0.2 and info.video.height > info.video.width
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)


def test_kie_cannot_list_tasks_so_a_create_cut_off_by_a_kill_is_never_resent(tmp_path, home):
    emulator, url = start_kie_emulator_process(tmp_path / "emulator-state.json", latency=2.0, create_delay=2.0)
    try:
        env = env_for(home, "kie", url)
        out = tmp_path / "clip.mp4"
        command = [sys.executable, "-m", "studio.cli", "generate", "--model", "kie:sora-2-text-to-video",
                   "--allow-retired", "-p", "a paper boat", "--duration", "10", "-o", str(out)]  # fmt: skip
        first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        kill_when(first, url, sent, "the create")
        resumed = subprocess.run([sys.executable, "-m", "studio.cli", "jobs", "resume"], env=env,
                                 capture_output=True, text=True, timeout=120)  # fmt: skip
        assert resumed.returncode == 5, resumed.stderr
        assert "dashboard" in resumed.stderr
        assert stats(url)["create_requests"] == 1  # asked a person instead of paying twice
        assert not out.exists()
    finally:
        emulator.terminate()
        emulator.wait(timeout=10)
