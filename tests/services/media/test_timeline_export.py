"""Export to editors: the cut as OpenTimelineIO (and FCPXML / EDL), read back and checked."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
from pathlib import Path

import opentimelineio as otio
import pytest
from media_testkit import make_clip

from studio.core.errors import InvalidRequest
from studio.core.project import Project, ProjectSettings, Shot, Take
from studio.services.export import export_project
from studio.services.media import probe
from studio.services.projects import ProjectStore
from studio.services.timeline_export import build_timeline, write_timeline

FPS = 24


@pytest.fixture
def project_folder(tmp_path):
    """Three 2 s shots at 24 fps: the second silent and trimmed, a 0.5 s crossfade into the third."""
    folder = tmp_path / "film"
    assets = folder / "assets"
    assets.mkdir(parents=True)
    specs = [
        ("Dawn", (220, 30, 30), 48000, {}),
        ("Stairs", (30, 200, 30), None, {"trim_in": 0.25, "trim_out": 1.75}),
        ("Beam", (30, 30, 220), 48000, {"transition": "crossfade", "transition_duration": 0.5}),
    ]
    project = Project(title="Lighthouse", settings=ProjectSettings(width=160, height=90, fps=FPS))
    for index, (title, color, audio, extra) in enumerate(specs):
        clip = make_clip(assets / f"take{index}.mp4", fps=FPS, duration=2.0, color=color, audio_rate=audio)
        take = Take(path=f"assets/{clip.name}", model_id="animatic:kenburns", duration=2.0)
        shot = Shot(title=title, prompt=title, takes=[take], chosen_take_id=take.id, **extra)
        project.add_shot(shot)
    ProjectStore().save(project, folder)
    return folder, project


def frames(t: otio.opentime.RationalTime) -> int:
    return round(t.to_frames(FPS))


def test_clips_trims_and_crossfades_match_the_export(project_folder, tmp_path):
    folder, project = project_folder
    out = tmp_path / "cut.otio"
    write_timeline(project, folder, out)
    timeline = otio.adapters.read_from_file(str(out))

    video = timeline.video_tracks()[0]
    clips = [item for item in video if isinstance(item, otio.schema.Clip)]
    fades = [item for item in video if isinstance(item, otio.schema.Transition)]
    assert [c.name for c in clips] == ["Dawn", "Stairs", "Beam"]
    assert all(Path(c.media_reference.target_url.removeprefix("file://")).is_absolute() for c in clips)
    assert clips[0].media_reference.target_url == (folder / "assets" / "take0.mp4").resolve().as_uri()
    assert video.duration().rate == FPS

    # Shot 2 trimmed to 0.25–1.75 s; it gives up its half (6 frames) of the 12-frame crossfade.
    assert len(fades) == 1 and frames(fades[0].in_offset) + frames(fades[0].out_offset) == 12
    assert frames(clips[0].source_range.start_time) == 0 and frames(clips[0].source_range.duration) == 48
    assert frames(clips[1].source_range.start_time) == 6
    assert frames(clips[1].source_range.duration) == 36 - frames(fades[0].out_offset)
    assert frames(clips[2].source_range.start_time) == frames(fades[0].in_offset)
    # The incoming clip's pre-roll and the outgoing clip's post-roll are real media.
    assert clips[1].visible_range().end_time_exclusive().to_frames(FPS) == 42
    assert clips[2].visible_range().start_time.to_frames(FPS) == 0

    # The timeline lasts exactly as long as the rendered video.
    rendered = asyncio.run(export_project(project, folder, tmp_path / "cut.mp4"))
    assert frames(video.duration()) == 48 + 36 + 48 - 12
    assert abs(video.duration().to_seconds() - probe(tmp_path / "cut.mp4").duration) < 1.5 / FPS
    assert rendered.duration > 0

    audio = timeline.audio_tracks()[0]
    kinds = [type(item).__name__ for item in audio if not isinstance(item, otio.schema.Transition)]
    assert kinds == ["Clip", "Gap", "Clip"]  # the silent shot leaves a gap of its length
    assert frames(audio.duration()) == frames(video.duration())


@pytest.mark.parametrize("suffix", [".fcpxml", ".edl"])
def test_editor_formats_read_back(project_folder, tmp_path, suffix):
    folder, project = project_folder
    out = tmp_path / f"cut{suffix}"
    write_timeline(project, folder, out)
    timeline = otio.adapters.read_from_file(str(out))
    video = timeline.video_tracks()[0]
    clips = [item for item in video if isinstance(item, otio.schema.Clip)]
    assert len(clips) == 3
    # EDL keeps the dissolve; the FCPXML adapter cannot write one, so the cut sits at its middle.
    assert any(isinstance(item, otio.schema.Transition) for item in video) == (suffix == ".edl")
    assert abs(video.duration().to_seconds() - (2 + 1.5 + 2 - 0.5)) < 2.5 / FPS
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_shot_without_a_take_or_a_wrong_extension_is_one_sentence(project_folder, tmp_path):
    folder, project = project_folder
    with pytest.raises(InvalidRequest, match="end in one of"):
        write_timeline(project, folder, tmp_path / "cut.mov")
    project.add_shot(Shot(title="Unmade", prompt="x"))
    with pytest.raises(InvalidRequest, match="no chosen take"):
        build_timeline(project, folder)
    assert not (tmp_path / "cut.mov").exists()


def test_cli_writes_the_timeline(project_folder, tmp_path, studio_home):
    folder, _ = project_folder
    out = tmp_path / "cut.otio"
    cmd = [sys.executable, "-m", "studio.cli", "--home", str(studio_home), "storyboard", "export-otio"]
    done = subprocess.run([*cmd, str(folder), "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "3 shots, 1 crossfade(s)" in done.stdout + done.stderr
    assert len(otio.adapters.read_from_file(str(out)).video_tracks()[0].find_clips()) == 3
    bad = subprocess.run([*cmd, str(folder), "-o", str(tmp_path / "cut.txt")], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "end in one of" in bad.stderr


def test_no_audio_dissolve_next_to_a_silent_shot(tmp_path):
    """The crossfade into a silent shot dissolves the picture; the sound cuts at its middle."""
    folder = tmp_path / "film"
    (folder / "assets").mkdir(parents=True)
    project = Project(title="Quiet", settings=ProjectSettings(width=160, height=90, fps=FPS))
    for index, audio in enumerate((48000, None)):
        clip = make_clip(folder / "assets" / f"t{index}.mp4", fps=FPS, duration=2.0, audio_rate=audio)
        take = Take(path=f"assets/{clip.name}", duration=2.0)
        project.add_shot(Shot(title=f"S{index}", takes=[take], chosen_take_id=take.id,
                              transition="crossfade" if index else "cut", transition_duration=0.5))  # fmt: skip
    timeline = build_timeline(project, folder)
    video, audio = timeline.video_tracks()[0], timeline.audio_tracks()[0]
    assert any(isinstance(i, otio.schema.Transition) for i in video)
    assert not any(isinstance(i, otio.schema.Transition) for i in audio)
    assert frames(audio.duration()) == frames(video.duration()) == 48 + 48 - 12


@pytest.mark.parametrize("fps, ok", [(30000 / 1001, True), (24000 / 1001, True), (12, False)])
def test_fcpxml_takes_ntsc_rates_and_refuses_others_in_a_sentence(tmp_path, fps, ok):
    folder = tmp_path / "film"
    (folder / "assets").mkdir(parents=True)
    project = Project(title="Rates", settings=ProjectSettings(width=160, height=90, fps=fps))
    clip = make_clip(folder / "assets" / "t.mp4", fps=round(fps, 3) if fps != 12 else 12, duration=1.0)
    take = Take(path=f"assets/{clip.name}", duration=1.0)
    project.add_shot(Shot(title="One", takes=[take], chosen_take_id=take.id))
    out = tmp_path / "cut.fcpxml"
    if not ok:
        with pytest.raises(InvalidRequest, match="FCPXML takes"):
            write_timeline(project, folder, out)
        assert not out.exists()
        return
    write_timeline(project, folder, out)
    text = out.read_text()
    assert 'width="160" height="90"' in text and "frameDuration=\"1001/" in text
    assert len(otio.adapters.read_from_file(str(out)).video_tracks()[0].find_clips()) == 1
