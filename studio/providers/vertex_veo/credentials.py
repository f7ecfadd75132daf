"""google-auth credentials for a service account (the key itself is parsed in core)."""

from __future__ import annotations

from studio.core.errors import AuthError
from studio.core.service_account import ServiceAccount, parse_service_account

SCOPES = ("https://www.googleapis.com/auth/cloud-platform",)

__all__ = ["SCOPES", "ServiceAccount", "google_credentials", "parse_service_account"]


def google_credentials(account: ServiceAccount):
    """``google.oauth2.service_account.Credentials`` scoped to Cloud Platform."""
    from google.oauth2 import service_account

    try:
        return service_account.Credentials.from_service_account_info(account.info, scopes=list(SCOPES))
    except (ValueError, KeyError) as exc:
        raise AuthError(
            "The Google Cloud service-account key could not be read; download a new JSON key in the "
            "Cloud console and add it in Settings.",
            detail=type(exc).__name__,
        ) from None
