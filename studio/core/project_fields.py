"""Checks of every field a project file can hold: type, range, enum, id shape, path shape.

A project file is untrusted input (it may come from a shared folder or be edited by hand),
so nothing it says is used before it passes these checks. A failed check raises
:class:`~studio.core.errors.ProjectError` whose one sentence names the field and what it
must be, e.g. ``Shot 2's duration must be a number of seconds above 0 and at most 3600
(it is 'abc').``

Paths are checked for their *shape* here (relative, no ``..``, no drive or root); whether a
path really stays inside the project folder once symlinks are followed is checked where the
folder is known (:mod:`studio.services.project_paths`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from .errors import ProjectError

CONTINUITY_MODES = ("independent", "chained", "bridged")
TRANSITIONS = ("cut", "crossfade")

# Ids name files (``continuity-<shot id>-first.png``), so they are plain tokens.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
MAX_PATH_LENGTH = 1024
MAX_SHOTS = 2000
MAX_TAKES = 500
MAX_REFERENCES = 16
MAX_SECONDS = 3600.0
MAX_BUDGET = 1_000_000.0


class Unfit(ValueError):
    """A value that fails a check; ``requirement`` completes "… must be <requirement>"."""

    def __init__(self, requirement: str) -> None:
        super().__init__(requirement)
        self.requirement = requirement


Check = Callable[[Any], Any]


def check_id(value: Any, field: str = "id") -> str:
    """``value`` if it is a safe id (letters, digits, ``-``, ``_``; at most 64), else ProjectError."""
    try:
        return _id(value)
    except Unfit as unfit:
        raise field_error(field, value, unfit) from None


def check_project_path(value: Any, field: str) -> str:
    """``value`` if it is a relative path that cannot leave its folder by its shape, else ProjectError."""
    try:
        return _path(value)
    except Unfit as unfit:
        raise field_error(field, value, unfit) from None


def field_error(field: str, value: Any, unfit: Unfit, where: str = "") -> ProjectError:
    """The one sentence for a field that failed its check (``where`` like "Shot 2's ")."""
    subject = f"{where}{field}" if where else f"The field {field}"
    return ProjectError(f"{subject} must be {unfit.requirement} (it is {_show(value)}).", field=field)


def check_fields(checks: Mapping[str, Check], values: Mapping[str, Any], where: str = "") -> dict[str, Any]:
    """Each known field of ``values`` checked (and normalised, e.g. 4 → 4.0); unknown ones dropped."""
    clean: dict[str, Any] = {}
    for name, value in values.items():
        check = checks.get(name)
        if check is None:
            continue
        try:
            clean[name] = check(value)
        except Unfit as unfit:
            raise field_error(name, value, unfit, where) from None
    return clean


# -- single-value checks (each returns the value, normalised, or raises Unfit) --------------


def derivation(value: Any) -> dict[str, Any]:
    """A take's provenance as a remix, edit or extension of another take of its shot."""
    requirement = 'an object like {"op": "remix", "take_id": "…", "job_id": "…"}'
    if not isinstance(value, dict) or value.get("op") not in ("remix", "edit", "extend"):
        raise Unfit(requirement)
    take_id, job_id = value.get("take_id"), value.get("job_id")
    if not isinstance(take_id, str) or not ID_PATTERN.fullmatch(take_id):
        raise Unfit(requirement)
    if job_id is not None and (not isinstance(job_id, str) or len(job_id) > 200):
        raise Unfit(requirement)
    return {"op": value["op"], "take_id": take_id, "job_id": job_id}


def _id(value: Any) -> str:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise Unfit("an id of letters, digits, '-' and '_' (at most 64)")
    return value


def _path(value: Any) -> str:
    requirement = "a path inside the project folder, like assets/image.png"
    if not isinstance(value, str) or not value or len(value) > MAX_PATH_LENGTH:
        raise Unfit(requirement)
    if "\x00" in value or "\\" in value or value.startswith(("/", "~")) or re.match(r"[A-Za-z]:", value):
        raise Unfit(requirement)
    parts = value.split("/")
    if any(part in ("..", "") for part in parts) or parts == ["."]:
        raise Unfit(requirement)
    return value


def text(limit: int) -> Check:
    def check(value: Any) -> str:
        if not isinstance(value, str) or len(value) > limit or "\x00" in value:
            raise Unfit(f"text of at most {limit} characters")
        return value

    return check


def number(low: float, high: float, unit: str = "", *, above: bool = False) -> Check:
    """A finite int or float in ``[low, high]`` (``(low, high]`` with ``above``), as a float."""
    bounds = f"above {low:g} and at most {high:g}" if above else f"from {low:g} to {high:g}"
    kind = f"a number of {unit}" if unit else "a number"
    requirement = f"{kind} {bounds}"

    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Unfit(requirement)
        try:
            as_float = float(value)
        except OverflowError:
            raise Unfit(requirement) from None
        if not math.isfinite(as_float) or as_float > high or as_float < low or (above and as_float == low):
            raise Unfit(requirement)
        return as_float

    return check


def integer(low: int, high: int, unit: str = "") -> Check:
    """A whole number in ``[low, high]`` (``4.0`` is accepted as 4; ``true`` is not a number)."""
    kind = f"a whole number of {unit}" if unit else "a whole number"
    requirement = f"{kind} from {low} to {high}"

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Unfit(requirement)
        if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
            raise Unfit(requirement)
        whole = int(value)
        if not low <= whole <= high:
            raise Unfit(requirement)
        return whole

    return check


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Unfit("true or false")
    return value


def one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any) -> str:
        if value not in choices or not isinstance(value, str):
            raise Unfit("one of " + ", ".join(choices))
        return value

    return check


def optional(inner: Check) -> Check:
    def check(value: Any) -> Any:
        return None if value is None else inner(value)

    return check


def path_list(limit: int) -> Check:
    def check(value: Any) -> list[str]:
        if not isinstance(value, list) or len(value) > limit:
            raise Unfit(f"a list of at most {limit} paths inside the project folder")
        return [_path(item) for item in value]

    return check


def id_list(limit: int) -> Check:
    """A list of at most ``limit`` short identifiers (job ids)."""

    def check(value: Any) -> list[str]:
        if not isinstance(value, list) or len(value) > limit:
            raise Unfit(f"a list of at most {limit} job ids")
        return [text(200)(item) for item in value]

    return check


def optional_path(value: Any) -> str | None:
    """A path, or nothing (``null`` or an empty string)."""
    return _path(value) if value not in (None, "") else None


def take_path(value: Any) -> str:
    """A take's clip: a path inside the project, or empty while it has none."""
    return _path(value) if value != "" else ""


_SCALAR_TEXT = 10_000


def _extra_value(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        if len(value) > _SCALAR_TEXT:
            raise Unfit(f"text of at most {_SCALAR_TEXT} characters")
        return value
    if isinstance(value, int):
        if abs(value) > 2**53:
            raise Unfit("a number of at most 2^53")
        return value
    if isinstance(value, float):
        if not math.isfinite(value) or abs(value) > 2**53:
            raise Unfit("a finite number")
        return value
    raise Unfit("text, a number, true/false or null")


def extra_params(value: Any) -> dict[str, Any]:
    """Model-specific parameters: a JSON object of short names to plain values (or lists of them)."""
    requirement = "an object of parameter names to text, numbers, true/false or short lists of them"
    if not isinstance(value, dict) or len(value) > 100:
        raise Unfit(requirement)
    clean: dict[str, Any] = {}
    for name, item in value.items():
        if not isinstance(name, str) or not name or len(name) > 100:
            raise Unfit(requirement)
        try:
            if isinstance(item, list):
                if len(item) > 100:
                    raise Unfit(requirement)
                clean[name] = [_extra_value(x) for x in item]
            else:
                clean[name] = _extra_value(item)
        except Unfit as unfit:
            raise Unfit(f"an object whose {name[:40]!r} is {unfit.requirement}") from None
    return clean


MAX_CROP = 1_000_000


def valid_crops(value: Any) -> dict[str, list[int]]:
    """The well-formed entries of a shot's ``crops`` (slot → [x, y, width, height]); the rest dropped.

    A crop only says which pixels of the project's own image are sent, so a malformed one is
    left out (the frame is fitted afresh) rather than refusing the project.
    """
    if not isinstance(value, dict):
        return {}
    crops = {}
    for slot, rect in value.items():
        if (
            isinstance(slot, str)
            and len(slot) <= 32
            and isinstance(rect, (list, tuple))
            and len(rect) == 4
            and all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_CROP for v in rect)
            and rect[2] > 0
            and rect[3] > 0
        ):
            crops[slot] = [int(v) for v in rect]
    return crops


def crops(value: Any) -> dict[str, list[int]]:
    """A shot's crops as an edit sets them: every entry well formed, or refused."""
    if valid_crops(value) != value:
        raise Unfit("four whole numbers per frame: x, y, width and height")
    return value


# -- the fields of each part of a project ---------------------------------------------------

TAKE_FIELDS: dict[str, Check] = {
    "id": _id,
    "path": take_path,
    "job_id": optional(text(200)),
    "model_id": text(200),
    "duration": number(0, 24 * MAX_SECONDS, "seconds"),
    "width": integer(0, 16384, "pixels"),
    "height": integer(0, 16384, "pixels"),
    "has_audio": boolean,
    "seed": optional(integer(-(2**63), 2**64 - 1)),
    "cost": optional(number(0, 1e6)),
    "created_at": number(0, 1e11, "seconds since 1970"),
    "derived_from": optional(derivation),
}

SHOT_FIELDS: dict[str, Check] = {
    "id": _id,
    "title": text(500),
    "prompt": text(50_000),
    "negative_prompt": text(50_000),
    "model_id": text(200),
    "duration": number(0, MAX_SECONDS, "seconds", above=True),
    "aspect_ratio": optional(text(32)),
    "resolution": optional(text(32)),
    "audio": optional(boolean),
    "seed": optional(integer(0, 2**32 - 1)),
    "extra": extra_params,
    "first_frame": optional_path,
    "last_frame": optional_path,
    "reference_images": path_list(MAX_REFERENCES),
    "crops": crops,
    "continuity": one_of(CONTINUITY_MODES),
    "chosen_take_id": optional(_id),
    "removed_take_jobs": id_list(MAX_TAKES),
    "trim_in": number(0, 24 * MAX_SECONDS, "seconds"),
    "trim_out": optional(number(0, 24 * MAX_SECONDS, "seconds")),
    "transition": one_of(TRANSITIONS),
    "transition_duration": number(0, 60, "seconds"),
}

SETTINGS_FIELDS: dict[str, Check] = {
    "width": integer(16, 8192, "pixels"),
    "height": integer(16, 8192, "pixels"),
    "fps": number(1, 240, "frames per second"),
    "style": text(2000),
    "budget": optional(number(0, MAX_BUDGET, "US dollars")),
}


def _show(value: Any) -> str:
    """A short, safe rendering of an offending value for the sentence."""
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return repr(shown)
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, (int, float)):
        text_form = repr(value)
        return text_form if len(text_form) <= 40 else text_form[:37] + "…"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
