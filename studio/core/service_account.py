"""A Google Cloud service-account JSON key, parsed and checked without leaking it.

The whole JSON is a secret (it holds a private key): it lives in the OS keyring under
``vertex`` (or, for the command line, in the file ``GOOGLE_APPLICATION_CREDENTIALS`` names).
Every secret part is registered for redaction the moment it is parsed, and nothing here puts
the JSON, the key or a token into an exception message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .errors import AuthError, register_secret

_REQUIRED = ("type", "project_id", "private_key", "client_email", "token_uri")


@dataclass(frozen=True)
class ServiceAccount:
    """A parsed service-account JSON; ``info`` is the dict google-auth reads."""

    info: dict[str, Any]

    @property
    def project_id(self) -> str:
        return str(self.info["project_id"])

    @property
    def client_email(self) -> str:
        return str(self.info["client_email"])

    def __repr__(self) -> str:  # never show the key, even in a traceback's locals
        return f"ServiceAccount({self.client_email!r})"


def parse_service_account(text: str | None) -> ServiceAccount:
    """Validate a service-account JSON; AuthError (one sentence, no content) when it is not one."""
    if not text or not text.strip():
        raise AuthError(
            "No Google Cloud service account is set: add its JSON key in Settings → Vertex AI, or set "
            "GOOGLE_APPLICATION_CREDENTIALS for the command line."
        )
    register_secret(text.strip())
    try:
        info = json.loads(text)
    except ValueError:
        raise AuthError("The Vertex AI credentials are not a JSON file; add the service account's JSON key.") from None
    if not isinstance(info, dict):
        raise AuthError("The Vertex AI credentials are not a service-account JSON key.")
    for name in ("private_key", "private_key_id"):
        value = info.get(name)
        if isinstance(value, str):
            register_secret(value)
            register_secret(value.strip())
            for line in value.splitlines():  # a key quoted line by line is still redacted
                register_secret(line.strip() if len(line.strip()) >= 16 else None)
    missing = [name for name in _REQUIRED if not info.get(name)]
    if info.get("type") not in (None, "service_account"):
        raise AuthError(
            f"This Google credential is a {info.get('type')!r}, not a service account; create a service-account "
            "JSON key for Vertex AI."
        )
    if missing:
        raise AuthError(f"The service-account JSON lacks {', '.join(missing)}; download a fresh key.")
    return ServiceAccount(info)
