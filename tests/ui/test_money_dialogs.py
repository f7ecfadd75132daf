"""The quote before a storyboard run and the spend ledger, driven in the window as a person would."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studio.core.jobs import Job, JobState
from studio.core.modelspec import ModelSpec

pytestmark = pytest.mark.ui


def open_quote(window, qtbot, run, wait):
    qtbot.mouseClick(window.storyboard.generate_all_button, Qt.LeftButton)
    run(wait(lambda: window.quote_dialog is not None and window.quote_dialog.isVisible(), timeout=20))
    return window.quote_dialog


def add_unpriced_model(services) -> str:
    """The animatic model without a price: a model whose cost Studio does not know."""
    spec = services.catalog.get("animatic:kenburns").to_dict() | {"id": "animatic:unpriced", "model": "unpriced"}
    spec["price"] = {"rows": []}
    services.catalog.add_user_spec(ModelSpec.from_dict(spec))
    return "animatic:unpriced"


def test_generate_missing_shows_the_quote_and_cancel_sends_nothing(window, services, qtbot, run, wait):
    dialog = open_quote(window, qtbot, run, wait)
    shots = window.project.shots
    assert dialog.table.rowCount() == len(shots) == 3
    assert [dialog.table.item(r, 0).text() for r in range(3)] == [f"Shot {i + 1} ({s.title})" for i, s in enumerate(shots)]
    assert "total $0.00" in dialog.summary.text()
    assert dialog.run_button.isEnabled() and not dialog.accept_unknown_box.isVisible()
    # The sample chains its shots: each waits for the one before, and the order says so.
    waits = [dialog.table.item(r, 4).text() for r in range(3)]
    for row, shot in enumerate(shots):
        if shot.continuity != "independent" and row > 0:
            assert waits[row] == f"Shot {row} ({shots[row - 1].title})"
    assert dialog.order.text().startswith("Order:")
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)
    run(wait(lambda: window.quote_dialog is None, timeout=10))
    run(wait(lambda: "Nothing was sent" in window.statusBar().currentMessage(), timeout=10))
    assert services.jobstore.list() == []
    assert all(not s.takes for s in window.project.shots)


def test_run_in_the_quote_generates_every_missing_shot(window, services, qtbot, run, wait):
    dialog = open_quote(window, qtbot, run, wait)
    qtbot.mouseClick(dialog.run_button, Qt.LeftButton)
    run(wait(lambda: all(s.takes for s in window.project.shots) and not services.runner.active(), timeout=90), timeout=120)
    assert len(services.jobstore.list()) == 3


def test_an_unknown_price_needs_the_confirm_box_before_run(window, services, qtbot, run, wait):
    model = add_unpriced_model(services)
    shot = window.project.shots[1]
    window.project.update_shot(shot.id, model_id=model)
    dialog = open_quote(window, qtbot, run, wait)
    assert "total unknown" in dialog.summary.text()
    assert dialog.table.item(1, 3).text() == "unknown"
    assert dialog.accept_unknown_box.isVisible()
    assert not dialog.run_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key_Return)  # Enter does not get past the block either
    assert dialog.isVisible() and services.jobstore.list() == []
    dialog.accept_unknown_box.click()
    assert dialog.run_button.isEnabled() and dialog.accept_unknown
    qtbot.mouseClick(dialog.run_button, Qt.LeftButton)
    run(wait(lambda: all(s.takes for s in window.project.shots) and not services.runner.active(), timeout=90), timeout=120)
    jobs = services.jobstore.list()
    assert {j.model_id for j in jobs} == {"animatic:kenburns", model}


def test_the_quote_says_where_the_project_stands_against_its_budget(window, services, qtbot, run, wait):
    priced = services.catalog.get("animatic:kenburns").to_dict() | {"id": "animatic:priced", "model": "priced"}
    priced["price"] = {"rows": [{"per_second": 0.25}]}
    services.catalog.add_user_spec(ModelSpec.from_dict(priced))
    for shot in window.project.shots:
        window.project.update_shot(shot.id, model_id="animatic:priced")
    window.set_project_budget(1.0)
    run(wait(lambda: json.loads((window.folder / "project.json").read_text())["settings"].get("budget") == 1.0, timeout=10))
    dialog = open_quote(window, qtbot, run, wait)
    seconds = sum(s.duration for s in window.project.shots)
    assert f"total ${seconds * 0.25:.2f}" in dialog.summary.text()
    assert "Project budget $1.00: $0.00 spent or in flight, $1.00 left." in dialog.limits.text()
    if seconds * 0.25 > 1.0:
        assert "shots past the budget are refused" in dialog.limits.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)


def seed_jobs(services, folder: Path) -> dict[str, Job]:
    """One job of each billing kind, on the open project and outside any project."""
    project_dir = str(folder.resolve())
    now = time.time()
    store = services.jobstore
    done = Job.new("replicate:google/veo-3.1-fast", {"prompt": "done"}, cost_quote=0.4, project_dir=project_dir,
                   shot_id="a", created_at=now - 60)  # fmt: skip
    done = done.transition(JobState.SUBMITTING).transition(JobState.SUBMITTED, remote_id="r1")
    done = done.transition(JobState.DOWNLOADING).transition(JobState.DONE)
    moderated = Job.new("replicate:google/veo-3.1-fast", {"prompt": "moderated"}, cost_quote=0.8,
                        project_dir=project_dir, shot_id="b", created_at=now - 50)  # fmt: skip
    moderated = moderated.transition(JobState.SUBMITTING).transition(
        JobState.FAILED, error={"kind": "content_rejected", "message": "The provider refused the prompt."})
    running = Job.new("replicate:kwaivgi/kling-v2.5-turbo-pro", {"prompt": "running"}, cost_quote=0.35,
                      created_at=now - 40).transition(JobState.SUBMITTING).transition(JobState.SUBMITTED, remote_id="r2")  # fmt: skip
    for job in (done, moderated, running):
        store.save(job)
    return {"done": done, "moderated": moderated, "running": running}


def test_the_ledger_shows_jobs_projects_and_days_and_sets_the_budget(window, services, qtbot, run, wait):
    seed_jobs(services, window.folder)
    window.act_spend.trigger()
    dialog = window.ledger_dialog
    run(wait(lambda: dialog.ledger is not None and dialog.jobs_table.rowCount() == 3, timeout=20))
    assert "Billed $0.40 · in flight $0.35 · may be billed $0.00 · 1 job not billed" == dialog.summary.text()
    rows = {dialog.jobs_table.item(r, 3).text(): r for r in range(3)}
    assert set(rows) == {"billed", "in flight", "not billed"}
    moderated = rows["not billed"]
    assert dialog.jobs_table.item(moderated, 4).text() == "—"
    assert dialog.jobs_table.item(moderated, 5).text() == "The provider refused the prompt."
    projects = {dialog.projects_table.item(r, 0).text(): r for r in range(dialog.projects_table.rowCount())}
    assert set(projects) == {window.folder.name, "no project"}
    own = projects[window.folder.name]
    assert dialog.projects_table.item(own, 2).text() == "$0.40"  # counted: the billed job, not the moderated one
    assert dialog.projects_table.item(own, 6).text() == "1 job"
    assert dialog.days_table.rowCount() >= 1

    dialog.only_project.click()
    run(wait(lambda: dialog.jobs_table.rowCount() == 2, timeout=20))

    dialog.budget_spin.setValue(2.5)
    qtbot.mouseClick(dialog.budget_button, Qt.LeftButton)
    run(wait(lambda: json.loads((window.folder / "project.json").read_text())["settings"].get("budget") == 2.5, timeout=10))
    assert window.project.settings.budget == 2.5
    run(wait(lambda: dialog.projects_table.rowCount() == 1 and dialog.projects_table.item(0, 1).text() == "$2.50", timeout=20))
    dialog.budget_spin.setValue(0)
    qtbot.mouseClick(dialog.budget_button, Qt.LeftButton)
    run(wait(lambda: "budget" not in json.loads((window.folder / "project.json").read_text())["settings"]
             or json.loads((window.folder / "project.json").read_text())["settings"]["budget"] is None, timeout=10))  # fmt: skip
    dialog.close()
