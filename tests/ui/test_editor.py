"""The prompt editor, driven as a person would: type, pick a model, drop an image, generate."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox

import pytest

from studio.core.jobs import JobState
from uitools import drop_files

pytestmark = pytest.mark.ui


def pick_model(editor, model_id: str) -> None:
    combo = editor.model_combo
    index = combo.findData(model_id)
    assert index >= 0, model_id
    combo.setCurrentIndex(index)


def test_typing_a_prompt_updates_the_counter_and_the_shot(window, qtbot):
    editor = window.editor
    shot = window.project.shots[0]
    editor.prompt.clear()
    assert shot.prompt == ""
    assert editor.counter.text() == "0 / 4000"
    qtbot.keyClicks(editor.prompt, "A red kite over the dunes")
    assert shot.prompt == "A red kite over the dunes"
    assert editor.counter.text() == "25 / 4000"
    # clearing and typing merge into one undo step
    window.undo_stack.undo()
    assert shot.prompt.startswith("Wide shot of a lighthouse")
    assert editor.prompt.toPlainText() == shot.prompt


def test_counter_turns_red_and_generate_disables_over_the_limit(window, qtbot):
    editor = window.editor
    editor.prompt.setPlainText("x" * 4001)
    assert editor.counter.text() == "4001 / 4000"
    assert editor.counter.objectName() == "counterOver"
    assert not editor.generate.isEnabled()
    assert "at most 4000" in editor.problem.text()


def test_changing_the_model_rebuilds_the_controls(window):
    editor = window.editor
    shot = window.project.shots[0]
    # animatic: continuous duration, no negative prompt, no last frame
    assert isinstance(editor.params.duration, QDoubleSpinBox)
    assert editor.negative.isHidden()
    assert not editor.zones["last_frame"].pick.isEnabled()
    assert "takes no last frame" in editor.zones["last_frame"].toolTip()

    pick_model(editor, "replicate:kwaivgi/kling-v2.5-turbo-pro")
    assert shot.model_id == "replicate:kwaivgi/kling-v2.5-turbo-pro"
    assert isinstance(editor.params.duration, QComboBox)
    assert [editor.params.duration.itemText(i) for i in range(editor.params.duration.count())] == ["5 s", "10 s"]
    spec = window.services.catalog.get(shot.model_id)
    assert shot.duration == spec.default_duration == 5.0  # 3 s is impossible on Kling: its default replaces it
    assert not editor.negative.isHidden()
    assert editor.zones["last_frame"].pick.isEnabled()
    assert editor.params.audio is None  # Kling 2.5 makes no sound: no audio control
    assert "$0.35" in editor.cost.text()

    # one undo step brings back the model and the duration together
    window.undo_stack.undo()
    assert shot.model_id == "animatic:kenburns"
    assert shot.duration == 3.0
    assert isinstance(editor.params.duration, QDoubleSpinBox)


def test_impossible_combination_is_disabled_with_the_reason(window):
    editor = window.editor
    pick_model(editor, "replicate:google/veo-3.1-lite")
    combo = editor.params.duration
    combo.setCurrentIndex(combo.findData(4.0))
    res = editor.params.resolution
    item = res.model().item(res.findData("1080p"))
    assert not item.isEnabled()
    assert "1080p only as 8-second clips" in item.toolTip()
    combo.setCurrentIndex(combo.findData(8.0))
    assert res.model().item(res.findData("1080p")).isEnabled()


def test_retired_model_warns_and_asks_before_sending(window, run, wait, monkeypatch):
    from tests.emulators.openai_videos import OpenAIVideosEmulator

    editor = window.editor
    shot = window.project.shots[0]
    pick_model(editor, "openai:sora-2")
    assert not editor.model_status.isHidden()
    assert "retired" in editor.model_status.text() and "asks before sending" in editor.model_status.text()
    assert editor.generate.isEnabled()

    questions = []
    window.ask = lambda title, text: questions.append((title, text)) or False
    editor.generate.click()
    assert questions[0][0] == "Send to a retired model?" and "2026-09-24" in questions[0][1]
    assert window.services.jobstore.list(limit=10) == []  # declined: nothing was sent

    with OpenAIVideosEmulator(latency=0.3, poll_after_ms=50) as emu:
        monkeypatch.setenv("STUDIO_OPENAI_BASE_URL", f"{emu.url}/v1")
        monkeypatch.setenv("OPENAI_API_KEY", emu.token)
        window.ask = lambda title, text: True
        editor.generate.click()
        run(wait(lambda: len(shot.takes) == 1, timeout=60), timeout=70)
        assert emu.stats()["create_requests"] == 1
    job = window.services.jobstore.get(shot.takes[0].job_id)
    assert job.state is JobState.DONE and job.model_id == "openai:sora-2"


_drop = drop_files


def test_dropping_a_png_sets_a_fitted_first_frame(window, png, run, wait):
    from studio.services import media

    editor = window.editor
    shot = window.project.shots[0]
    _drop(editor.zones["first_frame"], [png])
    run(wait(lambda: shot.first_frame is not None))
    # no face in it: the centre crop, its corner in the name
    assert shot.first_frame == "assets/selfie.png__fit-crop-1280x720-at0-60.png"
    assert shot.crops["first_frame"] == [0, 60, 640, 360]
    fitted = window.folder / shot.first_frame
    assert (window.folder / "assets" / "selfie.png").exists()
    img = media.load_image(fitted)
    assert img.shape[:2] == (720, 1280)
    # crop to fill: the red/blue split sits in the middle, no black bars
    assert img[360, 10].tolist()[0] > 200 and img[360, 1270].tolist()[2] > 200
    run(wait(lambda: editor.fit_preview.pixmap() is not None and not editor.fit_preview.pixmap().isNull()))
    assert "1280×720, cropped to fill" in editor.fit_caption.text()

    # switch to pad: the image is refitted with black bars, as one more undoable step
    editor.fit_combo.setCurrentIndex(editor.fit_combo.findData("pad"))
    run(wait(lambda: "pad" in (shot.first_frame or "")))
    padded = media.load_image(window.folder / shot.first_frame)
    assert padded.shape[:2] == (720, 1280) and padded[360, 5].tolist() == [0, 0, 0]
    window.undo_stack.undo()
    assert shot.first_frame == "assets/selfie.png__fit-crop-1280x720-at0-60.png"


def test_dropping_on_the_editor_asks_where_the_image_goes(window, png, run, wait, monkeypatch):
    editor = window.editor
    shot = window.project.shots[1]
    window.storyboard.select(shot.id)
    monkeypatch.setattr(editor, "choose_slot", lambda pos=None: "first_frame")
    _drop(editor, [png])
    run(wait(lambda: shot.first_frame is not None))
    assert shot.first_frame.startswith("assets/selfie.png__fit-")


def test_generate_button_runs_an_animatic_job_to_a_take(window, run, wait):
    editor = window.editor
    shot = window.project.shots[0]
    editor.params.duration.setValue(1.0)
    editor.params.resolution.setCurrentIndex(editor.params.resolution.findData("480p"))
    assert shot.duration == 1.0 and shot.resolution == "480p"
    assert "Free" in editor.cost.text() and "854×480" in editor.cost.text()
    assert shot.takes == []
    editor.generate.click()
    run(wait(lambda: len(shot.takes) == 1, timeout=60), timeout=70)
    take = shot.takes[0]
    assert shot.chosen_take_id == take.id
    assert (window.folder / take.path).exists()
    job = window.services.jobstore.get(take.job_id)
    assert job.state is JobState.DONE and job.shot_id == shot.id
    assert window.controller.is_dirty()  # the take is an unsaved change
    assert window.storyboard.take_combo.currentData() == take.id


def test_a_model_added_from_its_schema_reads_price_unknown_and_asks_for_its_image(services, make_window):
    from studio.providers.replicate import spec_from_model_json
    from tests.emulators._replicate_models import openapi_model
    from tests.emulators._replicate_real import REAL_MODELS

    for model in ("minimax/hailuo-2.3-fast", "bytedance/seedance-1-lite"):
        services.catalog.add_user_spec(spec_from_model_json(openapi_model(model, REAL_MODELS[model])))
    editor = make_window().editor
    combo = editor.model_combo
    assert "price unknown" in combo.itemText(combo.findData("replicate:bytedance/seedance-1-lite"))
    assert "free" not in combo.itemText(combo.findData("replicate:bytedance/seedance-1-lite")).lower()

    pick_model(editor, "replicate:bytedance/seedance-1-lite")
    assert editor.cost.text().startswith("price unknown")
    assert editor.generate.isEnabled()

    # Image-only: no generating from text alone, and the reason is shown before anything is paid.
    pick_model(editor, "replicate:minimax/hailuo-2.3-fast")
    assert not editor.generate.isEnabled()
    assert "needs a first frame" in editor.problem.text()


def test_ctrl_enter_in_the_prompt_box_generates_the_shot(window, qtbot, run, wait):
    """One owner for Ctrl+Enter: typing it in the prompt box starts the shot (it was ambiguous)."""
    from PySide6.QtCore import Qt

    editor = window.editor
    shot = window.project.shots[0]
    editor.params.duration.setValue(1.0)
    editor.params.resolution.setCurrentIndex(editor.params.resolution.findData("480p"))
    window.activateWindow()
    editor.prompt.setFocus()
    qtbot.keyClick(editor.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    run(wait(lambda: len(shot.takes) == 1, timeout=60), timeout=70)
    assert window.services.jobstore.get(shot.takes[0].job_id).shot_id == shot.id
