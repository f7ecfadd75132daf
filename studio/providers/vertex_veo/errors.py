"""Vertex AI's answers, turned into Studio's error taxonomy with one clear sentence each.

Errors arrive as ``google.rpc.Status`` JSON (``{"error": {"code", "message", "status"}}``),
raised by google-genai as ``errors.APIError`` (``.code``, ``.status``, ``.message``,
``.response``), or from google-auth while fetching a token. A finished operation can also
carry a Status, or a safety-filter count with its reasons.
"""

from __future__ import annotations

import re
from typing import Any

from studio.providers._google import input_named, retry_after
from studio.core.errors import (
    AuthError,
    ContentRejected,
    Expired,
    InvalidRequest,
    ModelUnavailable,
    QuotaError,
    RateLimited,
    StudioError,
    TransientError,
)

LABEL = "Vertex AI"
_PARAM = re.compile(r"\b(durationSeconds|aspectRatio|resolution|referenceImages|lastFrame|image|video|seed|"
                    r"negativePrompt|generateAudio|sampleCount|storageUri)\b")
_STUDIO_FIELD = {
    "durationSeconds": "duration", "aspectRatio": "aspect_ratio", "resolution": "resolution",
    "referenceImages": "reference_images", "lastFrame": "last_frame", "image": "first_frame",
    "video": "extend_video", "seed": "seed", "negativePrompt": "negative_prompt", "generateAudio": "audio",
}  # fmt: skip



def from_status(code: int | None, status: str | None, message: str, *, retry_after: float | None = None,
                context: str = "call") -> StudioError:
    """One Studio error for an HTTP code and a google.rpc status name."""
    status = (status or "").upper()
    detail = f"{code} {status}: {message}"[:400]
    if code == 401 or status == "UNAUTHENTICATED":
        return AuthError("Vertex AI did not accept the service account; check its JSON key in Settings.", detail=detail)
    if code == 403 or status == "PERMISSION_DENIED":
        lowered = message.lower()
        if "billing" in lowered:
            return QuotaError("Billing is not enabled on this Google Cloud project; enable it to use Veo.", detail=detail)
        return AuthError(
            "This service account may not use Vertex AI in that project; give it the Vertex AI User role and "
            "enable the Vertex AI API.",
            detail=detail,
        )
    if code == 429 or status == "RESOURCE_EXHAUSTED":
        return RateLimited(
            "Vertex AI's quota for Veo is used up for now; Studio will send it again when the quota allows.",
            retry_after=retry_after,
            detail=detail,
        )
    if code == 404 or status == "NOT_FOUND":
        if context == "create":
            return ModelUnavailable(
                "Vertex AI has no such Veo model in this project and region; check the location in Settings.",
                detail=detail,
            )
        return Expired("Vertex AI no longer has this job or its result; generate it again.", detail=detail)
    if code == 400 or status in ("INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE"):
        field = _PARAM.search(message)
        name = _STUDIO_FIELD.get(field.group(1), field.group(1)) if field else None
        return InvalidRequest(f"Vertex AI refused the request: {message.rstrip('.')}.", field=name, detail=detail)
    if code is not None and code >= 500 or status in ("UNAVAILABLE", "INTERNAL", "DEADLINE_EXCEEDED", "UNKNOWN"):
        return TransientError("Vertex AI is having trouble right now; Studio will try again.", detail=detail)
    return StudioError(f"Vertex AI refused the request: {message.rstrip('.')}.", detail=detail)


def map_sdk_error(exc: BaseException, *, context: str = "call") -> StudioError:
    """Any exception from google-genai or google-auth as a Studio error."""
    from google.auth import exceptions as auth_errors
    from google.genai import errors as genai_errors

    if isinstance(exc, StudioError):
        return exc
    if isinstance(exc, genai_errors.APIError):
        return from_status(
            exc.code, exc.status, str(exc.message or ""), retry_after=retry_after(exc.response), context=context
        )
    if isinstance(exc, auth_errors.RefreshError):
        return AuthError(
            "Google did not accept the service account's key (it may be deleted or disabled); add a fresh JSON "
            "key in Settings.",
            detail=type(exc).__name__,
        )
    if isinstance(exc, auth_errors.TransportError):
        return TransientError("Google's sign-in service could not be reached; Studio will try again.")
    return TransientError(f"{LABEL} could not be reached; Studio will try again.", detail=type(exc).__name__)


def finished_operation_error(error: dict[str, Any]) -> StudioError:
    """A job that ended with a google.rpc Status (rpc code numbers, not HTTP statuses).

    Nothing will be retried for it (the job is over), so no sentence promises a retry.
    """
    code = error.get("code")
    message = str(error.get("message") or "no reason given").rstrip(".")
    if code == 3 and re.search(r"safety|responsible ai|\brai\b|guideline|prohibited|sensitive", message, re.I):
        return ContentRejected(f"Vertex AI's safety filter blocked this: {message}.", input_name=input_named(message),
                               reason=message)  # fmt: skip
    if code == 3:
        return InvalidRequest(f"Vertex AI refused the request: {message}.")
    if code in (7, 16):
        return AuthError(f"Vertex AI stopped the job for lack of permission: {message}.")
    if code == 8:
        return QuotaError(f"Vertex AI ran out of quota while making this video ({message}); generate it again later.")
    return StudioError(f"Vertex AI could not make this video ({message}); generate it again.")


def operation_error(operation: dict[str, Any]) -> StudioError | None:
    """The error of a finished operation: its Status, or the safety filter's verdict."""
    error = operation.get("error")
    if isinstance(error, dict):
        return finished_operation_error(error)
    response = operation.get("response") or {}
    filtered = int(response.get("raiMediaFilteredCount") or 0)
    videos = response.get("videos") or []
    if filtered and not videos:
        reasons = [str(r) for r in response.get("raiMediaFilteredReasons") or []]
        reason = "; ".join(reasons) or "no reason given"
        return ContentRejected(
            f"Vertex AI's safety filter withheld the video: {reason}",
            input_name=input_named(reason),
            reason=reason,
        )
    if not videos:
        return StudioError("Vertex AI finished the job but sent no video; generate it again.")
    return None
