"""``JobTableModel``: the job list as a Qt table, newest first.

Fed by ``runner.job_changed`` (through :mod:`studio.ui.async_utils`) and, at start, by
``jobstore.list()``. Each Job is immutable, so an update replaces the row's record and
emits ``dataChanged`` for that row only; a 1 s tick repaints the elapsed time of running
jobs without a model reset (selection and scroll position survive).
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studio.core.jobs import Job, JobState
from studio.ui.errors import describe_error, tone_colour
from studio.ui.i18n import format_cost, format_elapsed

# English here, translated in headerData (context "JobTableModel").
COLUMNS = (
    QT_TRANSLATE_NOOP("JobTableModel", "Model"),
    QT_TRANSLATE_NOOP("JobTableModel", "Prompt"),
    QT_TRANSLATE_NOOP("JobTableModel", "State"),
    QT_TRANSLATE_NOOP("JobTableModel", "Progress"),
    QT_TRANSLATE_NOOP("JobTableModel", "Cost"),
    QT_TRANSLATE_NOOP("JobTableModel", "Error"),
)
COL_MODEL, COL_PROMPT, COL_STATE, COL_PROGRESS, COL_COST, COL_ERROR = range(len(COLUMNS))

JobRole = Qt.ItemDataRole.UserRole + 1
"""``index.data(JobRole)`` is the row's :class:`Job`."""
ProgressRole = Qt.ItemDataRole.UserRole + 2
"""0..1, or None when the provider reports no progress (the delegate then shows elapsed time)."""

STATE_LABELS = {
    JobState.QUEUED: QT_TRANSLATE_NOOP("JobState", "Queued"),
    JobState.SUBMITTING: QT_TRANSLATE_NOOP("JobState", "Submitting"),
    JobState.SUBMITTED: QT_TRANSLATE_NOOP("JobState", "Submitted"),
    JobState.RUNNING: QT_TRANSLATE_NOOP("JobState", "Running"),
    JobState.DOWNLOADING: QT_TRANSLATE_NOOP("JobState", "Downloading"),
    JobState.DONE: QT_TRANSLATE_NOOP("JobState", "Done"),
    JobState.FAILED: QT_TRANSLATE_NOOP("JobState", "Failed"),
    JobState.CANCELLED: QT_TRANSLATE_NOOP("JobState", "Cancelled"),
    JobState.UNKNOWN: QT_TRANSLATE_NOOP("JobState", "Unknown"),
    JobState.STALLED: QT_TRANSLATE_NOOP("JobState", "Waiting"),
}

# A mark beside each state's word, so the state is never told by colour alone.
STATE_MARKS = {
    JobState.QUEUED: "◷",
    JobState.SUBMITTING: "↑",
    JobState.SUBMITTED: "◔",
    JobState.RUNNING: "▶",
    JobState.DOWNLOADING: "↓",
    JobState.DONE: "✓",
    JobState.FAILED: "✗",
    JobState.CANCELLED: "⊘",
    JobState.UNKNOWN: "⚠",
    JobState.STALLED: "‖",  # not U+23F8: common UI fonts lack it
}

_STATE_COLORS = {
    JobState.DONE: QColor(tone_colour("ok")),
    JobState.FAILED: QColor(tone_colour("error")),
    JobState.UNKNOWN: QColor(tone_colour("warning")),
    JobState.STALLED: QColor(tone_colour("warning")),
    JobState.CANCELLED: QColor(tone_colour("dim")),
}

PROMPT_EXCERPT = 80




def excerpt(text: str, limit: int = PROMPT_EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def state_label(job: Job) -> str:
    """The state's word in the window's language (the row also shows its mark as an icon)."""
    word = STATE_LABELS.get(job.state)
    return QCoreApplication.translate("JobState", word) if word else job.state.value.title()


_mark_icons: dict[JobState, QIcon] = {}


def state_icon(state: JobState) -> QIcon:
    """The state's mark (✓, ✗, ⚠ ...) drawn in its colour: a shape as well as a colour."""
    icon = _mark_icons.get(state)
    if icon is None:
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        colour = _STATE_COLORS.get(state)
        painter.setPen(colour if colour is not None else QColor(tone_colour("dim") or "#9aa1ad"))
        font = painter.font()
        font.setPixelSize(14)
        painter.setFont(font)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, STATE_MARKS.get(state, "•"))
        painter.end()
        icon = _mark_icons[state] = QIcon(pixmap)
    return icon


class JobTableModel(QAbstractTableModel):
    """A table of jobs keyed by id, newest first."""

    def __init__(self, parent=None, *, clock=time.time, model_name=None) -> None:
        super().__init__(parent)
        self._model_name = model_name  # model id -> display name (the catalog's), or None
        self._labels: dict[str, str] = {}
        self._jobs: list[Job] = []
        self._rows: dict[str, int] = {}
        self._clock = clock
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start()

    # -- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._jobs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("JobTableModel", COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._jobs):
            return None
        job = self._jobs[index.row()]
        col = index.column()
        if role == JobRole:
            return job
        if role == ProgressRole:
            return job.progress
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(job, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_PROMPT:
                return job.prompt
            if col == COL_ERROR and job.error:
                text = describe_error(job.error)
                return "\n\n".join(x for x in (text.sentence, text.action, text.detail) if x)
            if col == COL_MODEL:
                return f"{job.model_id}\n" + self.tr("job %1").replace("%1", job.id) + ("\n" + self.tr("remote %1").replace("%1", job.remote_id) if job.remote_id else "")
            if col == COL_STATE and job.state is JobState.UNKNOWN:
                return self.tr("Studio lost the provider's answer to this submit. Check the provider's dashboard before retrying.")
            if col == COL_STATE and job.state is JobState.STALLED:
                return self.tr("Kept, waiting for %1. Retry resumes it without paying again.").replace("%1", job.waiting_for or self.tr("a temporary problem to pass"))
            if col == COL_STATE and job.output_path:
                return job.output_path
        if role == Qt.ItemDataRole.DecorationRole and col == COL_STATE:
            return state_icon(job.state)
        if role == Qt.ItemDataRole.ForegroundRole and col in (COL_STATE, COL_ERROR):
            color = _STATE_COLORS.get(job.state)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_COST:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roles: Any) -> None:
        """Every role a view asks for, in one call (a painted cell asks for about eight).

        Qt would otherwise call :meth:`data` once per role, and each call from Qt into Python
        has to take the GIL back: while the runner and the downloads run Python, a repaint of
        the table spent most of its time waiting for it."""
        for k in range(roles.size()):
            slot = roles[k]
            slot.setData(self.data(index, slot.role()))

    def _display(self, job: Job, col: int) -> str:
        if col == COL_MODEL:
            return self.model_label(job.model_id)
        if col == COL_PROMPT:
            return excerpt(job.prompt)
        if col == COL_STATE:
            return state_label(job)
        if col == COL_PROGRESS:
            return self.progress_text(job)
        if col == COL_COST:
            return format_cost(job.cost_quote, job.currency)
        if col == COL_ERROR:
            return describe_error(job.error).sentence if job.error else ""
        return ""

    def model_label(self, model_id: str) -> str:
        """The catalog's name for ``model_id`` (cached: this runs on every paint)."""
        label = self._labels.get(model_id)
        if label is None:
            label = model_id
            if self._model_name is not None:
                try:
                    label = self._model_name(model_id) or model_id
                except Exception:  # noqa: BLE001 - an unknown model keeps its id
                    pass
            self._labels[model_id] = label
        return label

    def progress_text(self, job: Job) -> str:
        """``"42%"`` when known; else the elapsed time ``"1:23"`` (final time once finished)."""
        if job.state is JobState.DONE:
            return f"100% · {format_elapsed(job.elapsed(self._clock()))}"
        if job.progress is not None and not job.state.terminal:
            return f"{round(job.progress * 100)}%"
        return format_elapsed(job.elapsed(self._clock()))

    # -- feeding -----------------------------------------------------------------------

    def job(self, row: int) -> Job:
        return self._jobs[row]

    def job_by_id(self, job_id: str) -> Job | None:
        row = self._rows.get(job_id)
        return self._jobs[row] if row is not None else None

    def row_of(self, job_id: str) -> int:
        """The row of ``job_id``, or -1."""
        return self._rows.get(job_id, -1)

    def jobs(self) -> list[Job]:
        return list(self._jobs)

    def set_jobs(self, jobs: list[Job]) -> None:
        """Replace everything (the initial load), newest first."""
        self.beginResetModel()
        unique = {job.id: job for job in jobs}
        self._jobs = sorted(unique.values(), key=lambda j: j.created_at, reverse=True)
        self._reindex()
        self.endResetModel()

    def merge_jobs(self, jobs: list[Job]) -> None:
        """Add or update many jobs without a reset (the stored list arriving after live events)."""
        for job in jobs:
            existing = self.job_by_id(job.id)
            # A live event is never older than the stored row: keep the newer record.
            if existing is None or job.updated_at >= existing.updated_at:
                self.upsert(job)

    def upsert(self, job: Job) -> int:
        """Insert or update one job; returns its row."""
        row = self._rows.get(job.id)
        if row is not None:
            self._jobs[row] = job
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return row
        row = self._insertion_row(job)
        self.beginInsertRows(QModelIndex(), row, row)
        self._jobs.insert(row, job)
        self._reindex()
        self.endInsertRows()
        return row

    def apply_jobs(self, jobs: list[Job]) -> None:
        """Many live changes at once (a frame's worth): one insert for new jobs, one change for the rest.

        A record older than the one shown is ignored (a stored row read before a live event).
        New jobs newer than every row shown (the usual case) go in as one block at the top;
        others are inserted one by one where they belong.
        """
        changed: list[int] = []
        new: dict[str, Job] = {}
        for job in jobs:
            row = self._rows.get(job.id)
            if row is None:
                if job.id not in new or job.updated_at >= new[job.id].updated_at:
                    new[job.id] = job
            elif job.updated_at >= self._jobs[row].updated_at:
                self._jobs[row] = job
                changed.append(row)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(COLUMNS) - 1))
        if not new:
            return
        fresh = sorted(new.values(), key=lambda j: j.created_at, reverse=True)
        if not self._jobs or fresh[-1].created_at >= self._jobs[0].created_at:
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self._jobs[:0] = fresh
            self._reindex()
            self.endInsertRows()
            return
        for job in fresh:
            self.upsert(job)

    def remove(self, job_id: str) -> None:
        row = self._rows.get(job_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._jobs[row]
        self._reindex()
        self.endRemoveRows()

    def _insertion_row(self, job: Job) -> int:
        for row, other in enumerate(self._jobs):
            if job.created_at >= other.created_at:
                return row
        return len(self._jobs)

    def _reindex(self) -> None:
        self._rows = {job.id: row for row, job in enumerate(self._jobs)}

    # -- the clock -----------------------------------------------------------------------

    def tick(self) -> None:
        """Repaint the progress cells of the unfinished jobs (elapsed time moves on), in one change."""
        rows = [row for row, job in enumerate(self._jobs) if not job.state.terminal]
        if rows:
            top, bottom = self.index(min(rows), COL_PROGRESS), self.index(max(rows), COL_PROGRESS)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def set_ticking(self, on: bool) -> None:
        """Stop the 1 s timer while hidden (saves wakeups), restart when shown."""
        if on and not self._ticker.isActive():
            self._ticker.start()
        elif not on:
            self._ticker.stop()
