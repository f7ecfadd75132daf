"""Frame rates from nominal rates snapped to the standard set; clips cut short are refused by name."""

from __future__ import annotations

from fractions import Fraction

import av
import pytest
from real_world_clips import cut_short, make_video

from studio.core.errors import InvalidRequest, MediaError
from studio.services.media import ExportSettings, plan_stitch, probe, stitch, validate_clip
from studio.services.media.rates import STANDARD_RATES, export_rate, parse_rate, snap_rate, standard_rate

NTSC = Fraction(30000, 1001)


def _output_rate(path) -> Fraction:
    with av.open(str(path)) as c:
        return Fraction(c.streams.video[0].average_rate)


def test_vfr_first_clip_with_dropped_frames_does_not_set_an_odd_export_rate(tmp_path):
    # 3 s at 30 fps with frames 40 and 41 dropped: the average is 88/3 fps.
    vfr = make_video(tmp_path / "vfr.mp4", 64, 64, pts=[i for i in range(90) if i not in (40, 41)])
    steady = make_video(tmp_path / "steady.mp4", 64, 64, frames=30)
    info = probe(vfr).video
    assert info.average_rate == Fraction(88, 3)
    assert info.rate == 30
    plan = plan_stitch([vfr, steady], ExportSettings(width=32, height=32))
    assert plan.fps == 30
    out = stitch(plan, tmp_path / "out.mp4")
    assert _output_rate(out.path) == 30
    assert out.video.duration == pytest.approx(4.0, abs=0.05)


def test_jittery_phone_timestamps_read_as_the_rate_they_were_shot_at(tmp_path):
    # 1/600 time base with a tick of jitter on some frames and one drop, as phones write.
    pts = [i * 20 + (1 if i % 7 == 3 else 0) for i in range(60) if i != 25]
    clip = make_video(tmp_path / "phone.mp4", 64, 64, pts=pts, time_base=Fraction(1, 600))
    assert probe(clip).video.rate == 30


@pytest.mark.parametrize("movflags", ["", "frag_keyframe+empty_moov+default_base_moof"])
def test_ntsc_rate_is_exact_in_plain_and_fragmented_mp4(tmp_path, movflags):
    options = {"movflags": movflags} if movflags else None
    clips = [make_video(tmp_path / f"c{i}.mp4", 64, 64, rate=NTSC, frames=45, options=options) for i in range(2)]
    assert probe(clips[0]).video.rate == NTSC
    plan = plan_stitch(clips)
    assert plan.fps == NTSC
    out = stitch(plan, tmp_path / "out.mp4")
    assert _output_rate(out.path) == NTSC
    assert out.video.duration == pytest.approx(90 / float(NTSC), abs=0.02)
    # A re-encode at the same rate: the rate is written as 30000/1001, not 2997/100.
    conformed = stitch(plan_stitch(clips, ExportSettings(width=32, height=32)), tmp_path / "small.mp4")
    assert _output_rate(conformed.path) == NTSC


def test_typed_rates_snap_to_the_standard_set():
    assert parse_rate(29.97) == NTSC and parse_rate("29.97") == NTSC
    assert parse_rate(23.976) == Fraction(24000, 1001) and parse_rate(59.94) == Fraction(60000, 1001)
    assert parse_rate(30) == 30 and parse_rate("30000/1001") == NTSC
    assert parse_rate(12.5) == Fraction(25, 2)  # not a standard rate: kept as typed
    for bad in (float("nan"), float("inf"), 0, -5, "fast"):
        with pytest.raises(InvalidRequest):
            parse_rate(bad)
    assert snap_rate(Fraction(88, 3)) == Fraction(88, 3)  # 2 % off anything standard
    assert standard_rate(Fraction(88, 3)) == 30


def test_export_rate_follows_most_of_the_footage_and_stays_standard():
    assert export_rate([(Fraction(30), 1.0), (Fraction(24), 4.0)]) == 24
    assert export_rate([(Fraction(25), 2.0), (Fraction(30), 2.0)]) == 25  # a tie: the earlier clip
    assert export_rate([(Fraction(12), 3.0)]) in STANDARD_RATES


def test_cut_short_mp4_is_refused_by_name_with_how_much_is_readable(tmp_path):
    whole = make_video(tmp_path / "whole.mp4", 96, 64, frames=120, audio_seconds=4.0, options={"movflags": "faststart"})
    cut = cut_short(whole, tmp_path / "download.mp4", 0.5)
    with pytest.raises(MediaError) as caught:
        plan_stitch([whole, cut])
    message = caught.value.user_message
    assert "download.mp4" in message and "of its 4.0 s can be read" in message
    readable = float(message.split("only ")[1].split(" s")[0])
    assert 0.5 < readable < 3.5
    with pytest.raises(MediaError, match="download.mp4 is incomplete"):
        validate_clip(cut)


@pytest.mark.parametrize("keep", [0.3, 0.6])  # inside the media data, inside the index
def test_mp4_cut_before_or_inside_its_index_is_refused_as_incomplete(tmp_path, keep):
    whole = make_video(tmp_path / "whole.mp4", 96, 64, frames=60)  # index (moov) at the end
    cut = cut_short(whole, tmp_path / "partial.mp4", keep)
    with pytest.raises(MediaError, match=r"partial.mp4 is incomplete.*none of it can be read"):
        plan_stitch([cut])


@pytest.mark.parametrize(
    ("suffix", "fmt", "options"),
    [(".mkv", "matroska", None), (".mp4", "mp4", {"movflags": "frag_keyframe+empty_moov+default_base_moof"})],
)
def test_cut_short_file_without_a_sample_index_is_found_by_reading_to_the_end(tmp_path, suffix, fmt, options):
    whole = make_video(tmp_path / f"whole{suffix}", 96, 64, frames=90, fmt=fmt, options=options, audio_seconds=3.0)
    plan_stitch([whole])  # the complete file is fine
    cut = cut_short(whole, tmp_path / f"cut{suffix}", 0.6)
    with pytest.raises(MediaError, match=rf"cut{suffix} is incomplete or damaged: only \d"):
        plan_stitch([cut])
