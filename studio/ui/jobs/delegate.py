"""Paints the progress column: a bar when the provider reports progress, else the time."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionProgressBar, QStyleOptionViewItem

from studio.core.jobs import Job, JobState

from .model import JobRole


class ProgressDelegate(QStyledItemDelegate):
    """A native progress bar with ``"42%"`` for known progress; plain text otherwise.

    Jobs without progress show the elapsed time (the model refreshes it every second).
    """

    MIN_WIDTH = 96  # room for a readable bar, so the column does not jump as the text changes

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), self.MIN_WIDTH), hint.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        job: Job | None = index.data(JobRole)
        if job is None or job.state.terminal or job.progress is None:
            super().paint(painter, option, index)
            return
        # Paint the selection/background as usual, without the text.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect.adjusted(4, 4, -4, -4))
        bar.minimum = 0
        bar.maximum = 1000
        bar.progress = max(0, min(1000, round(job.progress * 1000)))
        bar.text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        if job.state is JobState.DOWNLOADING:
            bar.text = f"↓ {bar.text}"
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, opt.widget)
