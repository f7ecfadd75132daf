"""The animatic renderer and the shared ClipWriter."""

from __future__ import annotations

import threading

import av
import numpy as np
import pytest

from studio.core.errors import Cancelled, InvalidRequest
from studio.services.media import ClipWriter, probe, render_animatic, save_image, tone_frequency


def _decoded_audio(path) -> np.ndarray:
    with av.open(str(path)) as c:
        return np.concatenate([f.to_ndarray() for f in c.decode(audio=0)], axis=1)


@pytest.mark.parametrize("with_image", [False, True])
def test_animatic_is_exact(tmp_path, with_image):
    image = None
    if with_image:
        img = np.zeros((300, 500, 3), np.uint8)
        img[:, :250] = (250, 200, 40)
        image = save_image(img, tmp_path / "still.png")
    out = tmp_path / "a.mp4"
    render_animatic(out, width=320, height=180, fps=24, duration=1.5, prompt="a red fox in snow", image=image)
    info = probe(out)
    assert (info.video.width, info.video.height) == (320, 180)
    assert info.video.fps == pytest.approx(24)
    assert info.video.frame_count == 36
    assert info.audio.sample_rate == 48000 and info.audio.channels == 2
    # The container says exactly 72000 samples; decoders also emit the last frame's padding.
    assert info.audio.duration == pytest.approx(1.5, abs=1 / 48000)
    audio = _decoded_audio(out)
    assert 72000 <= audio.shape[1] < 72000 + 1024
    assert 0.01 < np.abs(audio).max() < 0.3  # soft, but audible


def test_animatic_without_tone_has_no_sound_track_and_is_cancellable(tmp_path):
    out = tmp_path / "quiet.mp4"
    render_animatic(out, width=160, height=90, fps=30, duration=0.5, prompt="x", tone=False)
    with av.open(str(out)) as container:
        assert not container.streams.audio  # --no-audio means no track, not a silent one
        assert len(container.streams.video) == 1
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        render_animatic(tmp_path / "c.mp4", width=160, height=90, fps=30, duration=0.5, prompt="x", cancel=cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["quiet.mp4"]


def test_animatic_tone_depends_on_prompt_and_args_are_checked(tmp_path):
    freqs = {tone_frequency(p) for p in ("a", "b", "c", "d", "e", "f")}
    assert len(freqs) > 1 and all(200 < f < 500 for f in freqs)
    with pytest.raises(InvalidRequest):
        render_animatic(tmp_path / "x.mp4", width=161, height=90, fps=30, duration=1, prompt="x")
    with pytest.raises(InvalidRequest):
        render_animatic(tmp_path / "x.mp4", width=160, height=90, fps=30, duration=0, prompt="x")


def test_animatic_progress_reaches_one(tmp_path):
    seen: list[float] = []
    render_animatic(tmp_path / "p.mp4", width=160, height=90, fps=10, duration=1, prompt="p", progress=seen.append)
    assert seen and seen[-1] == pytest.approx(1.0) and seen == sorted(seen)


def test_clip_writer_streams_match(tmp_path):
    out = tmp_path / "w.mp4"
    with ClipWriter(out, 160, 90, 25, quality="draft") as writer:
        for i in range(25):
            writer.write_frame(np.full((90, 160, 3), i * 10, np.uint8))
        writer.write_audio(np.zeros((48000, 2), np.float32))
    info = probe(out)
    assert info.video.codec == "h264" and info.video.pix_fmt == "yuv420p" and info.video.frame_count == 25
    assert info.audio.codec == "aac" and info.audio.duration == pytest.approx(1.0, abs=0.022)


def test_clip_writer_discards_output_on_error(tmp_path):
    out = tmp_path / "w.mp4"
    with pytest.raises(RuntimeError):
        with ClipWriter(out, 160, 90, 25) as writer:
            writer.write_frame(np.zeros((90, 160, 3), np.uint8))
            raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []
