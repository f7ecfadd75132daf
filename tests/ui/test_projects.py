"""Project life cycle in the window: save/open round trip, the unsaved-changes guard,
autosave and crash recovery, new project, save as, recent projects, remembered layout."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings

from conftest import AnsweringPrompter

pytestmark = pytest.mark.ui


def edit_prompt(window, text):
    window.editor.prompt.setPlainText(text)
    assert window.project.shot(window.editor.shot_id).prompt == text


def test_first_start_opens_the_offline_sample(window, services):
    project = window.project
    assert project is not None and len(project.shots) == 3
    assert all(s.model_id == "animatic:kenburns" for s in project.shots)
    assert window.folder.parent == services.paths.projects
    assert (window.folder / "project.json").exists()
    assert not window.controller.is_dirty()
    assert window.editor.shot_id == project.shots[0].id
    assert "Sample" in window.windowTitle()


def test_save_and_open_round_trip(window, make_window):
    folder = window.folder
    edit_prompt(window, "A heron lifts off the canal at dusk")
    window.storyboard.add_button.click()
    assert window.controller.is_dirty()
    assert window.windowTitle().startswith(window.controller.title)
    assert window.isWindowModified()
    window.act_save.trigger()
    assert not window.controller.is_dirty() and not window.isWindowModified()
    saved = json.loads((folder / "project.json").read_text())
    assert saved["shots"][0]["prompt"] == "A heron lifts off the canal at dusk"
    assert len(saved["shots"]) == 4

    other = make_window(open_sample=False)
    assert other.controller.open(folder)
    assert other.project.shots[0].prompt == "A heron lifts off the canal at dusk"
    assert len(other.project.shots) == 4
    assert other.editor.prompt.toPlainText() == "A heron lifts off the canal at dusk"
    assert str(folder) == other.controller.recent()[0]


def test_guard_on_close_cancel_discard_save(window):
    prompter = window.prompter
    folder = window.folder
    edit_prompt(window, "changed once")
    prompter.save_answer = "cancel"
    assert not window.close()
    assert window.isVisible() and prompter.asked == ["save_changes"]
    prompter.save_answer = "save"
    assert window.close()
    assert json.loads((folder / "project.json").read_text())["shots"][0]["prompt"] == "changed once"


def test_guard_on_open_and_new(window, tmp_path):
    prompter = window.prompter
    edit_prompt(window, "unsaved words")
    prompter.save_answer = "cancel"
    prompter.open_folder = window.folder
    assert not window.controller.open()
    assert window.project.shots[0].prompt == "unsaved words"  # still here
    assert not window.controller.new()
    prompter.save_answer = "discard"
    prompter.new_name = "Trailer"
    assert window.controller.new()
    assert window.project.title == "Trailer" and window.project.shots == []
    assert window.folder.name == "Trailer" and (window.folder / "project.json").exists()
    assert not window.controller.is_dirty()
    assert window.editor.shot() is None and not window.editor.generate.isEnabled()
    # an empty project still takes a first shot
    window.storyboard.add_button.click()
    assert len(window.project.shots) == 1 and window.editor.shot_id == window.project.shots[0].id


async def finished(task) -> None:
    await task


def test_autosave_then_crash_offers_recovery(window, make_window, run):
    folder = window.folder
    edit_prompt(window, "words that must survive a crash")
    writing = window.controller.autosave_now()
    assert writing is not None and not writing.done()  # the write runs in a worker, not here
    run(finished(writing))
    assert (folder / ".autosave.json").exists()
    # the process dies here: nothing saved, the window never closes cleanly
    window.controller.autosave_timer.stop()

    prompter = AnsweringPrompter()
    prompter.recover_answer = True
    other = make_window(prompter, open_sample=False)
    assert other.controller.open(folder)
    assert prompter.asked == ["recover"]
    assert other.project.shots[0].prompt == "words that must survive a crash"
    assert other.controller.is_dirty()  # recovered, not yet saved
    other.controller.save()
    assert not (folder / ".autosave.json").exists()


def test_declining_recovery_keeps_the_saved_version(window, make_window, run):
    folder = window.folder
    saved_prompt = window.project.shots[0].prompt
    edit_prompt(window, "discard me")
    run(finished(window.controller.autosave_now()))
    prompter = AnsweringPrompter()
    prompter.recover_answer = False
    other = make_window(prompter, open_sample=False)
    assert other.controller.open(folder)
    assert other.project.shots[0].prompt == saved_prompt
    assert not (folder / ".autosave.json").exists()


def test_save_as_copies_assets_and_switches_folder(window, png, run, wait, tmp_path):
    shot = window.project.shots[0]
    window.editor.assign_images("first_frame", [png])
    run(wait(lambda: shot.first_frame is not None))
    target = tmp_path / "Copy of sample"
    assert run(window.controller.save_as(target))
    assert window.folder == target
    assert (target / "project.json").exists()
    assert (target / shot.first_frame).exists()
    assert not window.controller.is_dirty()
    assert window.controller.recent()[0] == str(target)


def test_window_layout_is_remembered(make_window, tmp_path):
    first = make_window()
    first.history_dock.hide()
    first.resize(1234, 777)
    first.save_layout()
    settings = first.qsettings
    assert settings.value("window/state") is not None
    from studio.ui.main_window import MainWindow

    second = MainWindow(first.services, qsettings=QSettings(settings.fileName(), QSettings.IniFormat), prompter=AnsweringPrompter())
    try:
        assert settings.value("window/geometry") is not None
        assert abs(second.height() - 777) <= 8  # offscreen: restored up to the window frame
        assert second.history_dock.isHidden()
    finally:
        second.controller.shutdown()
        second.deleteLater()


def test_first_start_opens_at_most_of_the_screen_and_centred(services, qtbot, tmp_path):
    from PySide6.QtGui import QGuiApplication

    from studio.ui.main_window import FIRST_START_SHARE, MainWindow

    window = MainWindow(services, qsettings=QSettings(str(tmp_path / "fresh.ini"), QSettings.IniFormat), prompter=AnsweringPrompter())
    qtbot.addWidget(window)
    try:
        area = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        assert abs(window.width() - area.width() * FIRST_START_SHARE) <= 2
        assert abs(window.height() - area.height() * FIRST_START_SHARE) <= 2
        centre = window.geometry().center()
        assert abs(centre.x() - area.center().x()) <= 2
        assert abs(centre.y() - area.center().y()) <= 2
    finally:
        window.controller.shutdown()
