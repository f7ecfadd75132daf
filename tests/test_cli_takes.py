"""`storyboard run --takes N [--models a,b] [--shot ID]` against the Replicate emulator, counting creates."""

from __future__ import annotations

import json
import subprocess
from collections import Counter

import pytest

from studio.services.jobstore import JobStore
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator
from tests.project_kit import shot, write_project
from tests.test_cli_replicate import cli

VEO_FAST = "replicate:google/veo-3.1-fast"
KLING = "replicate:kwaivgi/kling-v2.5-turbo-pro"


@pytest.fixture
def emulator():
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=1.0) as emu:
        yield emu


def replicate_shot(shot_id: str, **fields) -> dict:
    return shot(shot_id, model_id=VEO_FAST, duration=4.0, resolution="720p", audio=False, **fields)


def project_json(folder) -> dict:
    return json.loads((folder / "project.json").read_text("utf-8"))


def creates_by_prompt(emulator) -> Counter:
    return Counter(p["input"]["prompt"] for p in emulator.predictions.values())


def test_takes_n_makes_exactly_n_creates_per_shot(studio_home, tmp_path, emulator):
    folder = tmp_path / "board"
    write_project(folder, [replicate_shot("s1"), replicate_shot("s2")])
    code, _, err = cli(studio_home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / "cut.mp4"),
                       "--takes", "3")
    assert code == 0, err
    assert emulator.stats()["create_requests"] == 6
    assert sorted(creates_by_prompt(emulator).values()) == [3, 3]
    shots = project_json(folder)["shots"]
    for data in shots:
        assert len(data["takes"]) == 3 and len({t["job_id"] for t in data["takes"]}) == 3
        assert data["chosen_take_id"] in {t["id"] for t in data["takes"]}
    # A plain run afterwards: every shot has a chosen take, nothing more is sent.
    code, _, err = cli(studio_home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / "cut2.mp4"))
    assert code == 0, err
    assert emulator.stats()["create_requests"] == 6
    # --takes asks for new takes of every shot (as `storyboard quote --takes` prices them).
    code, _, err = cli(studio_home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / "cut3.mp4"),
                       "--takes", "1")
    assert code == 0, err
    assert emulator.stats()["create_requests"] == 8
    assert [len(s["takes"]) for s in project_json(folder)["shots"]] == [4, 4]


def test_takes_across_two_models(studio_home, tmp_path, emulator):
    folder = tmp_path / "board"
    write_project(folder, [replicate_shot("s1")])
    code, _, err = cli(studio_home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / "cut.mp4"),
                       "--takes", "2", "--models", f"{VEO_FAST},{KLING}")
    assert code == 0, err
    assert emulator.stats()["create_requests"] == 4
    assert Counter(p["model"] for p in emulator.predictions.values()) == {
        "google/veo-3.1-fast": 2, "kwaivgi/kling-v2.5-turbo-pro": 2}
    # Kling takes 5 or 10 s: the shot's 4 s becomes the nearest it allows.
    kling = [p for p in emulator.predictions.values() if p["model"].startswith("kwaivgi")]
    assert {p["input"]["duration"] for p in kling} == {5}
    takes = project_json(folder)["shots"][0]["takes"]
    assert Counter(t["model_id"] for t in takes) == {VEO_FAST: 2, KLING: 2}


def test_two_runs_at_once_do_not_exceed_n_takes(studio_home, tmp_path, emulator):
    """A double submit (two processes asking for the same takes) adopts instead of paying twice."""
    import os
    import sys

    folder = tmp_path / "board"
    write_project(folder, [replicate_shot("s1")])
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") and k != "REPLICATE_API_TOKEN"}
    env.update(STUDIO_HOME=str(studio_home), STUDIO_REPLICATE_BASE_URL=emulator.url, REPLICATE_API_TOKEN=DEFAULT_TOKEN,
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    (studio_home / "settings.json").write_text(json.dumps({"providers.replicate.poll_interval": 0.2}))
    runs = [subprocess.Popen([sys.executable, "-m", "studio.cli", "storyboard", "run", str(folder), "-o",
                              str(tmp_path / f"cut{i}.mp4"), "--takes", "2"], env=env, stderr=subprocess.PIPE, text=True)
            for i in range(2)]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    assert emulator.stats()["create_requests"] == 2
    store = JobStore(studio_home / "studio.db")
    try:
        assert len(store.list(shot_id="s1")) == 2
    finally:
        store.close()


def test_regenerating_one_shot_leaves_the_others_alone(studio_home, tmp_path, emulator):
    folder = tmp_path / "board"
    write_project(folder, [replicate_shot("s1"), replicate_shot("s2"), replicate_shot("s3")])
    code, _, err = cli(studio_home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / "cut.mp4"))
    assert code == 0, err
    before = {s["id"]: s for s in project_json(folder)["shots"]}
    store = JobStore(studio_home / "studio.db")
    try:
        jobs_before = {sid: [j.id for j in store.list(shot_id=sid)] for sid in ("s1", "s3")}
    finally:
        store.close()
    code, _, err = cli(studio_home, emulator, "storyboard", "run", str(folder), "-o", str(tmp_path / "cut2.mp4"),
                       "--shot", "2")
    assert code == 0, err
    assert emulator.stats()["create_requests"] == 4
    after = {s["id"]: s for s in project_json(folder)["shots"]}
    assert after["s1"] == before["s1"] and after["s3"] == before["s3"]
    assert len(after["s2"]["takes"]) == 2
    new_take = after["s2"]["takes"][-1]
    assert after["s2"]["chosen_take_id"] == new_take["id"] != before["s2"]["chosen_take_id"]
    store = JobStore(studio_home / "studio.db")
    try:
        assert {sid: [j.id for j in store.list(shot_id=sid)] for sid in ("s1", "s3")} == jobs_before
        assert len(store.list(shot_id="s2")) == 2
    finally:
        store.close()


def test_bad_take_options_are_refused_before_anything_is_sent(studio_home, tmp_path, emulator):
    folder = tmp_path / "board"
    write_project(folder, [replicate_shot("s1")])
    out = str(tmp_path / "cut.mp4")
    code, _, err = cli(studio_home, emulator, "storyboard", "run", str(folder), "-o", out, "--shot", "7")
    assert code == 2 and "no shot '7'" in err
    code, _, err = cli(studio_home, emulator, "storyboard", "run", str(folder), "-o", out, "--takes", "0")
    assert code == 2 and "1 to 8 takes" in err
    code, _, err = cli(studio_home, emulator, "storyboard", "run", str(folder), "-o", out, "--models", "nope:x")
    assert code != 0
    assert emulator.stats()["create_requests"] == 0
