"""studio-cli against the OpenAI Videos and Kie emulators through their base-URL variables,
as a person runs it: a selfie in, a portrait clip out, and the documented exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from studio.services.media import probe
from tests.emulators.kie import DEFAULT_TOKEN as KIE_TOKEN
from tests.emulators.kie import KieEmulator
from tests.emulators.openai_videos import DEFAULT_TOKEN as OPENAI_TOKEN
from tests.emulators.openai_videos import OpenAIVideosEmulator
from tests.providers._seed_kit import selfie

KEY_VARS = ("OPENAI_API_KEY", "KIE_API_KEY", "REPLICATE_API_TOKEN")


def cli(home, env_extra, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") and k not in KEY_VARS}
    env.update(STUDIO_HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", **env_extra)
    (home / "settings.json").write_text(
        json.dumps({"providers.openai.poll_interval": 0.2, "providers.kie.poll_first": 0.2})
    )
    proc = subprocess.run([sys.executable, "-m", "studio.cli", *args], env=env, capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def openai_emulator():
    with OpenAIVideosEmulator(latency=0.6, poll_after_ms=150) as emu:
        yield emu


@pytest.fixture
def kie_emulator():
    with KieEmulator(latency=0.6) as emu:
        yield emu


def openai_env(emu, token=OPENAI_TOKEN):
    env = {"STUDIO_OPENAI_BASE_URL": f"{emu.url}/v1"}
    if token:
        env["OPENAI_API_KEY"] = token
    return env


def kie_env(emu, token=KIE_TOKEN):
    env = {"STUDIO_KIE_BASE_URL": emu.url}
    if token:
        env["KIE_API_KEY"] = token
    return env


def test_generate_with_openai_sora_2_from_a_selfie(studio_home, tmp_path, openai_emulator):
    image = selfie(tmp_path / "selfie.jpg", (1080, 1440))
    out = tmp_path / "sora.mp4"
    code, _, err = cli(studio_home, openai_env(openai_emulator), "generate", "--model", "openai:sora-2",
                       "--allow-retired", "--image", str(image), "--aspect", "9:16", "--duration", "4", "-o", str(out))
    assert code == 0, err
    assert "retired" in err and "$0.40" in err  # warned, and quoted before anything was paid
    info = probe(out)
    assert abs(info.duration - 4.0) < 0.2 and info.video.height > info.video.width and info.audio is not None
    (video,) = openai_emulator.videos.values()
    assert video["size"] == "720x1280" and video["input_reference"]["width"] == 720
    stats = openai_emulator.stats()
    assert stats["create_requests"] == 1 and list(stats["downloads"].values()) == [1]


def test_generate_with_kie_sora_2_from_a_selfie(studio_home, tmp_path, kie_emulator):
    image = selfie(tmp_path / "selfie.jpg")
    out = tmp_path / "kie.mp4"
    code, _, err = cli(studio_home, kie_env(kie_emulator), "generate", "--model", "kie:sora-2-image-to-video",
                       "--allow-retired", "--image", str(image), "--aspect", "9:16", "--duration", "10", "-o", str(out))
    assert code == 0, err
    assert "paused" in err and "$0.15" in err
    info = probe(out)
    assert abs(info.duration - 10.0) < 0.2 and info.video.height > info.video.width
    (task,) = kie_emulator.tasks.values()
    assert task["input"]["aspect_ratio"] == "portrait" and task["input"]["n_frames"] == "10"
    stats = kie_emulator.stats()
    assert stats["create_requests"] == 1 and stats["uploads"] == 1 and list(stats["downloads"].values()) == [1]


@pytest.mark.parametrize(
    ("model", "extra_args", "faults", "token", "code", "needle"),
    [
        ("openai:sora-2", [], {}, OPENAI_TOKEN, 2, "retired"),  # refused before any request
        ("openai:sora-2", ["--allow-retired"], {"shut_down": True}, OPENAI_TOKEN, 5, "shut the Sora 2 Videos API down"),
        ("openai:sora-2", ["--allow-retired"], {"create_moderation": 1}, OPENAI_TOKEN, 3, "moderation"),
        ("openai:sora-2", ["--allow-retired"], {"create_quota": 1}, OPENAI_TOKEN, 4, "billing"),
        ("openai:sora-2", ["--allow-retired"], {}, "test-key-wrong", 4, "key"),
        ("openai:sora-2", ["--allow-retired"], {}, None, 4, "OPENAI_API_KEY"),
    ],
)
def test_openai_exit_codes(studio_home, tmp_path, openai_emulator, model, extra_args, faults, token, code, needle):
    openai_emulator.set_faults(**faults)
    got, _, err = cli(studio_home, openai_env(openai_emulator, token), "generate", "-m", model, *extra_args,
                      "-p", "a paper boat drifts", "--duration", "4", "-o", str(tmp_path / "x.mp4"))  # fmt: skip
    assert got == code, err
    assert needle.lower() in err.lower()
    assert "Traceback" not in err and "test-key" not in err
    assert not (tmp_path / "x.mp4").exists()
    if code == 2:
        assert openai_emulator.stats()["create_requests"] == 0


@pytest.mark.parametrize(
    ("extra_args", "faults", "token", "code", "needle"),
    [
        ([], {}, KIE_TOKEN, 2, "paused"),  # refused before any request
        (["--allow-retired"], {"paused": True}, KIE_TOKEN, 2, "temporarily paused"),
        (["--allow-retired"], {"create_402": 1}, KIE_TOKEN, 4, "credits"),
        (["--allow-retired"], {"moderation": 1}, KIE_TOKEN, 3, "content filter"),
        (["--allow-retired"], {}, None, 4, "KIE_API_KEY"),
    ],
)
def test_kie_exit_codes(studio_home, tmp_path, kie_emulator, extra_args, faults, token, code, needle):
    kie_emulator.set_faults(**faults)
    got, _, err = cli(studio_home, kie_env(kie_emulator, token), "generate", "-m", "kie:sora-2-text-to-video",
                      *extra_args, "-p", "a paper boat drifts", "--duration", "10", "-o", str(tmp_path / "x.mp4"))  # fmt: skip
    assert got == code, err
    assert needle.lower() in err.lower()
    assert "Traceback" not in err and "test-key" not in err
    assert not (tmp_path / "x.mp4").exists()
    if not extra_args:
        assert kie_emulator.stats()["create_requests"] == 0


@pytest.mark.parametrize("provider", ["openai", "kie"])
def test_a_429_on_create_waits_for_retry_after_then_creates_once(studio_home, tmp_path, openai_emulator, kie_emulator,
                                                                  provider):  # fmt: skip
    emu, env = (openai_emulator, openai_env(openai_emulator)) if provider == "openai" else (kie_emulator, kie_env(kie_emulator))
    emu.set_faults(create_429=1, retry_after=1)
    model = "openai:sora-2" if provider == "openai" else "kie:sora-2-text-to-video"
    duration = "4" if provider == "openai" else "10"
    out = tmp_path / "x.mp4"
    code, _, err = cli(studio_home, env, "generate", "-m", model, "--allow-retired", "-p", "a paper boat",
                       "--duration", duration, "-o", str(out))  # fmt: skip
    assert code == 0, err
    stats = emu.stats()
    assert stats["create_requests"] == 2 and len(stats["creates"]) == 1 and list(stats["downloads"].values()) == [1]
    assert abs(probe(out).duration - float(duration)) < 0.2


def test_remix_a_finished_video_from_the_command_line(studio_home, tmp_path, openai_emulator):
    env = openai_env(openai_emulator)
    code, _, err = cli(studio_home, env, "generate", "-m", "openai:sora-2", "--allow-retired", "-p", "a paper boat",
                       "--duration", "4", "-o", str(tmp_path / "take1.mp4"))  # fmt: skip
    assert code == 0, err
    code, stdout, _ = cli(studio_home, env, "jobs", "list", "--json")
    (first,) = json.loads(stdout)
    code, _, err = cli(studio_home, env, "generate", "-m", "openai:sora-2", "--allow-retired",
                       "-p", "same shot, 85 mm lens", "--duration", "4",
                       "--param", f"remix_video_id={first['remote_id']}", "-o", str(tmp_path / "take2.mp4"))  # fmt: skip
    assert code == 0, err
    assert openai_emulator.stats()["remixes"] == 1
    remixed = [v for v in openai_emulator.videos.values() if v["remixed_from"] == first["remote_id"]]
    assert len(remixed) == 1 and remixed[0]["prompt"] == "same shot, 85 mm lens"
    assert abs(probe(tmp_path / "take2.mp4").duration - 4.0) < 0.2
