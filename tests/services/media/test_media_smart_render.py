"""Smart render, the decision: which GOPs could be copied around crossfades and trims, and whether
libx264 can reproduce the clip's SPS/PPS so re-encoded pieces could sit beside copied ones."""

from __future__ import annotations

import av
import numpy as np
import pytest
from media_testkit import make_clip

from studio.services.media import ClipIn, ExportSettings, plan_stitch, probe, stitch
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


def _gray_frames(path) -> list[np.ndarray]:
    """Every frame's luma; PyAV raises on data that does not decode."""
    with av.open(str(path)) as c:
        return [f.to_ndarray(format="gray").astype(np.float64) for f in c.decode(video=0)]


def _psnr(a: np.ndarray, b: np.ndarray) -> float:
    return 10 * np.log10(255**2 / max(float(np.mean((a - b) ** 2)), 1e-9))


@pytest.mark.parametrize("preset", ["ultrafast", "medium"])  # medium: B-frames and three reference frames
def test_smart_render_copies_gops_and_decodes_cleanly_across_the_seams(tmp_path, preset):
    colors = [(200, 40, 40), (40, 200, 40), (40, 40, 200)]
    clips = [
        make_clip(
            tmp_path / f"g{i}.mp4",
            w=160,
            h=96,
            duration=3.0,
            gop=30,
            tone_hz=300 + 200 * i,
            color=colors[i],
            x264={"preset": preset},
        )  # fmt: skip
        for i in range(3)
    ]
    items = [ClipIn(clips[0]), ClipIn(clips[1], trim_in=0.2), ClipIn(clips[2], trim_out=2.5)]
    smart_plan = plan_stitch(items, ExportSettings(crossfade=0.5))
    full_plan = plan_stitch(items, ExportSettings(crossfade=0.5, smart_render=False))
    assert smart_plan.smart and not full_plan.smart
    assert smart_plan.describe()[0].startswith("Smart render: 48% of the frames copied")
    assert full_plan.describe()[0].startswith("Re-encode every shot")
    smart = stitch(smart_plan, tmp_path / "smart.mp4")
    full = stitch(full_plan, tmp_path / "full.mp4")

    frames = _gray_frames(tmp_path / "smart.mp4")  # every frame decodes
    assert len(frames) == len(_gray_frames(tmp_path / "full.mp4")) == smart_plan.total_frames == 219
    assert smart.video.duration == pytest.approx(full.video.duration, abs=1e-6)
    assert smart.video.duration == pytest.approx(7.3, abs=1e-3)
    assert smart.audio.duration == pytest.approx(smart.video.duration, abs=1e-3)
    sources = [_gray_frames(c) for c in clips]
    # Output frames 0-59 are clip 1's first two GOPs, 99-128 clip 2's GOP at 1-2 s, 174-203 clip 3's
    # GOP at 1-2 s: copied packets, so the very same pictures as the sources'.
    for out_lo, src, src_lo in ((0, 0, 0), (99, 1, 30), (174, 2, 30)):
        for j in range(30 if out_lo else 60):
            assert np.array_equal(frames[out_lo + j], sources[src][src_lo + j]), (out_lo, j)
    # Re-encoded stretches around the seams: the picture they should show.
    for k in range(60, 75):
        assert _psnr(frames[k], sources[0][k]) > 35, k
    for k in range(15):  # crossfade into clip 2: an even mix of clip 1's tail and clip 2's head
        alpha = (k + 0.5) / 15
        expected = (1 - alpha) * sources[0][75 + k] + alpha * sources[1][6 + k]
        assert _psnr(frames[75 + k], expected) > 30, k
    for k in range(90, 99):
        assert _psnr(frames[k], sources[1][k - 75 + 6]) > 35, k


def test_one_keyframe_clips_fall_back_to_the_whole_conform(tmp_path):
    clips = [make_clip(tmp_path / f"one{i}.mp4", duration=2.0, tone_hz=300 + 200 * i) for i in range(2)]
    plan = plan_stitch(clips, ExportSettings(crossfade=0.5))
    assert plan.mode == "conform" and plan.smart is None
    assert plan.describe()[0].startswith("Re-encode every shot")
    info = stitch(plan, tmp_path / "out.mp4")
    assert len(_gray_frames(tmp_path / "out.mp4")) == plan.total_frames == 105
    assert info.video.duration == pytest.approx(3.5, abs=1e-3)


def test_clips_whose_setup_libx264_cannot_write_fall_back_to_the_whole_conform(tmp_path):
    clips = [make_clip(tmp_path / f"r{i}.mp4", duration=2.0, gop=15, x264={"x264-params": "ref=5"}) for i in range(2)]
    plan = plan_stitch(clips, ExportSettings(crossfade=0.2))
    assert plan.smart is None and plan.mode == "conform"
    stitch(plan, tmp_path / "out.mp4")
    assert len(_gray_frames(tmp_path / "out.mp4")) == plan.total_frames


def test_open_gop_clips_are_not_spliced(tmp_path):
    # Open GOPs: pictures after a keyframe may refer to the GOP before it, so no GOP stands alone.
    clip = make_clip(
        tmp_path / "open.mp4", duration=2.0, gop=15, x264={"preset": "medium", "x264-params": "open-gop=1"}
    )
    assert matching_encoder(clip, probe(clip).video) is None
