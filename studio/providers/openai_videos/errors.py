"""OpenAI's answers, turned into Studio's error taxonomy with one clear sentence each.

Errors come in OpenAI's envelope ``{"error": {"message", "type", "param", "code"}}``. A 429
is either a rate limit (retry later) or ``insufficient_quota`` (billing: retrying never
helps). ``model_not_found`` is, since 2026-09-24, the Sora 2 shutdown. A video that failed
carries ``error: {code, message}``; moderation shows up there or as a 400 at create.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import httpx

from studio.core.errors import (
    AuthError,
    ContentRejected,
    Expired,
    InvalidRequest,
    ModelShutDown,
    QuotaError,
    RateLimited,
    StudioError,
    TransientError,
    redact,
)
from studio.providers._http import error_body, error_detail, retry_after

LABEL = "OpenAI"

SHUTDOWN_SENTENCE = (
    "OpenAI shut the Sora 2 Videos API down on 2026-09-24 and named no replacement; pick another model, "
    "or set the OpenAI base URL to a gateway that still serves it"
)

# OpenAI's own words for a parameter, as Studio names it.
FIELD_NAMES = {"seconds": "duration", "size": "resolution", "input_reference": "first_frame", "prompt": "prompt"}

_MODERATION = re.compile(r"moderation|safety|content polic|blocked|flagged|not allowed|violat|guardrail", re.I)
_ABOUT_IMAGE = re.compile(r"image|face|photo|input_reference|reference", re.I)
_ABOUT_PROMPT = re.compile(r"prompt|text|public figure|copyright", re.I)


def envelope(response: httpx.Response) -> dict[str, Any]:
    """The ``error`` object of an OpenAI error response, or ``{}``."""
    err = error_body(response).get("error")
    return err if isinstance(err, dict) else {}


def error_mapper(*, context: str = "call", model: str | None = None) -> Callable[[httpx.Response], StudioError]:
    """A mapper for :mod:`studio.providers._http`; ``context`` is create, remix, poll, download or call."""

    def mapper(response: httpx.Response) -> StudioError:
        status = response.status_code
        err = envelope(response)
        code = str(err.get("code") or "")
        kind = str(err.get("type") or "")
        param = err.get("param") if isinstance(err.get("param"), str) else None
        detail = error_detail(response)
        if code == "model_not_found" or (status == 404 and context == "create"):
            name = model or "this model"
            return ModelShutDown(f"OpenAI answered that {name} does not exist: {SHUTDOWN_SENTENCE}.", detail=detail)
        if status == 401:
            return AuthError("OpenAI did not accept the API key; check it in Settings (or OPENAI_API_KEY).", detail=detail)
        if status == 403:
            return AuthError(f"This OpenAI key may not use the Videos API. OpenAI said: {detail}", detail=detail)
        if status == 429 and "insufficient_quota" in (code, kind):
            return QuotaError(
                f"OpenAI will not run this until billing is sorted out (the quota is used up): {detail}", detail=detail
            )
        if status == 429:
            wait = retry_after(response)
            when = f" in about {round(wait)} s" if wait else ""
            return RateLimited(f"OpenAI asked Studio to slow down; it will try again{when}.", retry_after=wait, detail=detail)
        if status in (400, 422) and (code == "moderation_blocked" or _MODERATION.search(detail)):
            return content_rejected(detail, param=param)
        if context == "remix" and (status in (404, 410) or code in ("video_not_found", "video_expired")):
            return Expired(
                "OpenAI no longer has the video this take came from (deleted or expired there), so it cannot be "
                "remixed; generate a new take and remix that one.",
                detail=detail,
            )
        if status in (404, 410) and context in ("poll", "download"):
            return Expired("OpenAI no longer has this video (its assets expire after about an hour); generate it again.",
                           detail=detail)  # fmt: skip
        if status in (400, 404, 409, 422):
            field = FIELD_NAMES.get(param or "", param)
            if field:
                return InvalidRequest(
                    f"OpenAI rejected the {field.replace('_', ' ')}: {detail or 'no reason given'}", field=field, detail=detail
                )
            return InvalidRequest(f"OpenAI rejected the request: {detail or 'no reason given'}", detail=detail)
        if status >= 500 or status == 408:
            return TransientError(f"OpenAI had a temporary problem (HTTP {status}); try again in a moment.", detail=detail)
        return StudioError(f"OpenAI answered HTTP {status}: {detail or 'no reason given'}", detail=detail)

    return mapper


def content_rejected(message: str, *, param: str | None = None, images_given: Iterable[str] = ()) -> ContentRejected:
    """A moderation refusal quoting OpenAI's reason, naming the input when it can be told."""
    text = redact(message.strip()) or "no reason given"
    input_name = FIELD_NAMES.get(param or "")
    if input_name is None:
        images = list(images_given)
        if _ABOUT_IMAGE.search(text) and images:
            input_name = "first_frame"
        elif _ABOUT_PROMPT.search(text) or not images:
            input_name = "prompt"
    about = f" (the {input_name.replace('_', ' ')})" if input_name else ""
    return ContentRejected(f"OpenAI's moderation refused this{about}: {text}", input_name=input_name, reason=text, detail=text)


def video_error(error: Any, *, images_given: Iterable[str] = ()) -> StudioError:
    """The error of a video whose ``status`` is ``failed``."""
    err = error if isinstance(error, dict) else {}
    code = str(err.get("code") or "")
    message = str(err.get("message") or "").strip() or "no reason given"
    if code == "model_not_found":
        return ModelShutDown(f"OpenAI answered that the model does not exist: {SHUTDOWN_SENTENCE}.", detail=message)
    if "moderation" in code or _MODERATION.search(message):
        return content_rejected(message, images_given=images_given)
    return StudioError(f"OpenAI could not make the video: {message}", detail=f"{code}: {message}" if code else message)
