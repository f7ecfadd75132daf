"""Replicate's answers, turned into Studio's error taxonomy with one clear sentence each.

HTTP errors are RFC 7807 problem details (``{title, detail, status}``); a 422 for bad input
may list ``invalid_fields``. A *prediction* that failed carries a plain ``error`` string;
moderation shows up there (e.g. ``E005 … flagged as sensitive``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

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
)
from studio.providers._http import error_body, error_detail, retry_after

LABEL = "Replicate"

_MODERATION = re.compile(
    r"\bE005\b|flagged as sensitive|\bnsfw\b|safety|moderat|content polic|sensitive content|"
    r"violat\w* (?:our|the) (?:usage|content)|prohibited content|inappropriate",
    re.I,
)
# Which input a moderation message is about, in the order we look for it.
_INPUT_HINTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("last_frame", re.compile(r"last[ _]frame|end[ _]image|ending image", re.I)),
    ("reference_images", re.compile(r"reference[ _]image", re.I)),
    ("first_frame", re.compile(r"start[ _]image|first[ _]frame|input image|\bimage\b", re.I)),
    ("output", re.compile(r"\boutput\b|generated (?:video|content)", re.I)),
    ("prompt", re.compile(r"\bprompt\b|\btext\b", re.I)),
)
_FIELD_IN_DETAIL = re.compile(r"input\.([A-Za-z_][A-Za-z0-9_]*)")


def error_mapper(
    *, context: str = "call", model: str | None = None, field_names: Callable[[str], str] | None = None
) -> Callable[[httpx.Response], StudioError]:
    """A mapper for :mod:`studio.providers._http` that knows what was being done.

    ``context`` is ``"create"``, ``"poll"``, ``"model"`` or ``"call"``: a 404 means a missing
    model for a create, a forgotten prediction for a poll. ``field_names`` turns a
    Replicate input name back into Studio's (``start_image`` → ``first_frame``).
    """

    def mapper(response: httpx.Response) -> StudioError:
        status = response.status_code
        detail = error_detail(response)
        if status == 401:
            return AuthError("Replicate did not accept the API key; check it in Settings.", detail=detail)
        if status == 403:
            return AuthError("This Replicate key is not allowed to do that; check its permissions.", detail=detail)
        if status == 402:
            said = detail or "billing is not set up or the credit ran out"
            return QuotaError(f"Replicate will not run this until billing is sorted out: {said}", detail=detail)
        if status == 429:
            wait = retry_after(response)
            when = f" in about {round(wait)} s" if wait else ""
            return RateLimited(
                f"Replicate asked Studio to slow down; it will try again{when}.", retry_after=wait, detail=detail
            )
        if status == 404:
            if context in ("create", "model"):
                name = model or "this model"
                return ModelUnavailable(
                    f"Replicate does not know {name} (it may be retired or private); pick another model.",
                    detail=detail,
                )
            if context == "poll":
                return Expired("Replicate no longer knows this prediction; generate it again.", detail=detail)
        if status in (400, 422):
            return invalid_request(response, field_names)
        if status >= 500 or status == 408:
            return TransientError(
                f"Replicate had a temporary problem (HTTP {status}); try again in a moment.", detail=detail
            )
        said = f": {detail}" if detail else "."
        return StudioError(f"Replicate answered HTTP {status}{said}", detail=detail)

    return mapper


def invalid_request(response: httpx.Response, field_names: Callable[[str], str] | None = None) -> InvalidRequest:
    """A 422 naming the field when Replicate names one (``invalid_fields`` or ``input.<name>``)."""
    body = error_body(response)
    detail = error_detail(response)
    provider_field = None
    reason = detail
    fields = body.get("invalid_fields")
    if isinstance(fields, list) and fields and isinstance(fields[0], dict):
        provider_field = str(fields[0].get("field", "")).removeprefix("input.") or None
        reason = str(fields[0].get("description") or detail)
    if provider_field is None:
        match = _FIELD_IN_DETAIL.search(detail)
        provider_field = match.group(1) if match else None
    reason = reason.strip().lstrip("- ").strip()
    if provider_field:
        studio_field = field_names(provider_field) if field_names else provider_field
        return InvalidRequest(
            f"Replicate rejected the setting {studio_field.replace('_', ' ')}: {reason}",
            field=studio_field,
            detail=detail,
        )
    title = str(body.get("title") or "the request was invalid")
    return InvalidRequest(f"Replicate rejected the request ({title}): {reason or 'no reason given'}", detail=detail)


def prediction_error(error_text: str | None, *, images_given: Iterable[str] = ()) -> StudioError:
    """The error of a prediction whose status is ``failed``.

    Moderation refusals become :class:`ContentRejected`, quoting Replicate's reason and
    naming the input it concerns when the message says (or when only one input could be
    meant). ``images_given`` lists Studio's image slots that were sent.
    """
    text = (error_text or "").strip() or "no reason given"
    if _MODERATION.search(text):
        input_name = _which_input(text, list(images_given))
        about = f" (the {input_name.replace('_', ' ')})" if input_name else ""
        return ContentRejected(
            f"Replicate's safety filter refused this{about}: {text}",
            input_name=input_name,
            reason=text,
            detail=text,
        )
    if re.search(r"input validation error", text, re.I):
        return InvalidRequest(f"Replicate could not use an input: {text}", detail=text)
    return StudioError(f"Replicate could not make the video: {text}", detail=text)


def _which_input(text: str, images: list[str]) -> str | None:
    if re.search(r"input or (?:the )?output", text, re.I):
        return None  # Replicate's generic E005 wording names no particular input
    for name, pattern in _INPUT_HINTS:
        if pattern.search(text):
            if name == "first_frame" and images and "first_frame" not in images:
                # "input image" with only a last frame or references given: name what was sent.
                return images[0]
            return name
    return None
