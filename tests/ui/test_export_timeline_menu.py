"""File → Export timeline: the shortcut asks where, writes the cut, and the file reads back."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from pathlib import Path

import opentimelineio as otio
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from studio.core.project import Take

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.emulators._mp4 import make_mp4  # noqa: E402

from uitools import wait_until  # noqa: E402

pytestmark = pytest.mark.ui


def give_every_shot_a_take(window) -> None:
    folder, project = window.controller.folder, window.controller.project
    (folder / "assets").mkdir(exist_ok=True)
    for index, shot in enumerate(project.shots):
        clip = folder / "assets" / f"made{index}.mp4"
        clip.write_bytes(make_mp4(1.0, width=256, height=144, fps=24))
        project.add_take(shot.id, Take(path=f"assets/{clip.name}", duration=1.0, width=256, height=144, has_audio=True))


def test_ctrl_shift_e_writes_an_otio_timeline(window, qtbot, run, tmp_path, monkeypatch):
    give_every_shot_a_take(window)
    target = tmp_path / "for-editor"  # no extension: the chosen filter supplies it
    asked = []

    def fake_dialog(parent, caption, start, filters):
        asked.append((caption, start))
        return str(target), "OpenTimelineIO (*.otio)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    written = tmp_path / "for-editor.otio"
    run(wait_until(lambda: "Timeline written" in window.statusBar().currentMessage(), 20))

    assert asked and asked[0][1].endswith(".otio")
    timeline = otio.adapters.read_from_file(str(written))
    video = timeline.video_tracks()[0]
    assert [clip.name for clip in video.find_clips()] == [s.title for s in window.controller.project.shots]
    # The sample crossfades into its last shot: one transition, and the cut is 3 s less half a second.
    assert sum(isinstance(item, otio.schema.Transition) for item in video) == 1
    assert video.duration().to_seconds() == pytest.approx(2.5, abs=0.05)


def test_a_shot_without_a_take_is_one_sentence_in_the_status_bar(window, run, tmp_path):
    window.export_timeline(tmp_path / "cut.otio")
    run(wait_until(lambda: "no chosen take" in window.statusBar().currentMessage(), 20))
    assert not (tmp_path / "cut.otio").exists()
