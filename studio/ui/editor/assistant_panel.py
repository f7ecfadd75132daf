"""The assistant in the prompt editor: enhance, meme, or a prompt from the shot's first frame.

The suggestion appears beside the user's own text, editable; Accept applies it to the shot as
one undoable step (prompt, and for a meme the short portrait duration and aspect), Reject
drops it. Requests run as tasks on the qasync loop, never on the GUI thread; switching shots
cancels a request in flight, so a late answer never lands on the wrong shot.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.modelspec import ModelSpec
from studio.core.project import Shot

from .. import style
from ..assistant_loader import build_assistant
from ..async_utils import run_blocking, spawn, user_message
from ..errors import add_status_lines
from ..i18n import format_seconds_short

# (shot, its model's spec, the first frame as an absolute path or None)
Context = Callable[[], "tuple[Shot, ModelSpec | None, Path | None] | None"]


if TYPE_CHECKING:
    from studio.services.assistant import PromptResult


class AssistantPanel(QFrame):
    """Buttons, the suggestion beside the user's text, Accept/Reject. ``accepted(shot_id, changes)``."""

    accepted = Signal(str, dict)

    def __init__(self, services: Any, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._context = context
        self._task: asyncio.Task | None = None
        self._result: PromptResult | None = None
        self._shot_id: str | None = None
        self.setObjectName("assistantPanel")
        self.setStyleSheet(
            f"QFrame#assistantPanel {{ background: {style.BG_ALT}; border: 1px solid {style.BORDER}; border-radius: 6px; }}"
        )
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 8)
        lay.setSpacing(6)

        row = QHBoxLayout()
        row.setSpacing(6)
        title = QLabel(self.tr("Assistant"))
        title.setStyleSheet("font-weight: 600;")
        row.addWidget(title)
        self.enhance_button = QPushButton(self.tr("Enhance"))
        self.enhance_button.setToolTip(self.tr("Turn your text into a structured prompt fitted to this model and duration"))
        self.meme_button = QPushButton(self.tr("Meme"))
        self.meme_button.setToolTip(self.tr("A funny take: short and portrait (9:16)"))
        self.image_button = QPushButton(self.tr("From first frame"))
        self.image_button.setToolTip(self.tr("A prompt that animates the first frame; your text, if any, steers the action"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        for button in (self.enhance_button, self.meme_button, self.image_button, self.cancel_button):
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        self.status, self.error = add_status_lines(lay)

        self.result_box = QWidget()
        grid = QGridLayout(self.result_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        mine = QLabel(self.tr("Your text"))
        mine.setObjectName("dim")
        self.suggestion_label = QLabel(self.tr("Suggestion (edit before accepting)"))
        self.suggestion_label.setObjectName("dim")
        self.original = QPlainTextEdit()
        self.original.setObjectName("assistant_original")
        self.original.setReadOnly(True)
        self.suggestion = QPlainTextEdit()
        self.suggestion.setObjectName("assistant_suggestion")
        for box in (self.original, self.suggestion):
            box.setMinimumHeight(box.fontMetrics().lineSpacing() * 11)
            box.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        self.reject_button = QPushButton(self.tr("Reject"))
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("primary")
        self.accept_button.setToolTip(self.tr("Use the suggestion as this shot's prompt (one undo step)"))
        head = QHBoxLayout()
        head.addWidget(self.suggestion_label, 1)
        head.addWidget(self.reject_button)
        head.addWidget(self.accept_button)
        grid.addWidget(mine, 0, 0, Qt.AlignBottom)
        grid.addLayout(head, 0, 1)
        grid.addWidget(self.original, 1, 0)
        grid.addWidget(self.suggestion, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        self.notes = QLabel()
        self.notes.setObjectName("warning")
        self.notes.setWordWrap(True)
        grid.addWidget(self.notes, 2, 0, 1, 2)
        self.result_box.hide()
        lay.addWidget(self.result_box)

        self.enhance_button.clicked.connect(lambda: self.start("assistant"))
        self.meme_button.clicked.connect(lambda: self.start("meme"))
        self.image_button.clicked.connect(lambda: self.start("image"))
        self.cancel_button.clicked.connect(self.cancel)
        self.accept_button.clicked.connect(self.accept)
        self.reject_button.clicked.connect(self.reject)
        self.refresh()

    # -- state -------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def refresh(self) -> None:
        """Enable what the current shot allows (called by the editor whenever the shot reloads)."""
        context = self._context()
        has_shot = context is not None
        first_frame = context[2] if context else None
        for button in (self.enhance_button, self.meme_button):
            button.setEnabled(has_shot and not self.busy)
        self.image_button.setEnabled(has_shot and not self.busy and first_frame is not None)
        self.image_button.setToolTip(
            self.tr("A prompt that animates the first frame; your text, if any, steers the action")
            if first_frame is not None
            else self.tr("Drop a first frame (a selfie, say) on this shot first")
        )
        if context is not None and context[0].id != self._shot_id:
            stale = self.busy or self._result is not None
            self._shot_id = context[0].id
            if stale:
                self.cancel()
                self.reject()

    def cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None
        self._set_busy(False, "")

    def _set_busy(self, busy: bool, text: str) -> None:
        self.cancel_button.setVisible(busy)
        self.status.setText(text)
        self.refresh()

    # -- asking --------------------------------------------------------------------------

    def start(self, kind: str) -> asyncio.Task | None:
        """Ask for a suggestion: ``assistant``, ``meme`` or ``image``. Returns the task (tests await it)."""
        context = self._context()
        if context is None or self.busy:
            return None
        shot, spec, first_frame = context
        self._shot_id = shot.id
        self.error.hide()
        self.result_box.hide()
        self._result = None
        text = shot.prompt
        model_id = spec.id if spec else None

        async def ask() -> PromptResult:
            # the keyring read may block (a desktop keyring over D-Bus): off the GUI thread
            assistant = await run_blocking(build_assistant, self.services)
            self.status.setText(self.tr("Writing with the %1…").replace("%1", assistant.describe()))
            try:
                if kind == "image":
                    return await assistant.from_image(first_frame, idea=text, model_id=model_id, duration=shot.duration)
                if kind == "meme":
                    return await assistant.enhance(text, mode="meme", model_id=model_id)
                return await assistant.enhance(text, mode="assistant", model_id=model_id, duration=shot.duration)
            finally:
                await assistant.aclose()

        self._task = spawn(ask(), on_done=lambda result: self._show(shot.id, text, result), on_error=self._failed, name="assistant")
        self._set_busy(True, self.tr("Writing…"))
        return self._task

    def _show(self, shot_id: str, original: str, result: PromptResult) -> None:
        self._task = None
        if shot_id != self._shot_id:
            return  # the person moved to another shot meanwhile
        self._result = result
        if result.source == "offline":
            text = self.tr("Suggestion from the offline builder (add an OpenAI key in Settings, or a local server, for the assistant).")
        else:
            text = self.tr("Suggestion from the assistant.")
        if result.mode == "meme":
            sets = format_seconds_short(result.duration) + (f", {result.aspect_ratio}" if result.aspect_ratio else "")
            text += " " + self.tr("Accepting also sets %1.").replace("%1", sets)
        self._set_busy(False, text)
        self.original.setPlainText(original or self.tr("(empty)"))
        self.suggestion.setPlainText(result.prompt)
        self.notes.setText("\n".join(result.notes))
        self.notes.setVisible(bool(result.notes))
        self.result_box.show()
        self.suggestion.setFocus(Qt.OtherFocusReason)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self._set_busy(False, "")
        self.error.setText(user_message(exc))
        self.error.show()

    # -- deciding ------------------------------------------------------------------------

    def accept(self) -> None:
        """Apply the (possibly edited) suggestion to the shot it was written for, as one step."""
        context = self._context()
        if self._result is None or context is None or context[0].id != self._shot_id:
            return
        shot, spec, _ = context
        changes = self._result.shot_changes(shot, allowed_aspects=spec.aspect_ratios if spec else ())
        changes["prompt"] = self.suggestion.toPlainText()
        self.accepted.emit(shot.id, changes)
        self.reject()
        self.status.setText(self.tr("Suggestion accepted (Ctrl+Z undoes it)."))

    def reject(self) -> None:
        self._result = None
        self.result_box.hide()
        self.status.setText("")
