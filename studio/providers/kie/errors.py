"""Kie.ai's answers, turned into Studio's error taxonomy with one clear sentence each.

Kie puts its verdict in the body's ``code`` (often with HTTP 200), so both are read:
200 ok; 401 bad key; 402 out of credits; 404 not found; 422 a field failed validation
(``msg`` names it); 429 rate limited; 455 maintenance; 500 server error, or "This interface
is temporarily paused" (how Kie has answered every Sora 2 model since about June 2026);
501 generation failed; 505 feature disabled (docs.kie.ai get-task-detail; PROVIDERS.md §3).
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
    ModelUnavailable,
    QuotaError,
    RateLimited,
    StudioError,
    TransientError,
    redact,
)
from studio.providers._http import error_body, error_detail, retry_after
from studio.providers.base import SubmitNotSent

LABEL = "Kie.ai"

_PAUSED = re.compile(r"temporarily paused|interface is paused|has been paused|suspended", re.I)
_MODERATION = re.compile(
    r"content polic|moderat|sensitive|nsfw|safety|flagged|violat|prohibited|inappropriate|not allowed|guardrail", re.I
)
_ABOUT_IMAGE = re.compile(r"image|photo|picture|face|person|people", re.I)


def body_code(body: dict[str, Any]) -> int | None:
    """The body's ``code`` as an int, when it has one."""
    code = body.get("code")
    try:
        return int(code) if code is not None else None
    except (TypeError, ValueError):
        return None


def body_message(body: dict[str, Any]) -> str:
    for key in ("msg", "message", "error"):
        value = body.get(key)
        if isinstance(value, str) and value.strip():
            return redact(value.strip())
    return ""


def answer_status(response: httpx.Response) -> int:
    """The status Kie meant: the body ``code`` when it carries one, else the HTTP status.

    455 (maintenance) reads as 503, so the transport waits and retries it like any outage.
    """
    body = error_body(response)
    code = body_code(body)
    if code is None or (code == 200 and response.status_code >= 400):
        code = response.status_code
    return 503 if code == 455 else code


def is_paused(message: str) -> bool:
    return bool(_PAUSED.search(message or ""))


def code_error(
    code: int,
    message: str,
    *,
    context: str = "call",
    model: str | None = None,
    fields: dict[str, str] | None = None,
    wait: float | None = None,
) -> StudioError:
    """The error for a Kie ``code`` (from the body or the HTTP status) and its ``msg``.

    ``context`` is create, poll, upload or call; ``fields`` maps Kie input names to
    Studio's (``n_frames`` → ``duration``) so a 422 can name what to change.
    """
    said = message or "no reason given"
    name = model or "this model"
    if code == 401:
        return AuthError("Kie.ai did not accept the API key; check it in Settings (or KIE_API_KEY).", detail=message)
    if code == 402:
        return QuotaError(f"Your Kie.ai account has too few credits for this; top it up at kie.ai. Kie said: {said}",
                          detail=message)  # fmt: skip
    if code == 404:
        if context == "poll":
            return Expired("Kie.ai no longer knows this task; generate it again.", detail=message)
        if context == "create":
            return ModelUnavailable(f"Kie.ai does not know {name}; pick another model. Kie said: {said}", detail=message)
    if code == 422:
        return invalid_field(said, fields or {})
    if code == 429:
        when = f" in about {round(wait)} s" if wait else ""
        return RateLimited(f"Kie.ai asked Studio to slow down; it will try again{when}.", retry_after=wait, detail=message)
    if code == 455 and context == "create":
        return SubmitNotSent("Kie.ai is down for maintenance and took nothing; Studio will try again.", detail=message)
    if code == 455:
        return TransientError("Kie.ai is down for maintenance; try again later.", detail=message)
    if code == 500 and is_paused(message) and context != "poll":
        return ModelUnavailable(
            f"Kie.ai has paused {name} (\"{said}\"); Kie has paused its Sora 2 models since about June 2026. "
            "Pick another model, or try again later in case it is back.",
            detail=message,
        )
    if code == 501:
        return StudioError(f"Kie.ai could not make the video: {said}", detail=message)
    if code == 505:
        return ModelUnavailable(f"Kie.ai has switched this feature off for now: {said}", detail=message)
    if code >= 500 or code == 408:
        return TransientError(f"Kie.ai had a temporary problem (code {code}); try again in a moment.", detail=message)
    if code in (400, 413):
        return InvalidRequest(f"Kie.ai rejected the request: {said}", detail=message)
    return StudioError(f"Kie.ai answered code {code}: {said}", detail=message)


def invalid_field(message: str, fields: dict[str, str]) -> InvalidRequest:
    """A 422, naming the field when Kie's message mentions one of the inputs sent."""
    for kie_name, studio_name in sorted(fields.items(), key=lambda item: -len(item[0])):
        if re.search(rf"\b{re.escape(kie_name)}\b", message):
            return InvalidRequest(
                f"Kie.ai rejected the {studio_name.replace('_', ' ')}: {message}", field=studio_name, detail=message
            )
    return InvalidRequest(f"Kie.ai rejected the request: {message}", detail=message)


def error_mapper(
    *, context: str = "call", model: str | None = None, fields: dict[str, str] | None = None
) -> Callable[[httpx.Response], StudioError]:
    """A mapper for :mod:`studio.providers._http` (HTTP status >= 400; the body code wins when present)."""

    def mapper(response: httpx.Response) -> StudioError:
        body = error_body(response)
        code = body_code(body) or response.status_code
        if code == 200:  # an HTTP error wrapped around a "success" body: trust the status
            code = response.status_code
        message = body_message(body) or error_detail(response)
        return code_error(code, message, context=context, model=model, fields=fields, wait=retry_after(response))

    return mapper


def task_error(fail_code: Any, fail_msg: Any, *, images_given: Iterable[str] = ()) -> StudioError:
    """The error of a task whose ``state`` is ``fail`` (``failCode``/``failMsg``)."""
    text = redact(str(fail_msg or "").strip()) or "no reason given"
    code = str(fail_code or "").strip()
    if _MODERATION.search(text):
        images = list(images_given)
        input_name = "first_frame" if images and _ABOUT_IMAGE.search(text) else "prompt"
        return ContentRejected(
            f"Kie.ai's content filter refused this (the {input_name.replace('_', ' ')}): {text}",
            input_name=input_name,
            reason=text,
            detail=f"{code}: {text}" if code else text,
        )
    if is_paused(text):
        return ModelUnavailable(f"Kie.ai has paused this model: {text}", detail=text)
    return StudioError(f"Kie.ai could not make the video: {text}", detail=f"{code}: {text}" if code else text)
