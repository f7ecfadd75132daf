"""HDR (HLG, PQ) comes out as SDR BT.709 with reference white at SDR white; every output is tagged."""

from __future__ import annotations

import av
import numpy as np
import pytest
from av.video.reformatter import Colorspace
from real_world_clips import HLG_REFERENCE_WHITE, PQ_REFERENCE_WHITE, make_hdr_clip, make_video

from studio.services.media import ExportSettings, frame_at, last_frame, plan_stitch, probe, render_animatic, stitch
from studio.services.media._picture import tone_map

REFERENCE = {"hlg": HLG_REFERENCE_WHITE, "pq": PQ_REFERENCE_WHITE}


def _tags(path) -> tuple[str, str, str, str]:
    v = probe(path).video
    return v.primaries, v.transfer, v.matrix, v.color_range


def _hdr_clip(tmp_path, transfer, left, right):
    clip = make_hdr_clip(tmp_path / f"{transfer}.mp4", transfer, left, right)
    if clip is None:
        pytest.skip("this PyAV has no libx265 to make an HDR clip")
    return clip


@pytest.mark.parametrize("transfer", ["hlg", "pq"])
def test_hdr_reference_white_becomes_sdr_white_in_the_export(tmp_path, transfer):
    clip = _hdr_clip(tmp_path, transfer, REFERENCE[transfer], 0.0)
    video = probe(clip).video
    assert (video.hdr, video.primaries, video.pix_fmt) == (transfer, "bt2020", "yuv420p10le")
    plan = plan_stitch([clip])
    assert plan.mode == "conform"
    assert f"HDR ({transfer.upper()}) tone-mapped to SDR BT.709" in plan.clips[0].notes
    out = stitch(plan, tmp_path / "out.mp4")
    assert _tags(out.path) == ("bt709", "bt709", "bt709", "tv")
    with av.open(str(out.path)) as c:
        luma = next(c.decode(video=0)).to_ndarray()[: out.video.height]
    white, black = luma[:, 8:40].mean(), luma[:, -40:-8].mean()
    # SDR white is luma 235; untouched, an HLG reference white would read as 180 (washed out
    # and dim) and a PQ one as 143. Black stays black.
    assert white > 228, white
    assert black < 20, black


@pytest.mark.parametrize("transfer", ["hlg", "pq"])
def test_frames_of_hdr_clips_are_tone_mapped_for_previews_and_continuity(tmp_path, transfer):
    clip = _hdr_clip(tmp_path, transfer, REFERENCE[transfer], 0.0)
    for image in (frame_at(clip, 0.1), last_frame(clip)):
        assert image[:, :40].mean() > 240  # reference white is (nearly) SDR white
        assert image[:, -40:].mean() < 5


def test_tone_curve_keeps_shadows_and_rolls_highlights_off():
    levels = np.array([0.0, 0.38, 0.5, HLG_REFERENCE_WHITE, 0.9, 1.0])
    code = np.round(levels * 1023).astype(np.uint16)
    rgb16 = np.repeat(code[None, :, None], 3, axis=2)
    out = tone_map(rgb16, "hlg")[0, :, 0].astype(int)
    assert out[0] == 0
    assert list(out) == sorted(out) and len(set(out)) == len(out)  # still ordered: no clipping below peak
    assert 100 < out[1] < 116  # BT.2408 18 % grey (38 % HLG, 26 nits)
    assert out[3] >= 247 and out[5] == 255


def test_untagged_input_is_treated_as_bt709_and_every_output_is_tagged(tmp_path):
    clips = [make_video(tmp_path / f"c{i}.mp4", 64, 64, frames=6, picture=lambda _i: _saturated()) for i in range(2)]
    assert _tags(clips[0]) == ("", "", "", "")
    fast = stitch(plan_stitch(clips), tmp_path / "fast.mp4")
    assert _tags(fast.path) == ("bt709", "bt709", "bt709", "tv")
    slow = stitch(plan_stitch(clips, ExportSettings(width=32, height=32)), tmp_path / "slow.mp4")
    assert _tags(slow.path) == ("bt709", "bt709", "bt709", "tv")
    # Read as BT.709 (not swscale's BT.601 default), the saturated red survives the round trip.
    red = frame_at(slow.path, 0.05)[16, 16].astype(int)
    assert abs(red[0] - 200) < 12 and red[1] < 30 and red[2] < 30


def test_bt601_tagged_input_is_converted_to_bt709(tmp_path):
    sd = make_video(tmp_path / "sd.mp4", 64, 64, frames=6, picture=lambda _i: _saturated(), matrix=Colorspace.ITU601)
    assert probe(sd).video.matrix == "bt470bg"
    out = stitch(plan_stitch([sd], ExportSettings(width=32, height=32)), tmp_path / "out.mp4")
    assert _tags(out.path) == ("bt709", "bt709", "bt709", "tv")
    red = frame_at(out.path, 0.05)[16, 16].astype(int)
    assert abs(red[0] - 200) < 12 and red[1] < 30 and red[2] < 30


def test_animatic_output_is_tagged_bt709(tmp_path):
    out = tmp_path / "a.mp4"
    render_animatic(out, width=64, height=36, fps=24, duration=0.25, prompt="x")
    assert _tags(out) == ("bt709", "bt709", "bt709", "tv")


def _saturated() -> np.ndarray:
    img = np.zeros((64, 64, 3), np.uint8)
    img[:] = (200, 10, 10)
    return img
