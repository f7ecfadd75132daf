"""What to do when the system has no keyring, in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.services.secrets import ENV_VARS

_OTHER_KEY_VARS = {"vertex": ("GOOGLE_APPLICATION_CREDENTIALS",)}  # a path to the JSON key, not the key


def fallback_help(provider: str) -> str:
    """The environment variables to set instead (the secrets service says this in English)."""
    names = ENV_VARS.get(provider) or _OTHER_KEY_VARS.get(provider, (f"{provider.upper()}_API_KEY",))
    return QCoreApplication.translate(
        "KeyringHelp",
        "This system has no keyring service, so Studio cannot store keys. Set %1 in the environment before starting Studio instead.",
    ).replace("%1", QCoreApplication.translate("KeyringHelp", " or ").join(names))
