"""Small pieces of the sentences jobs carry: the provider's name, a failure's cause."""

from __future__ import annotations

import re

from studio.core.errors import AuthError, RateLimited, StudioError
from studio.core.jobs import Job

from .provider_registry import PROVIDER_NAMES

RESUME_HINT = "it continues with 'studio-cli jobs resume' or when the window opens"


def provider_label(job: Job) -> str:
    """The provider's name for sentences ("Replicate")."""
    name = job.model_id.split(":", 1)[0]
    return PROVIDER_NAMES.get(name, name)


def short_reason(error: StudioError) -> str:
    """A short cause for a sentence: the HTTP status or the kind of failure, no advice."""
    text = f"{error.user_message} {error.detail or ''}"
    match = re.search(r"HTTP (\d{3})", text)
    if match:
        return f"HTTP {match.group(1)}"
    if isinstance(error, RateLimited):
        return "it asked Studio to slow down"
    if isinstance(error, AuthError):
        return "the key was refused"
    first = error.user_message.split(";")[0].rstrip(".")
    return first[:1].lower() + first[1:]
