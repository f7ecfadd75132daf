"""studio-cli stitch with real-world clips: phone rotation, cut downloads, odd numbers, permissions."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import av
import pytest

sys.path.insert(0, str(Path(__file__).parent / "services" / "media"))
from real_world_clips import cut_short, make_video, marker_centre

from studio.services.media import probe


def run_stitch(*args, home, umask: int | None = None):
    """``studio-cli stitch`` in a subprocess (optionally under ``umask``); (code, stdout, stderr)."""
    proc = subprocess.run(
        [sys.executable, "-m", "studio.cli", "--home", str(home), "stitch", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_landscape_and_phone_clip_into_a_portrait_video(studio_home, tmp_path):
    land = make_video(tmp_path / "land.mp4", 192, 108, frames=12, audio_seconds=0.4)
    phone = make_video(tmp_path / "phone.mp4", 192, 108, rotation=-90, frames=12, audio_seconds=0.4)
    out = tmp_path / "out.mp4"
    code, _, err = run_stitch(land, phone, "-o", out, "--size", "108x192", home=studio_home)
    assert code == 0, err
    assert "Shot 2: turned 90\u00b0 clockwise to stand upright" in err
    with av.open(str(out)) as c:
        frame = list(c.decode(video=0))[18].to_ndarray(format="rgb24")
    assert frame.shape[:2] == (192, 108) and frame[:6].mean() > 30  # upright, not a sideways band
    top, right = marker_centre(frame)
    assert top < 0.3 and right > 0.7


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_stitched_file_gets_permissions_from_the_umask(studio_home, tmp_path, umask):
    clips = [make_video(tmp_path / f"c{i}.mp4", 64, 64, frames=6) for i in range(2)]
    for args in ([], ["--size", "32x32"]):  # fast path and conform
        out = tmp_path / f"out{len(args)}.mp4"
        code, _, err = run_stitch(*clips, "-o", out, *args, home=studio_home, umask=umask)
        assert code == 0, err
        assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN", "1e400"])
def test_non_finite_crossfade_is_one_sentence_and_exit_2(studio_home, tmp_path, value):
    clips = [make_video(tmp_path / f"c{i}.mp4", 64, 64, frames=6) for i in range(2)]
    out = tmp_path / "out.mp4"
    code, _, err = run_stitch(*clips, "-o", out, f"--crossfade={value}", home=studio_home)
    assert code == 2
    assert "Traceback" not in err and "crossfade must be a number of seconds" in err
    assert not out.exists()


@pytest.mark.parametrize("value", ["nan", "inf", "0"])
def test_unusable_frame_rate_is_one_sentence_and_exit_2(studio_home, tmp_path, value):
    clips = [make_video(tmp_path / f"c{i}.mp4", 64, 64, frames=6) for i in range(2)]
    code, _, err = run_stitch(*clips, "-o", tmp_path / "out.mp4", f"--fps={value}", home=studio_home)
    assert code == 2 and "Traceback" not in err and "frame rate" in err


def test_cut_short_clip_is_refused_by_name_with_exit_2(studio_home, tmp_path):
    whole = make_video(tmp_path / "whole.mp4", 96, 64, frames=90, audio_seconds=3.0, options={"movflags": "faststart"})
    cut = cut_short(whole, tmp_path / "shot2.mp4", 0.5)
    out = tmp_path / "out.mp4"
    for args in ([], ["--size", "48x32"]):  # once padded with a frozen frame, once silently shorter
        code, _, err = run_stitch(whole, cut, "-o", out, *args, home=studio_home)
        assert code == 2, err
        assert "shot2.mp4 is incomplete or damaged: only" in err and "of its 3.0 s can be read" in err
        assert not out.exists()


def test_no_audio_flag_writes_no_sound_track(studio_home, tmp_path):
    clips = [make_video(tmp_path / f"c{i}.mp4", 64, 64, frames=6, audio_seconds=0.2) for i in range(2)]
    out = tmp_path / "out.mp4"
    code, _, err = run_stitch(*clips, "-o", out, "--no-audio", home=studio_home)
    assert code == 0, err
    assert probe(out).audio is None


def test_exact_audio_flag_reencodes_the_sound_instead_of_copying_it(studio_home, tmp_path):
    clips = [make_video(tmp_path / f"c{i}.mp4", 64, 64, frames=12, audio_seconds=0.4) for i in range(2)]
    out = tmp_path / "out.mp4"
    code, said, err = run_stitch(*clips, "-o", out, "--plan", home=studio_home)
    assert code == 0, err
    assert "audio copied" in said + err
    code, said, err = run_stitch(*clips, "-o", out, "--exact-audio", home=studio_home)
    assert code == 0, err
    assert "audio re-encoded as one track" in said + err
    info = probe(out)
    assert info.audio is not None and info.audio.duration == pytest.approx(info.video.duration, abs=1e-3)
