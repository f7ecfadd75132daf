"""5.1 downmix without clipping, exports without a sound track, sound that outlasts its picture."""

from __future__ import annotations

import av
import numpy as np
import pytest
from real_world_clips import audio_samples, make_video

from studio.services.media import ExportSettings, plan_stitch, stitch
from studio.services.media._audio import downmix_matrix, read_audio

SURROUND = "5.1"


def test_loud_51_downmixes_to_stereo_without_clipping(tmp_path):
    # Every channel near full scale and in phase: FFmpeg's default matrix peaked at 1.49 here.
    clip = make_video(tmp_path / "surround.mp4", 64, 64, frames=30, audio_seconds=1.0, audio_layout=SURROUND,
                      audio_level=0.9)  # fmt: skip
    source_peak = np.abs(audio_samples(clip)).max()
    # The downmix itself never makes anything louder than the loudest source channel.
    assert np.abs(read_audio(clip, 0.0, 48000)).max() <= source_peak + 1e-4
    plan = plan_stitch([clip], ExportSettings(width=32, height=32))
    assert "audio downmixed from 48 kHz 5.1" in plan.clips[0].notes
    out = stitch(plan, tmp_path / "out.mp4")
    assert out.audio.channels == 2
    peak = np.abs(audio_samples(out.path)).max()
    assert 0.75 < peak < 1.0, peak


def test_downmix_uses_the_standard_coefficients(tmp_path):
    # Channel order of 5.1: FL FR FC LFE BL BR. Only the centre and the LFE carry sound.
    clip = make_video(tmp_path / "centre.mp4", 64, 64, frames=30, audio_seconds=1.0, audio_layout=SURROUND,
                      audio_level=[0.0, 0.0, 0.6, 0.6, 0.0, 0.0])  # fmt: skip
    sound = read_audio(clip, 0.0, 48000)[:, 4800:43200]
    left, right = np.abs(sound).max(axis=1)
    # Centre at -3 dB into both sides, LFE left out, the whole matrix scaled by 1/(1 + 2 * 0.707).
    expected = 0.6 * 2**-0.5 / (1 + 2 * 2**-0.5)
    assert left == pytest.approx(expected, rel=0.06) and right == pytest.approx(expected, rel=0.06)
    matrix = downmix_matrix(["FL", "FR", "FC", "LFE", "BL", "BR"])
    assert matrix[0, 0] / matrix[0, 2] == pytest.approx(2**0.5) and matrix[:, 3].tolist() == [0, 0]
    assert downmix_matrix(["FL", "FR"]).tolist() == [[1, 0], [0, 1]]
    assert downmix_matrix(["FC"]).tolist() == [[1], [1]]


@pytest.mark.parametrize("size", [None, (32, 32)])  # the fast path and the conform
def test_no_audio_means_no_audio_track(tmp_path, size):
    clips = [make_video(tmp_path / f"c{i}.mp4", 64, 64, frames=15, audio_seconds=0.5) for i in range(2)]
    width, height = size or (None, None)
    plan = plan_stitch(clips, ExportSettings(width=width, height=height, audio=False))
    assert not plan.has_audio and "no sound track" in plan.describe()[0].lower()
    out = stitch(plan, tmp_path / "out.mp4")
    assert out.audio is None
    with av.open(str(out.path)) as c:
        assert not c.streams.audio


def test_sound_longer_than_the_picture_is_trimmed_and_the_plan_says_so(tmp_path):
    long_sound = make_video(tmp_path / "long.mp4", 64, 64, frames=30, audio_seconds=1.6)
    short_sound = make_video(tmp_path / "short.mp4", 64, 64, frames=30, audio_seconds=0.5)
    plan = plan_stitch([long_sound, short_sound])
    notes = ["; ".join(cp.notes) for cp in plan.clips]
    assert "audio trimmed: its last 0.6" in notes[0]
    assert "audio ends 0.5" in notes[1] and "silence added" in notes[1]
    out = stitch(plan, tmp_path / "out.mp4")
    assert out.audio.duration == pytest.approx(out.video.duration, abs=1024 / 48000)
    assert out.video.duration == pytest.approx(2.0, abs=0.01)
