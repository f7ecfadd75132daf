"""One error taxonomy for every provider and service.

Providers raise these at their boundary; the runner, the CLI and the window only ever
see these types. Each carries a ``user_message``: one clear sentence a creator can act on.
Messages never contain keys or tokens (see :func:`redact`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SECRET_PATTERNS = [
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{6,}"),
    re.compile(r"r8_[A-Za-z0-9]{8,}"),
    re.compile(r"sk-(?:proj-)?[A-Za-z0-9_-]{8,}"),
    re.compile(r"AIza[0-9A-Za-z_-]{10,}"),
    re.compile(r"(?i)((?:api[_-]?key|token|authorization|x-goog-api-key)[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]{6,}"),
]

_known_secrets: set[str] = set()


def register_secret(value: str | None) -> None:
    """Remember a secret value so :func:`redact` removes it wherever it appears."""
    if value and len(value) >= 6:
        _known_secrets.add(value)


def redact(text: str) -> str:
    """Return ``text`` with every known secret and key-shaped token replaced by ``***``."""
    for secret in _known_secrets:
        text = text.replace(secret, "***")
    for pattern in _SECRET_PATTERNS:
        if pattern.groups:
            text = pattern.sub(lambda m: m.group(1) + "***", text)
        else:
            text = pattern.sub("***", text)
    return text


class StudioError(Exception):
    """Base of every error Studio reports to a person.

    ``user_message`` is one sentence for the window or the CLI; ``detail`` is what the
    provider or library said, already redacted.
    """

    kind = "error"
    exit_code = 5

    def __init__(self, user_message: str, *, detail: str | None = None) -> None:
        self.user_message = redact(user_message)
        self.detail = redact(detail) if detail else None
        super().__init__(self.user_message)

    def to_dict(self) -> dict:
        """A JSON-safe form, stored with the job so the sentence survives a restart."""
        return {"kind": self.kind, "message": self.user_message, "detail": self.detail}


class InvalidRequest(StudioError):
    """The request cannot be sent as it is; ``field`` names what to change."""

    kind = "invalid_request"
    exit_code = 2

    def __init__(
        self,
        user_message: str,
        *,
        field: str | None = None,
        allowed: Iterable | None = None,
        detail: str | None = None,
    ) -> None:
        self.field = field
        self.allowed = list(allowed) if allowed is not None else None
        super().__init__(user_message, detail=detail)

    def to_dict(self) -> dict:
        data = super().to_dict()
        data.update(field=self.field, allowed=self.allowed)
        return data


class AuthError(StudioError):
    """The key is missing, wrong or lacks access."""

    kind = "auth"
    exit_code = 4


class QuotaError(StudioError):
    """Billing is not set up, credit ran out, or the budget cap was reached."""

    kind = "quota"
    exit_code = 4


class RateLimited(StudioError):
    """The provider asked us to slow down; ``retry_after`` is in seconds when known."""

    kind = "rate_limited"
    exit_code = 5

    def __init__(self, user_message: str, *, retry_after: float | None = None, detail: str | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(user_message, detail=detail)

    def to_dict(self) -> dict:
        data = super().to_dict()
        data["retry_after"] = self.retry_after
        return data


class ContentRejected(StudioError):
    """Moderation refused the request; ``input_name`` says which input when the provider did."""

    kind = "content_rejected"
    exit_code = 3

    def __init__(
        self, user_message: str, *, input_name: str | None = None, reason: str | None = None, detail: str | None = None
    ) -> None:
        # The provider's own words: they can echo a request's header or token back.
        self.input_name = redact(input_name) if input_name else input_name
        self.reason = redact(reason) if reason else reason
        super().__init__(user_message, detail=detail)

    def to_dict(self) -> dict:
        data = super().to_dict()
        data.update(input_name=self.input_name, reason=self.reason)
        return data


class ModelUnavailable(StudioError):
    """The model is retired, paused or unknown to the provider."""

    kind = "model_unavailable"
    exit_code = 2


class ModelShutDown(ModelUnavailable):
    """The provider answered that the model no longer exists (a shutdown after we sent it).

    Unlike a refusal before sending (exit 2, a choice to change), this is a failure the
    person could not have avoided from Studio's side, so the CLI exits 5.
    """

    kind = "model_shut_down"
    exit_code = 5


class TransientError(StudioError):
    """A 5xx, a reset or a timeout: worth retrying where retrying is safe."""

    kind = "transient"
    exit_code = 5


class Expired(StudioError):
    """The result is no longer downloadable (the provider deleted it)."""

    kind = "expired"
    exit_code = 5


class Cancelled(StudioError):
    """The person cancelled the work."""

    kind = "cancelled"
    exit_code = 130


class NotCancellable(StudioError):
    """A job that cannot be cancelled from here now; the sentence says why and when it can be."""

    kind = "not_cancellable"
    exit_code = 2


class MediaError(StudioError):
    """A media file could not be read, decoded or written."""

    kind = "media"
    exit_code = 2


class ProjectError(StudioError):
    """A project folder is malformed, from a newer version, or cannot be written.

    ``field`` names the project field at fault when one is (``duration``, ``first_frame`` …).
    """

    kind = "project"
    exit_code = 2

    def __init__(self, user_message: str, *, field: str | None = None, detail: str | None = None) -> None:
        self.field = field
        super().__init__(user_message, detail=detail)

    def to_dict(self) -> dict:
        data = super().to_dict()
        data["field"] = self.field
        return data


class StorageError(StudioError):
    """A folder Studio writes to is unusable: read-only, not a folder, or its disk is full.

    ``exit_code`` is 2 when the person must change something (a read-only or misnamed data
    folder) and 5 when waiting may help (a full disk).
    """

    kind = "storage"
    exit_code = 2

    def __init__(self, user_message: str, *, exit_code: int = 2, detail: str | None = None) -> None:
        self.exit_code = exit_code
        super().__init__(user_message, detail=detail)

    def to_dict(self) -> dict:
        data = super().to_dict()
        data["exit_code"] = self.exit_code
        return data


class LostSubmission(StudioError):
    """A submit whose answer was lost: it may or may not be running (and billed) remotely."""

    kind = "unknown"
    exit_code = 5


_KINDS: dict[str, type[StudioError]] = {
    cls.kind: cls
    for cls in (
        InvalidRequest,
        AuthError,
        QuotaError,
        RateLimited,
        ContentRejected,
        ModelUnavailable,
        ModelShutDown,
        TransientError,
        Expired,
        Cancelled,
        NotCancellable,
        MediaError,
        ProjectError,
        StorageError,
        LostSubmission,
    )
}


def error_from_dict(data: dict) -> StudioError:
    """Rebuild an error stored by :meth:`StudioError.to_dict`."""
    cls = _KINDS.get(data.get("kind", ""), StudioError)
    message = data.get("message", "Something went wrong.")
    detail = data.get("detail")
    if cls is InvalidRequest:
        return InvalidRequest(message, field=data.get("field"), allowed=data.get("allowed"), detail=detail)
    if cls is RateLimited:
        return RateLimited(message, retry_after=data.get("retry_after"), detail=detail)
    if cls is ContentRejected:
        return ContentRejected(message, input_name=data.get("input_name"), reason=data.get("reason"), detail=detail)
    if cls is ProjectError:
        return ProjectError(message, field=data.get("field"), detail=detail)
    if cls is StorageError:
        return StorageError(message, exit_code=int(data.get("exit_code") or 2), detail=detail)
    return cls(message, detail=detail)


def action_hint(error: StudioError) -> str:
    """What the person can do next, in a few words (a button label or CLI hint)."""
    return {
        "auth": "Check the key in Settings",
        "quota": "Check billing with the provider or raise the budget cap",
        "rate_limited": "It will retry on its own",
        "content_rejected": "Change the prompt or the image",
        "invalid_request": "Fix the highlighted setting",
        "model_unavailable": "Pick another model",
        "model_shut_down": "Pick another model",
        "transient": "Retry",
        "expired": "Generate again",
        "cancelled": "",
        "not_cancellable": "",
        "media": "Pick another file",
        "project": "Open another project",
        "storage": "Free disk space or choose another folder",
        "unknown": "Check the provider's dashboard before retrying",
        "stalled": "Resume it; nothing is paid again",
    }.get(error.kind, "Retry")
