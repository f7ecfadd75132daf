"""Gemini API answers (Interactions API), turned into Studio's error taxonomy.

HTTP errors carry ``{"error": {"code", "message", "status"}}`` and reach us as the SDK's
``_interactions_errors.APIStatusError`` (``status_code``, ``body``, ``response``). A finished
interaction that produced no video says why through its ``status`` (``failed`` with
``errors``, ``incomplete``, ``budget_exceeded``, ``cancelled``); each gets its own sentence.
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

LABEL = "Gemini"
_SAFETY = re.compile(r"safety|blocked|\brai\b|prohibited|policy|identifiable|harm", re.I)


def from_http(status: int, body: Any, *, retry_after: float | None = None, context: str = "call") -> StudioError:
    """One Studio error for an HTTP error from the Gemini API."""
    error = body.get("error") if isinstance(body, dict) and isinstance(body.get("error"), dict) else {}
    message = str(error.get("message") or body or "")[:300]
    name = str(error.get("status") or "")
    detail = f"{status} {name}: {message}"
    if status in (401, 403) or "API key not valid" in message or name in ("UNAUTHENTICATED", "PERMISSION_DENIED"):
        return AuthError("Gemini did not accept the API key; check it in Settings → Gemini.", detail=detail)
    if status == 429 or name == "RESOURCE_EXHAUSTED":
        if re.search(r"billing|credit|prepay|spend", message, re.I):
            return QuotaError("Your Gemini API billing or credit has run out; top it up in Google AI Studio.", detail=detail)
        return RateLimited(
            "Gemini's quota for video is used up for now; Studio will send it again when it allows.",
            retry_after=retry_after,
            detail=detail,
        )
    if status == 404:
        if context == "edit" and not re.search(r"\bmodels/", message):
            return Expired(
                "Gemini no longer keeps the take you asked to edit (stored jobs are deleted after a while), so it "
                "cannot be edited; generate a new take and edit that one.",
                detail=detail,
            )
        if context in ("create", "edit"):
            return ModelUnavailable("Gemini has no such model for this key; pick another Gemini Omni model.", detail=detail)
        return Expired("Gemini no longer has this job or its video; generate it again.", detail=detail)
    if status in (400, 422):
        if _SAFETY.search(message):
            return ContentRejected(f"Gemini refused the request: {message.rstrip('.')}.", reason=message, detail=detail)
        return InvalidRequest(f"Gemini refused the request: {message.rstrip('.')}.", detail=detail)
    if status >= 500 or status == 408:
        return TransientError("Gemini is having trouble right now; Studio will try again.", detail=detail)
    return StudioError(f"Gemini refused the request: {message.rstrip('.')}.", detail=detail)


def map_sdk_error(exc: BaseException, *, context: str = "call") -> StudioError:
    """Any exception from the SDK (its interactions client or its models client) as a Studio error."""
    from google.genai import _interactions_errors as errors
    from google.genai import errors as genai_errors

    if isinstance(exc, StudioError):
        return exc
    if isinstance(exc, errors.APIStatusError):
        return from_http(exc.status_code, exc.body, retry_after=retry_after(exc.response), context=context)
    if isinstance(exc, genai_errors.APIError):
        body = {"error": {"message": exc.message, "status": exc.status}}
        return from_http(exc.code or 500, body, retry_after=retry_after(exc.response), context=context)
    return TransientError(f"{LABEL} could not be reached; Studio will try again.", detail=type(exc).__name__)



def finished_error(status: str, errors: list[dict[str, Any]] | None) -> StudioError:
    """Why a finished interaction has no video, one sentence per status."""
    first = (errors or [{}])[0] or {}
    message = str(first.get("message") or "")
    if status == "failed":
        if _SAFETY.search(message) or str(first.get("code", "")).upper() == "SAFETY":
            return ContentRejected(f"Gemini's safety filter blocked this: {message or 'no reason given'}",
                                   input_name=input_named(message), reason=message)  # fmt: skip
        return StudioError(f"Gemini could not make this video: {message or 'no reason given'}.")
    if status == "incomplete":
        return StudioError("Gemini stopped before the video was finished (incomplete); generate it again.")
    if status == "budget_exceeded":
        return QuotaError(
            "Gemini stopped this job at your project's spending limit; raise the limit in Google AI Studio or make "
            "a shorter clip."
        )
    if status == "requires_action":
        return StudioError("Gemini stopped this job to ask for an action Studio cannot take; generate it again.")
    if status == "cancelled":
        return StudioError("This Gemini job was cancelled before it finished.")
    return StudioError(f"Gemini ended this job as {status!r} with no video.")
