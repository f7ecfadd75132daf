"""studio-cli against the Replicate emulator through STUDIO_REPLICATE_BASE_URL, as a person runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import cv2
import numpy as np
import pytest

from studio.services.media import probe
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator


@pytest.fixture
def emulator():
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=0.5) as emu:
        yield emu


def cli(home, emulator, *args, token=DEFAULT_TOKEN):
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") and k != "REPLICATE_API_TOKEN"}
    env.update(STUDIO_HOME=str(home), STUDIO_REPLICATE_BASE_URL=emulator.url,
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    if token:
        env["REPLICATE_API_TOKEN"] = token
    (home / "settings.json").write_text(json.dumps({"providers.replicate.poll_interval": 0.2}))
    proc = subprocess.run([sys.executable, "-m", "studio.cli", *args], env=env, capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def test_generate_with_veo_fast_and_a_first_frame(studio_home, tmp_path, emulator):
    image = tmp_path / "selfie.jpg"
    cv2.imwrite(str(image), np.full((720, 1280, 3), 90, np.uint8))
    out = tmp_path / "veo.mp4"
    code, _, err = cli(studio_home, emulator, "generate", "--model", "replicate:google/veo-3.1-fast",
                       "--prompt", "a paper boat drifts", "--image", str(image), "--duration", "4",
                       "--resolution", "720p", "--no-audio", "-o", str(out))
    assert code == 0, err
    assert "$0.40" in err  # 4 s at $0.10/s without audio, quoted before anything is paid
    assert abs(probe(out).duration - 4.0) < 0.2
    stats = emulator.stats()
    assert stats["create_requests"] == 1 and list(stats["downloads"].values()) == [1]
    (prediction,) = emulator.predictions.values()
    assert prediction["input"]["image"].startswith("data:image/jpeg;base64,")
    assert prediction["input"]["generate_audio"] is False and prediction["input"]["duration"] == 4


def test_a_model_added_by_owner_name_works_like_a_built_in_one(studio_home, tmp_path, emulator):
    code, stdout, err = cli(studio_home, emulator, "models", "add", "acme/wavegen")
    assert code == 0, err
    assert stdout.strip() == "replicate:acme/wavegen"
    code, stdout, _ = cli(studio_home, emulator, "models", "--json")
    spec = {m["id"]: m for m in json.loads(stdout)}["replicate:acme/wavegen"]
    assert "4:3" in spec["aspect_ratios"]
    out = tmp_path / "wave.mp4"
    code, _, err = cli(studio_home, emulator, "generate", "-m", "replicate:acme/wavegen", "-p", "waves",
                       "--duration", "3", "--aspect", "4:3", "--param", "style=anime", "-o", str(out))
    assert code == 0, err
    (prediction,) = emulator.predictions.values()
    assert prediction["input"]["seconds"] == 3 and prediction["input"]["style"] == "anime"
    code, _, err = cli(studio_home, emulator, "generate", "-m", "replicate:acme/wavegen", "-p", "waves",
                       "--param", "style=baroque", "-o", str(tmp_path / "no.mp4"))
    assert code == 2 and "style must be one of" in err


@pytest.mark.parametrize(
    ("faults", "token", "code", "needle"),
    [
        ({"moderation": 1}, DEFAULT_TOKEN, 3, "flagged as sensitive"),
        ({"create_402": 1}, DEFAULT_TOKEN, 4, "billing"),
        ({}, "test-key-wrong", 4, "key"),
        ({}, None, 4, "REPLICATE_API_TOKEN"),
    ],
)
def test_provider_failures_give_the_documented_exit_codes(studio_home, tmp_path, emulator, faults, token, code, needle):
    emulator.set_faults(**faults)
    got, _, err = cli(studio_home, emulator, "generate", "-m", "replicate:google/veo-3.1-fast", "-p", "a boat",
                      "--duration", "4", "-o", str(tmp_path / "x.mp4"), token=token)
    assert got == code, err
    assert needle.lower() in err.lower()
    assert "Traceback" not in err
    assert "test-key" not in err
    assert not (tmp_path / "x.mp4").exists()


def test_unknown_prices_read_price_unknown_and_the_user_can_enter_one(studio_home, tmp_path, emulator):
    assert cli(studio_home, emulator, "models", "add", "acme/wavegen")[0] == 0
    code, stdout, _ = cli(studio_home, emulator, "models")
    assert "replicate:acme/wavegen" in stdout and "price unknown" in stdout.split("replicate:acme/wavegen")[1][:200]
    out = tmp_path / "wave.mp4"
    code, _, err = cli(studio_home, emulator, "generate", "-m", "replicate:acme/wavegen", "-p", "waves", "-o", str(out))
    assert code == 0, err
    assert "price unknown" in err and "free" not in err
    code, stdout, _ = cli(studio_home, emulator, "jobs", "list")
    assert "price unknown" in stdout and "free" not in stdout

    code, _, err = cli(studio_home, emulator, "models", "price", "replicate:acme/wavegen", "--per-second", "0.05")
    assert code == 0, err
    assert "$0.05/s" in err
    code, _, err = cli(studio_home, emulator, "models", "price", "replicate:acme/wavegen", "--per-second", "-1")
    assert code == 2 and "zero or more" in err
    # Reading the schema again refreshes the fields and keeps the price the person entered.
    assert cli(studio_home, emulator, "models", "add", "acme/wavegen")[0] == 0
    code, stdout, _ = cli(studio_home, emulator, "models", "--json")
    spec = {m["id"]: m for m in json.loads(stdout)}["replicate:acme/wavegen"]
    assert spec["price"]["rows"] == [{"per_second": 0.05}]
    code, _, err = cli(studio_home, emulator, "generate", "-m", "replicate:acme/wavegen", "-p", "waves",
                       "--duration", "4", "-o", str(tmp_path / "priced.mp4"))
    assert code == 0 and "$0.20" in err


def test_models_add_of_a_curated_model_keeps_its_price(studio_home, emulator):
    code, _, err = cli(studio_home, emulator, "models", "add", "google/veo-3.1")
    assert code == 0, err
    code, stdout, _ = cli(studio_home, emulator, "models", "--json")
    veo = {m["id"]: m for m in json.loads(stdout)}["replicate:google/veo-3.1"]
    assert {r["per_second"] for r in veo["price"]["rows"]} == {0.2, 0.4}
    assert veo["rules"] and veo["inputs"]["reference_images"]["max"] == 3
    assert {f["name"] for f in veo["schema_fields"]} >= {"prompt", "image", "last_frame", "reference_images"}
