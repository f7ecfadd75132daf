"""Settings → Vertex AI: drop a service-account JSON, it is checked, kept in the keyring, named, tested."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studio.services.context import build_services
from studio.services.secrets import Secrets
from studio.ui.settings import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.emulators.vertex import VertexEmulator  # noqa: E402
from test_settings import MemoryKeyring  # noqa: E402

from uitools import drop_files, wait_until  # noqa: E402

pytestmark = pytest.mark.ui


@pytest.fixture
def emulator():
    with VertexEmulator() as emu:
        yield emu


@pytest.fixture
def keyring_backend():
    return MemoryKeyring()


@pytest.fixture
def dialog(tmp_path, keyring_backend, qtbot, monkeypatch):
    for name in ("GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION", "STUDIO_VERTEX_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    services = build_services(tmp_path / "home", secrets=Secrets(keyring_backend), log_to_file=False)
    dlg = SettingsDialog(services)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.show_provider("vertex")
    return dlg


def test_dropping_the_json_key_stores_it_and_names_the_account(dialog, emulator, keyring_backend, tmp_path, run, qtbot):
    page = dialog.page("vertex")
    assert page.key_status.text() == "No service account set."
    key_file = tmp_path / "sa.json"
    key_file.write_text(json.dumps(emulator.service_account_info()))
    drop_files(page, [key_file])
    assert ("studio", "vertex") in keyring_backend.passwords  # kept in parts (Windows' size limit)
    stored = dialog.services.secrets.get("vertex")
    assert json.loads(stored)["client_email"].startswith("studio-tests@")
    assert page.key_status.text().startswith("Saved: studio-tests@")
    texts = " ".join(label.text() for label in dialog.findChildren(type(page.key_status)))
    assert "PRIVATE KEY" not in texts

    page.base_url_edit.setText(emulator.url)
    page.location_edit.setText("europe-west4")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    run(wait_until(lambda: page.test_result.text().startswith(("✓", "✗")), 20))
    assert page.test_result.text().startswith("✓ Connected. Vertex AI: studio-tests@"), page.test_result.text()
    assert "europe-west4" in page.test_result.text()
    settings = dialog.services.settings
    assert settings.get("providers.vertex.location") == "europe-west4"
    assert "PRIVATE" not in dialog.services.paths.settings_file.read_text()


def test_a_file_that_is_not_a_service_account_is_refused(dialog, keyring_backend, tmp_path):
    page = dialog.page("vertex")
    bad = tmp_path / "user.json"
    bad.write_text(json.dumps({"type": "authorized_user", "client_id": "x"}))
    drop_files(page, [bad])
    assert ("studio", "vertex") not in keyring_backend.passwords
    assert page.test_result.text().startswith("✗") and "not a service account" in page.test_result.text()
