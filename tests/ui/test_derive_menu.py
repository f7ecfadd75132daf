"""Remix / edit / extend in the window: the shot's menu offers only what its take's model can do,
and a remix chosen there becomes a new take of the same shot (over real HTTP to the emulator)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from studio.core.jobs import JobState
from studio.core.project import Take
from studio.services.storyboard import attach_finished, generate_shot
from tests.emulators.openai_videos import DEFAULT_TOKEN, OpenAIVideosEmulator

pytestmark = pytest.mark.ui


def open_menu(window, shot_id: str) -> QMenu:
    """The context menu of a shot's card as a right-click shows it; closed again once it is up."""
    shown: list[QMenu] = []

    def grab() -> None:
        popup = QApplication.activePopupWidget()
        if popup is None:
            QTimer.singleShot(20, grab)
            return
        shown.append(popup)
        popup.close()

    QTimer.singleShot(20, grab)
    canvas = window.storyboard.canvas
    centre = canvas.card_rect(shot_id).center()
    canvas.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Mouse, centre, canvas.mapToGlobal(centre)))
    assert len(shown) == 1 and isinstance(shown[0], QMenu)
    return shown[0]


def derive_actions(menu: QMenu) -> dict:
    sub = next(a.menu() for a in menu.actions() if a.objectName() == "derive-menu")
    return {a.objectName().removeprefix("derive-"): a for a in sub.actions()}


def give_take(window, index: int, model_id: str, **fields) -> None:
    shot = window.project.shots[index]
    window.project.add_take(shot.id, Take(path="", model_id=model_id, **fields))


def test_the_menu_offers_only_what_the_takes_model_can_do(window):
    shots = window.project.shots
    give_take(window, 0, "openai:sora-2", job_id="job-a", duration=4.0)
    give_take(window, 1, "vertex:veo-3.1-generate-001", duration=8.0)

    remix_only = derive_actions(open_menu(window, shots[0].id))
    assert [op for op, a in remix_only.items() if a.isEnabled()] == ["remix"]
    assert remix_only["remix"].text() == "Remix…"
    assert remix_only["edit"].toolTip() == "Sora 2 cannot edit a take; it can remix."
    assert remix_only["extend"].toolTip() == "Sora 2 cannot extend a take; it can remix."

    extend_only = derive_actions(open_menu(window, shots[1].id))
    assert [op for op, a in extend_only.items() if a.isEnabled()] == ["extend"]
    assert extend_only["remix"].toolTip() == "Veo 3.1 cannot remix a take; it can extend."

    menu = open_menu(window, shots[2].id)  # no take yet: nothing to derive from
    nothing = derive_actions(menu)
    assert not any(a.isEnabled() for a in nothing.values())
    assert nothing["remix"].toolTip().startswith("Generate a take first")
    sub = next(a for a in menu.actions() if a.objectName() == "derive-menu")
    assert not sub.isEnabled() and sub.toolTip().startswith("Generate a take first")

    give_take(window, 2, "animatic:kenburns", job_id="job-c", duration=3.0)
    animatic = derive_actions(open_menu(window, shots[2].id))
    assert animatic["remix"].toolTip().endswith("cannot remix a take.")  # no "it can …": it can do none
    assert not any(a.isEnabled() for a in animatic.values())


def test_remix_from_the_menu_becomes_a_new_take_of_the_shot(window, run, monkeypatch, qtbot):
    with OpenAIVideosEmulator(latency=0.3, poll_after_ms=100) as emu:
        monkeypatch.setenv("STUDIO_OPENAI_BASE_URL", f"{emu.url}/v1")
        monkeypatch.setenv("OPENAI_API_KEY", DEFAULT_TOKEN)
        project, folder = window.project, window.folder
        shot = project.shots[0]
        project.update_shot(shot.id, model_id="openai:sora-2", duration=4.0, aspect_ratio="16:9")

        async def source():
            admission = await generate_shot(window.services, project, folder, shot.id, allow_retired=True)
            job = await window.services.runner.wait(admission.job.id)
            await attach_finished(window.services, project, folder, job)
            return job

        source_job = run(source())
        qtbot.waitUntil(lambda: len(shot.takes) == 1, timeout=10_000)
        source_take = shot.takes[0]
        asked = []
        window.ask_derive = lambda op, spec, text: asked.append((op, spec.id, text)) or ("same shot, at dusk", None)
        window.ask = lambda title, text: True  # agree to send to the retired model (a gateway may serve it)

        derive_actions(open_menu(window, shot.id))["remix"].trigger()
        qtbot.waitUntil(lambda: len(shot.takes) == 2, timeout=30_000)
    assert asked == [("remix", "openai:sora-2", "Take 1 of Shot 1 (Establishing)")]
    new = shot.takes[1]
    assert shot.chosen_take_id == new.id
    assert new.derived_from == {"op": "remix", "take_id": source_take.id, "job_id": source_job.id}
    (remix_job,) = [j for j in window.services.jobstore.list(limit=5) if j.id == new.job_id]
    assert remix_job.state is JobState.DONE and remix_job.request["prompt"] == "same shot, at dusk"
    assert emu.jobs[remix_job.remote_id]["remixed_from"] == source_job.remote_id
