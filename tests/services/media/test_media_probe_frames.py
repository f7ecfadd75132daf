"""probe, validate_clip, frame grabs and image helpers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from studio.core.errors import MediaError
from studio.services.media import (
    fit_image,
    frame_at,
    last_frame,
    load_image,
    probe,
    save_image,
    thumbnails,
    validate_clip,
)

from media_testkit import make_clip

REPO = Path(__file__).resolve().parents[3]


def test_media_package_does_not_import_qt():
    code = "import sys, studio.services.media; print(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.strip() == "False"


def test_probe_reports_streams(clip_factory):
    path = clip_factory(w=160, h=90, fps=25, duration=1.0, audio_rate=44100, channels=1)
    info = probe(path)
    assert info.video.codec == "h264"
    assert (info.video.width, info.video.height) == (160, 90)
    assert info.video.fps == pytest.approx(25)
    assert info.video.frame_count == 25
    assert info.video.pix_fmt == "yuv420p"
    assert info.audio.sample_rate == 44100 and info.audio.channels == 1
    assert info.duration == pytest.approx(1.0, abs=0.05)


def test_probe_errors_are_one_sentence(tmp_path):
    with pytest.raises(MediaError, match="does not exist"):
        probe(tmp_path / "missing.mp4")
    text = tmp_path / "notes.mp4"
    text.write_text("this is not a video")
    with pytest.raises(MediaError, match="not a readable"):
        probe(text)


def test_corrupt_clip_is_rejected(clip_factory, tmp_path):
    good = clip_factory(duration=1.0)
    data = bytearray(good.read_bytes())
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(bytes(data[: len(data) // 3]))
    with pytest.raises(MediaError):
        validate_clip(broken)


def test_validate_clip_checks_duration_and_audio(clip_factory):
    path = clip_factory(duration=1.0, audio_rate=None)
    assert validate_clip(path, expected_duration=1.0).video is not None
    with pytest.raises(MediaError, match="expected"):
        validate_clip(path, expected_duration=5.0)
    with pytest.raises(MediaError, match="no sound"):
        validate_clip(path, require_audio=True)


def test_thumbnails_count_and_size(clip_factory):
    path = clip_factory(w=320, h=180, duration=1.0)
    thumbs = thumbnails(path, 6, 96)
    assert len(thumbs) == 6
    assert all(t.shape == (54, 96, 3) and t.dtype == np.uint8 for t in thumbs)
    # The moving bar proves they come from different moments.
    assert len({t.tobytes() for t in thumbs}) == 6


def test_more_thumbnails_than_frames(clip_factory):
    path = clip_factory(fps=10, duration=0.3)
    assert len(thumbnails(path, 8, 40)) == 8


def test_last_frame_is_the_final_frame(clip_factory, tmp_path):
    path = clip_factory(w=160, h=90, fps=30, duration=1.0)
    last = last_frame(path)
    # Bar position in the final frame (index 29): x = 29*4 = 116.
    bar = last[:, 116:124].reshape(-1, 3).mean(axis=0)
    assert np.abs(bar - np.array([35, 215, 215])).max() < 40
    assert np.abs(last[:, :100].reshape(-1, 3).mean(axis=0) - np.array([200, 40, 40])).max() < 40


def test_frame_at_picks_the_right_moment(clip_factory):
    path = clip_factory(w=160, h=90, fps=30, duration=1.0)
    frame = frame_at(path, 0.5)  # frame 15: bar at x=60
    column_brightness = frame[:, :, 1].mean(axis=0)
    assert 60 <= int(np.argmax(column_brightness)) < 68


def test_load_image_rejects_text_named_png(tmp_path):
    fake = tmp_path / "fake.png"
    fake.write_text("definitely not a png")
    with pytest.raises(MediaError):
        load_image(fake)
    with pytest.raises(MediaError, match="does not exist"):
        load_image(tmp_path / "none.png")
    truncated = tmp_path / "cut.png"
    save_image(np.full((20, 30, 3), 90, np.uint8), truncated)
    truncated.write_bytes(truncated.read_bytes()[:40])
    with pytest.raises(MediaError):
        load_image(truncated)


def test_save_and_load_round_trip(tmp_path):
    img = np.zeros((24, 32, 3), np.uint8)
    img[..., 0] = 255  # pure red survives the BGR boundary only if handled
    out = save_image(img, tmp_path / "red.png")
    back = load_image(out)
    assert back.shape == img.shape and (back == img).all()
    assert [p.name for p in tmp_path.iterdir()] == ["red.png"]  # no temp files left
    jpg = load_image(save_image(img, tmp_path / "red.jpg"))
    assert jpg[..., 0].mean() > 200


@pytest.mark.parametrize("mode", ["crop", "pad"])
@pytest.mark.parametrize("src", [(100, 300), (300, 100), (720, 1280)])
def test_fit_image_exact_size(mode, src):
    img = np.full(src + (3,), 200, np.uint8)
    out = fit_image(img, 64, 48, mode)
    assert out.shape == (48, 64, 3)
    if mode == "crop":
        assert (out == 200).all()
    else:
        assert (out == 0).any() and (out == 200).any()


def test_make_clip_helper_is_reusable(tmp_path):
    path = make_clip(tmp_path / "a.mp4", duration=0.5, audio_rate=None)
    assert probe(path).audio is None
