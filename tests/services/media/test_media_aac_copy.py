"""Copied AAC on the fast path: sync at every join by decoding the output, and the exact-audio choice."""

from __future__ import annotations

from pathlib import Path

import av
import pytest
from media_testkit import make_clip, make_sync_clip, sync_offsets

from studio.services.media import ClipIn, ExportSettings, plan_stitch, stitch

HALF_AAC_FRAME = 512 / 48000  # 10.7 ms


def _audio_packets(path: Path) -> list[bytes]:
    with av.open(str(path)) as c:
        return [bytes(p) for p in c.demux(audio=0) if p.size]


def _odd_clips(folder: Path, count: int = 10, **kwargs) -> list[Path]:
    """Clips whose picture and sound lengths are not whole AAC frames, and differ from each other."""
    return [
        make_sync_clip(folder / f"s{i}.mp4", frames=24 + i, audio_seconds=(24 + i) / 30 + 0.004 * i, **kwargs)
        for i in range(count)
    ]


def test_copied_audio_stays_within_half_a_frame_at_every_join(tmp_path):
    clips = _odd_clips(tmp_path)
    plan = plan_stitch(clips)
    assert plan.mode == "fast" and plan.audio_copy
    assert "audio copied" in plan.describe()[0]
    out = tmp_path / "out.mp4"
    info = stitch(plan, out)

    offsets = sync_offsets(out)
    assert len(offsets) == 10  # the start and 9 joins, each measured on the decoded output
    assert max(abs(o) for o in offsets) <= HALF_AAC_FRAME, [round(o * 1000, 1) for o in offsets]
    # No accumulation: the last join is no worse than half a frame, like the first.
    assert abs(offsets[-1]) <= HALF_AAC_FRAME
    assert abs(info.audio.duration - info.video.duration) <= HALF_AAC_FRAME
    assert info.video.duration == pytest.approx(sum(24 + i for i in range(10)) / 30, abs=1e-3)
    # The sound was copied, not re-encoded: every output packet is one of the clips' own.
    source = {p for c in clips for p in _audio_packets(c)}
    copied = _audio_packets(out)
    assert sum(p in source for p in copied) >= len(copied) - 2


def test_exact_audio_reencodes_and_is_sample_exact(tmp_path):
    clips = _odd_clips(tmp_path)
    plan = plan_stitch(clips, ExportSettings(exact_audio=True))
    assert plan.mode == "fast" and not plan.audio_copy
    assert "audio re-encoded as one track" in plan.describe()[0]
    out = tmp_path / "exact.mp4"
    info = stitch(plan, out)
    offsets = sync_offsets(out)
    assert len(offsets) == 10
    assert max(abs(o) for o in offsets) <= 1 / 48000 * 2
    assert info.audio.duration == pytest.approx(info.video.duration, abs=1e-3)
    # Re-encoded: the packets that carry the bursts are new (silent frames may coincide).
    source = {p for c in clips for p in _audio_packets(c)}
    sounding = [p for p in _audio_packets(out) if len(p) > 64]
    assert sounding and not any(p in source for p in sounding)


def test_sound_that_ends_early_is_padded_with_silence_and_the_next_join_is_in_sync(tmp_path):
    clips = [
        make_sync_clip(tmp_path / "a.mp4", frames=30),
        make_sync_clip(tmp_path / "b.mp4", frames=30, audio_seconds=0.5),  # half a second short
        make_sync_clip(tmp_path / "c.mp4", frames=30),
    ]
    plan = plan_stitch(clips)
    assert plan.audio_copy
    out = tmp_path / "out.mp4"
    info = stitch(plan, out)
    offsets = sync_offsets(out)
    assert len(offsets) == 3 and max(abs(o) for o in offsets) <= HALF_AAC_FRAME
    assert abs(info.audio.duration - info.video.duration) <= HALF_AAC_FRAME


def test_trim_on_keyframes_keeps_copied_audio_in_sync(tmp_path):
    clips = [make_sync_clip(tmp_path / f"g{i}.mp4", frames=60, gop=15) for i in range(3)]
    # The second clip starts at its keyframe at 0.5 s: its flash and burst are cut away.
    items = [ClipIn(clips[0]), ClipIn(clips[1], trim_in=0.5), ClipIn(clips[2], trim_out=1.5)]
    plan = plan_stitch(items)
    assert plan.mode == "fast" and plan.audio_copy
    out = tmp_path / "out.mp4"
    info = stitch(plan, out)
    offsets = sync_offsets(out)
    assert len(offsets) == 2 and max(abs(o) for o in offsets) <= HALF_AAC_FRAME
    assert info.video.duration == pytest.approx(2.0 + 1.5 + 1.5, abs=1e-3)


@pytest.mark.parametrize(
    ("odd", "reason"),
    [
        ({"audio_rate": 44100}, "44.1 kHz"),
        ({"audio_rate": None}, "no sound"),
    ],
)
def test_clips_whose_sound_differs_fall_back_to_one_reencoded_track(tmp_path, odd, reason):
    clips = [make_clip(tmp_path / f"m{i}.mp4", duration=1.0, tone_hz=440 + 200 * i) for i in range(2)]
    clips.append(make_clip(tmp_path / "odd.mp4", duration=1.0, **odd))
    plan = plan_stitch(clips)
    assert plan.mode == "fast" and plan.has_audio and not plan.audio_copy
    assert reason in plan.audio_reason and reason in plan.describe()[0]
    info = stitch(plan, tmp_path / "out.mp4")
    assert info.audio.sample_rate == 48000
    assert info.audio.duration == pytest.approx(info.video.duration, abs=1e-3)
