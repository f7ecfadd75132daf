"""Phone clips stored sideways with a display rotation: every picture path shows them upright."""

from __future__ import annotations

import av
import pytest
from real_world_clips import make_video, marker_centre

from studio.services.media import ClipIn, ExportSettings, frame_at, last_frame, plan_stitch, probe, stitch, thumbnails
from studio.services.media._picture import Picture

# Where the stored top-left marker lands once the picture stands upright, per
# counter-clockwise display rotation: (row share, column share) near a corner.
UPRIGHT_CORNER = {0: (0, 0), 90: (1, 0), 180: (1, 1), 270: (0, 1)}


def _near_corner(centre: tuple[float, float], corner: tuple[int, int]) -> bool:
    return all(abs(c - k) < 0.3 for c, k in zip(centre, corner))


@pytest.mark.parametrize("rotation", [90, -90, 180])
def test_probe_reports_rotation_and_display_size(tmp_path, rotation):
    clip = make_video(tmp_path / "phone.mp4", 160, 96, rotation=rotation, frames=3)
    video = probe(clip).video
    assert video.rotation == rotation % 360
    assert (video.width, video.height) == (160, 96)  # as stored
    expected = (96, 160) if rotation % 180 else (160, 96)
    assert (video.display_width, video.display_height) == expected


@pytest.mark.parametrize("rotation", [90, 270, 180])
def test_frame_grabs_thumbnails_and_last_frame_are_upright(tmp_path, rotation):
    clip = make_video(tmp_path / "phone.mp4", 160, 96, rotation=rotation, frames=12)
    corner = UPRIGHT_CORNER[rotation]
    shown = (96, 160) if rotation % 180 else (160, 96)  # (width, height) as shown
    for image in (frame_at(clip, 0.2), last_frame(clip)):
        assert image.shape[:2] == (shown[1], shown[0])
        assert _near_corner(marker_centre(image), corner)
    strip = thumbnails(clip, 3, 48)
    assert len(strip) == 3
    for image in strip:
        assert image.shape[1] == 48 and image.shape[0] == round(48 * shown[1] / shown[0])
        assert _near_corner(marker_centre(image), corner)


def test_portrait_phone_clip_fills_a_portrait_export_upright(tmp_path):
    """`stitch land.mp4 phone.mp4 --size 1080x1920` used to play the phone clip sideways as a band."""
    land = make_video(tmp_path / "land.mp4", 192, 108, frames=15)
    phone = make_video(tmp_path / "phone.mp4", 192, 108, rotation=-90, frames=15)
    plan = plan_stitch([land, phone], ExportSettings(width=108, height=192))
    assert plan.mode == "conform"
    assert any("turned 90\u00b0 clockwise" in note for note in plan.clips[1].notes)
    assert not any("turned" in note for note in plan.clips[0].notes)
    assert any("Shot 2: turned" in line for line in plan.describe())
    out = tmp_path / "out.mp4"
    stitch(plan, out)
    with av.open(str(out)) as c:
        frames = list(c.decode(video=0))
    assert all(f.rotation == 0 for f in frames)  # no tag left on the output
    phone_frame = frames[20].to_ndarray(format="rgb24")
    assert phone_frame.shape[:2] == (192, 108)
    # Upright and filling the frame: no letterbox band at top or bottom.
    assert phone_frame[2:6].mean() > 30 and phone_frame[-6:-2].mean() > 30
    assert _near_corner(marker_centre(phone_frame), UPRIGHT_CORNER[270])
    land_frame = frames[5].to_ndarray(format="rgb24")
    assert land_frame[:20].max() < 30  # the landscape shot is letterboxed, as expected


def test_first_clip_turned_180_no_longer_flips_the_whole_export(tmp_path):
    flipped = make_video(tmp_path / "flipped.mp4", 160, 96, rotation=180, frames=10)
    upright = make_video(tmp_path / "upright.mp4", 160, 96, frames=10)
    plan = plan_stitch([flipped, upright])
    # Copying would carry the 180 degree tag onto the upright shot; it is re-encoded instead.
    assert plan.mode == "conform" and "turned" in plan.reasons[0]
    assert "turned 180\u00b0" in "; ".join(plan.clips[0].notes)
    out = tmp_path / "out.mp4"
    stitch(plan, out)
    assert probe(out).video.rotation == 0
    with av.open(str(out)) as c:
        frames = [f.to_ndarray(format="rgb24") for f in c.decode(video=0)]
    assert _near_corner(marker_centre(frames[3]), UPRIGHT_CORNER[180])
    assert _near_corner(marker_centre(frames[15]), UPRIGHT_CORNER[0])


def test_clips_turned_alike_are_copied_with_their_rotation(tmp_path):
    clips = [make_video(tmp_path / f"p{i}.mp4", 160, 96, rotation=-90, frames=10) for i in range(2)]
    plan = plan_stitch(clips)
    assert plan.mode == "fast" and (plan.width, plan.height) == (96, 160)
    assert "kept its 270\u00b0 display rotation" in "; ".join(plan.clips[1].notes)
    out = stitch(plan, tmp_path / "out.mp4")
    assert out.video.rotation == 270 and (out.video.display_width, out.video.display_height) == (96, 160)
    with av.open(str(out.path)) as c:
        frame = list(c.decode(video=0))[15]
        upright = Picture.of_video(out.video).rgb(frame)
    assert _near_corner(marker_centre(upright), UPRIGHT_CORNER[270])


def test_trimmed_rotated_clip_is_turned_in_the_conform(tmp_path):
    phone = make_video(tmp_path / "phone.mp4", 160, 96, rotation=90, frames=30)
    plan = plan_stitch([ClipIn(phone, trim_in=0.3)], ExportSettings(width=96, height=160))
    out = stitch(plan, tmp_path / "out.mp4")
    assert (out.video.width, out.video.height, out.video.rotation) == (96, 160, 0)
    assert out.video.duration == pytest.approx(0.7, abs=0.05)
