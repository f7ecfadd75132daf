"""The history library: every past generation, searchable by prompt and model.

Queries run in a worker thread (``jobstore.list`` is SQLite). Double-click a finished job to
preview its clip; the context menu reveals it in the file manager or reuses its prompt.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer, QUrl, Qt, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from studio.core.jobs import Job, JobState

from .. import style
from ..async_utils import EventBridge, run_blocking, spawn

JobRole = Qt.UserRole + 1

STATE_COLOURS = {
    JobState.DONE: style.OK,
    JobState.FAILED: style.ERROR,
    JobState.CANCELLED: style.TEXT_DIM,
    JobState.UNKNOWN: style.WARN,
    JobState.STALLED: style.WARN,
}

from ..i18n import format_cost  # noqa: E402 - beside its one user
from ..a11y import name  # noqa: E402
from ..jobs.model import state_label  # noqa: E402


def describe_job(job: Job) -> str:
    when = dt.datetime.fromtimestamp(job.created_at).strftime("%Y-%m-%d %H:%M")
    cost = format_cost(job.cost_quote, job.currency)
    prompt = " ".join(job.prompt.split()) or QCoreApplication.translate("HistoryPane", "(no prompt)")
    if len(prompt) > 90:
        prompt = prompt[:89] + "…"
    return f"{prompt}\n{job.model_id}  ·  {state_label(job)}  ·  {when}  ·  {cost}"


class HistoryPane(QWidget):
    """Searchable list of past jobs. ``clip_activated(path)``; ``reuse_prompt(job)``."""

    clip_activated = Signal(str)
    reuse_requested = Signal(object)
    add_take_requested = Signal(object)
    message = Signal(str)

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(6)
        row = QHBoxLayout()
        self.search = QLineEdit()
        name(self.search, self.tr("Search history"), self.tr("Shows the past jobs whose prompt holds these words"))
        self.search.setObjectName("history_search")
        self.search.setPlaceholderText(self.tr("Search prompts"))
        self.search.setClearButtonEnabled(True)
        self.model_filter = QComboBox()
        name(self.model_filter, self.tr("Model filter"), self.tr("Shows the past jobs of one model"))
        self.model_filter.addItem(self.tr("All models"), None)
        for spec in services.catalog.all():
            self.model_filter.addItem(spec.name, spec.id)
        row.addWidget(self.search, 1)
        row.addWidget(self.model_filter)
        lay.addLayout(row)
        self.list = QListWidget()
        name(self.list, self.tr("Past jobs"), self.tr("Enter previews a job's clip; the context menu reuses its prompt"))
        self.list.setObjectName("history_list")
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setContextMenuPolicy(Qt.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.itemDoubleClicked.connect(self._activate)
        lay.addWidget(self.list, 1)
        self.count = QLabel()
        self.count.setObjectName("dim")
        lay.addWidget(self.count)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.model_filter.currentIndexChanged.connect(lambda _i: self._debounce.start())
        self._bridge = EventBridge(services.runner.job_changed, self)
        self._bridge.fired.connect(self._job_changed)
        self._generation = 0
        self._shown_ids: list[str] = []  # the jobs in the list, in order
        self._shown_versions: list[Any] = []  # what each row shows (compared on refresh)
        self.loaded = False

    def _job_changed(self, args: tuple) -> None:
        job = args[0]
        if job.state.terminal or job.state is JobState.QUEUED:
            if self.isVisible():
                self._debounce.start()
            else:
                self.loaded = False  # refreshed when shown again

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.loaded:
            self._debounce.start()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        text = self.search.text().strip() or None
        model = self.model_filter.currentData()

        async def query() -> None:
            jobs = await run_blocking(self.services.jobstore.list, text=text, model=model, limit=200)
            if shiboken6.isValid(self) and generation == self._generation:
                self._fill(jobs)

        def failed(error: BaseException) -> None:
            # The window may have closed (and the store with it) while the query ran.
            if shiboken6.isValid(self):
                self.message.emit(self.tr("History could not be read: %1").replace("%1", str(error)))

        spawn(query(), on_error=failed)

    def _fill(self, jobs: list[Job]) -> None:
        """Show ``jobs``; when the list holds the same jobs in the same order (a refresh while
        jobs change state), only the rows of jobs that changed are touched.

        Each Qt item call lets the GIL go; with a hundred jobs finishing, rebuilding 200 rows
        on every refresh kept the window waiting for it back (tens of ms per refresh)."""
        ids = [job.id for job in jobs]
        if ids != self._shown_ids:
            self.list.clear()
            self._shown_ids, self._shown_versions = ids, [None] * len(jobs)
            for _ in jobs:
                item = QListWidgetItem()
                item.setForeground(QColor(style.TEXT))
                self.list.addItem(item)
        for row, job in enumerate(jobs):
            version = (job.updated_at, job.state, describe_job(job))
            if version == self._shown_versions[row]:
                continue
            self._shown_versions[row] = version
            item = self.list.item(row)
            item.setText(version[2])
            item.setData(JobRole, job)
            tip = job.prompt
            if job.error_message:
                tip += f"\n\n{job.error_message}"
            item.setToolTip(tip)
            colour = STATE_COLOURS.get(job.state)
            item.setData(Qt.DecorationRole, QColor(colour) if colour else None)
        count = len(jobs)  # a plain name: lupdate reads no call as the count
        if count >= 200:
            self.count.setText(QCoreApplication.translate("HistoryPane", "%n job(s) (newest 200)", "", count))
        else:
            self.count.setText(QCoreApplication.translate("HistoryPane", "%n job(s)", "", count))
        self.loaded = True

    def _job(self, item: QListWidgetItem | None) -> Job | None:
        return item.data(JobRole) if item is not None else None

    def _activate(self, item: QListWidgetItem) -> None:
        job = self._job(item)
        if job is None:
            return
        if job.output_path and Path(job.output_path).exists():
            self.clip_activated.emit(job.output_path)
        else:
            self.message.emit(self.tr("This job has no clip to preview.") if job.state is not JobState.DONE else self.tr("The clip file is gone."))

    def _menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        job = self._job(item)
        if job is None:
            return
        menu = QMenu(self)
        has_clip = bool(job.output_path and Path(job.output_path).exists())
        preview = menu.addAction(self.tr("Preview"), lambda: self._activate(item))
        preview.setEnabled(has_clip)
        reveal = menu.addAction(self.tr("Show in folder"), lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(job.output_path).parent))))
        reveal.setEnabled(has_clip)
        menu.addAction(self.tr("Use this prompt in the selected shot"), lambda: self.reuse_requested.emit(job))
        add_take = menu.addAction(self.tr("Add as a take of the selected shot"), lambda: self.add_take_requested.emit(job))
        add_take.setEnabled(has_clip and job.state is JobState.DONE)
        menu.exec(self.list.viewport().mapToGlobal(pos))
