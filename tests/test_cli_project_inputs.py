"""Hostile and hand-edited project files through `studio-cli storyboard run`, as a person runs it.

Each test is one of the reproductions the studio once failed: a shot id that walks out of
the project, an ``assets`` link to another folder, a first frame outside the project, wrongly
typed or out-of-range fields, unknown enum values, ``--duration nan``. Each must end with one
sentence naming the field (exit 2), no traceback, no job, and nothing written outside the
project folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from studio.cli import main
from studio.services.jobstore import JobStore
from tests.project_kit import shot, snapshot, with_take, world, write_png, write_project


def run(capsys, home, *args) -> tuple[int, str]:
    code = main(["--home", str(home), *args])
    return code, capsys.readouterr().err


def refused(code: int, err: str, needle: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.strip().splitlines() if line]
    assert len(lines) == 1, err
    assert needle in lines[0], err


def no_jobs(home) -> bool:
    store = JobStore(home / "studio.db")
    try:
        return store.list(limit=10) == []
    finally:
        store.close()


@pytest.fixture
def layout(tmp_path, studio_home):
    project, elsewhere, secret = world(tmp_path)
    before = snapshot(tmp_path / "world", skip=(project,))
    out = tmp_path / "out.mp4"

    def untouched() -> bool:
        return snapshot(tmp_path / "world", skip=(project,)) == before and not out.exists()

    return project, elsewhere, secret, studio_home, out, untouched


def test_a_chained_shot_id_that_walks_out_of_the_project_writes_nothing(capsys, layout):
    project, elsewhere, _, home, out, untouched = layout
    first = with_take(project, shot("s1"))
    (project / "assets" / "continuity-..").mkdir()  # what the walk needs, shipped in the folder
    evil = shot("../../../elsewhere/evil", continuity="chained")
    write_project(project, [first, evil])
    code, err = run(capsys, home, "storyboard", "run", str(project), "-o", str(out))
    refused(code, err, "Shot 2's id must be an id")
    assert untouched() and not (elsewhere / "evil-first.png").exists()
    assert no_jobs(home)


def test_an_assets_link_to_another_folder_is_refused_before_any_take_is_written(capsys, layout):
    project, elsewhere, _, home, out, untouched = layout
    (project / "assets").symlink_to(elsewhere, target_is_directory=True)
    write_project(project, [shot("s1")])
    code, err = run(capsys, home, "storyboard", "run", str(project), "-o", str(out))
    refused(code, err, "assets")
    assert "outside the project" in err
    assert untouched() and sorted(p.name for p in elsewhere.iterdir()) == ["secret.png"]
    assert no_jobs(home)


@pytest.mark.parametrize("how", ["absolute", "dotdot", "link"])
def test_a_first_frame_outside_the_project_is_neither_read_nor_sent(capsys, layout, how):
    project, _, secret, home, out, untouched = layout
    if how == "absolute":
        value = str(secret)
    elif how == "dotdot":
        value = "assets/../../elsewhere/secret.png"
    else:
        (project / "assets").mkdir()
        (project / "assets" / "face.png").symlink_to(secret)
        value = "assets/face.png"
    write_project(project, [shot("s1", first_frame=value)])
    code, err = run(capsys, home, "storyboard", "run", str(project), "-o", str(out))
    refused(code, err, "Shot 1's first_frame")
    assert untouched()
    assert no_jobs(home)


@pytest.mark.parametrize(
    ("where", "field", "value", "needle"),
    [
        ("shot", "duration", "abc", "Shot 2's duration must be a number of seconds"),
        ("shot", "prompt", ["x"], "Shot 2's prompt must be text"),
        ("shot", "continuity", "sideways", "Shot 2's continuity must be one of independent, chained, bridged"),
        ("shot", "transition", "wipe", "Shot 2's transition must be one of cut, crossfade"),
        ("shot", "seed", 2**40, "Shot 2's seed must be a whole number from 0 to 4294967295"),
        ("settings", "width", -5, "The project's width must be a whole number of pixels from 16 to 8192 (it is -5)"),
        ("settings", "width", 1e9, "The project's width must be a whole number of pixels"),
        ("settings", "fps", "fast", "The project's fps must be a number of frames per second"),
    ],
)
def test_a_wrong_field_is_named_before_anything_runs_even_after_a_clip_was_made(
    capsys, layout, where, field, value, needle
):
    project, _, _, home, out, untouched = layout
    shots = [with_take(project, shot("s1")), shot("s2")]
    if where == "shot":
        shots[1][field] = value
        write_project(project, shots)
    else:
        write_project(project, shots, settings={"width": 256, "height": 144, "fps": 24.0, field: value})
    before = (project / "project.json").read_bytes()
    code, err = run(capsys, home, "storyboard", "run", str(project), "-o", str(out))
    refused(code, err, needle)
    assert (project / "project.json").read_bytes() == before  # the file is left as it was
    assert untouched()
    assert no_jobs(home)  # nothing generated (and so nothing paid) before the refusal


def test_width_1e9_is_refused_by_the_window_path_too(tmp_path):
    """The window loads through the same store: the project never opens, so nothing is paid."""
    from studio.core.errors import ProjectError
    from studio.services.projects import ProjectStore

    project, _, _ = world(tmp_path)
    write_project(project, [shot("s1")], settings={"width": 1e9, "height": 720, "fps": 24.0})
    with pytest.raises(ProjectError) as info:
        ProjectStore().load(project)
    assert info.value.field == "width"


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_duration_nan_on_the_command_line_is_one_sentence(capsys, studio_home, tmp_path, value):
    out = tmp_path / "clip.mp4"
    code, err = run(capsys, studio_home, "generate", "-m", "animatic:kenburns", "-p", "waves",
                    f"--duration={value}", "-o", str(out))
    refused(code, err, "duration must be a finite number")
    assert not out.exists() and no_jobs(studio_home)


def test_a_nan_parameter_is_refused_before_sending(capsys, studio_home, tmp_path):
    out = tmp_path / "clip.mp4"
    code, err = run(capsys, studio_home, "generate", "-m", "animatic:kenburns", "-p", "waves",
                    "--duration", "1", "--param", "zoom=nan", "-o", str(out))
    refused(code, err, "zoom must be a finite number")


def test_a_safe_project_still_runs_end_to_end(capsys, layout):
    """The checks refuse the hostile, not the ordinary: a chained storyboard with an image exports."""
    project, _, _, home, out, untouched = layout
    write_png(project / "assets" / "start.png")
    write_project(project, [shot("s1", first_frame="assets/start.png"), shot("s2", continuity="chained")])
    code, err = run(capsys, home, "storyboard", "run", str(project), "-o", str(out))
    assert code == 0, err
    assert out.exists()
    assert (project / "assets" / "continuity-s2-first.png").exists()
    saved = json.loads((project / "project.json").read_text())
    assert all(s["chosen_take_id"] for s in saved["shots"])


def test_the_console_script_never_prints_a_traceback_for_a_hostile_project(tmp_path, studio_home):
    """The same through a real process (what exit 1 with a traceback used to look like)."""
    project, _, _ = world(tmp_path)
    write_project(project, [with_take(project, shot("s1"))], settings={"width": -5, "height": 144, "fps": 24})
    proc = subprocess.run(
        [sys.executable, "-m", "studio.cli", "--home", str(studio_home), "storyboard", "run", str(project),
         "-o", str(tmp_path / "o.mp4")],
        capture_output=True, text=True, timeout=120, env={**os.environ, "STUDIO_HOME": str(studio_home)},
    )
    refused(proc.returncode, proc.stderr, "The project's width")
