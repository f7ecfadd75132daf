"""studio-cli prompt enhance | from-image | split: output shapes and exit codes."""

from __future__ import annotations

import json

import pytest
from PIL import Image

from studio.cli import main
from tests.emulators.openai import DEFAULT_KEY, OpenAIEmulator

VEO = "replicate:google/veo-3.1"


@pytest.fixture
def no_key(studio_home, monkeypatch):
    for name in ("OPENAI_API_KEY", "STUDIO_OPENAI_BASE_URL", "STUDIO_ASSISTANT_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("studio.services.secrets.Secrets.available", property(lambda self: False))
    return studio_home


@pytest.fixture
def endpoint(no_key, monkeypatch):
    with OpenAIEmulator() as emu:
        monkeypatch.setenv("STUDIO_OPENAI_BASE_URL", emu.url)
        monkeypatch.setenv("OPENAI_API_KEY", DEFAULT_KEY)
        monkeypatch.setenv("STUDIO_ASSISTANT_MODEL", "test-model")
        yield emu


def run_json(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if code == 0 and "--json" in argv else captured.out), captured.err


def test_enhance_offline_with_no_key(no_key, capsys):
    code, data, err = run_json(capsys, "prompt", "enhance", "Кот 🐱 на крыше", "--model", VEO, "--json")
    assert code == 0 and "offline builder" in err
    assert set(data) == {"prompt", "sections", "source"} and data["source"] == "offline"
    assert "Кот 🐱 на крыше" in data["prompt"]
    assert set(data["sections"]) == {"style", "scene", "cinematography", "actions", "dialogue", "sound"}


def test_enhance_through_the_endpoint(endpoint, capsys):
    code, data, _ = run_json(capsys, "prompt", "enhance", "Kedi çatıda", "--mode", "meme", "--model", VEO, "--json")
    assert code == 0 and data["source"] == "assistant" and "Kedi çatıda" in data["prompt"]
    assert endpoint.paths() == ["/v1/responses"]
    assert endpoint.requests[0]["body"]["model"] == "test-model"


def test_offline_flag_never_calls_the_endpoint(endpoint, capsys):
    code, data, _ = run_json(capsys, "prompt", "enhance", "a dog", "--offline", "--json")
    assert code == 0 and data["source"] == "offline" and endpoint.requests == []


@pytest.mark.parametrize(("faults", "expected"), [(["refusal"], 3), (["quota"] * 3, 4), (["malformed", "violating"], 5)])
def test_exit_codes(endpoint, capsys, faults, expected):
    endpoint.inject(*faults)
    code, _, err = run_json(capsys, "prompt", "enhance", "a dog", "--model", VEO)
    assert code == expected
    assert err.strip().splitlines()[-1].endswith(".)") or err.strip().endswith(".")
    assert "Traceback" not in err


def test_from_image(endpoint, capsys, tmp_path):
    photo = tmp_path / "selfie.png"
    Image.new("RGB", (800, 600), (1, 2, 3)).save(photo)
    code, data, _ = run_json(capsys, "prompt", "from-image", str(photo), "--idea", "dances", "--model", VEO, "--json")
    assert code == 0 and data["source"] == "assistant" and len(endpoint.requests[0]["images"]) == 1
    assert main(["prompt", "from-image", str(tmp_path / "missing.png")]) == 2


def test_split_into_a_project(no_key, capsys, tmp_path):
    folder = tmp_path / "film"
    code, data, _ = run_json(
        capsys, "prompt", "split", "A knock. Then the door opens. A cat walks in.", "--shots", "3",
        "--model", VEO, "--into", str(folder), "--json",
    )  # fmt: skip
    assert code == 0 and set(data) == {"shots", "style"} and len(data["shots"]) == 3
    assert [s["continuity"] for s in data["shots"]] == ["independent", "chained", "independent"]
    project = json.loads((folder / "project.json").read_text("utf-8"))
    assert [s["prompt"] for s in project["shots"]] == [s["prompt"] for s in data["shots"]]
    assert {s["model_id"] for s in project["shots"]} == {VEO} and project["settings"]["style"] == data["style"]
    # a second split appends to the same project
    assert main(["prompt", "split", "One more.", "--shots", "1", "--model", VEO, "--into", str(folder)]) == 0
    assert len(json.loads((folder / "project.json").read_text("utf-8"))["shots"]) == 4
