"""``SettingsDialog``: keys, addresses and limits, one tab per provider plus General.

Keys go straight to the OS keyring (``services.secrets``) when the person presses Save
key, and are never shown back: the dialog shows only a mask (``r8_…abcd``). Everything
else is applied on OK / Apply.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtCore import QT_TRANSLATE_NOOP

from .keyring_help import fallback_help
from .. import a11y
from ..a11y import name_form_fields
from .language import LanguagePicker
from ..model_status import status_word
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.ui.errors import describe_error, set_tone
from studio.ui.async_utils import spawn

from .assistant_page import AssistantPage

OFFLINE_PROVIDERS = {"animatic"}
PROVIDER_TITLES = {
    "replicate": "Replicate", "animatic": "Animatic", "openai": "OpenAI", "gemini": "Gemini", "kie": "Kie.ai",
    "vertex": "Vertex AI",
}  # fmt: skip
PROVIDER_NOTES = {
    "openai": QT_TRANSLATE_NOOP(
        "ProviderPage",
        "Sora 2 through OpenAI's Videos API, which OpenAI shut down on 2026-09-24: to use it, set the base URL "
        "to a compatible gateway (the API root, ending in /v1). The prompt assistant uses the same key, and this "
        "address unless the Assistant tab sets its own.",
    ),
    "kie": QT_TRANSLATE_NOOP(
        "ProviderPage",
        "Kie.ai's market jobs API (Kling; Sora 2 is paused there). Images are uploaded to Kie's file host first; "
        "the base URL replaces that host too, unless STUDIO_KIE_UPLOAD_BASE_URL is set.",
    ),
}
KEY_ENV_VARS = {
    "replicate": "REPLICATE_API_TOKEN",
    "openai": "OPENAI_API_KEY",
    "gemini": "GEMINI_API_KEY",
    "kie": "KIE_API_KEY",
}


def mask_key(key: str | None) -> str:
    """Only the last four characters of a key, after its prefix when it has one: ``r8_…abcd``."""
    if not key:
        return ""
    if len(key) <= 8:
        return "…" + "•" * 4
    head, sep, _ = key.partition("_")
    prefix = head + sep if sep and len(head) <= 4 else ""
    return f"{prefix}…{key[-4:]}"


def provider_title(name: str) -> str:
    return PROVIDER_TITLES.get(name, name.replace("_", " ").title())


def _muted(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    set_tone(label, "dim")
    return label


class ProviderPage(QWidget):
    """Key, base URL, default model and connection test for one provider."""

    key_saved = Signal(str)

    def __init__(self, services: Any, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.name = name
        secrets = services.secrets
        settings = services.settings

        # -- key ---------------------------------------------------------------------------
        self.key_box = key_box = QGroupBox(self.tr("API key"))
        key_layout = QVBoxLayout(key_box)
        self.key_status = QLabel()
        self.key_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("Paste a new %1 key").replace("%1", provider_title(name)))
        self.key_edit.setClearButtonEnabled(True)
        self.save_key_button = QPushButton(self.tr("Save key"))
        self.save_key_button.setEnabled(False)
        self.save_key_button.clicked.connect(self.save_key)
        self.remove_key_button = QPushButton(self.tr("Remove"))
        self.remove_key_button.setToolTip(self.tr("Delete the key from the keyring"))
        self.remove_key_button.clicked.connect(self.remove_key)
        self.key_edit.textChanged.connect(lambda t: self.save_key_button.setEnabled(bool(t.strip()) and secrets.available))
        self.key_edit.returnPressed.connect(self.save_key)
        self.key_row = row = QHBoxLayout()
        row.addWidget(self.key_edit, 1)
        row.addWidget(self.save_key_button)
        row.addWidget(self.remove_key_button)
        key_layout.addWidget(self.key_status)
        key_layout.addLayout(row)
        self.keyring_note = _muted(QLabel())
        key_layout.addWidget(self.keyring_note)
        if not secrets.available:
            self.key_edit.setEnabled(False)
            self.remove_key_button.setEnabled(False)
            self.keyring_note.setText(fallback_help(name))
            set_tone(self.keyring_note, "warning")
        else:
            self.keyring_note.setText(self.tr("Stored in the system keyring (%1); never written to disk by Studio.").replace("%1", secrets.backend_name))

        # -- connection ------------------------------------------------------------------------
        conn_box = QGroupBox(self.tr("Connection"))
        self.conn_form = form = QFormLayout(conn_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.base_url_edit = QLineEdit(settings.get(f"providers.{name}.base_url") or "")
        self.base_url_edit.setPlaceholderText(self.tr("The provider's own address"))
        self.base_url_edit.setToolTip(self.tr("For a proxy or a compatible gateway; leave empty for the provider's own API"))
        form.addRow(self.tr("Base URL"), self.base_url_edit)
        env_name = f"STUDIO_{name.upper()}_BASE_URL"
        if os.environ.get(env_name):
            form.addRow("", _muted(QLabel(self.tr("%1 is set and wins over this field: %2").replace("%1", env_name).replace("%2", os.environ[env_name]))))
        self.model_combo = QComboBox()
        self.model_combo.setAccessibleDescription(self.tr("The model a new shot starts with when this provider is chosen"))
        self.model_combo.addItem(self.tr("(no preference)"), None)
        for spec in services.catalog.all():
            if spec.provider == name:
                label = spec.name if spec.status.state == "live" else f"{spec.name} ({status_word(spec.status.state)})"
                self.model_combo.addItem(label, spec.id)
        current = settings.get(f"providers.{name}.default_model")
        index = self.model_combo.findData(current)
        self.model_combo.setCurrentIndex(max(0, index))
        form.addRow(self.tr("Default model"), self.model_combo)

        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setToolTip(self.tr("Saves the key and address above, then asks the provider whether they work"))
        self.test_button.clicked.connect(self.test_connection)
        self.spinner = QProgressBar()
        self.spinner.setRange(0, 0)  # busy
        self.spinner.setTextVisible(False)
        self.spinner.setFixedWidth(90)
        self.spinner.setMaximumHeight(14)
        self.spinner.setVisible(False)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.spinner)
        test_row.addWidget(self.test_result, 1)
        form.addRow(test_row)
        name_form_fields(form)

        layout = QVBoxLayout(self)
        self.provider_note = _muted(QLabel(self.tr(PROVIDER_NOTES[name]) if name in PROVIDER_NOTES else ""))
        self.provider_note.setVisible(name in PROVIDER_NOTES)
        layout.addWidget(self.provider_note)
        layout.addWidget(key_box)
        layout.addWidget(conn_box)
        layout.addStretch(1)
        self.refresh_key_status()

    # -- key --------------------------------------------------------------------------------

    def refresh_key_status(self) -> None:
        secrets = self.services.secrets
        source = secrets.source(self.name) if hasattr(secrets, "source") else None
        key = secrets.get(self.name)
        if key and source == "keyring":
            self.key_status.setText(self.tr("Saved: %1").replace("%1", mask_key(key)))
        elif key:
            where = source or KEY_ENV_VARS.get(self.name, self.tr("the environment"))
            self.key_status.setText(self.tr("From %1: %2").replace("%1", where).replace("%2", mask_key(key)))
        else:
            self.key_status.setText(self.tr("No key set."))
        self.remove_key_button.setEnabled(secrets.available and source == "keyring")

    def save_key(self) -> bool:
        key = self.key_edit.text().strip()
        if not key:
            return False
        try:
            self.services.secrets.set(self.name, key)
        except Exception as exc:  # noqa: BLE001 - the keyring said no: show why
            self.test_result.setText(self.tr("The key was not saved: %1").replace("%1", describe_error(exc).sentence))
            return False
        self.key_edit.clear()
        self._forget_provider()
        self.refresh_key_status()
        self.test_result.setText("")
        self.key_saved.emit(self.name)
        return True

    def remove_key(self) -> None:
        self.services.secrets.delete(self.name)
        self._forget_provider()
        self.refresh_key_status()

    def _forget_provider(self) -> None:
        registry = getattr(self.services, "providers", None)
        if registry is not None and hasattr(registry, "forget"):
            registry.forget(self.name)  # the next job uses the new key

    # -- settings -----------------------------------------------------------------------------

    def apply(self) -> None:
        settings = self.services.settings
        url = self.base_url_edit.text().strip() or None
        if url != (settings.get(f"providers.{self.name}.base_url") or None):
            settings.set(f"providers.{self.name}.base_url", url)
        model = self.model_combo.currentData()
        if model != settings.get(f"providers.{self.name}.default_model"):
            settings.set(f"providers.{self.name}.default_model", model)

    def test_connection(self) -> None:
        if self.key_edit.text().strip():
            if not self.save_key():
                return
        self.apply()
        self.test_button.setEnabled(False)
        self.spinner.setVisible(True)
        set_tone(self.test_result)
        self.test_result.setText(self.tr("Asking %1…").replace("%1", provider_title(self.name)))
        spawn(self.services.test_connection(self.name), on_done=self._tested_ok, on_error=self._tested_bad)

    def _tested_ok(self, message: Any) -> None:
        self._test_done()
        text = str(message).strip() or self.tr("The key works.")
        set_tone(self.test_result, "ok")
        self.test_result.setText(self.tr("✓ Connected. %1.").replace("%1", text.rstrip(".")))

    def _tested_bad(self, exc: BaseException) -> None:
        self._test_done()
        text = describe_error(exc)
        set_tone(self.test_result, "error")
        # The action hint for a bad key is "Check the key in Settings": we are there already.
        line = text.sentence if text.kind == "auth" else text.one_line()
        self.test_result.setText(f"✗ {line}")
        if text.detail:
            self.test_result.setToolTip(text.detail)

    def _test_done(self) -> None:
        try:
            self.spinner.setVisible(False)
            self.test_button.setEnabled(True)
        except RuntimeError:  # the dialog closed while the test ran
            pass


def _page_class(name: str) -> type[ProviderPage]:
    """The tab for a provider: most take an API key; Vertex AI takes a service account."""
    if name == "vertex":
        from .vertex import VertexPage

        return VertexPage
    return ProviderPage


class GeneralPage(QWidget):
    """Data folder, default model, budget cap and concurrency per provider."""

    def __init__(self, services: Any, providers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        settings = services.settings
        self.providers = providers

        form_box = QGroupBox(self.tr("Studio"))
        form = QFormLayout(form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.model_combo = QComboBox()
        self.model_combo.setAccessibleDescription(self.tr("The model a new shot starts with"))
        for spec in services.catalog.all():
            if spec.status.state == "live":
                self.model_combo.addItem(f"{spec.name} — {provider_title(spec.provider)}", spec.id)
        index = self.model_combo.findData(settings.get("default_model"))
        self.model_combo.setCurrentIndex(max(0, index))
        form.addRow(self.tr("Default model"), self.model_combo)
        self.language = LanguagePicker(settings)
        form.addRow(self.tr("Language"), self.language)

        current_home = str(services.paths.home)
        self.data_dir_edit = QLineEdit(current_home)
        self.data_dir_edit.setReadOnly(True)
        self.data_dir_edit.setToolTip(self.tr("Where Studio keeps its job database, clips and logs"))
        open_folder = QPushButton(self.tr("Open"))
        open_folder.setToolTip(self.tr("Show the data folder in the file manager"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(current_home)))
        row = QHBoxLayout()
        row.addWidget(self.data_dir_edit, 1)
        row.addWidget(open_folder)
        form.addRow(self.tr("Data folder"), row)
        self.data_dir_note = _muted(QLabel(self.tr("To use another folder, start Studio with STUDIO_HOME set to it.")))
        self.data_dir_note.setWordWrap(False)
        form.addRow("", self.data_dir_note)

        self.budget_spin = QDoubleSpinBox()
        self.budget_spin.setRange(0.0, 100000.0)
        self.budget_spin.setDecimals(2)
        self.budget_spin.setSingleStep(5.0)
        self.budget_spin.setPrefix("$")
        self.budget_spin.setSpecialValueText(self.tr("No cap"))
        self.budget_spin.setValue(float(settings.get("budget_cap") or 0.0))
        self.budget_spin.setToolTip(self.tr("Studio refuses to start a paid job that would take the last 24 hours' spending over this"))
        budget_row = QHBoxLayout()
        budget_row.addWidget(self.budget_spin)
        budget_row.addWidget(_muted(QLabel(self.tr("per 24 hours (0 = no cap)"))), 1)
        form.addRow(self.tr("Budget cap"), budget_row)

        conc_box = QGroupBox(self.tr("Jobs at once, per provider"))
        conc_form = QFormLayout(conc_box)
        conc_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.concurrency: dict[str, QSpinBox] = {}
        for name in providers:
            spin = QSpinBox()
            spin.setRange(1, 32)
            spin.setValue(int(settings.get(f"providers.{name}.concurrency", 2) or 2))
            spin.setToolTip(self.tr("More jobs at once finish sooner but may hit the provider's rate limits"))
            spin.setMinimumWidth(80)
            self.concurrency[name] = spin
            conc_form.addRow(provider_title(name), spin)
        conc_note = _muted(QLabel(self.tr("Changes apply after a restart.")))
        conc_note.setWordWrap(False)
        conc_form.addRow("", conc_note)
        name_form_fields(form)
        name_form_fields(conc_form)

        self.offline_note = _muted(
            QLabel(self.tr("The offline animatic needs no key: it makes quick placeholder clips on this computer."))
        )

        layout = QVBoxLayout(self)
        layout.addWidget(form_box)
        layout.addWidget(conc_box)
        layout.addWidget(self.offline_note)
        layout.addStretch(1)

    def apply(self) -> None:
        settings = self.services.settings
        self.language.apply()
        model = self.model_combo.currentData()
        if model and model != settings.get("default_model"):
            settings.set("default_model", model)
        cap = self.budget_spin.value()
        new_cap = round(cap, 2) if cap > 0 else None
        if new_cap != settings.get("budget_cap"):
            settings.set("budget_cap", new_cap)
        for name, spin in self.concurrency.items():
            if spin.value() != settings.get(f"providers.{name}.concurrency"):
                settings.set(f"providers.{name}.concurrency", spin.value())


class SettingsDialog(QDialog):
    """Settings: General, then one tab per provider that needs a key."""

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.services = services
        providers = list(services.catalog.providers())
        self.general = GeneralPage(services, providers)
        self.pages: dict[str, ProviderPage] = {}
        self.tabs = QTabWidget()
        a11y.name(self.tabs, self.tr("Settings pages"), self.tr("General, one page per provider, and the assistant"))
        self.tabs.addTab(self.general, self.tr("General"))
        for name in providers:
            if name in OFFLINE_PROVIDERS:
                continue
            page = _page_class(name)(services, name)
            self.pages[name] = page
            self.tabs.addTab(page, provider_title(name))
        self.assistant_page = AssistantPage(services)
        self.tabs.addTab(self.assistant_page, self.tr("Assistant"))

        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setVisible(not services.secrets.available)
        if not services.secrets.available:
            self.warning.setText(self.tr(
                "⚠ No keyring service was found (%1): Studio cannot store keys. "
                "Set them as environment variables instead; each provider's tab says which."
            ).replace("%1", services.secrets.backend_name))
            set_tone(self.warning, "warning")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)

        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 460)

    def page(self, provider: str) -> ProviderPage:
        return self.pages[provider]

    def show_provider(self, provider: str) -> None:
        """Open on a provider's tab (e.g. from an "add your key" error)."""
        if provider in self.pages:
            self.tabs.setCurrentWidget(self.pages[provider])

    def apply(self) -> None:
        try:
            self.general.apply()
            for page in self.pages.values():
                page.apply()
            self.assistant_page.apply()
        except (ValueError, OSError) as exc:
            self.warning.setText(describe_error(exc).sentence)
            self.warning.setVisible(True)
            raise

    def accept(self) -> None:
        try:
            self.apply()
        except (ValueError, OSError):
            return
        super().accept()
