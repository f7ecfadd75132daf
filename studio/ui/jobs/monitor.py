"""``JobMonitor``: every generation job, live, with cancel, retry, reveal and copy."""

from __future__ import annotations

import dataclasses
import inspect
import json
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.core.errors import redact
from studio.core.jobs import Job, JobState
from studio.ui.errors import describe_error, show_error
from studio.ui.async_utils import run_blocking, spawn
from studio.ui.coalescing import CoalescingBridge

from .delegate import ProgressDelegate
from ..a11y import name
from .model import (
    COL_COST,
    COL_ERROR,
    COL_MODEL,
    COL_PROGRESS,
    COL_PROMPT,
    COL_STATE,
    COLUMNS,
    JobRole,
    STATE_LABELS,
    JobTableModel,
    format_cost,
)

log = logging.getLogger(__name__)

_SECRET_KEYS = ("token", "api_key", "apikey", "key", "authorization", "secret", "password")

ACTIVE_STATES = frozenset(s for s in JobState if not s.terminal)
# A stalled job is "retried" by resuming it: it is paid for and keeps its remote id.
RETRYABLE_STATES = frozenset({JobState.FAILED, JobState.CANCELLED, JobState.UNKNOWN, JobState.STALLED})
ERROR_WIDTH = 180  # the error column at most, elided; its tooltip has the whole text
ERROR_MIN_WIDTH = 72  # enough for "Quota…" or "Moderat…": the tooltip says the rest
PROMPT_MIN_WIDTH = 180  # the prompt stays readable ("A lighthouse at dusk, waves…")


def job_details(job: Job) -> dict[str, Any]:
    """A JSON-safe description of ``job`` for bug reports: no keys, no idempotency key."""

    def scrub(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: ("***" if any(s == str(k).lower() or str(k).lower().endswith("_" + s) for s in _SECRET_KEYS) else scrub(v))
                for k, v in value.items()
            }
        if isinstance(value, (list, tuple)):
            return [scrub(v) for v in value]
        if isinstance(value, str):
            return redact(value)
        return value

    data = dataclasses.asdict(job)
    data["state"] = job.state.value
    data.pop("idempotency_key", None)
    data["elapsed_seconds"] = round(job.elapsed(), 1)
    return scrub(data)


def job_details_json(job: Job) -> str:
    return json.dumps(job_details(job), indent=2, sort_keys=True, default=str)


TABLE_UPDATE_MS = 100  # live job changes reach the table at most ten times a second


class _FilterProxy(QSortFilterProxyModel):
    """Filters by free text (model, prompt, error, id) and by a set of states."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._states: frozenset[JobState] | None = None

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().lower()))

    def set_states(self, states: frozenset[JobState] | None) -> None:
        self._refilter(lambda: setattr(self, "_states", states))

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def multiData(self, index: QModelIndex, roles: Any) -> None:
        """Map once and ask the source for every role at once (see ``JobTableModel.multiData``)."""
        if index.isValid():
            self.sourceModel().multiData(self.mapToSource(index), roles)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        job: Job = self.sourceModel().index(source_row, 0, source_parent).data(JobRole)
        if job is None:
            return False
        if self._states is not None and job.state not in self._states:
            return False
        if self._text:
            hay = " ".join((job.id, job.model_id, job.prompt, job.error_message or "", job.remote_id or "")).lower()
            return self._text in hay
        return True


_STATE_FILTERS: list[tuple[str, frozenset[JobState] | None]] = [
    (QT_TRANSLATE_NOOP("JobMonitor", "All jobs"), None),
    (QT_TRANSLATE_NOOP("JobMonitor", "Active"), ACTIVE_STATES),
    (QT_TRANSLATE_NOOP("JobMonitor", "Done"), frozenset({JobState.DONE})),
    (QT_TRANSLATE_NOOP("JobMonitor", "Failed or cancelled"), frozenset({JobState.FAILED, JobState.CANCELLED, JobState.UNKNOWN})),
]


class JobMonitor(QWidget):
    """A live table of generation jobs.

    Reads the stored jobs from ``services.jobstore`` (so jobs resumed after a restart show)
    and follows ``services.runner.job_changed``. Emits ``clip_activated(path)`` when a done
    job is double-clicked (or "Preview" is chosen).
    """

    clip_activated = Signal(str)

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        catalog = getattr(services, "catalog", None)
        self.model = JobTableModel(self, model_name=(lambda mid: catalog.get(mid).name) if catalog is not None else None)
        self.proxy = _FilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText=self.tr("Search prompt, model or error"))
        name(self.search, self.tr("Search jobs"), self.tr("Shows the jobs whose prompt, model or error holds these words"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.state_filter = QComboBox()
        for label, _ in _STATE_FILTERS:
            self.state_filter.addItem(self.tr(label))
        name(self.state_filter, self.tr("Show jobs"), self.tr("All jobs, the active ones, the done ones, or those that failed"))
        self.state_filter.currentIndexChanged.connect(lambda i: self.proxy.set_states(_STATE_FILTERS[i][1]))
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableView()
        name(self.table, self.tr("Jobs"), self.tr("One row per generation job: model, prompt, state, progress, cost, error. Delete cancels, Ctrl+C copies."))
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(self.table))
        self.table.setIconSize(QSize(14, 14))  # the state's mark beside its word
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(max(26, self.fontMetrics().height() + 12))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.table.doubleClicked.connect(self._on_double_click)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The prompt takes whatever width is left; the short columns fit their contents and
        # the error keeps a fixed, elided width (its tooltip has the whole text), so the
        # table fits the dock without a horizontal scrollbar.
        # Widths come from what the columns can hold, measured once: ResizeToContents would
        # re-measure every row on every progress tick and stall the window under load.
        for col, width in self._fitted_widths(catalog).items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_PROMPT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ERROR, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_ERROR, ERROR_WIDTH)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        self.table.viewport().installEventFilter(self)  # the error column gives way as the dock narrows

        # actions: one set, used by the buttons, the context menu and shortcuts
        self.cancel_action = QAction(self.tr("Cancel job"), self, shortcut=QKeySequence.StandardKey.Delete)
        self.cancel_action.setToolTip(self.tr("Stop this job (and ask the provider to stop billing for it)"))
        self.cancel_action.triggered.connect(self.cancel_selected)
        self.retry_action = QAction(self.tr("Retry…"), self)
        self.retry_action.setToolTip(self.tr("Start a new job with the same request"))
        self.retry_action.triggered.connect(self.retry_selected)
        self.reveal_action = QAction(self.tr("Show in folder"), self)
        self.reveal_action.setToolTip(self.tr("Open the folder that holds the clip"))
        self.reveal_action.triggered.connect(self.reveal_selected)
        self.preview_action = QAction(self.tr("Preview"), self)
        self.preview_action.triggered.connect(self.preview_selected)
        self.copy_action = QAction(self.tr("Copy details"), self, shortcut=QKeySequence.StandardKey.Copy)
        self.copy_action.setToolTip(self.tr("Copy the job as JSON (no keys) for a bug report"))
        self.copy_action.triggered.connect(self.copy_selected)
        for action in (self.cancel_action, self.copy_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

        self.cancel_button = self._button(self.cancel_action)
        self.retry_button = self._button(self.retry_action)
        self.reveal_button = self._button(self.reveal_action)
        self.copy_button = self._button(self.copy_action)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.state_filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (self.cancel_button, self.retry_button, self.reveal_button, self.copy_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.dataChanged.connect(self._on_data_changed)
        self.model.rowsInserted.connect(lambda *_: self._update_summary())
        self.model.modelReset.connect(lambda *_: self._update_summary())

        self._coalescing = False
        runner = getattr(services, "runner", None)
        if runner is not None and hasattr(runner, "job_changed"):
            # A hundred jobs' events become one model update every TABLE_UPDATE_MS: a repaint
            # of the table costs 10-40 ms while the runner and downloads hold the GIL, so at
            # every frame it was half of the window's painting (docs/bench-ui.md).
            self._job_bridge = CoalescingBridge(runner.job_changed, self, interval_ms=TABLE_UPDATE_MS)
            self._job_bridge.batch.connect(self._on_jobs_changed)
        self.refresh(in_worker=True)  # the window paints first; the stored jobs arrive from a worker
        self._update_actions()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_error_column()
        return super().eventFilter(watched, event)

    def fit_error_column(self) -> None:
        """Share the width so the prompt keeps PROMPT_MIN_WIDTH before the error grows.

        The prompt stretches over whatever is left; the error column (elided, the whole text
        in its tooltip) takes up to ERROR_WIDTH of what the prompt does not need.
        """
        header = self.table.horizontalHeader()
        fixed = sum(header.sectionSize(c) for c in range(header.count()) if c not in (COL_PROMPT, COL_ERROR))
        room = self.table.viewport().width() - fixed
        header.resizeSection(COL_ERROR, max(ERROR_MIN_WIDTH, min(ERROR_WIDTH, room - PROMPT_MIN_WIDTH)))

    def _fitted_widths(self, catalog) -> dict[int, int]:
        metrics = self.table.fontMetrics()
        pad = 24

        def widest(texts) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + pad

        names = [spec.name for spec in catalog.all()] if catalog is not None else []
        return {
            # A long model name elides (its tooltip has it); the prompt needs the width more.
            COL_MODEL: min(widest(names or [self.tr("Offline animatic")]), widest(["Veo 3.1 Fast (Vertex)"])),
            COL_STATE: widest([QCoreApplication.translate("JobState", s) for s in STATE_LABELS.values()]) + 12,  # + the 14 px mark
            COL_PROGRESS: widest(["100% · 10:00:00", self.model.headerData(COL_PROGRESS, Qt.Orientation.Horizontal)]),
            COL_COST: widest([format_cost(100.0), self.model.headerData(COL_COST, Qt.Orientation.Horizontal), format_cost(None)]),
        }

    # -- loading -------------------------------------------------------------------------

    def refresh(self, *, in_worker: bool = False) -> None:
        """Merge the stored jobs (newest 200) into the table; live events are never lost."""
        store = getattr(self._services, "jobstore", None)
        if store is None:
            return
        if in_worker:
            spawn(run_blocking(store.list, limit=200), on_done=self._merge_stored, on_error=self._list_failed)
            return
        try:
            result = store.list(limit=200)
        except Exception as exc:
            log.exception("could not list jobs")
            self.summary.setText(describe_error(exc).sentence)
            return
        if inspect.isawaitable(result):
            spawn(result, on_done=lambda jobs: self.model.merge_jobs(list(jobs)), on_error=self._report)
        else:
            self.model.merge_jobs(list(result))
        self._update_summary()

    def _merge_stored(self, jobs) -> None:
        try:
            self.model.merge_jobs(list(jobs))
            self._update_summary()
        except RuntimeError:  # the monitor closed while the jobs were read
            pass

    def _list_failed(self, exc: BaseException) -> None:
        log.error("could not list jobs", exc_info=exc)
        try:
            self.summary.setText(describe_error(exc).sentence)
        except RuntimeError:
            pass

    def _on_job_changed(self, job: Job) -> None:
        """One job's change, at once (the live feed arrives per frame through :meth:`_on_jobs_changed`)."""
        self._on_jobs_changed([(job,)])

    def _on_jobs_changed(self, events: list[tuple]) -> None:
        """A frame's worth of job events: one model update, one summary."""
        self._coalescing = True
        try:
            self.model.apply_jobs([args[0] for args in events])
        finally:
            self._coalescing = False
        self._update_actions()
        self._update_summary()

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: list = ()) -> None:
        if top_left.column() == bottom_right.column() == COL_PROGRESS or self._coalescing:
            return  # the 1 s tick, or a frame's batch of progress (summarised once after it)
        self._update_actions()
        self._update_summary()

    # -- selection -----------------------------------------------------------------------

    def selected_job(self) -> Job | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(JobRole)

    def select_job(self, job_id: str) -> bool:
        row = self.model.row_of(job_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _update_actions(self) -> None:
        job = self.selected_job()
        self.cancel_action.setEnabled(job is not None and job.state in ACTIVE_STATES)
        self.retry_action.setEnabled(job is not None and job.state in RETRYABLE_STATES)
        has_file = bool(job and job.output_path and os.path.exists(job.output_path))
        self.reveal_action.setEnabled(has_file)
        self.preview_action.setEnabled(has_file and job is not None and job.state is JobState.DONE)
        self.copy_action.setEnabled(job is not None)

    def _update_summary(self) -> None:
        jobs = self.model.jobs()
        active = sum(1 for j in jobs if j.state in ACTIVE_STATES)
        failed = sum(1 for j in jobs if j.state is JobState.FAILED)
        spent = sum(j.cost_quote or 0 for j in jobs if j.state is JobState.DONE)
        count = len(jobs)  # a plain name: lupdate reads no call as the count
        parts = [QCoreApplication.translate("JobMonitor", "%n job(s)", "", count)]
        if active:
            parts.append(QCoreApplication.translate("JobMonitor", "%n running", "", active))
        if failed:
            parts.append(QCoreApplication.translate("JobMonitor", "%n failed", "", failed))
        if spent:
            parts.append(self.tr("%1 spent").replace("%1", format_cost(spent)))
        self.summary.setText(" · ".join(parts))

    def _button(self, action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        button.setToolTip(action.toolTip())
        button.clicked.connect(action.trigger)
        action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
        button.setEnabled(action.isEnabled())
        return button

    def _show_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        for action in (self.preview_action, self.reveal_action, None, self.cancel_action, self.retry_action, None,
                       self.copy_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _on_double_click(self, index: QModelIndex) -> None:
        job: Job | None = index.data(JobRole)
        if job is not None and job.state is JobState.DONE and job.output_path:
            self.clip_activated.emit(job.output_path)

    # -- actions -------------------------------------------------------------------------

    def cancel_selected(self) -> None:
        job = self.selected_job()
        if job is None or job.state not in ACTIVE_STATES:
            return
        self.cancel_action.setEnabled(False)
        spawn(self._services.runner.cancel(job.id), on_error=self._report)

    def retry_selected(self) -> None:
        job = self.selected_job()
        if job is None or job.state not in RETRYABLE_STATES:
            return
        if not self.confirm_retry(job):
            return
        self.retry_action.setEnabled(False)
        spawn(self._services.runner.retry(job.id), on_done=self._on_retried, on_error=self._report)

    def confirm_retry(self, job: Job) -> bool:
        """Ask before spending money again (or before retrying a submit whose fate is unknown)."""
        if job.state is JobState.STALLED:
            return True  # resuming costs nothing more
        lines = []
        if job.state is JobState.UNKNOWN:
            lines.append(self.tr(
                "Studio lost the provider's answer to this submit: the job may be running, and billed, "
                "already. Check the provider's dashboard before retrying."
            ))
        if job.cost_quote:
            lines.append(self.tr("Retrying starts a new generation that costs about %1.").replace("%1", format_cost(job.cost_quote, job.currency)))
        elif job.cost_quote is None and not job.model_id.startswith("animatic:"):
            lines.append(self.tr("Retrying starts a new generation; its price is unknown, so it may cost as much again."))
        if not lines:
            return True
        lines.append(self.tr("Retry now?"))
        answer = self.ask(
            self.tr("Retry this job?"), "\n\n".join(lines),
        )
        return answer

    def ask(self, title: str, text: str) -> bool:
        """A Yes/No question (tests replace this)."""
        answer = QMessageBox.question(
            self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_retried(self, job: Any) -> None:
        if isinstance(job, Job):
            self.model.upsert(job)
            self.select_job(job.id)

    def reveal_selected(self) -> None:
        job = self.selected_job()
        if job is None or not job.output_path:
            return
        folder = Path(job.output_path).parent
        self.open_url(QUrl.fromLocalFile(str(folder)))

    def open_url(self, url: QUrl) -> bool:
        """Open in the desktop's file manager (tests replace this)."""
        return QDesktopServices.openUrl(url)

    def preview_selected(self) -> None:
        job = self.selected_job()
        if job is not None and job.output_path:
            self.clip_activated.emit(job.output_path)

    def copy_selected(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        QGuiApplication.clipboard().setText(job_details_json(job))
        self.summary.setText(self.tr("Copied the job's details (without keys) to the clipboard."))

    def _report(self, exc: BaseException) -> None:
        self._update_actions()
        show_error(self, exc, self.tr("Job"))

    # -- lifecycle ---------------------------------------------------------------------

    def showEvent(self, event) -> None:
        self.model.set_ticking(True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self.model.set_ticking(False)
        super().hideEvent(event)


__all__ = ["COLUMNS", "JobMonitor", "JobTableModel", "job_details", "job_details_json"]
