"""Story to shots: a story and a shot count in, a continuity-checked plan out, added as one undo step.

The split runs as a task on the qasync loop (the dialog stays responsive and can be closed,
which cancels it). Nothing touches the project until the person presses Add; the panel then
pushes one :class:`~.commands.AddShotsCommand`.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..assistant_loader import build_assistant
from ..async_utils import run_blocking, spawn, user_message
from ..errors import add_status_lines
from ..i18n import format_seconds_short
from ..model_status import describe_durations
from ..a11y import name
from PySide6.QtCore import QCoreApplication


if TYPE_CHECKING:
    from studio.services.assistant import StoryResult


class StorySplitDialog(QDialog):
    """Split a story into storyboard shots. ``shots_accepted(StoryResult)`` when the person adds them."""

    shots_accepted = Signal(object)

    def __init__(self, services: Any, model_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.result: StoryResult | None = None
        self._task: asyncio.Task | None = None
        self.setWindowTitle(self.tr("Split a story into shots"))
        self.resize(900, 720)
        lay = QVBoxLayout(self)
        lay.setSpacing(8)

        lay.addWidget(QLabel(self.tr("Story")))
        self.story = QPlainTextEdit()
        self.story.setObjectName("story")
        self.story.setPlaceholderText(self.tr("Write or paste the story. Each shot gets one camera setup and one main action."))
        self.story.setMinimumHeight(self.story.fontMetrics().lineSpacing() * 6)
        lay.addWidget(self.story, 1)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Shots")))
        self.count = QSpinBox()
        from studio.services.assistant.modes import MAX_SHOTS  # the openai SDK loads on first use

        self.count.setRange(1, MAX_SHOTS)
        self.count.setValue(3)
        row.addWidget(self.count)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Model")))
        self.model = QComboBox()
        self.model.setObjectName("split_model")
        for spec in services.catalog.all():
            if spec.status.usable:
                self.model.addItem(spec.name, spec.id)
        index = self.model.findData(model_id) if model_id else -1
        self.model.setCurrentIndex(max(0, index))
        row.addWidget(self.model, 1)
        self.allowed = QLabel()
        self.allowed.setObjectName("dim")
        row.addWidget(self.allowed)
        self.split_button = QPushButton(self.tr("Split"))
        self.split_button.setObjectName("primary")
        row.addWidget(self.split_button)
        lay.addLayout(row)

        self.status, self.error = add_status_lines(lay)

        self.look = QLabel()
        self.look.setWordWrap(True)
        self.look.hide()
        lay.addWidget(self.look)
        self.plan = QTreeWidget()
        self.plan.setObjectName("plan")
        self.plan.setHeaderLabels(["#", self.tr("Title"), self.tr("Length"), self.tr("Continuity"), self.tr("Scene")])
        self.plan.setRootIsDecorated(False)
        self.plan.setUniformRowHeights(True)
        header = self.plan.header()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.Stretch)
        lay.addWidget(self.plan, 2)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("shot_prompt")
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("The selected shot's full prompt appears here."))
        lay.addWidget(self.preview, 3)
        name(self.story, self.tr("Story"), self.tr("The story to split; each shot gets one camera setup and one main action"))
        name(self.count, self.tr("Shots"), self.tr("How many shots to split the story into"))
        name(self.model, self.tr("Model"), self.tr("The video model the shots are written for"))
        name(self.plan, self.tr("Shots"), self.tr("The shots the split made: title, length, continuity and scene"))
        name(self.preview, self.tr("Prompt"), self.tr("The selected shot's full prompt"))
        self.plan.currentItemChanged.connect(self._preview_current)
        self.notes = QLabel()
        self.notes.setObjectName("warning")
        self.notes.setWordWrap(True)
        self.notes.hide()
        lay.addWidget(self.notes)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.add_button = QPushButton(self.tr("Add shots"))
        self.add_button.setObjectName("primary")
        self.add_button.setEnabled(False)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.add_button)
        lay.addLayout(bottom)

        self.split_button.clicked.connect(self.split)
        self.add_button.clicked.connect(self._add)
        self.close_button.clicked.connect(self.reject)
        self.model.currentIndexChanged.connect(self._show_allowed)
        self._show_allowed()

    def _show_allowed(self, *_args: Any) -> None:
        model_id = self.model.currentData()
        if not model_id:
            return
        spec = self.services.catalog.get(model_id)
        self.allowed.setText(f"{describe_durations(spec.durations)} · " + (self.tr("sound") if spec.audio_supported else self.tr("silent")))

    def split(self) -> asyncio.Task | None:
        """Start the split (returns the task so tests can await it)."""
        if self._task is not None and not self._task.done():
            return None
        story, shots, model_id = self.story.toPlainText(), self.count.value(), self.model.currentData()
        self.error.hide()
        self.add_button.setEnabled(False)
        self.split_button.setEnabled(False)
        self.status.setText(self.tr("Splitting…"))

        async def work() -> StoryResult:
            assistant = await run_blocking(build_assistant, self.services)
            self.status.setText(self.tr("Splitting with the %1, then checking continuity…").replace("%1", assistant.describe()))
            try:
                return await assistant.split(story, shots, model_id=model_id)
            finally:
                await assistant.aclose()

        self._task = spawn(work(), on_done=self._show, on_error=self._failed, name="split-story")
        return self._task

    def _show(self, result: StoryResult) -> None:
        self.result = result
        self.split_button.setEnabled(True)
        count = len(result.shots)  # a plain name: lupdate reads no call as the count
        if result.source == "offline":
            text = QCoreApplication.translate("StorySplitDialog", "%n shot(s) from the offline builder (split by sentences).", "", count)
        else:
            text = QCoreApplication.translate("StorySplitDialog", "%n shot(s) from the assistant, after a continuity pass.", "", count)
        self.status.setText(text)
        palette = ", ".join(result.palette)
        style_word, palette_word = self.tr("Style"), self.tr("Palette")  # lupdate does not read inside f-strings
        self.look.setText(f"<b>{style_word}</b>: {_escape(result.style)}" + (f"<br><b>{palette_word}</b>: {_escape(palette)}" if palette else ""))
        self.look.show()
        self.plan.clear()
        for i, shot in enumerate(result.shots, 1):
            continuity = self.tr("chained ⟵ previous") if shot.continuity == "chained" else self.tr("independent")
            scene = " ".join(shot.sections.scene.split())
            item = QTreeWidgetItem([str(i), shot.title, format_seconds_short(shot.duration), continuity, scene])
            item.setToolTip(4, scene)
            item.setData(0, Qt.UserRole, i - 1)
            item.setTextAlignment(2, Qt.AlignRight | Qt.AlignVCenter)
            self.plan.addTopLevelItem(item)
        if result.shots:
            self.plan.setCurrentItem(self.plan.topLevelItem(0))
        else:
            self.preview.clear()
        self.notes.setText("\n".join(result.notes))
        self.notes.setVisible(bool(result.notes))
        self.add_button.setText(QCoreApplication.translate("StorySplitDialog", "Add %n shot(s)", "", count))
        self.add_button.setEnabled(bool(result.shots))

    def _preview_current(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        if item is None or self.result is None:
            self.preview.clear()
            return
        self.preview.setPlainText(self.result.shots[int(item.data(0, Qt.UserRole))].prompt)

    def _failed(self, exc: BaseException) -> None:
        self.split_button.setEnabled(True)
        self.add_button.setEnabled(self.result is not None and bool(self.result.shots))
        self.status.setText("")
        self.error.setText(user_message(exc))
        self.error.show()

    def _add(self) -> None:
        if self.result is None:
            return
        self.shots_accepted.emit(self.result)
        self.accept()

    def done(self, code: int) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        super().done(code)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
