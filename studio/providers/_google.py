"""Small pieces both Google adapters (Vertex Veo, Gemini Omni) need in the same way."""

from __future__ import annotations

import os
from pathlib import Path
from collections.abc import Callable
from typing import Any

from studio.core.errors import LostSubmission, MediaError, StudioError
from studio.core.request import mime_for_path

_CONNECT_ERRORS = {"ConnectError", "ConnectTimeout"}


def never_connected(exc: BaseException) -> bool:
    """True when a request provably never left: its connection could not even be opened.

    The SDKs wrap httpx's ``ConnectError`` in their own types, so the cause chain is walked.
    """
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if type(seen).__name__ in _CONNECT_ERRORS:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def retry_after(response: Any) -> float | None:
    """Seconds from a ``Retry-After`` header on an SDK's response object, if any."""
    try:
        value = response.headers.get("retry-after")
        return float(value) if value is not None else None
    except (AttributeError, TypeError, ValueError):
        return None


def input_named(message: str) -> str | None:
    """Which input a safety message is about, as Studio names inputs."""
    lowered = message.lower()
    if "image" in lowered:
        return "first_frame"
    if "prompt" in lowered or "text" in lowered:
        return "prompt"
    return "output" if "video" in lowered or "generated" in lowered else None


def read_image(path: str) -> tuple[bytes, str]:
    """An image's bytes and MIME type, or MediaError naming the file."""
    file = Path(path)
    try:
        return file.read_bytes(), mime_for_path(path) or "image/png"
    except OSError as exc:
        raise MediaError(f"Cannot read the image {file.name}: {exc.strerror or exc}.") from None


def write_atomically(dest: Path, data: bytes) -> None:
    """Write a result that arrived inline: a ``.part`` file, fsynced, renamed into place."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    with open(part, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(part, dest)


def create_failure(exc: BaseException, label: str, where_to_check: str, mapper: Callable[..., StudioError]) -> Exception:
    """What a failed paid create means: not sent, lost on the way back, or refused.

    ``SubmitNotSent`` when the connection never opened (safe to send again); ``LostSubmission``
    when the answer was lost after sending (neither provider lists jobs to reconcile with, so
    a person checks ``where_to_check``); otherwise the mapped refusal (nothing was created).
    """
    from studio.providers.base import SubmitNotSent

    if never_connected(exc):
        return SubmitNotSent(f"{label} could not be reached; nothing was sent.")
    error = mapper(exc, context="create")
    if error.kind == "transient":
        return LostSubmission(
            f"The answer from {label} was lost and it keeps no list of jobs; check {where_to_check} before "
            "generating this shot again.",
            detail=error.detail or error.user_message,
        )
    return error


async def close_clients(clients: dict[Any, Any], log: Any) -> None:
    """Close every google-genai client in ``clients`` (never raising: this runs at shutdown)."""
    for client in clients.values():
        try:
            await client.aio.aclose()
        except Exception:  # closing must never raise at shutdown
            log.debug("closing a google-genai client failed", exc_info=True)
    clients.clear()
