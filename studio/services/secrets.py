"""Provider keys: the OS keyring first, environment variables as the CLI fallback.

Keys never reach settings, logs, SQLite, project files or exception text; every key read
is registered with :func:`studio.core.errors.register_secret` so redaction catches it.
"""

from __future__ import annotations

import logging
import os

import keyring
from keyring.errors import KeyringError, NoKeyringError

from studio.core.errors import register_secret

log = logging.getLogger(__name__)

SERVICE = "studio"
# Windows Credential Manager holds at most 2,560 bytes per secret, stored as UTF-16: a
# service-account JSON (about 2.4 kB) does not fit. Longer secrets are split into parts of
# this many characters under "<name>#<i>", with "<name>" holding the part count.
_PART_CHARS = 1000
_PARTS_MARK = "studio-parts:"

ENV_VARS: dict[str, tuple[str, ...]] = {
    "replicate": ("REPLICATE_API_TOKEN",),
    "openai": ("OPENAI_API_KEY",),
    "gemini": ("GEMINI_API_KEY", "GOOGLE_API_KEY"),
    "kie": ("KIE_API_KEY",),
    # The service-account JSON itself; the CLI's file path (GOOGLE_APPLICATION_CREDENTIALS) is
    # read by services.google_accounts.
    "vertex": (),
}


class Secrets:
    """Read and write provider keys."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None):
        self._backend = backend or keyring.get_keyring()

    @property
    def backend_name(self) -> str:
        return type(self._backend).__name__

    @property
    def available(self) -> bool:
        """Whether a real keyring backend exists (not the fail/null one)."""
        try:
            priority = self._backend.priority  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a backend without a priority is not usable
            return False
        name = self.backend_name.lower()
        return priority > 0 and "fail" not in name and "null" not in name

    def get(self, provider: str) -> str | None:
        """The key from the keyring, else from the provider's environment variable."""
        value: str | None = None
        if self.available:
            try:
                value = self._read(provider)
            except (KeyringError, NoKeyringError):
                log.warning("the keyring could not be read for %s", provider)
        if not value:
            for name in ENV_VARS.get(provider, (f"{provider.upper()}_API_KEY",)):
                if os.environ.get(name):
                    value = os.environ[name]
                    break
        register_secret(value)
        return value or None

    def source(self, provider: str) -> str | None:
        """Where the key comes from: ``keyring``, the env var's name, or None."""
        if self.available:
            try:
                if self._backend.get_password(SERVICE, provider):
                    return "keyring"
            except (KeyringError, NoKeyringError):
                pass
        for name in ENV_VARS.get(provider, ()):
            if os.environ.get(name):
                return name
        return None

    def set(self, provider: str, key: str) -> None:
        key = key.strip()
        register_secret(key)
        if not self.available:
            raise KeyringError(self.fallback_help(provider))
        self.delete(provider)
        if len(key) <= _PART_CHARS:
            self._backend.set_password(SERVICE, provider, key)
            return
        parts = [key[i : i + _PART_CHARS] for i in range(0, len(key), _PART_CHARS)]
        for index, part in enumerate(parts):
            self._backend.set_password(SERVICE, f"{provider}#{index}", part)
        self._backend.set_password(SERVICE, provider, f"{_PARTS_MARK}{len(parts)}")

    def delete(self, provider: str) -> None:
        if not self.available:
            return
        try:
            head = self._backend.get_password(SERVICE, provider) or ""
            if head.startswith(_PARTS_MARK):
                for index in range(int(head[len(_PARTS_MARK):] or 0)):
                    self._backend.delete_password(SERVICE, f"{provider}#{index}")
            self._backend.delete_password(SERVICE, provider)
        except (KeyringError, ValueError):
            pass

    def _read(self, provider: str) -> str | None:
        """The stored secret, joined again when it was kept in parts."""
        head = self._backend.get_password(SERVICE, provider)
        if not head or not head.startswith(_PARTS_MARK):
            return head
        try:
            count = int(head[len(_PARTS_MARK):])
        except ValueError:
            return None
        parts = [self._backend.get_password(SERVICE, f"{provider}#{index}") for index in range(count)]
        return None if any(part is None for part in parts) else "".join(parts)

    def fallback_help(self, provider: str = "replicate") -> str:
        names = " or ".join(ENV_VARS.get(provider, (f"{provider.upper()}_API_KEY",)))
        return (
            "This system has no keyring service, so Studio cannot store keys. "
            f"Set {names} in the environment before starting Studio instead."
        )


def mask(key: str | None) -> str:
    """A form of a key safe to show: its first characters and last four."""
    if not key:
        return ""
    if len(key) <= 8:
        return "•" * len(key)
    prefix = key[:3] if key[:3].endswith("_") else ""
    return f"{prefix}…{key[-4:]}"
