"""Stitching: plan decisions, packet copy, conform, trims, crossfades, sync at every join."""

from __future__ import annotations

import threading
from pathlib import Path

import av
import numpy as np
import pytest
from media_testkit import AAC_FRAME_S, COLORS, TONES, audio_joins, video_joins

from studio.core.errors import Cancelled, InvalidRequest, MediaError
from studio.services.media import ClipIn, ExportSettings, plan_stitch, probe, stitch


def _video_packets(path: Path) -> list[bytes]:
    with av.open(str(path)) as c:
        return [bytes(p) for p in c.demux(video=0) if p.size]


def _rms(path: Path, t0: float, t1: float) -> float:
    with av.open(str(path)) as c:
        samples = np.concatenate([f.to_ndarray()[0] for f in c.decode(audio=0)])
    part = samples[round(t0 * 48000) : round(t1 * 48000)]
    return float(np.sqrt(np.mean(part**2)))


def _assert_sync(out: Path, video_tones: list[float], colors, expected_joins: list[float]) -> None:
    """Audio and video switch clips at the same moment (within one AAC frame) at every join."""
    vj = video_joins(out, colors)
    aj = audio_joins(out, video_tones)
    assert len(vj) == len(expected_joins) == len(aj), (vj, aj)
    for v, a, e in zip(vj, aj, expected_joins):
        assert v == pytest.approx(e, abs=1e-3)
        assert abs(a - v) < AAC_FRAME_S, f"join at {v:.3f}s: audio switches at {a:.3f}s"


def _assert_streams_match(info) -> None:
    assert info.audio is not None
    assert abs(info.audio.duration - info.video.duration) < AAC_FRAME_S


def test_fast_path_copies_video_and_keeps_sync(clip_factory, tmp_path):
    clips = [clip_factory(duration=1.0, tone_hz=TONES[i], color=COLORS[i]) for i in range(3)]
    plan = plan_stitch(clips)
    assert plan.mode == "fast"
    assert all(cp.action == "copy" for cp in plan.clips)
    out = tmp_path / "out.mp4"
    info = stitch(plan, out)
    assert info.video.duration == pytest.approx(3.0, abs=1e-6)
    _assert_streams_match(info)
    # No video re-encode: the output carries the very same packets, in order.
    assert _video_packets(out) == [p for c in clips for p in _video_packets(c)]
    _assert_sync(out, TONES[:3], COLORS[:3], [1.0, 2.0])


def test_fast_path_fixes_audio_that_differs(clip_factory, tmp_path):
    clips = [
        clip_factory(duration=1.0, tone_hz=TONES[0], color=COLORS[0]),
        clip_factory(duration=1.0, tone_hz=TONES[1], color=COLORS[1], audio_rate=44100, channels=1),
        clip_factory(duration=1.0, color=COLORS[2], audio_rate=None),
        clip_factory(duration=1.0, tone_hz=TONES[3], color=COLORS[3], audio_offset=0.2),
    ]
    plan = plan_stitch(clips)
    assert plan.mode == "fast"
    text = "\n".join(plan.describe())
    assert "audio resampled from 44.1 kHz mono" in text and "silence added (no audio)" in text
    out = tmp_path / "out.mp4"
    info = stitch(plan, out)
    _assert_streams_match(info)
    # Clip 3 is silent and clip 4 starts 0.2 s late, so its tone appears at 3.2 s.
    aj = audio_joins(out, [TONES[0], TONES[1], TONES[3]])
    assert abs(aj[0] - 1.0) < AAC_FRAME_S and abs(aj[1] - 3.2) < AAC_FRAME_S


def test_conform_mixed_inputs(clip_factory, tmp_path):
    clips = [
        clip_factory(w=320, h=180, fps=30, duration=1.0, tone_hz=TONES[0], color=COLORS[0]),
        clip_factory(w=180, h=180, fps=24, duration=1.0, tone_hz=TONES[1], color=COLORS[1], audio_rate=44100, channels=1),
        clip_factory(w=640, h=360, fps=60, duration=0.5, tone_hz=TONES[2], color=COLORS[2]),
        clip_factory(w=160, h=90, fps=25, duration=0.6, color=COLORS[3], audio_rate=None),
    ]
    plan = plan_stitch(clips)
    assert plan.mode == "conform" and "shot 2" in plan.reasons[0]
    lines = plan.describe()
    assert "scaled 180x180 \u2192 180x180" not in lines[2] and "padded to 320x180" in lines[2]
    assert "24 \u2192 30 fps" in lines[2] and "audio resampled from 44.1 kHz mono" in lines[2]
    assert "scaled 640x360 \u2192 320x180" in lines[3] and "60 \u2192 30 fps" in lines[3]
    assert "silence added (no audio)" in lines[4]
    progress: list[float] = []
    out = tmp_path / "out.mp4"
    info = stitch(plan, out, progress=progress.append)
    assert (info.video.width, info.video.height) == (320, 180)
    assert info.video.fps == pytest.approx(30)
    assert info.video.frame_count == 30 + 30 + 15 + 18
    _assert_streams_match(info)
    assert progress == sorted(progress) and progress[-1] == 1.0
    _assert_sync(out, TONES[:3], COLORS[:3], [1.0, 2.0])
    # The clip without sound gets silence for exactly its length (2.5 s to 3.1 s).
    assert _rms(out, 2.45, 2.49) > 0.1
    assert _rms(out, 2.53, 3.07) < 1e-3


def test_output_has_audio_when_any_input_has(clip_factory, tmp_path):
    clips = [clip_factory(duration=0.5, audio_rate=None), clip_factory(duration=0.5, tone_hz=500)]
    info = stitch(plan_stitch(clips), tmp_path / "out.mp4")
    _assert_streams_match(info)
    silent = [clip_factory(duration=0.5, audio_rate=None) for _ in range(2)]
    assert stitch(plan_stitch(silent), tmp_path / "silent.mp4").audio is None


def test_target_settings_force_conform(clip_factory, tmp_path):
    clips = [clip_factory(duration=0.5, color=COLORS[i]) for i in range(2)]
    plan = plan_stitch(clips, ExportSettings(width=320, height=240, fps=24, quality="draft"))
    assert plan.mode == "conform"
    info = stitch(plan, tmp_path / "out.mp4")
    assert (info.video.width, info.video.height, info.video.frame_count) == (320, 240, 24)


def test_trim_off_keyframe_conforms(clip_factory, tmp_path):
    a = clip_factory(duration=1.0, tone_hz=TONES[0], color=COLORS[0])
    b = clip_factory(duration=1.0, tone_hz=TONES[1], color=COLORS[1])
    plan = plan_stitch([ClipIn(a, trim_in=0.2, trim_out=0.7), ClipIn(b, trim_out=0.5)])
    assert plan.mode == "conform"
    assert "trimmed to 0.20\u20130.70 s" in plan.describe()[1]
    out = tmp_path / "out.mp4"
    info = stitch(plan, out)
    assert info.video.frame_count == 15 + 15
    _assert_streams_match(info)
    _assert_sync(out, TONES[:2], COLORS[:2], [0.5])


def test_trim_on_keyframes_stays_fast(clip_factory, tmp_path):
    a = clip_factory(duration=1.0, tone_hz=TONES[0], color=COLORS[0], gop=10)
    b = clip_factory(duration=1.0, tone_hz=TONES[1], color=COLORS[1], gop=10)
    plan = plan_stitch([ClipIn(a, trim_in=1 / 3), ClipIn(b, trim_out=2 / 3)], ExportSettings())
    assert plan.mode == "fast", plan.reasons
    out = tmp_path / "out.mp4"
    info = stitch(plan, out)
    assert info.video.frame_count == 20 + 20
    assert _video_packets(out) == _video_packets(a)[10:] + _video_packets(b)[:20]
    _assert_streams_match(info)
    _assert_sync(out, TONES[:2], COLORS[:2], [2 / 3])


def test_crossfade_duration_math(clip_factory, tmp_path):
    clips = [clip_factory(duration=1.0, tone_hz=TONES[i], color=COLORS[i]) for i in range(3)]
    plan = plan_stitch(clips, ExportSettings(crossfade=0.3))
    assert plan.mode == "conform" and plan.transitions == [9, 9]
    assert plan.duration == pytest.approx(3.0 - 0.6)
    info = stitch(plan, tmp_path / "x.mp4")
    assert info.video.frame_count == 90 - 18
    _assert_streams_match(info)
    per_join = plan_stitch(clips, ExportSettings(transitions=[0, 0.5]))
    assert per_join.transitions == [0, 15] and per_join.total_frames == 75
    assert any("Join 2\u21923: crossfade 0.50 s" in line for line in per_join.describe())
    info = stitch(per_join, tmp_path / "y.mp4")
    assert info.video.frame_count == 75
    # The cut at join 1 stays exact even with a fade elsewhere.
    assert abs(audio_joins(tmp_path / "y.mp4", TONES[:2])[0] - video_joins(tmp_path / "y.mp4", COLORS[:2])[0]) < AAC_FRAME_S


def test_impossible_crossfade_and_trim_are_refused(clip_factory):
    clips = [clip_factory(duration=0.5), clip_factory(duration=0.5)]
    with pytest.raises(InvalidRequest):
        plan_stitch(clips, ExportSettings(crossfade=0.6))
    with pytest.raises(InvalidRequest):
        plan_stitch(clips, ExportSettings(transitions=[0.1, 0.1]))
    with pytest.raises(InvalidRequest):
        plan_stitch([ClipIn(clips[0], trim_in=0.4, trim_out=0.2)])


@pytest.mark.parametrize("crossfade", [0.0, 0.2])
def test_cancel_leaves_no_output(clip_factory, tmp_path, crossfade):
    clips = [clip_factory(duration=1.0, color=COLORS[i]) for i in range(2)]
    plan = plan_stitch(clips, ExportSettings(crossfade=crossfade))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        stitch(plan, out_dir / "out.mp4", cancel=cancel)
    assert list(out_dir.iterdir()) == []


def test_cancel_midway_leaves_no_output(clip_factory, tmp_path):
    clips = [clip_factory(duration=1.0, color=COLORS[i], w=320, h=180) for i in range(2)]
    plan = plan_stitch(clips, ExportSettings(crossfade=0.2))
    cancel = threading.Event()
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def progress(value: float) -> None:
        if value > 0.3:
            cancel.set()

    with pytest.raises(Cancelled):
        stitch(plan, out_dir / "out.mp4", progress=progress, cancel=cancel)
    assert list(out_dir.iterdir()) == []


def test_corrupt_input_is_a_media_error(clip_factory, tmp_path):
    good = clip_factory(duration=0.5)
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"garbage" * 50)
    with pytest.raises(MediaError):
        plan_stitch([good, bad])
    text = tmp_path / "text.mp4"
    text.write_text("hello")
    with pytest.raises(MediaError):
        plan_stitch([text])


def test_existing_output_survives_a_failed_export(clip_factory, tmp_path):
    clips = [clip_factory(duration=0.5), clip_factory(duration=0.5)]
    out = tmp_path / "keep.mp4"
    out.write_bytes(b"previous export")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        stitch(plan_stitch(clips), out, cancel=cancel)
    assert out.read_bytes() == b"previous export"
    assert probe(clips[0]).video is not None
