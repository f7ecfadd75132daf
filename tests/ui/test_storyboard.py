"""The storyboard timeline and its Qt model: reorder by drag, add/duplicate/delete, trims,
transitions, continuity, take picker, and undo/redo of all of it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest

from studio.core.project import Project, Shot, Take
from studio.ui.storyboard import ShotListModel
from studio.ui.storyboard.timeline import GAP, HEADER_H, STRIP_H

pytestmark = pytest.mark.ui


def ids(project):
    return [s.id for s in project.shots]


def test_model_follows_project_events_and_keeps_rows_in_step(qtbot):
    from PySide6.QtGui import QUndoStack

    project = Project(shots=[Shot(title=f"S{i}") for i in range(3)])
    stack = QUndoStack()
    model = ShotListModel(project, stack)
    seen = []
    model.rowsMoved.connect(lambda *a: seen.append("moved"))
    model.rowsInserted.connect(lambda *a: seen.append("inserted"))
    model.rowsRemoved.connect(lambda *a: seen.append("removed"))
    assert model.rowCount() == 3
    project.add_shot(Shot(title="S3"))
    assert model.rowCount() == 4 and model.data(model.index(3)) == "S3"
    first = project.shots[0].id
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)  # Qt convention: before row 3
    assert project.shots[2].id == first and model.shot_ids() == ids(project)
    stack.undo()
    assert project.shots[0].id == first and model.shot_ids() == ids(project)
    project.remove_shot(first)
    assert model.shot_ids() == ids(project)
    assert seen == ["inserted", "moved", "moved", "removed"]


def test_reorder_by_dragging_a_card(window, qtbot):
    canvas = window.storyboard.canvas
    project = window.project
    before = ids(project)
    first = canvas.card_rect(before[0])
    last = canvas.card_rect(before[2])
    start = QPoint(first.center().x(), first.top() + HEADER_H + STRIP_H // 2)
    end = QPoint(last.right() + GAP // 2, start.y())
    QTest.mousePress(canvas, Qt.LeftButton, Qt.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(canvas, start + (end - start) * step / 10)
    QTest.mouseRelease(canvas, Qt.LeftButton, Qt.NoModifier, end)
    assert ids(project) == [before[1], before[2], before[0]]
    assert window.undo_stack.undoText() == "Move shot"
    window.act_undo.trigger()
    assert ids(project) == before
    window.act_redo.trigger()
    assert ids(project) == [before[1], before[2], before[0]]
    assert window.controller.is_dirty()


def test_add_duplicate_delete_and_undo_redo(window):
    panel = window.storyboard
    project = window.project
    original = ids(project)
    panel.select(original[0])
    panel.add_button.click()
    assert len(project.shots) == 4
    added = project.shots[1]
    assert panel.current_shot_id() == added.id
    assert window.editor.shot_id == added.id  # selecting a card loads it into the editor
    panel.duplicate_button.click()
    assert len(project.shots) == 5 and project.shots[2].title.endswith("(copy)")
    panel.select(original[1])
    panel.delete_button.click()
    assert original[1] not in ids(project)
    for _ in range(3):
        window.undo_stack.undo()
    assert ids(project) == original
    for _ in range(3):
        window.undo_stack.redo()
    assert len(project.shots) == 4 and original[1] not in ids(project)
    # keyboard: Delete on the focused timeline
    canvas = panel.canvas
    panel.select(project.shots[0].id)
    canvas.setFocus()
    QTest.keyClick(canvas, Qt.Key_Delete)
    assert len(project.shots) == 3
    QTest.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert len(project.shots) == 4
    QTest.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert len(project.shots) == 3


def _give_takes(project, shot, n=2, duration=4.0):
    for i in range(n):
        project.add_take(shot.id, Take(path=f"assets/none-{i}.mp4", model_id="animatic:kenburns", duration=duration))


def test_take_picker_continuity_and_transition(window):
    panel = window.storyboard
    project = window.project
    shot = project.shots[1]
    before = shot.continuity
    _give_takes(project, shot)
    panel.select(shot.id)
    assert panel.take_combo.count() == 2
    assert panel.take_combo.currentData() == shot.takes[1].id
    panel.take_combo.setCurrentIndex(0)
    panel.take_combo.activated.emit(0)
    assert shot.chosen_take_id == shot.takes[0].id
    i = panel.continuity_combo.findData("bridged")
    panel.continuity_combo.setCurrentIndex(i)
    panel.continuity_combo.activated.emit(i)
    assert shot.continuity == "bridged"
    window.undo_stack.undo()
    assert shot.continuity == before
    window.undo_stack.undo()
    assert shot.chosen_take_id == shot.takes[1].id

    # clicking the marker between shot 1 and shot 2 toggles shot 2's incoming transition
    canvas = panel.canvas
    rect = canvas.card_rect(shot.id)
    marker = QPoint(rect.left() - GAP // 2, rect.top() + HEADER_H + STRIP_H // 2)
    assert shot.transition == "cut"
    assert canvas.transition_tooltip(shot.id) == "Cut — click for a crossfade"
    QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, marker)
    assert shot.transition == "crossfade"
    assert canvas.transition_tooltip(shot.id) == f"Crossfade {shot.transition_duration:g} s — click for a cut"
    window.undo_stack.undo()
    assert shot.transition == "cut"
    # the thin cut bar is a target along its height, not only at its centre
    QTest.mouseClick(canvas, Qt.LeftButton, Qt.NoModifier, marker + QPoint(0, STRIP_H // 2 - 10))
    assert shot.transition == "crossfade"
    window.undo_stack.undo()
    # the first shot has no incoming transition
    panel.select(project.shots[0].id)
    assert not panel.transition_combo.isEnabled()


def test_trim_by_dragging_the_handle_and_by_the_inspector(window):
    panel = window.storyboard
    project = window.project
    shot = project.shots[0]
    _give_takes(project, shot, n=1, duration=4.0)
    panel.select(shot.id)
    canvas = panel.canvas
    width_before = canvas.card_rect(shot.id).width()
    rect = canvas.card_rect(shot.id)
    y = rect.top() + HEADER_H + STRIP_H // 2
    start = QPoint(rect.right() - 2, y)
    end = QPoint(rect.right() - 2 - int(canvas.px_per_second * 1.0), y)  # one second shorter
    QTest.mousePress(canvas, Qt.LeftButton, Qt.NoModifier, start)
    QTest.mouseMove(canvas, end)
    QTest.mouseRelease(canvas, Qt.LeftButton, Qt.NoModifier, end)
    assert shot.trim_out == pytest.approx(3.0, abs=0.05)
    assert shot.cut_duration == pytest.approx(3.0, abs=0.05)
    assert canvas.card_rect(shot.id).width() < width_before
    assert panel.trim_out.value() == pytest.approx(shot.trim_out)
    window.undo_stack.undo()
    assert shot.trim_out is None
    panel.trim_in.setValue(0.5)
    assert shot.trim_in == 0.5
    window.undo_stack.undo()
    assert shot.trim_in == 0.0


def test_editor_edits_write_back_through_undoable_commands(window, qtbot):
    project = window.project
    second = project.shots[1]
    window.storyboard.select(second.id)
    editor = window.editor
    assert editor.prompt.toPlainText() == second.prompt
    editor.params.duration.setValue(5.5)
    assert second.duration == 5.5
    assert window.undo_stack.undoText() == "Change duration"
    window.undo_stack.undo()
    assert second.duration == 3.0
    assert editor.params.duration.value() == 3.0  # the editor follows undo


def test_card_text_is_cut_to_whole_lines_with_an_ellipsis(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    from studio.ui.storyboard.cards import wrap_to_lines

    font = QFont()
    fm = QFontMetrics(font)
    text = "Wide shot of a lighthouse on a rocky coast at dawn, mist over the water, slow push in. " * 3
    lines = wrap_to_lines(text, font, 140, 3)
    assert len(lines) == 3
    assert all(fm.horizontalAdvance(line) <= 140 for line in lines)
    assert lines[-1].endswith("…")
    assert wrap_to_lines("Short", font, 140, 3) == ["Short"]
