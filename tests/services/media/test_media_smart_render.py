"""Smart render, the decision: which GOPs could be copied around crossfades and trims, and whether
libx264 can reproduce the clip's SPS/PPS so re-encoded pieces could sit beside copied ones."""

from __future__ import annotations

import pytest
from media_testkit import make_clip

from studio.services.media import ClipIn, ExportSettings, plan_stitch, probe
from studio.services.media.smart import matching_encoder, smart_render


def test_gops_clear_of_the_crossfades_could_be_copied(tmp_path):
    # 4 s at 30 fps with a keyframe every second; 0.5 s crossfades at both joins.
    clips = [make_clip(tmp_path / f"k{i}.mp4", duration=4.0, gop=30, tone_hz=300 + 200 * i) for i in range(3)]
    plan = plan_stitch(clips, ExportSettings(crossfade=0.5))
    assert plan.mode == "conform"  # what is exported today: every frame re-encoded
    first, middle, last = smart_render(plan)
    # Fade out over 3.5-4.0 s: re-encode from the keyframe at 3 s; fade in over 0-0.5 s: up to the one at 1 s.
    assert first.reencode == [(3.0, 4.0)]
    assert middle.reencode == [(0.0, 1.0), (3.0, 4.0)]
    assert last.reencode == [(0.0, 1.0)]
    assert [d.copyable for d in (first, middle, last)] == [90, 60, 90]
    assert middle.share == pytest.approx(0.5)
    assert all(d.encoder == {"preset": "ultrafast", "crf": "23.0"} and not d.reason for d in (first, middle, last))


def test_one_keyframe_per_clip_leaves_nothing_to_copy(tmp_path):
    clips = [make_clip(tmp_path / f"one{i}.mp4", duration=3.0, tone_hz=300 + 200 * i) for i in range(2)]
    plan = plan_stitch(clips, ExportSettings(crossfade=0.5))
    decisions = smart_render(plan)
    assert [d.keyframes for d in decisions] == [1, 1]
    assert all(d.copyable == 0 and d.reencode == [(0.0, 3.0)] for d in decisions)
    assert all("one keyframe" in d.reason for d in decisions)


def test_a_trim_off_the_keyframes_reencodes_only_to_the_next_keyframe(tmp_path):
    clip = make_clip(tmp_path / "k.mp4", duration=4.0, gop=30)
    plan = plan_stitch([ClipIn(clip, trim_in=0.4, trim_out=3.2)])
    assert plan.mode == "conform"
    (decision,) = smart_render(plan)
    assert decision.reencode == [(pytest.approx(0.4), 1.0), (3.0, pytest.approx(3.2))]
    assert decision.copyable == 60 and decision.encoder is not None


def test_an_encoder_setup_libx264_cannot_reproduce_is_reported(tmp_path):
    # Five reference frames with ultrafast's other choices: no preset writes this SPS.
    clip = make_clip(tmp_path / "odd.mp4", duration=2.0, gop=15, x264={"x264-params": "ref=5"})
    assert matching_encoder(clip, probe(clip).video) is None
    plan = plan_stitch([clip, make_clip(tmp_path / "b.mp4", duration=2.0, gop=15)], ExportSettings(crossfade=0.2))
    odd = smart_render(plan)[0]
    assert odd.copyable > 0 and odd.encoder is None and "SPS/PPS" in odd.reason
