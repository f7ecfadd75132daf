"""The assistant in the window: enhance, meme and from-first-frame in the prompt editor; the story splitter."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.emulators.openai import DEFAULT_KEY, OpenAIEmulator  # noqa: E402

pytestmark = pytest.mark.ui

VEO = "replicate:google/veo-3.1"


@pytest.fixture
def no_key(monkeypatch, services):
    """No key anywhere: the offline builder answers."""
    for name in ("OPENAI_API_KEY", "STUDIO_OPENAI_BASE_URL", "STUDIO_ASSISTANT_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(type(services.secrets), "available", property(lambda self: False))


@pytest.fixture
def endpoint(no_key, monkeypatch):
    with OpenAIEmulator() as emu:
        monkeypatch.setenv("STUDIO_OPENAI_BASE_URL", emu.url)
        monkeypatch.setenv("OPENAI_API_KEY", DEFAULT_KEY)
        yield emu


def finish(run, task):
    assert task is not None

    async def wait_task():
        try:
            await task
        except BaseException:
            pass

    run(wait_task())


def test_enhance_shows_the_suggestion_beside_the_text_and_accept_is_one_undo_step(window, endpoint, qtbot, run):
    editor = window.editor
    panel = editor.assistant
    shot = window.project.shots[0]
    editor.prompt.setPlainText("Кот на маяке 🐱")
    before = window.undo_stack.count()
    qtbot.mouseClick(panel.enhance_button, Qt.LeftButton)
    assert panel.busy and not panel.enhance_button.isEnabled()  # off the GUI thread: the click returned at once
    finish(run, panel._task)
    assert endpoint.paths() == ["/v1/responses"]
    assert panel.result_box.isVisible()
    assert panel.original.toPlainText() == "Кот на маяке 🐱"
    assert "Кот на маяке 🐱" in panel.suggestion.toPlainText()
    assert shot.prompt == "Кот на маяке 🐱"  # nothing applied until accepted
    # the person edits the suggestion, then accepts
    panel.suggestion.setPlainText(panel.suggestion.toPlainText() + "\nExtra touch.")
    panel.accept_button.click()
    assert shot.prompt.endswith("Extra touch.") and editor.prompt.toPlainText() == shot.prompt
    assert window.undo_stack.count() == before + 1
    assert not panel.result_box.isVisible()
    window.undo_stack.undo()
    assert shot.prompt == "Кот на маяке 🐱"


def test_meme_sets_short_portrait_and_undoes_together(window, no_key, run):
    editor = window.editor
    panel = editor.assistant
    shot = window.project.shots[0]
    editor.model_combo.setCurrentIndex(editor.model_combo.findData(VEO))
    assert shot.model_id == VEO
    editor.prompt.setPlainText("my dog hates Mondays")
    snapshot = (shot.prompt, shot.duration, shot.aspect_ratio)
    finish(run, panel.start("meme"))
    assert "offline builder" in panel.status.text() and "9:16" in panel.status.text()
    panel.accept_button.click()
    assert shot.duration == 4 and shot.aspect_ratio == "9:16" and "my dog hates Mondays" in shot.prompt
    window.undo_stack.undo()
    assert (shot.prompt, shot.duration, shot.aspect_ratio) == snapshot


def test_reject_leaves_the_shot_alone_and_errors_are_one_sentence(window, endpoint, run):
    editor = window.editor
    panel = editor.assistant
    shot = window.project.shots[0]
    editor.prompt.setPlainText("a kite")
    count = window.undo_stack.count()
    finish(run, panel.start("assistant"))
    panel.reject_button.click()
    assert shot.prompt == "a kite" and window.undo_stack.count() == count and not panel.result_box.isVisible()
    endpoint.inject("refusal")
    finish(run, panel.start("assistant"))
    assert panel.error.isVisible() and "declined" in panel.error.text()
    assert not panel.result_box.isVisible() and shot.prompt == "a kite"


def test_from_the_first_frame(window, endpoint, png, run, wait):
    editor = window.editor
    panel = editor.assistant
    shot = window.project.shots[0]
    assert not panel.image_button.isEnabled()  # no first frame yet
    editor.assign_images("first_frame", [png])
    run(wait(lambda: shot.first_frame is not None))
    assert panel.image_button.isEnabled()
    editor.prompt.setPlainText("waves hello")
    finish(run, panel.start("image"))
    request = endpoint.requests[-1]
    assert len(request["images"]) == 1 and request["images"][0].startswith("data:image/jpeg;base64,")
    assert "waves hello" in panel.suggestion.toPlainText()
    panel.accept_button.click()
    assert "waves hello" in shot.prompt


def test_switching_shots_cancels_a_stale_suggestion(window, no_key, run):
    editor = window.editor
    panel = editor.assistant
    first, second = window.project.shots[0], window.project.shots[1]
    editor.prompt.setPlainText("first idea")
    finish(run, panel.start("assistant"))
    assert panel.result_box.isVisible()
    window.storyboard.select(second.id)
    assert editor.shot_id == second.id
    assert not panel.result_box.isVisible()
    panel.accept()  # nothing to accept any more
    assert second.prompt != first.prompt


def test_story_splitter_adds_shots_in_one_undo_step(window, no_key, run, qtbot):
    project = window.project
    before = [s.id for s in project.shots]
    panel = window.storyboard
    assert panel.split_button.isEnabled()
    dialog = panel.open_split()
    assert dialog.isVisible() and dialog.model.currentData() == project.shots[0].model_id
    dialog.model.setCurrentIndex(dialog.model.findData(VEO))
    assert dialog.allowed.text() == "4, 6, 8 s · sound"
    dialog.story.setPlainText("Ayşe opens the café. Then she pours the first coffee ☕. A stranger walks in. Он улыбается.")
    dialog.count.setValue(2)
    finish(run, dialog.split())
    assert dialog.plan.topLevelItemCount() == 2 and dialog.add_button.isEnabled()
    assert "Style" in dialog.look.text() and "Palette" in dialog.look.text()
    assert project.shots[0].id == before[0] and len(project.shots) == len(before)  # nothing applied yet
    count = window.undo_stack.count()
    qtbot.mouseClick(dialog.add_button, Qt.LeftButton)
    assert len(project.shots) == len(before) + 2
    added = project.shots[len(before):]
    assert [s.model_id for s in added] == [VEO, VEO] and all(s.duration in (4, 6, 8) for s in added)
    assert "Ayşe opens the café" in added[0].prompt and "Он улыбается." in added[1].prompt
    assert window.undo_stack.count() == count + 1
    assert panel.current_shot_id() == added[0].id
    window.undo_stack.undo()
    assert [s.id for s in project.shots] == before
    window.undo_stack.redo()
    assert len(project.shots) == len(before) + 2


def test_story_splitter_through_the_endpoint_suggests_chaining(window, endpoint, run):
    panel = window.storyboard
    dialog = panel.open_split()
    dialog.model.setCurrentIndex(dialog.model.findData(VEO))
    dialog.story.setPlainText("A fox wakes. The fox runs. The fox sleeps.")
    dialog.count.setValue(3)
    finish(run, dialog.split())
    assert endpoint.paths() == ["/v1/responses", "/v1/responses"]  # split, then the continuity pass
    continuity = [dialog.plan.topLevelItem(i).text(3) for i in range(3)]
    assert continuity[1].startswith("chained") and continuity[0] == "independent"
    endpoint.inject("malformed", "malformed")
    finish(run, dialog.split())
    assert dialog.error.isVisible() and "twice" in dialog.error.text()
    assert dialog.plan.topLevelItemCount() == 3  # the previous plan stays; nothing half-applied
    dialog.reject()


def test_settings_assistant_tab_saves_the_endpoint_and_tries_it(services, endpoint, qtbot, run, wait):
    from studio.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    page = dialog.assistant_page
    assert "From OPENAI_API_KEY" in page.key_status.text() and DEFAULT_KEY not in page.key_status.text()
    page.model_edit.setText("tiny-model")
    page.english.setChecked(True)
    page.try_it()
    run(wait(lambda: page.try_button.isEnabled()))
    assert page.try_result.text().startswith("✓ Works: tiny-model")
    assert services.settings.get("assistant.model") == "tiny-model" and services.settings.get("assistant.english") is True
    assert "in English" in endpoint.requests[-1]["body"]["instructions"]
    page.english.setChecked(False)
    dialog.apply()
    assert services.settings.get("assistant.english") is None
