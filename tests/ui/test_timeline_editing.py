"""Timeline editing as a person does it: crossfade length, drops from the file manager, the
keyboard, legible job state on narrow cards, the job monitor's columns, one-click export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.core.project import Take
from studio.services.media import probe
from studio.ui.storyboard.cards import HEADER_H, STRIP_H

pytestmark = pytest.mark.ui


def make_clip(path: Path, seconds: float = 2.0, size=(320, 180), fps: int = 24) -> Path:
    """A real H.264 + AAC clip written with PyAV."""
    import av
    import numpy as np

    with av.open(str(path), "w") as out:
        video = out.add_stream("libx264", rate=fps)
        video.width, video.height = size
        video.pix_fmt = "yuv420p"
        audio = out.add_stream("aac", rate=48000)
        audio.layout = "stereo"
        for i in range(int(seconds * fps)):
            img = np.full((size[1], size[0], 3), (i * 5) % 255, dtype=np.uint8)
            for packet in video.encode(av.VideoFrame.from_ndarray(img, format="rgb24")):
                out.mux(packet)
        samples = int(seconds * 48000)
        for start in range(0, samples, 1024):
            n = min(1024, samples - start)
            frame = av.AudioFrame.from_ndarray(np.zeros((2, n), dtype=np.float32), format="fltp", layout="stereo")
            frame.sample_rate = 48000
            for packet in audio.encode(frame):
                out.mux(packet)
        for stream in (video, audio):
            for packet in stream.encode():
                out.mux(packet)
    return path


def drop_at(widget, paths, pos: QPoint) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, *args)
    QApplication.sendEvent(widget, move)
    assert move.isAccepted()
    drop = QDropEvent(QPointF(pos), *args)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()
    return drop


def ids(project):
    return [s.id for s in project.shots]


def strip_point(rect) -> QPoint:
    return QPoint(rect.center().x(), rect.top() + HEADER_H + STRIP_H // 2)


def give_take(window, shot, path: Path, duration: float) -> None:
    rel = window.services.projects.import_asset(window.folder, path)
    window.project.add_take(shot.id, Take(path=rel, model_id="test", duration=duration))


# -- crossfade length ------------------------------------------------------------------------


def test_crossfade_length_is_clamped_in_the_inspector_and_the_project(window):
    panel, project = window.storyboard, window.project
    first, second = project.shots[0], project.shots[1]
    project.update_shot(first.id, duration=6.0)
    project.update_shot(second.id, duration=3.0)
    panel.select(second.id)
    spin = panel.transition_length
    assert not spin.isEnabled()  # a cut has no length
    panel.transition_combo.setCurrentIndex(panel.transition_combo.findData("crossfade"))
    panel.transition_combo.activated.emit(panel.transition_combo.currentIndex())
    assert second.transition == "crossfade" and spin.isEnabled()
    assert spin.minimum() == pytest.approx(0.1) and spin.maximum() == pytest.approx(3.0)
    spin.setValue(9.0)  # typed past the limit: the control stops at the shorter shot
    assert second.transition_duration == pytest.approx(3.0)
    spin.setValue(0.0)
    assert second.transition_duration == pytest.approx(0.1)
    spin.setValue(1.5)
    assert project.transition_lengths()[0] == pytest.approx(1.5)
    window.act_undo.trigger()
    assert second.transition_duration == pytest.approx(0.1)
    # the neighbour gets shorter: the limit follows, and the export plays the clamped length
    project.update_shot(first.id, duration=1.0)
    assert spin.maximum() == pytest.approx(1.0)
    from studio.services.export import export_settings

    project.update_shot(second.id, transition_duration=2.5)
    assert second.transition_duration == pytest.approx(1.0)
    assert export_settings(project).transitions[0] == pytest.approx(1.0)
    panel.select(project.shots[0].id)
    assert not spin.isEnabled()  # the first shot has no transition into it


# -- drops -----------------------------------------------------------------------------------


def test_an_image_dropped_on_a_card_becomes_that_shots_first_frame(window, png, wait, run):
    canvas, project = window.storyboard.canvas, window.project
    target = project.shots[2]
    window.storyboard.select(project.shots[0].id)
    drop_at(canvas, [png], strip_point(canvas.card_rect(target.id)))
    assert canvas.current_id == target.id  # the dropped-on card is selected
    run(wait(lambda: bool(project.shot(target.id).first_frame)))
    first = project.shot(target.id).first_frame
    assert not Path(first).is_absolute()
    assert (window.folder / first).is_file()  # copied (and fitted) into the project
    assert all(not s.first_frame for s in project.shots if s.id != target.id)
    window.act_undo.trigger()
    assert not project.shot(target.id).first_frame


def test_a_heic_photo_dropped_on_a_card_is_decoded_off_the_gui_thread(window, tmp_path, wait, run):
    pillow_heif = pytest.importorskip("pillow_heif")
    from PIL import Image

    pillow_heif.register_heif_opener()
    path = tmp_path / "phone.heic"
    Image.new("RGB", (480, 640), (200, 40, 40)).save(path, format="HEIF")
    canvas, project = window.storyboard.canvas, window.project
    target = project.shots[1]
    drop_at(canvas, [path], strip_point(canvas.card_rect(target.id)))
    run(wait(lambda: bool(project.shot(target.id).first_frame)))
    assert (window.folder / project.shot(target.id).first_frame).is_file()


def test_clips_dropped_between_cards_become_shots_with_their_take(window, tmp_path, wait, run):
    canvas, project = window.storyboard.canvas, window.project
    before = ids(project)
    clip = make_clip(tmp_path / "beach walk.mp4", seconds=2.0)
    gap = QPoint(canvas.card_rect(before[1]).left() - 10, canvas.card_rect(before[1]).center().y())
    drop_at(canvas, [clip], gap)
    run(wait(lambda: len(project.shots) == 4))
    new = project.shots[1]
    assert ids(project) == [before[0], new.id, before[1], before[2]]
    assert new.title == "beach walk"
    take = new.chosen_take
    assert take is not None and take.model_id == "imported"
    copied = window.folder / take.path
    assert copied.is_file() and copied.resolve() != clip.resolve()  # copied into the project
    info = probe(copied)
    assert info.video.width == 320 and abs(info.duration - 2.0) < 0.1
    assert take.duration == pytest.approx(info.duration, abs=0.01) and take.has_audio
    assert canvas.current_id == new.id
    window.act_undo.trigger()
    assert ids(project) == before
    assert copied.is_file()  # undo never deletes the file


def test_a_broken_clip_is_refused_by_name_and_adds_nothing(window, tmp_path, wait, run):
    canvas, project = window.storyboard.canvas, window.project
    before = ids(project)
    bad = tmp_path / "broken.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 2000)
    messages = []
    window.storyboard.message.connect(messages.append)
    drop_at(canvas, [bad], QPoint(canvas.card_rect(before[-1]).right() + 10, canvas.card_rect(before[-1]).center().y()))
    run(wait(lambda: bool(messages)))
    assert "broken.mp4" in messages[0]
    assert ids(project) == before


# -- keyboard --------------------------------------------------------------------------------


def test_keyboard_arrows_delete_ctrl_d_and_space_on_the_timeline(window, tmp_path, qtbot):
    canvas, project = window.storyboard.canvas, window.project
    shots = ids(project)
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    window.storyboard.select(shots[0])
    QTest.keyClick(canvas, Qt.Key_Right)
    assert canvas.current_id == shots[1]
    QTest.keyClick(canvas, Qt.Key_Right)
    QTest.keyClick(canvas, Qt.Key_Right)  # stops at the last shot
    assert canvas.current_id == shots[2]
    QTest.keyClick(canvas, Qt.Key_Left)
    assert canvas.current_id == shots[1]

    QTest.keyClick(canvas, Qt.Key_D, Qt.ControlModifier)
    assert len(project.shots) == 4 and project.shots[2].id == canvas.current_id
    assert project.shots[2].prompt == project.shots[1].prompt
    window.act_undo.trigger()
    assert ids(project) == shots

    clip = make_clip(tmp_path / "paid.mp4", seconds=1.0)
    give_take(window, project.shot(shots[1]), clip, 1.0)
    paid = window.folder / project.shot(shots[1]).chosen_take.path
    window.storyboard.select(shots[1])
    QTest.keyClick(canvas, Qt.Key_Delete)
    assert ids(project) == [shots[0], shots[2]] and canvas.current_id == shots[2]
    assert paid.is_file()  # the shot went, its paid clip stays
    window.act_undo.trigger()
    assert ids(project) == shots

    toggled = []
    window.preview.toggle_play = lambda: toggled.append(True)  # the preview's transport, seen from here
    QTest.keyClick(canvas, Qt.Key_Space)
    assert toggled == [True]


def test_space_on_the_timeline_plays_the_preview(window, tmp_path, qtbot):
    canvas = window.storyboard.canvas
    clip = make_clip(tmp_path / "play.mp4", seconds=2.0)
    window.preview.show_cut([(str(clip), 0.0, None)])
    qtbot.waitUntil(lambda: window.preview.duration() > 0, timeout=10000)  # probed in a worker
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    QTest.keyClick(canvas, Qt.Key_Space)
    qtbot.waitUntil(window.preview.is_playing, timeout=5000)
    QTest.keyClick(canvas, Qt.Key_Space)
    assert not window.preview.is_playing()


def test_focus_is_visible_on_the_timeline(window, qtbot):
    canvas = window.storyboard.canvas
    sid = canvas.current_id
    rect = canvas.card_rect(sid)
    window.editor.setFocus()
    qtbot.waitUntil(lambda: not canvas.hasFocus())
    unfocused = canvas.grab().toImage()
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    focused = canvas.grab().toImage()
    ring = [QPoint(rect.center().x(), rect.top() - 4), QPoint(rect.left() - 4, rect.center().y())]
    assert any(focused.pixelColor(p) != unfocused.pixelColor(p) for p in ring)


# -- job state on narrow cards --------------------------------------------------------------


@pytest.mark.parametrize("text", ["generating", "generating 45%", "downloading 100%", "needs attention"])
def test_job_state_is_written_whole_on_a_three_second_card(window, text, qtbot):
    panel, project = window.storyboard, window.project
    canvas = panel.canvas
    shot = project.shots[0]
    project.update_shot(shot.id, duration=3.0)
    panel.zoom.setValue(panel.zoom.minimum())  # zoomed out as far as it goes: the narrowest card
    rect = canvas.card_rect(shot.id)
    assert rect.width() <= 160
    panel.set_job_text(shot.id, text)
    strip = rect.adjusted(1, HEADER_H, -1, 0)
    strip.setHeight(STRIP_H)
    box, font, lines = canvas.job_badge(text, strip)
    fm = QFontMetrics(font)
    assert " ".join(lines) == text  # wrapped if need be, never elided
    assert all(fm.horizontalAdvance(line) <= box.width() for line in lines)
    assert rect.contains(box)
    canvas.grab()  # paints without error


# -- job monitor ------------------------------------------------------------------------------


def test_job_monitor_keeps_the_prompt_column_readable_at_1600px(window, qtbot):
    from studio.ui.jobs.model import COL_ERROR, COL_PROMPT
    from studio.ui.jobs.monitor import ERROR_MIN_WIDTH, PROMPT_MIN_WIDTH

    window.resize(1600, 1000)
    qtbot.wait(100)
    table = window.jobs.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(COL_PROMPT) >= PROMPT_MIN_WIDTH, timeout=3000)
    fm = table.fontMetrics()
    assert header.sectionSize(COL_PROMPT) >= fm.horizontalAdvance("Wide shot of a lighthouse")
    assert header.sectionSize(COL_ERROR) >= ERROR_MIN_WIDTH
    assert sum(header.sectionSize(c) for c in range(header.count())) <= table.viewport().width() + 2


# -- one-click export ---------------------------------------------------------------------------


def test_export_now_is_enabled_exactly_when_every_take_exists_and_writes_a_decodable_file(window, tmp_path, qtbot, wait, run):
    project = window.project
    run(wait(lambda: True))
    qtbot.wait(400)
    assert not window.act_export_now.isEnabled()  # the sample's shots have no takes yet
    for index, shot in enumerate(project.shots):
        give_take(window, shot, make_clip(tmp_path / f"take{index}.mp4", seconds=2.0), 2.0)
    project.update_shot(project.shots[1].id, transition="crossfade", transition_duration=0.5)
    qtbot.waitUntil(window.act_export_now.isEnabled, timeout=5000)
    missing = window.folder / project.shots[2].chosen_take.path
    missing.rename(missing.with_suffix(".moved"))
    project.update_shot(project.shots[2].id, title="gone")
    qtbot.waitUntil(lambda: not window.act_export_now.isEnabled(), timeout=5000)
    missing.with_suffix(".moved").rename(missing)
    project.update_shot(project.shots[2].id, title="back")
    qtbot.waitUntil(window.act_export_now.isEnabled, timeout=5000)

    task = window.export_now()
    assert task is not None and not window.act_export_now.isEnabled()
    run(wait(task.done, timeout=120))
    out = window.last_export_path
    assert out is not None and out.is_file()
    assert str(out) in window.statusBar().currentMessage()
    info = probe(out)
    assert info.video is not None and info.audio is not None
    fades = window.project.transition_lengths()
    assert fades[0] == pytest.approx(0.5)
    assert abs(info.duration - (3 * 2.0 - sum(fades))) < 0.15  # the crossfades overlap
    qtbot.waitUntil(window.act_export_now.isEnabled, timeout=5000)


# -- carrying on a stopped run ----------------------------------------------------------------


def test_opening_a_project_whose_run_was_stopped_carries_the_run_on(make_window, tmp_path, wait, run):
    from studio.services.storyboard_resume import RUN_NOTE, note_run_started

    window = make_window(open_sample=False)
    folder = tmp_path / "stopped"
    sample = window.services.projects.create_sample(folder)
    note_run_started(folder, [shot.id for shot in sample.shots[:2]])  # the app closed mid-run
    assert window.controller.open(folder, guard=False)
    project = window.project
    run(wait(lambda: all(shot.chosen_take for shot in project.shots[:2]), timeout=120))
    run(wait(lambda: not (folder / RUN_NOTE).exists()))
    assert project.shots[2].chosen_take is None  # not part of the stopped run: nothing sent for it
    assert len(window.services.jobstore.list(project_dir=str(folder.resolve()))) == 2
    assert not window.controller.is_dirty()  # the run saved what it attached
