"""The Vertex AI tab: a service-account JSON key (dropped, chosen or pasted), project and region."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton, QWidget

from studio.core.errors import StudioError
from studio.ui.errors import set_tone

from ..a11y import name_form_fields
from .dialog import ProviderPage, _muted


class VertexPage(ProviderPage):
    """Like every provider tab, but the "key" is a service-account JSON and it needs a place.

    The JSON goes to the keyring only after it parses as a service account; the tab then names
    the account (its e-mail), never any part of the key.
    """

    def __init__(self, services: Any, name: str = "vertex", parent: QWidget | None = None) -> None:
        super().__init__(services, name, parent)
        settings = services.settings
        self.key_edit.setPlaceholderText(self.tr("Drop the service account's JSON key here, choose it, or paste its text"))
        self.key_box.setTitle(self.tr("Service account (JSON key)"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setToolTip(self.tr("Pick the JSON key downloaded from the Google Cloud console"))
        self.choose_button.clicked.connect(self.choose_file)
        self.choose_button.setEnabled(services.secrets.available)
        self.key_row.insertWidget(1, self.choose_button)
        self.setAcceptDrops(True)

        form = self.conn_form
        self.project_edit = QLineEdit(settings.get("providers.vertex.project") or "")
        self.project_edit.setPlaceholderText(self.tr("the key's own project"))
        self.location_edit = QLineEdit(settings.get("providers.vertex.location") or "")
        self.location_edit.setPlaceholderText("us-central1")
        self.bucket_edit = QLineEdit(settings.get("providers.vertex.output_gcs_uri") or "")
        self.bucket_edit.setPlaceholderText(self.tr("optional: gs://bucket/folder for results"))
        self.bucket_edit.setToolTip(self.tr("Without a bucket Vertex returns each video inline; with one it writes it there"))
        form.insertRow(0, self.tr("Project"), self.project_edit)
        form.insertRow(1, self.tr("Location"), self.location_edit)
        form.insertRow(2, self.tr("Output bucket"), self.bucket_edit)
        form.insertRow(3, "", _muted(QLabel(self.tr("Give the service account the Vertex AI User role in this project."))))
        name_form_fields(form)
        self.refresh_key_status()

    # -- the key ---------------------------------------------------------------------------

    def refresh_key_status(self) -> None:
        from studio.services.google_accounts import vertex_account

        if not hasattr(self, "choose_button"):
            super().refresh_key_status()  # during the base class's construction
            return
        secrets = self.services.secrets
        source = secrets.source("vertex")
        try:
            account = vertex_account(secrets)
        except StudioError:
            self.key_status.setText(self.tr("No service account set."))
        else:
            where = self.tr("Saved") if source == "keyring" else self.tr("From %1").replace("%1", "GOOGLE_APPLICATION_CREDENTIALS")
            self.key_status.setText(self.tr("%1: %2 (project %3)").replace("%1", where).replace("%2", account.client_email).replace("%3", account.project_id))
        self.remove_key_button.setEnabled(secrets.available and source == "keyring")

    def save_key(self) -> bool:
        from studio.core.service_account import parse_service_account

        text = self.key_edit.text().strip()
        if not text:
            return False
        try:
            parse_service_account(text)
        except StudioError as error:
            set_tone(self.test_result, "error")
            self.test_result.setText(f"✗ {error.user_message}")
            self.key_edit.clear()
            return False
        return super().save_key()

    def use_file(self, path: Path) -> bool:
        """Read a dropped or chosen JSON key and store it (validated) in the keyring."""
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            set_tone(self.test_result, "error")
            self.test_result.setText("✗ " + self.tr("%1 cannot be read.").replace("%1", Path(path).name))
            return False
        self.key_edit.setText(text)
        return self.save_key()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Service-account JSON key"), str(Path.home()), self.tr("JSON key (*.json)"))
        if path:
            self.use_file(Path(path))

    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(".json"):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.use_file(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()

    # -- settings ----------------------------------------------------------------------------

    def apply(self) -> None:
        super().apply()
        settings = self.services.settings
        for key, edit in (("project", self.project_edit), ("location", self.location_edit),
                          ("output_gcs_uri", self.bucket_edit)):  # fmt: skip
            value = edit.text().strip() or None
            if value != (settings.get(f"providers.vertex.{key}") or None):
                settings.set(f"providers.vertex.{key}", value)
                self._forget_provider()
