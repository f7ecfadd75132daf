"""What keeps the window on time with a hundred jobs: the job table answers every role of a cell
in one call, the history touches only the rows that changed, another shot's take leaves the
inspector alone, a card repaints without the other cards' transitions, and the warm-up keeps
the start-up heap out of full garbage collections."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QUndoStack

from studio.core.jobs import Job, JobState
from studio.core.project import Project, Shot, Take
from studio.ui.history import HistoryPane
from studio.ui.jobs.model import COLUMNS, JobRole, ProgressRole
from studio.ui.jobs.monitor import JobMonitor
from studio.ui.storyboard.panel import StoryboardPanel

pytestmark = pytest.mark.ui

ROLES = (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole,
    JobRole, ProgressRole,
)


def jobs(count: int, state: JobState = JobState.RUNNING) -> list[Job]:
    made = []
    for i in range(count):
        job = Job.new("replicate:google/veo-3.1-fast", {"prompt": f"Shot {i}: a harbour at dusk"}, cost_quote=1.2)
        job = job.transition(JobState.SUBMITTING).transition(JobState.SUBMITTED, remote_id=f"r{i}")
        made.append(job if state is JobState.SUBMITTED else job.transition(state))
    return made


def comparable(value):
    """An icon compares by its cache key (QIcon has no equality)."""
    return ("icon", value.cacheKey()) if hasattr(value, "cacheKey") else value


@pytest.fixture
def monitor(services, qtbot):
    widget = JobMonitor(services)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_every_role_of_a_cell_comes_in_one_call_and_matches_data(monitor):
    failed = jobs(1, JobState.SUBMITTED)[0].transition(JobState.RUNNING).transition(JobState.FAILED)
    monitor.model.apply_jobs(jobs(3) + [failed])
    proxy = monitor.proxy
    for row in range(proxy.rowCount()):
        for col in range(len(COLUMNS)):
            index = proxy.index(row, col)
            for role in ROLES:
                slot = QModelRoleData(int(role))
                proxy.multiData(index, QModelRoleDataSpan(slot))
                assert comparable(slot.data()) == comparable(index.data(role)), (row, col, role)


def test_a_table_repaint_asks_each_cell_once(monitor, monkeypatch, qtbot):
    monitor.model.apply_jobs(jobs(12))
    model_class = type(monitor.model)
    calls = {"multi": 0, "data": 0}
    multi, data = model_class.multiData, model_class.data

    def count_multi(self, index, roles):
        calls["multi"] += 1
        return multi(self, index, roles)

    def count_data(self, index, role=Qt.ItemDataRole.DisplayRole):
        calls["data"] += 1
        return data(self, index, role)

    monkeypatch.setattr(model_class, "multiData", count_multi)
    monkeypatch.setattr(model_class, "data", count_data)
    monitor.table.viewport().repaint()
    cells = calls["multi"]
    assert cells >= 12 * (len(COLUMNS) - 1)  # every visible cell (the progress bars paint themselves)
    # Qt asks a cell for about eight roles: each is answered inside the one multiData call, so Qt
    # itself calls into Python once per cell, not once per role.
    assert calls["data"] <= cells * 9


def test_the_history_touches_only_the_rows_that_changed(services, qtbot):
    pane = HistoryPane(services)
    qtbot.addWidget(pane)
    listed = jobs(5)
    pane._fill(listed)
    items = [pane.list.item(i) for i in range(5)]
    assert [it.data(JobRole).id for it in items] == [j.id for j in listed]

    done = listed[2].transition(JobState.DOWNLOADING).transition(JobState.DONE, output_path="/x.mp4")
    refreshed = listed[:2] + [done] + listed[3:]
    pane._fill(refreshed)
    assert [pane.list.item(i) for i in range(5)] == items  # the same rows, not rebuilt
    assert pane.list.item(2).data(JobRole).state is JobState.DONE
    assert "Done" in pane.list.item(2).text() or "done" in pane.list.item(2).text()
    assert pane.list.item(0).data(JobRole) is not None and pane.list.item(0).text() == items[0].text()

    newer = jobs(1) + refreshed  # a new job: the list is built again, in the new order
    pane._fill(newer)
    assert pane.list.count() == 6
    assert [pane.list.item(i).data(JobRole).id for i in range(6)] == [j.id for j in newer]


def take(name: str, duration: float = 4.0) -> Take:
    return Take(path=f"assets/{name}.mp4", job_id=f"job-{name}", model_id="animatic:kenburns", duration=duration)


def test_another_shots_take_updates_the_summary_but_not_the_inspector(qtbot, monkeypatch):
    panel = StoryboardPanel(QUndoStack())
    qtbot.addWidget(panel)
    project = Project(shots=[Shot(title=f"S{i}", duration=4.0) for i in range(4)])
    panel.set_project(project, None)
    current = panel.current_shot_id()
    other = project.shots[2].id
    rebuilt = []
    refresh = StoryboardPanel._refresh_inspector
    monkeypatch.setattr(StoryboardPanel, "_refresh_inspector", lambda self: (rebuilt.append(1), refresh(self)))
    before = panel.summary.text()

    project.add_take(other, take("other"))
    assert rebuilt == []
    assert panel.summary.text() != before  # one shot fewer without a take

    project.add_take(current, take("current"))  # the inspector's own shot: its take list changes
    assert rebuilt
    assert panel.take_combo.count() == 1 and panel.take_combo.isEnabled()


def test_a_card_repaint_draws_only_the_transitions_beside_it(qtbot, monkeypatch):
    panel = StoryboardPanel(QUndoStack())
    qtbot.addWidget(panel)
    project = Project(shots=[Shot(title=f"S{i}", duration=4.0, transition="crossfade") for i in range(100)])
    panel.set_project(project, None)
    canvas = panel.canvas
    drawn = []
    paint_transition = type(canvas)._paint_transition
    monkeypatch.setattr(type(canvas), "_paint_transition", lambda self, p, shot, rect: (drawn.append(shot.id), paint_transition(self, p, shot, rect)))
    rect = canvas.card_rect(project.shots[50].id)

    def paint(area: QRect) -> None:
        image = QImage(canvas.width(), canvas.height(), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            canvas._paint(painter, area)  # what paintEvent draws for that area
        finally:
            painter.end()

    paint(rect)
    assert project.shots[50].id in drawn
    assert len(drawn) <= 3  # not the hundred transitions of the whole strip

    drawn.clear()
    paint(QRect(0, 0, canvas.width(), canvas.height()))
    assert len(drawn) == 99  # the whole strip still draws every join


def test_a_filmstrip_repaints_only_the_cards_that_show_it(qtbot, monkeypatch, tmp_path):
    panel = StoryboardPanel(QUndoStack())
    qtbot.addWidget(panel)
    project = Project(shots=[Shot(title=f"S{i}", duration=4.0) for i in range(6)])
    project.add_take(project.shots[3].id, take("clip3"))
    panel.set_project(project, tmp_path)
    canvas = panel.canvas
    updated = []
    monkeypatch.setattr(canvas, "update", lambda *args: updated.append(args))
    canvas.strips.ready.emit(str(tmp_path / "assets" / "clip3.mp4"))
    assert updated == [(canvas.card_rect(project.shots[3].id),)]


def test_the_warm_up_keeps_the_start_up_heap_out_of_full_collections(run):
    import sys

    from studio.ui.interpreter import SWITCH_INTERVAL_S, tune_switch_interval
    from studio.ui.warmup import warm_up

    gc.unfreeze()
    try:
        run(warm_up(("json",)))
        assert gc.get_freeze_count() > 1000  # modules, widgets, the app's own objects
    finally:
        gc.unfreeze()
    previous = sys.getswitchinterval()
    try:
        tune_switch_interval()
        assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
    finally:
        sys.setswitchinterval(previous)
