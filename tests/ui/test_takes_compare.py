"""Takes in the window: N takes per Generate (a double click makes no more), the compare view
(labels, choosing a take updates the cut, Ctrl+Z), deleting a take (its clip stays in History),
and regenerating one shot without touching the others."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studio.services import storyboard
from studio.ui.compare.labels import NO_SEED

pytestmark = pytest.mark.ui


def jobs_of(services, shot_id):
    return services.jobstore.list(shot_id=shot_id)


def test_n_takes_compare_choose_undo_and_delete(window, services, run, wait, qtbot):
    project, folder = window.project, window.folder
    first, second, third = (s.id for s in project.shots)
    window.storyboard.takes_controls.set_takes(3)
    assert window.storyboard.takes_controls.total() == 3
    window.storyboard.select(first)
    window.generate_shot(first)
    window.generate_shot(first)  # a double click: the three takes in flight are adopted, not paid again
    run(wait(lambda: len(project.shot(first).takes) == 3, timeout=90), timeout=100)
    run(wait(lambda: not services.runner.active(), timeout=30), timeout=40)
    assert len(jobs_of(services, first)) == 3
    assert all(not project.shot(s).takes and not jobs_of(services, s) for s in (second, third))
    shot = project.shot(first)
    # One of the batch went into the cut (the first whose finish reached the window). Takes are
    # listed in the order their clips were attached, which on a loaded machine need not be the
    # order the jobs finished in, so which one is not fixed here.
    assert shot.chosen_take_id in {t.id for t in shot.takes}
    project.choose_take(first, shot.takes[0].id)  # the rest of the test starts from take 1 in the cut

    dialog = window.storyboard.open_compare(first, multimedia=False)
    assert dialog is not None and dialog.isVisible()
    assert dialog.take_ids() == [t.id for t in shot.takes]
    titles = [tile.title.text() for tile in dialog.tiles]
    assert titles == ["Take 1 · in the cut", "Take 2", "Take 3"]
    for tile, take in zip(dialog.tiles, shot.takes):
        details = tile.details.text()
        assert "Animatic" in details or "animatic" in details
        assert "free" in details and f"seed {take.seed if take.seed is not None else NO_SEED}" in details
    # Each take's preview probed and shows its first frame (decoded in the preview's worker).
    run(wait(lambda: all(t.pane.duration() > 2.5 for t in dialog.tiles), timeout=30), timeout=40)
    run(wait(lambda: all(t.pane.frame_view.image() is not None for t in dialog.tiles), timeout=30), timeout=40)

    second_take = shot.takes[1]
    dialog.tiles[1].choose_button.click()
    assert shot.chosen_take_id == second_take.id
    assert dialog.tiles[1].title.text() == "Take 2 · in the cut" and not dialog.tiles[1].choose_button.isEnabled()
    window.preview_cut()
    assert window.preview.items()[0][0] == str(folder / second_take.path)  # the cut plays the chosen take

    dialog.activateWindow()
    dialog.setFocus()
    qtbot.keyClick(dialog, Qt.Key_Z, Qt.ControlModifier)
    assert shot.chosen_take_id == shot.takes[0].id
    assert dialog.tiles[0].title.text() == "Take 1 · in the cut"

    # One after another: one preview plays the takes in order, labelled as it goes.
    dialog.set_mode(dialog.SEQUENCE)
    assert [p for p, _i, _o in dialog.sequence.items()] == [str(folder / t.path) for t in shot.takes]
    run(wait(lambda: dialog.sequence.duration() > 8.0, timeout=30), timeout=40)
    assert dialog.sequence_title.text() == "<b>Take 1 · in the cut</b>"
    dialog.sequence.seek(dialog.sequence.duration() - 1.0)
    run(wait(lambda: dialog.sequence.current_index() == 2, timeout=10), timeout=20)
    assert "Take 3" in dialog.sequence_title.text()
    dialog.sequence_choose.click()
    assert shot.chosen_take_id == shot.takes[2].id
    dialog.set_mode(dialog.GRID)

    # Delete a take: gone from the shot, its clip and job kept and listed in History.
    doomed = shot.takes[2]
    job = services.jobstore.get(doomed.job_id)
    dialog.tiles[2].delete_button.click()
    assert [t.id for t in shot.takes] == dialog.take_ids() and doomed.id not in dialog.take_ids()
    assert shot.chosen_take_id != doomed.id and shot.chosen_take is not None
    assert Path(job.output_path).exists() and (folder / doomed.path).exists()
    assert doomed.job_id in shot.removed_take_jobs
    # Not attached again as "finished while the project was closed".
    assert doomed.job_id not in {j.id for j in run(_finished(services, project, folder))}
    window.history.refresh()
    run(wait(lambda: window.history.loaded, timeout=10), timeout=20)
    listed = [window.history.list.item(i).data(Qt.UserRole + 1).id for i in range(window.history.list.count())]
    assert doomed.job_id in listed
    qtbot.keyClick(dialog, Qt.Key_Z, Qt.ControlModifier)
    assert [t.id for t in shot.takes][-1] == doomed.id and shot.chosen_take_id == doomed.id
    assert dialog.take_ids()[-1] == doomed.id and doomed.job_id not in shot.removed_take_jobs
    dialog.close()


async def _finished(services, project, folder):
    import asyncio

    return await asyncio.to_thread(storyboard.finished_unattached, services, project, folder)


def test_regenerating_one_shot_leaves_the_others_untouched(window, services, run, wait, qtbot):
    project = window.project
    window.generate_missing()
    run(wait(lambda: window.quote_dialog is not None and window.quote_dialog.isVisible(), timeout=20))
    qtbot.mouseClick(window.quote_dialog.run_button, Qt.LeftButton)
    run(wait(lambda: all(s.chosen_take for s in project.shots), timeout=90), timeout=100)
    run(wait(lambda: not services.runner.active(), timeout=30), timeout=40)
    before = {s.id: [t.id for t in s.takes] for s in project.shots}
    jobs_before = {s.id: [j.id for j in jobs_of(services, s.id)] for s in project.shots}
    middle = project.shots[1]
    old_choice = middle.chosen_take_id
    window.storyboard.select(middle.id)
    window.generate_shot(middle.id)
    run(wait(lambda: len(middle.takes) == 2, timeout=60), timeout=70)
    assert middle.chosen_take_id == middle.takes[1].id != old_choice
    for shot in (project.shots[0], project.shots[2]):
        assert [t.id for t in shot.takes] == before[shot.id]
        assert [j.id for j in jobs_of(services, shot.id)] == jobs_before[shot.id]
    assert len(jobs_of(services, middle.id)) == 2


def test_delete_take_button_in_the_storyboard_is_undoable(window, services, run, wait):
    project = window.project
    shot = project.shots[0]
    window.storyboard.select(shot.id)
    window.generate_shot(shot.id)
    run(wait(lambda: len(shot.takes) == 1, timeout=60), timeout=70)
    panel = window.storyboard
    assert panel.delete_take_button.isEnabled() and panel.compare_button.isEnabled()
    take = shot.takes[0]
    panel.delete_take_button.click()
    assert not shot.takes and shot.chosen_take is None and not panel.delete_take_button.isEnabled()
    assert (window.folder / take.path).exists()
    window.act_undo.trigger()
    assert shot.chosen_take_id == take.id
    window.act_redo.trigger()
    assert not shot.takes

    # Brought back from the History library as a take of the selected shot (undoable too).
    job = services.jobstore.get(take.job_id)
    window.history.add_take_requested.emit(job)
    run(wait(lambda: len(shot.takes) == 1, timeout=20), timeout=30)
    assert shot.chosen_take.job_id == job.id and shot.removed_take_jobs == []
    window.history.add_take_requested.emit(job)  # already a take: nothing added
    assert len(shot.takes) == 1
    window.act_undo.trigger()
    assert not shot.takes and shot.removed_take_jobs == [job.id]


def test_variations_across_models_are_ticked_in_the_models_menu(window):
    controls = window.storyboard.takes_controls
    assert controls.models() is None and controls.own_action.isChecked()
    ids = [a.data() for a in controls.model_actions]
    assert "animatic:kenburns" in ids and all(a.text() for a in controls.model_actions)
    controls.model_actions[0].setChecked(True)
    controls.model_actions[1].setChecked(True)
    controls.set_takes(2)
    assert controls.models() == ids[:2] and not controls.own_action.isChecked()
    assert controls.total() == 4 and controls.models_button.text() == "2 models"
    controls.own_action.setChecked(True)
    assert controls.models() is None and controls.total() == 2
