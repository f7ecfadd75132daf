"""Checking a delivered clip against its request, without ever throwing a paid clip away.

A clip that plays but differs from what was asked (length, picture shape, sound) is
delivered with warnings that say what differs; only a clip that cannot be played at all is
refused, and the runner then keeps it in the quarantine folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.core.errors import MediaError

if TYPE_CHECKING:
    from .media import MediaInfo


def inspect_clip(path: Path, request: dict[str, Any], *, tolerance: float = 1.5) -> tuple[MediaInfo, list[str]]:
    """The clip's probe and the ways it differs from ``request`` (one sentence each).

    Raises :class:`MediaError` only when the file cannot be played (no video, nothing
    decodes); its sentence never names the file, whose name is a temporary one.
    """
    from .media import validate_clip  # PyAV loads only when a clip arrives

    path = Path(path)
    try:
        info = validate_clip(path)
    except MediaError as error:
        raise MediaError(
            error.user_message.replace(path.name, "The clip", 1), detail=error.detail or error.user_message
        ) from None
    warnings: list[str] = []
    asked = request.get("duration")
    if isinstance(asked, (int, float)) and asked > 0 and abs(info.duration - asked) > tolerance:
        warnings.append(f"The clip is {info.duration:.1f} s long; {asked:g} s was asked for.")
    if request.get("audio") is True and info.audio is None:
        warnings.append("The clip has no sound, though sound was asked for.")
    shape = _orientation_asked(request.get("aspect_ratio"))
    if shape and info.video is not None:
        got = _orientation(info.video.width, info.video.height)
        if got != shape:
            warnings.append(
                f"The picture is {info.video.width}x{info.video.height} ({got}), "
                f"but {request.get('aspect_ratio')} ({shape}) was asked for."
            )
    return info, warnings


def _orientation(width: float, height: float) -> str:
    if width <= 0 or height <= 0:
        return "unknown"
    ratio = width / height
    if ratio > 1.05:
        return "landscape"
    if ratio < 0.95:
        return "portrait"
    return "square"


def _orientation_asked(aspect: Any) -> str | None:
    if not isinstance(aspect, str) or ":" not in aspect:
        return None
    try:
        width, height = (float(x) for x in aspect.split(":", 1))
    except ValueError:
        return None
    return _orientation(width, height)
