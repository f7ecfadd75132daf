"""The Assistant tab of Settings: the OpenAI key (shared with OpenAI video models), endpoint, model, language.

The key goes to the keyring under ``openai`` on Save key; everything else is applied on
OK / Apply to the ``assistant.*`` settings.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.services.assistant import build_assistant
from studio.services.assistant.config import DEFAULT_MODEL
from studio.services.secrets import mask
from studio.ui.async_utils import run_blocking, spawn
from studio.ui.errors import describe_error, set_tone

from .keyring_help import fallback_help
from ..a11y import name_form_fields

KEY_NAME = "openai"
SAMPLE_IDEA = "A paper boat drifts down a rainy street"


class AssistantPage(QWidget):
    """Key, address, model and language of the prompt assistant, with a one-click try."""

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        secrets, settings = services.secrets, services.settings

        key_box = QGroupBox(self.tr("OpenAI key (shared with OpenAI video models)"))
        key_layout = QVBoxLayout(key_box)
        self.key_status = QLabel()
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("Paste an OpenAI key (a local server needs none)"))
        self.key_edit.setClearButtonEnabled(True)
        self.save_key_button = QPushButton(self.tr("Save key"))
        self.save_key_button.setEnabled(False)
        self.remove_key_button = QPushButton(self.tr("Remove"))
        self.key_edit.textChanged.connect(lambda t: self.save_key_button.setEnabled(bool(t.strip()) and secrets.available))
        self.save_key_button.clicked.connect(self.save_key)
        self.key_edit.returnPressed.connect(self.save_key)
        self.remove_key_button.clicked.connect(self.remove_key)
        row = QHBoxLayout()
        row.addWidget(self.key_edit, 1)
        row.addWidget(self.save_key_button)
        row.addWidget(self.remove_key_button)
        key_layout.addWidget(self.key_status)
        key_layout.addLayout(row)
        if not secrets.available:
            self.key_edit.setEnabled(False)
            note = QLabel(fallback_help(KEY_NAME))
            note.setWordWrap(True)
            set_tone(note, "warning")
            key_layout.addWidget(note)

        box = QGroupBox(self.tr("Endpoint"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.base_url_edit = QLineEdit(settings.get("assistant.base_url") or "")
        self.base_url_edit.setPlaceholderText(self.tr("OpenAI's API, or a local server such as http://localhost:11434/v1"))
        form.addRow(self.tr("Base URL"), self.base_url_edit)
        if os.environ.get("STUDIO_OPENAI_BASE_URL"):
            form.addRow("", _dim(self.tr("%1 is set and wins: %2").replace("%1", "STUDIO_OPENAI_BASE_URL").replace("%2", os.environ["STUDIO_OPENAI_BASE_URL"])))
        self.model_edit = QLineEdit(settings.get("assistant.model") or "")
        self.model_edit.setPlaceholderText(DEFAULT_MODEL)
        form.addRow(self.tr("Model"), self.model_edit)
        self.english = QCheckBox(self.tr("Always answer in English (some video models follow English better)"))
        self.english.setChecked(bool(settings.get("assistant.english")))
        form.addRow("", self.english)
        name_form_fields(form)
        self.try_button = QPushButton(self.tr("Try it"))
        self.try_button.setToolTip(self.tr("Applies the fields above, then asks for one prompt"))
        self.try_button.clicked.connect(self.try_it)
        self.try_result = QLabel()
        self.try_result.setWordWrap(True)
        self.try_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        try_row = QHBoxLayout()
        try_row.addWidget(self.try_button)
        try_row.addWidget(self.try_result, 1)
        form.addRow(try_row)

        layout = QVBoxLayout(self)
        layout.addWidget(key_box)
        layout.addWidget(box)
        layout.addWidget(_dim(self.tr("With no key and no address, the offline builder writes prompts from presets; nothing leaves this computer.")))
        layout.addStretch(1)
        self.refresh_key_status()

    def refresh_key_status(self) -> None:
        secrets = self.services.secrets
        source = secrets.source(KEY_NAME)
        key = secrets.get(KEY_NAME)
        if key:
            self.key_status.setText((self.tr("Saved: %2") if source == "keyring" else self.tr("From %1: %2")).replace("%1", str(source)).replace("%2", mask(key)))
        else:
            self.key_status.setText(self.tr("No key set."))
        self.remove_key_button.setEnabled(secrets.available and source == "keyring")

    def save_key(self) -> bool:
        key = self.key_edit.text().strip()
        if not key:
            return False
        try:
            self.services.secrets.set(KEY_NAME, key)
        except Exception as exc:  # noqa: BLE001 - the keyring said no: show why
            self._say(self.tr("The key was not saved: %1").replace("%1", describe_error(exc).sentence), "error")
            return False
        self.key_edit.clear()
        self.refresh_key_status()
        return True

    def remove_key(self) -> None:
        self.services.secrets.delete(KEY_NAME)
        self.refresh_key_status()

    def apply(self) -> None:
        settings = self.services.settings
        values = {
            "assistant.base_url": self.base_url_edit.text().strip() or None,
            "assistant.model": self.model_edit.text().strip() or None,
            "assistant.english": True if self.english.isChecked() else None,
        }
        for key, value in values.items():
            if value != settings.get(key):
                settings.set(key, value)

    def try_it(self) -> None:
        if self.key_edit.text().strip() and not self.save_key():
            return
        self.apply()
        self.try_button.setEnabled(False)
        self._say(self.tr("Asking…"))

        async def ask() -> str:
            services = self.services
            assistant = await run_blocking(build_assistant, services.settings, services.secrets, services.catalog)
            try:
                if not assistant.online:
                    return self.tr("No key and no address: the offline builder answers, so there is nothing to reach.")
                await assistant.enhance(SAMPLE_IDEA)
                return self.tr("✓ Works: %1 answered.").replace("%1", assistant.describe())
            finally:
                await assistant.aclose()

        spawn(ask(), on_done=lambda text: self._done(text, "ok"), on_error=lambda exc: self._done(f"✗ {describe_error(exc).sentence}", "error"))

    def _done(self, text: str, tone: str) -> None:
        try:
            self.try_button.setEnabled(True)
            self._say(text, tone)
        except RuntimeError:  # the dialog closed while it ran
            pass

    def _say(self, text: str, tone: str = "") -> None:
        set_tone(self.try_result, tone)
        self.try_result.setText(text)


def _dim(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("dim")
    label.setWordWrap(True)
    return label
