"""The prompt text box: Ctrl+Enter is left to the Generate shortcut, images go to the editor."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from .images import image_files


class PromptTextEdit(QPlainTextEdit):
    """A prompt box that leaves Ctrl+Enter to the Generate shortcut and drops images on the editor."""

    HINT_LINES = 4  # the height it asks for; it grows when the editor has room to spare
    MIN_LINES = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self._height_for(self.MIN_LINES))

    def _height_for(self, lines: int) -> int:
        margins = self.contentsMargins()
        doc_margin = int(self.document().documentMargin()) * 2
        return self.fontMetrics().lineSpacing() * lines + doc_margin + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height_for(self.HINT_LINES))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ControlModifier:
            event.ignore()
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source) -> bool:
        if image_files(source):
            return False  # images go to the editor's drop handling, not into the text
        return super().canInsertFromMimeData(source)

    def dragEnterEvent(self, event) -> None:
        if image_files(event.mimeData()):
            event.ignore()
            return
        super().dragEnterEvent(event)
