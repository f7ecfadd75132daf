"""SettingsDialog: keys go to the keyring and come back only as a mask; settings apply;
Test connection talks to a loopback Replicate emulator over real HTTP."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from studio.services.context import build_services
from studio.services.secrets import Secrets
from studio.ui.settings import SettingsDialog, mask_key
from studio.ui.settings.dialog import provider_title

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator  # noqa: E402

from uitools import wait_until  # noqa: E402

pytestmark = pytest.mark.ui


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this test only (never the OS keyring)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.set_calls: list[tuple[str, str, str]] = []

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.set_calls.append((service, username, password))
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


@pytest.fixture(autouse=True)
def _no_env_keys(monkeypatch):
    for name in ("REPLICATE_API_TOKEN", "STUDIO_REPLICATE_BASE_URL", "OPENAI_API_KEY", "STUDIO_OPENAI_BASE_URL",
                 "KIE_API_KEY", "STUDIO_KIE_BASE_URL", "STUDIO_KIE_UPLOAD_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def keyring_backend():
    return MemoryKeyring()


@pytest.fixture
def services(tmp_path, keyring_backend):
    return build_services(tmp_path / "home", secrets=Secrets(keyring_backend), log_to_file=False)


@pytest.fixture
def dialog(services, qtbot):
    dlg = SettingsDialog(services)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_one_tab_per_keyed_provider(dialog):
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    keyed = [p for p in dialog.services.catalog.providers() if p != "animatic"]
    assert titles == ["General", *(provider_title(p) for p in keyed), "Assistant"]
    assert {"Replicate", "Vertex AI", "Gemini", "OpenAI", "Kie.ai"} <= set(titles)
    assert "shut down on 2026-09-24" in dialog.page("openai").provider_note.text()
    assert "offline animatic needs no key" in dialog.general.offline_note.text()
    assert not dialog.warning.isVisible()


def test_saving_a_key_stores_it_and_shows_only_a_mask(dialog, keyring_backend, services, qtbot):
    page = dialog.page("replicate")
    assert page.key_status.text() == "No key set."
    assert not page.save_key_button.isEnabled()
    secret = "r8_" + "fake" * 7 + "0123"  # shaped like a Replicate token, built here: no key-like literal
    qtbot.keyClicks(page.key_edit, secret)
    assert page.key_edit.echoMode() == page.key_edit.EchoMode.Password
    qtbot.mouseClick(page.save_key_button, Qt.MouseButton.LeftButton)
    assert keyring_backend.set_calls == [("studio", "replicate", secret)]
    assert services.secrets.get("replicate") == secret
    assert page.key_edit.text() == ""
    assert page.key_status.text() == "Saved: r8_…0123"
    # The key is nowhere in the dialog's text, and not in settings.
    texts = [w.text() for w in dialog.findChildren(type(page.key_status))]
    assert all(secret not in t and "abcdefgh" not in t for t in texts)
    assert secret not in services.paths.settings_file.read_text() if services.paths.settings_file.exists() else True
    # Remove it again.
    assert page.remove_key_button.isEnabled()
    qtbot.mouseClick(page.remove_key_button, Qt.MouseButton.LeftButton)
    assert services.secrets.get("replicate") is None
    assert page.key_status.text() == "No key set."


def test_key_from_environment_is_masked_too(services, qtbot, monkeypatch):
    monkeypatch.setenv("REPLICATE_API_TOKEN", "r8_environmentkey9876")
    dlg = SettingsDialog(services)
    qtbot.addWidget(dlg)
    assert dlg.page("replicate").key_status.text() == "From REPLICATE_API_TOKEN: r8_…9876"


def test_mask_key():
    assert mask_key("r8_1234567890abcd") == "r8_…abcd"
    assert mask_key("sk-proj-abcdef123456") == "…3456"
    assert mask_key("short") == "…••••"
    assert mask_key(None) == ""


def test_general_settings_apply(dialog, services, qtbot):
    general = dialog.general
    general.budget_spin.setValue(12.5)
    general.concurrency["replicate"].setValue(7)
    dialog.page("replicate").base_url_edit.setText("http://127.0.0.1:9/")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Apply), Qt.MouseButton.LeftButton)
    assert services.settings.get("budget_cap") == 12.5
    assert services.settings.budget_cap == 12.5
    assert services.settings.get("providers.replicate.concurrency") == 7
    assert services.settings.get("providers.replicate.base_url") == "http://127.0.0.1:9/"
    general.budget_spin.setValue(0)
    dialog.page("replicate").base_url_edit.clear()
    dialog.accept()
    assert services.settings.get("budget_cap") is None
    assert services.settings.get("providers.replicate.base_url") is None


def test_reverse_settings_show_current_values(services, qtbot):
    services.settings.set("budget_cap", 3.0)
    services.settings.set("providers.replicate.concurrency", 5)
    services.settings.set("providers.replicate.base_url", "http://proxy.local")
    dlg = SettingsDialog(services)
    qtbot.addWidget(dlg)
    assert dlg.general.budget_spin.value() == 3.0
    assert dlg.general.concurrency["replicate"].value() == 5
    assert dlg.page("replicate").base_url_edit.text() == "http://proxy.local"
    assert dlg.general.data_dir_edit.text() == str(services.paths.home)


def test_connection_success_and_failure_against_emulator(dialog, services, run):
    page = dialog.page("replicate")
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=0.1) as emu:

        async def scenario():
            page.base_url_edit.setText(emu.url)
            page.key_edit.setText("r8_wrongwrongwrong0000")
            page.test_button.click()
            assert page.spinner.isVisibleTo(page) and not page.test_button.isEnabled()
            await wait_until(lambda: page.test_button.isEnabled(), 10)
            assert page.test_result.text().startswith("✗ ")
            assert "did not accept the API key" in page.test_result.text(), page.test_result.text()
            assert "Something went wrong" not in page.test_result.text()
            assert "r8_wrong" not in page.test_result.text()
            assert not page.spinner.isVisibleTo(page)
            # The right key: typed, tested (which saves it), success sentence.
            page.key_edit.setText(DEFAULT_TOKEN)
            page.test_button.click()
            await wait_until(lambda: page.test_button.isEnabled(), 10)
            assert page.test_result.text().startswith("✓ Connected."), page.test_result.text()
            assert services.secrets.get("replicate") == DEFAULT_TOKEN
            assert services.settings.get("providers.replicate.base_url") == emu.url
            await services.providers.aclose()

        run(scenario())


@pytest.mark.parametrize("provider", ["openai", "kie"])
def test_connection_to_the_openai_and_kie_emulators(dialog, services, run, provider):
    from tests.emulators.kie import KieEmulator
    from tests.emulators.openai_videos import OpenAIVideosEmulator

    emulator_cls = OpenAIVideosEmulator if provider == "openai" else KieEmulator
    page = dialog.page(provider)
    with emulator_cls() as emu:

        async def scenario():
            page.base_url_edit.setText(f"{emu.url}/v1" if provider == "openai" else emu.url)
            page.key_edit.setText("wrong-key-0000")
            page.test_button.click()
            await wait_until(lambda: page.test_button.isEnabled(), 10)
            assert page.test_result.text().startswith("✗ ") and "API key" in page.test_result.text()
            page.key_edit.setText(emu.token)
            page.test_button.click()
            await wait_until(lambda: page.test_button.isEnabled(), 10)
            assert page.test_result.text().startswith("✓ Connected."), page.test_result.text()
            assert ("Videos API answers" if provider == "openai" else "1234.5 credits") in page.test_result.text()
            assert services.secrets.get(provider) == emu.token
            await services.providers.aclose()

        run(scenario())


def test_without_a_keyring_says_so_and_shows_the_fallback(tmp_path, qtbot):
    services = build_services(tmp_path / "home", secrets=Secrets(fail.Keyring()), log_to_file=False)
    assert not services.secrets.available
    dlg = SettingsDialog(services)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.warning.isVisible()
    assert "no keyring" in dlg.warning.text().lower()
    page = dlg.page("replicate")
    assert not page.key_edit.isEnabled()
    assert "REPLICATE_API_TOKEN" in page.keyring_note.text()
