"""Settings → General → Language: the window's language, applied on the next start."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ..i18n import LANGUAGE_KEY, LANGUAGES, system_language


class LanguagePicker(QWidget):
    """A combo box of the languages Studio speaks (each in its own name), plus "as the system"."""

    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Language"))
        self.combo.setAccessibleDescription(self.tr("The language of Studio's window; it changes when Studio starts again"))
        system = LANGUAGES[system_language()]
        self.combo.addItem(self.tr("As the system (%1)").replace("%1", system), "")
        for code, name in LANGUAGES.items():
            self.combo.addItem(name, code)
        index = self.combo.findData(settings.get(LANGUAGE_KEY) or "")
        self.combo.setCurrentIndex(max(0, index))
        self.note = QLabel(self.tr("Takes effect when Studio starts again."))
        self.note.setObjectName("dim")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.note, 1)

    def chosen(self) -> str:
        return self.combo.currentData() or ""

    def apply(self) -> None:
        if self.chosen() != (self.settings.get(LANGUAGE_KEY) or ""):
            self.settings.set(LANGUAGE_KEY, self.chosen())
