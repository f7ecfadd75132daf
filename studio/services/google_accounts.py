"""Where the Google providers' credentials and places come from: keyring, settings, environment.

Vertex AI signs with a service-account JSON key. The window stores the JSON itself in the OS
keyring (under ``vertex``); the command line may instead name the file in
``GOOGLE_APPLICATION_CREDENTIALS``, as Google's own tools do. Project and location come from
settings, else ``GOOGLE_CLOUD_PROJECT``/``GOOGLE_CLOUD_LOCATION``, else the key's project and
``us-central1``.
"""

from __future__ import annotations

import os
from pathlib import Path

from studio.core.errors import AuthError
from studio.core.service_account import ServiceAccount, parse_service_account

from .secrets import Secrets
from .settings import Settings

CREDENTIALS_FILE_ENV = "GOOGLE_APPLICATION_CREDENTIALS"


def vertex_account(secrets: Secrets) -> ServiceAccount:
    """The service account from the keyring, else from the file the environment names."""
    text = secrets.get("vertex")
    if not text and os.environ.get(CREDENTIALS_FILE_ENV):
        path = Path(os.environ[CREDENTIALS_FILE_ENV]).expanduser()
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise AuthError(
                f"{CREDENTIALS_FILE_ENV} names {path.name}, which cannot be read "
                f"({getattr(exc, 'strerror', None) or type(exc).__name__})."
            ) from None
    return parse_service_account(text)


def vertex_place(settings: Settings, account: ServiceAccount) -> tuple[str, str]:
    """(project, location) for Vertex calls."""
    project = settings.get("providers.vertex.project") or os.environ.get("GOOGLE_CLOUD_PROJECT") or account.project_id
    location = (
        settings.get("providers.vertex.location") or os.environ.get("GOOGLE_CLOUD_LOCATION") or "us-central1"
    )
    return str(project), str(location)
