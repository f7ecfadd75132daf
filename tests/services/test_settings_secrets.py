"""Settings (JSON, never keys) and Secrets (keyring first, env fallback)."""

from __future__ import annotations

import json

import keyring.backend
import keyring.backends.fail
import pytest
from keyring.errors import KeyringError, PasswordDeleteError

from studio.core import errors
from studio.core.errors import redact
from studio.services.secrets import ENV_VARS, SERVICE, Secrets, mask
from studio.services.settings import DEFAULTS, Settings

# Key-shaped values are built at run time: no key-shaped literal sits in this file.
FAKE_KEY = "r8" + "_" + "Zq4Lm8Np2Rt6Vx0Yb3Cd"
OTHER_KEY = "env" + "Token" + "7Hj2Kk9Pp4"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        try:
            del self.store[(service, username)]
        except KeyError:
            raise PasswordDeleteError("not found") from None


class BrokenKeyring(MemoryKeyring):
    def get_password(self, service, username):
        raise KeyringError("locked")


# Defining a backend registers it with keyring; keep it out of keyring's own discovery so
# no other test picks it up as the system keyring.
keyring.backend.KeyringBackend._classes.discard(MemoryKeyring)
keyring.backend.KeyringBackend._classes.discard(BrokenKeyring)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for names in ENV_VARS.values():
        for name in names:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("ACME_API_KEY", raising=False)
    monkeypatch.delenv("STUDIO_REPLICATE_BASE_URL", raising=False)
    saved = set(errors._known_secrets)
    yield
    errors._known_secrets.clear()
    errors._known_secrets.update(saved)


# -- settings ----------------------------------------------------------------------------


def test_defaults_then_persisted_across_instances(tmp_path):
    path = tmp_path / "conf" / "settings.json"
    s = Settings(path)
    assert s.get("default_model") == DEFAULTS["default_model"]
    assert s.get("missing", "fallback") == "fallback"
    s.set("default_model", "replicate:acme/vid")
    s.set("providers.replicate.concurrency", 7)
    again = Settings(path)
    assert again.get("default_model") == "replicate:acme/vid"
    assert again.concurrency("replicate") == 7
    assert json.loads(path.read_text("utf-8"))["default_model"] == "replicate:acme/vid"


def test_setting_none_restores_the_default(tmp_path):
    s = Settings(tmp_path / "s.json")
    s.set("default_model", "x:y")
    s.set("default_model", None)
    assert s.get("default_model") == DEFAULTS["default_model"]
    assert "default_model" not in json.loads((tmp_path / "s.json").read_text())


def test_changed_fires_on_set(tmp_path):
    s = Settings(tmp_path / "s.json")
    seen = []
    s.changed.connect(lambda key, value: seen.append((key, value)))
    s.set("budget_cap", 5)
    assert seen == [("budget_cap", 5)]


@pytest.mark.parametrize(
    "key",
    [
        "providers.replicate.api_key",
        "providers.replicate.API_KEY",
        "providers.openai.token",
        "providers.gemini.secret",
        "proxy.password",
        "apikey",
    ],
)
def test_refuses_keys_that_look_like_secrets(tmp_path, key):
    s = Settings(tmp_path / "s.json")
    with pytest.raises(ValueError):
        s.set(key, FAKE_KEY)
    assert s.get(key) is None
    assert not (tmp_path / "s.json").exists()


def test_unreadable_settings_file_gives_defaults(tmp_path):
    for content in (b"{broken", b"[1, 2]", b"\xff\xfe\x00"):
        path = tmp_path / "s.json"
        path.write_bytes(content)
        s = Settings(path)
        assert s.get("default_model") == DEFAULTS["default_model"]


def test_a_settings_path_that_cannot_even_be_checked_gives_defaults(tmp_path):
    """Before its first paint the window reads its language from the data folder, before the
    services say in one sentence what is wrong with that folder: no traceback there."""
    import os

    unsearchable = []
    if os.geteuid() != 0:  # root may look into any folder
        locked = tmp_path / "locked"
        locked.mkdir()
        (locked / "s.json").write_text(json.dumps({"ui.language": "ru"}), "utf-8")
        locked.chmod(0)
        unsearchable.append(locked / "s.json")
    too_long = tmp_path / ("x" * 300) / "s.json"  # ENAMETOOLONG from stat, for any user
    try:
        for path in [*unsearchable, too_long]:
            assert Settings(path).get("default_model") == DEFAULTS["default_model"]
            assert Settings(path).get("ui.language") is None
    finally:
        if unsearchable:
            (tmp_path / "locked").chmod(0o755)


def test_env_base_url_overrides_the_setting(tmp_path, monkeypatch):
    s = Settings(tmp_path / "s.json")
    assert s.provider_base_url("replicate") is None
    s.set("providers.replicate.base_url", "https://proxy.example")
    assert s.provider_base_url("replicate") == "https://proxy.example"
    monkeypatch.setenv("STUDIO_REPLICATE_BASE_URL", "http://127.0.0.1:9999")
    assert s.provider_base_url("replicate") == "http://127.0.0.1:9999"
    assert Settings(tmp_path / "s.json").provider_base_url("replicate") == "http://127.0.0.1:9999"


def test_concurrency_and_budget(tmp_path):
    s = Settings(tmp_path / "s.json")
    assert s.concurrency("animatic") == 2
    assert s.concurrency("unknown") == 2
    s.set("providers.replicate.concurrency", 0)
    assert s.concurrency("replicate") == 1
    assert s.budget_cap is None
    s.set("budget_cap", "12.5")
    assert s.budget_cap == 12.5
    s.set("budget_cap", "")
    assert s.budget_cap is None


# -- secrets -----------------------------------------------------------------------------


def test_set_get_delete_with_a_keyring():
    backend = MemoryKeyring()
    secrets = Secrets(backend)
    assert secrets.available
    assert secrets.backend_name == "MemoryKeyring"
    assert secrets.get("replicate") is None
    secrets.set("replicate", "  " + FAKE_KEY + "\n")
    assert backend.store == {(SERVICE, "replicate"): FAKE_KEY}
    assert secrets.get("replicate") == FAKE_KEY
    assert secrets.source("replicate") == "keyring"
    secrets.delete("replicate")
    assert secrets.get("replicate") is None
    assert secrets.source("replicate") is None
    secrets.delete("replicate")  # deleting twice is harmless


def test_keyring_wins_over_env(monkeypatch):
    monkeypatch.setenv("REPLICATE_API_TOKEN", OTHER_KEY)
    secrets = Secrets(MemoryKeyring())
    assert secrets.get("replicate") == OTHER_KEY
    assert secrets.source("replicate") == "REPLICATE_API_TOKEN"
    secrets.set("replicate", FAKE_KEY)
    assert secrets.get("replicate") == FAKE_KEY
    assert secrets.source("replicate") == "keyring"


def test_fail_backend_is_not_available_and_env_is_the_fallback(monkeypatch):
    secrets = Secrets(keyring.backends.fail.Keyring())
    assert not secrets.available
    assert secrets.get("replicate") is None
    monkeypatch.setenv("REPLICATE_API_TOKEN", OTHER_KEY)
    assert secrets.get("replicate") == OTHER_KEY
    assert secrets.source("replicate") == "REPLICATE_API_TOKEN"


def test_fail_backend_refuses_to_store_and_explains(monkeypatch):
    secrets = Secrets(keyring.backends.fail.Keyring())
    with pytest.raises(KeyringError) as info:
        secrets.set("replicate", FAKE_KEY)
    assert "REPLICATE_API_TOKEN" in str(info.value)
    assert FAKE_KEY not in str(info.value)
    secrets.delete("replicate")  # a no-op, not an error


def test_gemini_falls_back_to_either_env_var(monkeypatch):
    secrets = Secrets(keyring.backends.fail.Keyring())
    monkeypatch.setenv("GOOGLE_API_KEY", OTHER_KEY)
    assert secrets.get("gemini") == OTHER_KEY
    assert secrets.source("gemini") == "GOOGLE_API_KEY"


def test_unknown_provider_uses_a_conventional_env_name(monkeypatch):
    secrets = Secrets(keyring.backends.fail.Keyring())
    monkeypatch.setenv("ACME_API_KEY", OTHER_KEY)
    assert secrets.get("acme") == OTHER_KEY
    assert "ACME_API_KEY" in secrets.fallback_help("acme")


def test_a_broken_keyring_falls_back_to_env(monkeypatch):
    monkeypatch.setenv("REPLICATE_API_TOKEN", OTHER_KEY)
    secrets = Secrets(BrokenKeyring())
    assert secrets.get("replicate") == OTHER_KEY


def test_every_key_read_or_written_is_redacted_afterwards(monkeypatch):
    monkeypatch.setenv("REPLICATE_API_TOKEN", OTHER_KEY)
    secrets = Secrets(MemoryKeyring())
    secrets.get("replicate")
    assert OTHER_KEY not in redact(f"failed with {OTHER_KEY}")
    stored = "stored" + "Value" + "55aa"
    secrets.set("openai", stored)
    assert redact(f"x {stored} y") == "x *** y"


@pytest.mark.parametrize(
    "key, expected",
    [
        (None, ""),
        ("", ""),
        ("short", "•••••"),
        ("12345678", "••••••••"),
        ("abcdefghijklmnop", "…mnop"),
    ],
)
def test_mask(key, expected):
    assert mask(key) == expected


def test_mask_shows_only_the_type_prefix_and_last_four():
    masked = mask(FAKE_KEY)
    assert masked == "r8" + "_…" + FAKE_KEY[-4:]
    body = FAKE_KEY[3:-4]
    for i in range(len(body) - 2):
        assert body[i : i + 3] not in masked


class WindowsSizedKeyring(MemoryKeyring):
    """Windows Credential Manager's limit: 2,560 bytes per secret, stored as UTF-16."""

    def set_password(self, service, username, password):
        if len(password.encode("utf-16-le")) > 2560:
            raise keyring.errors.PasswordSetError("(1783, 'CredWrite', 'The stub received bad data.')")
        super().set_password(service, username, password)


def test_a_service_account_json_fits_a_windows_sized_keyring():
    backend = WindowsSizedKeyring()
    secrets = Secrets(backend)
    # About as long as a real service-account key file, but plainly fake.
    document = json.dumps({"type": "service_account", "private_key": "test-key-not-a-real-key-" * 70,
                           "client_email": "a@b.c"}, indent=2)  # fmt: skip
    assert len(document.encode("utf-16-le")) > 2560
    secrets.set("vertex", document)
    assert secrets.get("vertex") == document
    assert secrets.source("vertex") == "keyring"
    assert all(len(v.encode("utf-16-le")) <= 2560 for v in backend.store.values())
    secrets.set("vertex", "short")  # replacing a long secret leaves no stale parts behind
    assert secrets.get("vertex") == "short" and len(backend.store) == 1
    secrets.delete("vertex")
    assert secrets.get("vertex") is None and not backend.store
