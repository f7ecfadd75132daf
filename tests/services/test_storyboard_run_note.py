"""The note a storyboard run leaves in the project folder, read back as untrusted input; and the
check one-click export makes before it is offered."""

from __future__ import annotations

import json

import pytest

from studio.services.export import takes_on_disk
from studio.services.storyboard_resume import RUN_NOTE, interrupted_run, note_run_ended, note_run_started


def test_a_run_note_round_trips_and_is_removed(tmp_path):
    assert interrupted_run(tmp_path) is None
    note_run_started(tmp_path, ["a1", "b2"])
    assert interrupted_run(tmp_path) == ["a1", "b2"]
    note_run_ended(tmp_path)
    assert interrupted_run(tmp_path) is None
    note_run_ended(tmp_path)  # twice is fine


@pytest.mark.parametrize(
    "content",
    ["", "not json", "[]", json.dumps({"shots": "a1"}), json.dumps({"shots": ["../../etc"]}),
     json.dumps({"shots": [1, 2]}), json.dumps({"other": []})],
)  # fmt: skip
def test_a_malformed_run_note_is_ignored_and_sends_nothing(tmp_path, content):
    (tmp_path / RUN_NOTE).write_text(content)
    assert interrupted_run(tmp_path) is None


def test_takes_on_disk_needs_every_take_inside_the_project(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.mp4").write_bytes(b"x")
    outside = tmp_path.parent / "outside.mp4"
    outside.write_bytes(b"x")
    assert takes_on_disk(tmp_path, ["assets/a.mp4"])
    assert not takes_on_disk(tmp_path, [])
    assert not takes_on_disk(tmp_path, ["assets/a.mp4", None])
    assert not takes_on_disk(tmp_path, ["assets/missing.mp4"])
    assert not takes_on_disk(tmp_path, ["../outside.mp4"])
    assert not takes_on_disk(tmp_path, ["assets"])  # a folder is not a clip
