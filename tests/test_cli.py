"""studio-cli as a person runs it: exit codes, one clear sentence, nothing half-written."""

from __future__ import annotations

import json
import subprocess
import sys

import av
import numpy as np
import pytest

from studio.cli import main
from studio.services.media import probe


def run_cli(*args, home):
    """Run the real console entry in a subprocess; returns (code, stdout, stderr)."""
    proc = subprocess.run(
        [sys.executable, "-m", "studio.cli", "--home", str(home), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc.returncode, proc.stdout, proc.stderr


def leftovers(folder):
    return sorted(p.name for p in folder.rglob("*") if p.name.startswith(".") or p.suffix == ".part")


def test_demo_writes_a_video_with_sound(studio_home, tmp_path):
    out = tmp_path / "demo.mp4"
    code, _, err = run_cli("demo", "-o", str(out), home=studio_home)
    assert code == 0, err
    info = probe(out)
    assert info.video.width == 1280 and info.video.height == 720
    assert info.audio is not None and info.audio.sample_rate == 48000
    # three 3 s shots with one 0.5 s crossfade
    assert abs(info.duration - 8.5) < 0.1
    assert abs(info.video.duration - info.audio.duration) < 1024 / 48000
    project = json.loads((tmp_path / "demo-project" / "project.json").read_text())
    assert all(shot["chosen_take_id"] for shot in project["shots"])
    assert "Wrote" in err


def test_generate_an_animatic_from_an_image(studio_home, tmp_path):
    import cv2

    image = tmp_path / "selfie.png"
    cv2.imwrite(str(image), np.full((300, 400, 3), (40, 120, 200), np.uint8))
    out = tmp_path / "clip.mp4"
    code = main(["--home", str(studio_home), "generate", "-m", "animatic:kenburns", "-p", "pan over",
                 "--image", str(image), "--duration", "1.5", "--aspect", "9:16", "--resolution", "480p", "-o", str(out)])
    assert code == 0
    info = probe(out)
    assert (info.video.width, info.video.height) == (480, 854)
    assert abs(info.duration - 1.5) < 0.1


@pytest.fixture
def bad_inputs(tmp_path):
    corrupt = tmp_path / "corrupt.png"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 20)
    text = tmp_path / "notes.png"
    text.write_text("this is not an image\n")
    return {"corrupt": corrupt, "text": text, "missing": tmp_path / "nowhere.png"}


@pytest.mark.parametrize(
    ("case", "extra", "needle"),
    [
        ("corrupt", ["--image", "{corrupt}"], "not a readable image"),
        ("text", ["--image", "{text}"], "not a readable image"),
        ("missing", ["--image", "{missing}"], "does not exist"),
        ("zero", ["--duration", "0"], "more than zero"),
        ("model", ["--model", "acme:nope"], "no model called"),
    ],
)
def test_bad_input_exits_2_with_one_sentence_and_no_files(studio_home, tmp_path, bad_inputs, case, extra, needle):
    out = tmp_path / "out" / "clip.mp4"
    out.parent.mkdir()
    args = ["generate", "-m", "animatic:kenburns", "-p", "hello", "-o", str(out)]
    if case == "model":
        args[2] = "acme:nope"
    else:
        args.extend(item.format(**bad_inputs) for item in extra)
    code, stdout, err = run_cli(*args, home=studio_home)
    assert code == 2, err
    assert needle in err
    assert len([line for line in err.strip().splitlines() if line]) == 1, err
    assert "Traceback" not in err
    assert not out.exists()
    assert leftovers(out.parent) == []
    assert not list((studio_home / "clips").glob("*"))


def test_models_lists_the_catalog_with_status_and_price(studio_home):
    code, stdout, _ = run_cli("models", "--json", home=studio_home)
    assert code == 0
    ids = {m["id"]: m for m in json.loads(stdout)}
    assert ids["animatic:kenburns"]["label"] == "offline animatic, not AI"
    code, stdout, _ = run_cli("models", home=studio_home)
    assert "offline animatic, not AI" in stdout and "free" in stdout


def test_jobs_list_show_and_history_filters(studio_home, tmp_path):
    for prompt in ("a blue whale", "a red fox"):
        assert main(["--home", str(studio_home), "generate", "-m", "animatic:kenburns", "-p", prompt,
                     "--duration", "1", "--resolution", "480p", "-o", str(tmp_path / f"{prompt[-3:]}.mp4")]) == 0
    code, stdout, _ = run_cli("jobs", "list", "--text", "whale", "--json", home=studio_home)
    jobs = json.loads(stdout)
    assert code == 0 and [j["prompt"] for j in jobs] == ["a blue whale"]
    code, stdout, _ = run_cli("jobs", "show", jobs[0]["id"][:6], home=studio_home)
    assert json.loads(stdout)["state"] == "done"
    code, _, err = run_cli("jobs", "show", "zzzz", home=studio_home)
    assert code == 2 and "no job" in err


def test_stitch_joins_clips_with_audio_in_sync(studio_home, tmp_path):
    clips = []
    for index, (size, rate) in enumerate([((320, 180), 48000), ((640, 360), 44100)]):
        path = tmp_path / f"c{index}.mp4"
        _tiny_clip(path, *size, audio_rate=rate)
        clips.append(str(path))
    out = tmp_path / "joined.mp4"
    code, _, err = run_cli("stitch", *clips, "-o", str(out), "--size", "320x180", home=studio_home)
    assert code == 0, err
    info = probe(out)
    assert (info.video.width, info.video.height) == (320, 180)
    assert abs(info.duration - 2.0) < 0.1
    assert abs(info.video.duration - info.audio.duration) < 1024 / 48000


def _tiny_clip(path, width, height, *, audio_rate=48000, seconds=1.0, fps=24):
    with av.open(str(path), "w") as container:
        video = container.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        audio = container.add_stream("aac", rate=audio_rate)
        audio.layout = "stereo"
        for i in range(int(seconds * fps)):
            frame = av.VideoFrame.from_ndarray(np.full((height, width, 3), i * 8 % 255, np.uint8), format="rgb24")
            for packet in video.encode(frame):
                container.mux(packet)
        for packet in video.encode():
            container.mux(packet)
        samples = int(seconds * audio_rate)
        t = np.arange(samples) / audio_rate
        tone = (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        chunk = 1024
        for start in range(0, samples, chunk):
            part = np.stack([tone[start : start + chunk]] * 2)
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(part), format="fltp", layout="stereo")
            frame.sample_rate = audio_rate
            frame.pts = start
            for packet in audio.encode(frame):
                container.mux(packet)
        for packet in audio.encode():
            container.mux(packet)
