"""JobMonitor: events become rows; buttons drive a real runner on the offline animatic provider."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from studio.core.errors import ContentRejected
from studio.core.jobs import Job, JobState
from studio.core.request import GenerationRequest
from studio.services.context import build_services
from studio.services.runner import Timing
from studio.ui.jobs import COLUMNS, JobMonitor, format_elapsed
from studio.ui.jobs.model import COL_COST, COL_ERROR, COL_MODEL, COL_PROGRESS, COL_PROMPT, COL_STATE

from uitools import wait_until

pytestmark = pytest.mark.ui

FAST = Timing(poll_first=0.05, poll_max=0.2, retry_base=0.05, retry_max=0.2)


@pytest.fixture
def services(tmp_path, run):
    svc = build_services(tmp_path / "home", timing=FAST, log_to_file=False, runner_thread=True)
    svc.settings.set("animatic.queue_seconds", 0.05)
    yield svc
    run(svc.aclose())


@pytest.fixture
def monitor(services, qtbot):
    widget = JobMonitor(services)
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    widget.show()
    return widget


def cell(monitor: JobMonitor, row: int, col: int) -> str:
    return monitor.model.index(row, col).data()


def animatic_request(prompt: str = "A paper boat on a puddle", **kw) -> GenerationRequest:
    kw.setdefault("duration", 1.0)
    kw.setdefault("resolution", "480p")
    return GenerationRequest("animatic:kenburns", prompt, **kw)


def running_job(prompt="A lighthouse at dusk, waves crashing, seagulls", **kw) -> Job:
    job = Job.new("replicate:google/veo-3.1-fast", {"prompt": prompt}, cost_quote=1.2, **kw)
    return job.transition(JobState.SUBMITTING).transition(JobState.SUBMITTED, remote_id="abc123")


# -- the model follows the events ------------------------------------------------------------


def test_events_become_rows_with_state_progress_cost_and_error(monitor, services):
    assert [monitor.model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(COLUMNS))] == [
        "Model", "Prompt", "State", "Progress", "Cost", "Error",
    ]
    job = running_job()
    services.runner.job_changed.emit(job)
    assert monitor.model.rowCount() == 1
    assert cell(monitor, 0, COL_MODEL) == services.catalog.get("replicate:google/veo-3.1-fast").name == "Veo 3.1 Fast"
    assert "replicate:google/veo-3.1-fast" in monitor.model.index(0, COL_MODEL).data(Qt.ItemDataRole.ToolTipRole)
    assert cell(monitor, 0, COL_PROMPT).startswith("A lighthouse at dusk")
    assert cell(monitor, 0, COL_STATE) == "Submitted"
    assert cell(monitor, 0, COL_COST) == "$1.20"

    job = job.transition(JobState.RUNNING, progress=0.42)
    services.runner.job_changed.emit(job)
    assert monitor.model.rowCount() == 1
    assert cell(monitor, 0, COL_STATE) == "Running"
    assert cell(monitor, 0, COL_PROGRESS) == "42%"

    error = ContentRejected("The provider's moderation refused the first frame: it shows a real person.").to_dict()
    services.runner.job_changed.emit(job.transition(JobState.FAILED, error=error))
    assert cell(monitor, 0, COL_STATE) == "Failed"
    assert cell(monitor, 0, COL_ERROR) == "The provider's moderation refused the first frame: it shows a real person."
    assert "Change the prompt or the image" in monitor.model.index(0, COL_ERROR).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 failed" in monitor.summary.text()

    # A newer job goes on top.
    newer = Job.new("animatic:kenburns", {"prompt": "Second"}, created_at=time.time() + 5)
    services.runner.job_changed.emit(newer)
    assert cell(monitor, 0, COL_PROMPT) == "Second" and cell(monitor, 1, COL_STATE) == "Failed"
    assert cell(monitor, 0, COL_COST) == "price unknown"  # never "free" when the price is not known


def test_prompt_column_stretches_and_the_table_needs_no_horizontal_scrollbar(monitor, services, qtbot):
    error = ContentRejected("The provider's moderation refused the first frame: it shows a real person.").to_dict()
    services.runner.job_changed.emit(running_job().transition(JobState.RUNNING, progress=0.42))
    failed = Job.new("animatic:kenburns", {"prompt": "A paper boat on a puddle"}, created_at=time.time() + 5)
    services.runner.job_changed.emit(failed.transition(JobState.SUBMITTING).transition(JobState.FAILED, error=error))
    monitor.resize(1400, 300)
    qtbot.waitUntil(lambda: monitor.table.horizontalHeader().sectionSize(COL_PROMPT) > 200)
    header = monitor.table.horizontalHeader()
    table = monitor.table
    assert header.sectionSize(COL_PROMPT) > header.sectionSize(COL_MODEL)
    assert header.sectionSize(COL_PROMPT) > header.sectionSize(COL_ERROR)
    # The short columns fit their contents: the model's name is not cut.
    name_width = table.fontMetrics().horizontalAdvance("Veo 3.1 Fast")
    assert name_width <= header.sectionSize(COL_MODEL) < 3 * name_width
    # The error is elided at a fixed width; the table fits the view.
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
    assert header.length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()


def test_elapsed_time_ticks_without_resetting_the_model(monitor, services):
    now = [1000.0]
    monitor.model._clock = lambda: now[0]
    job = running_job(created_at=1000.0 - 83).transition(JobState.RUNNING)
    services.runner.job_changed.emit(job)
    assert job.progress is None
    assert cell(monitor, 0, COL_PROGRESS) == "1:23"
    monitor.table.selectRow(0)
    resets, changes = [], []
    monitor.model.modelReset.connect(lambda: resets.append(1))
    monitor.model.dataChanged.connect(lambda a, b, roles=(): changes.append((a.row(), a.column(), b.column())))
    now[0] += 1
    monitor.model.tick()
    assert cell(monitor, 0, COL_PROGRESS) == "1:24"
    assert resets == [] and changes == [(0, COL_PROGRESS, COL_PROGRESS)]
    assert monitor.selected_job().id == job.id  # the selection survives the tick
    assert format_elapsed(3725) == "1:02:05"


def test_stored_jobs_show_after_a_restart(tmp_path, qtbot, qloop):
    home = tmp_path / "home"
    first = build_services(home, log_to_file=False)
    first.jobstore.save(running_job(prompt="Resumed after a crash").transition(JobState.RUNNING, progress=0.3))
    first.jobstore.save(Job.new("animatic:kenburns", {"prompt": "Old and done"}, created_at=time.time() - 60)
                        .transition(JobState.SUBMITTING).transition(JobState.SUBMITTED)
                        .transition(JobState.DOWNLOADING).transition(JobState.DONE))
    first.jobstore.close()

    again = build_services(home, log_to_file=False)
    widget = JobMonitor(again)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 2)  # read in a worker, off the GUI thread
    assert cell(widget, 0, COL_PROMPT) == "Resumed after a crash"
    assert cell(widget, 0, COL_PROGRESS) == "30%"
    assert cell(widget, 1, COL_STATE) == "Done"


def test_search_and_state_filter(monitor, services):
    services.runner.job_changed.emit(running_job(prompt="A cat on a piano"))
    services.runner.job_changed.emit(Job.new("animatic:kenburns", {"prompt": "A dog in the snow"}))
    assert monitor.proxy.rowCount() == 2
    monitor.search.setText("piano")
    assert monitor.proxy.rowCount() == 1
    monitor.search.clear()
    monitor.state_filter.setCurrentText("Done")
    assert monitor.proxy.rowCount() == 0
    monitor.state_filter.setCurrentText("Active")
    assert monitor.proxy.rowCount() == 2


# -- actions against a real runner ---------------------------------------------------------------


def test_done_job_double_click_previews_and_reveals(monitor, services, run, qtbot):
    async def scenario():
        job = await services.runner.submit(animatic_request())
        await wait_until(lambda: getattr(monitor.model.job_by_id(job.id), "state", None) is JobState.DONE, 20)
        return job

    job = run(scenario())
    row = monitor.model.row_of(job.id)
    assert cell(monitor, row, COL_STATE) == "Done"
    assert cell(monitor, row, COL_COST) == "free"
    done = monitor.model.job_by_id(job.id)
    assert Path(done.output_path).exists()

    monitor.select_job(job.id)
    assert monitor.reveal_button.isEnabled() and not monitor.cancel_button.isEnabled()
    activated = []
    monitor.clip_activated.connect(activated.append)
    index = monitor.proxy.mapFromSource(monitor.model.index(row, COL_PROMPT))
    rect = monitor.table.visualRect(index)
    qtbot.mouseClick(monitor.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(monitor.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated == [done.output_path]

    opened = []
    monitor.open_url = lambda url: opened.append(url.toLocalFile()) or True
    qtbot.mouseClick(monitor.reveal_button, Qt.MouseButton.LeftButton)
    assert opened == [str(Path(done.output_path).parent)]
    run(services.aclose())


def test_cancel_button_cancels_through_the_runner(monitor, services, run, qtbot):
    services.settings.set("animatic.queue_seconds", 30)  # stays queued at the "provider"

    async def scenario():
        job = await services.runner.submit(animatic_request("Slow one"))
        await wait_until(lambda: monitor.model.job_by_id(job.id) is not None)
        assert monitor.select_job(job.id)
        assert monitor.cancel_button.isEnabled() and not monitor.retry_button.isEnabled()
        qtbot.mouseClick(monitor.cancel_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: getattr(monitor.model.job_by_id(job.id), "state", None) is JobState.CANCELLED, 20)
        return job

    job = run(scenario())
    assert services.jobstore.get(job.id).state is JobState.CANCELLED
    assert cell(monitor, monitor.model.row_of(job.id), COL_STATE) == "Cancelled"
    assert not monitor.cancel_button.isEnabled() and monitor.retry_button.isEnabled()
    run(services.aclose())


def test_retry_confirms_the_cost_then_starts_a_new_job(monitor, services, run, qtbot):
    failed = Job.new("animatic:kenburns", animatic_request("Try again").to_dict(), cost_quote=0.4)
    failed = failed.transition(JobState.SUBMITTING).transition(
        JobState.FAILED, error={"kind": "transient", "message": "The provider had an outage.", "detail": None}
    )
    services.jobstore.save(failed)
    monitor.refresh()
    assert monitor.select_job(failed.id)
    questions = []

    # First: the person says no. Nothing starts.
    monitor.ask = lambda title, text: questions.append(text) or False
    qtbot.mouseClick(monitor.retry_button, Qt.MouseButton.LeftButton)
    assert "$0.40" in questions[0]
    assert monitor.model.rowCount() == 1

    # Then yes: the runner starts a new job, which appears on top and is selected.
    monitor.ask = lambda title, text: questions.append(text) or True

    async def scenario():
        qtbot.mouseClick(monitor.retry_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: monitor.model.rowCount() == 2)
        new = monitor.model.job(0)
        await wait_until(lambda: monitor.model.job_by_id(new.id).state is JobState.DONE, 20)
        return new

    new = run(scenario())
    assert len(questions) == 2
    assert new.id != failed.id and new.prompt == "Try again"
    assert monitor.selected_job().id == new.id
    assert services.jobstore.get(failed.id).state is JobState.FAILED  # history kept
    run(services.aclose())


def test_free_retry_does_not_ask(monitor, services, run, qtbot):
    failed = Job.new("animatic:kenburns", animatic_request("Free").to_dict(), cost_quote=0.0)
    failed = failed.transition(JobState.CANCELLED)
    services.runner.job_changed.emit(failed)
    services.jobstore.save(failed)
    monitor.select_job(failed.id)
    monitor.ask = lambda *a: pytest.fail("a free retry needs no confirmation")

    async def scenario():
        monitor.retry_selected()
        await wait_until(lambda: monitor.model.rowCount() == 2)

    run(scenario())
    run(services.aclose())


def test_retry_on_a_stalled_job_resumes_it_without_asking_or_paying_again(monitor, services, run, qtbot):
    spec, validated = services.runner.prepare(animatic_request("Kept through an outage"))

    async def stalled_job():
        job = Job.new(spec.id, validated.request.to_dict(), cost_quote=0.8)
        ref = await services.providers("animatic").submit(spec, validated, job.idempotency_key)
        job = job.transition(JobState.SUBMITTING).transition(JobState.SUBMITTED, remote_id=ref.remote_id, remote=ref.to_dict())
        waiting = {"kind": "stalled", "message": "The provider is not answering.", "waiting_for": "the provider to answer"}
        return job.transition(JobState.STALLED, error=waiting)

    job = run(stalled_job())
    services.jobstore.save(job)
    monitor.refresh()
    assert monitor.select_job(job.id)
    assert cell(monitor, 0, COL_STATE) == "Waiting"
    assert "the provider to answer" in monitor.model.index(0, COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert monitor.retry_button.isEnabled()
    monitor.ask = lambda *a: pytest.fail("resuming a paid job costs nothing more: no question")

    async def scenario():
        qtbot.mouseClick(monitor.retry_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: getattr(monitor.model.job_by_id(job.id), "state", None) is JobState.DONE, 20)

    run(scenario())
    assert monitor.model.rowCount() == 1  # the same job finished; no second generation
    assert services.jobstore.get(job.id).remote_id == job.remote_id
    run(services.aclose())


def test_copy_details_puts_json_without_secrets_on_the_clipboard(monitor, services, qtbot):
    job = running_job().updated(
        request={"prompt": "hello", "extra": {"api_key": "plainsecretvalue", "note": "token r8_abcdefghijklmnop"}}
    )
    services.runner.job_changed.emit(job)
    monitor.select_job(job.id)
    qtbot.mouseClick(monitor.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    data = json.loads(text)
    assert data["id"] == job.id and data["state"] == "submitted" and data["remote_id"] == "abc123"
    assert "idempotency_key" not in data
    assert "plainsecretvalue" not in text and "r8_abcdefghijklmnop" not in text
    assert "Copied" in monitor.summary.text()


def test_bridge_unhooks_when_the_monitor_is_destroyed(services, qtbot):
    before = len(services.runner.job_changed)
    widget = JobMonitor(services)
    assert len(services.runner.job_changed) == before + 1
    widget.deleteLater()
    qtbot.wait(10)
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(services.runner.job_changed) == before
    services.runner.job_changed.emit(running_job())  # no crash into a dead widget


def test_events_from_a_worker_thread_arrive_on_the_gui_thread(monitor, services, qtbot):
    import threading

    from PySide6.QtCore import QThread

    seen_threads = []
    apply_jobs = monitor.model.apply_jobs

    def recording_apply(jobs):
        seen_threads.append(QThread.currentThread())
        return apply_jobs(jobs)

    monitor.model.apply_jobs = recording_apply
    job = running_job(prompt="From a worker")
    worker = threading.Thread(target=services.runner.job_changed.emit, args=(job,))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: monitor.model.row_of(job.id) >= 0, timeout=2000)
    assert seen_threads == [monitor.thread()]


def test_a_burst_of_events_from_the_runner_thread_becomes_a_few_model_updates(monitor, services, qtbot):
    """A hundred jobs changing ten times each: one model update per frame, not one per event."""
    import threading

    jobs = [running_job(prompt=f"Job {n}", created_at=time.time() + n) for n in range(100)]
    updates = []
    monitor.model.rowsInserted.connect(lambda *_: updates.append("insert"))
    monitor.model.dataChanged.connect(
        lambda a, b, roles=(): a.column() == b.column() == COL_PROGRESS or updates.append("change")
    )
    started = time.perf_counter()

    def burst():
        for step in range(10):
            for job in jobs:
                services.runner.job_changed.emit(job.transition(JobState.RUNNING, progress=step / 10) if step else job)

    worker = threading.Thread(target=burst)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: monitor.model.rowCount() == 100 and cell(monitor, 0, COL_PROGRESS).startswith("90%"), timeout=5000)
    frames = (time.perf_counter() - started) / 0.016 + 2
    # 1000 events: at most an insert and a change per frame, and a tenth of the events at most
    assert 1 <= len(updates) <= min(frames * 2, 100)
    assert all(monitor.model.job_by_id(job.id).progress == 0.9 for job in jobs)
    assert monitor.summary.text().startswith("100 jobs · 100 running")


def test_an_event_raised_on_the_gui_thread_shows_at_once(monitor, services):
    job = running_job().transition(JobState.RUNNING, progress=0.1)
    services.runner.job_changed.emit(job)
    assert cell(monitor, 0, COL_STATE) == "Running"
    services.runner.job_changed.emit(job.transition(JobState.DOWNLOADING))
    assert cell(monitor, 0, COL_STATE) == "Downloading"
