"""Check values against a model's published input schema before anything is sent.

A model imported from its schema (``ModelSpec.schema_fields``) states every field it accepts,
with its type, choices and bounds. :func:`coerce_value` turns what a person typed into the
field's type or says why it cannot; :func:`check_input` is the last look at a provider input
object: a field the model does not declare, a missing required field or a value out of range
is refused here, naming the field, instead of costing a round trip and a 422.
"""

from __future__ import annotations

import math
from typing import Any

from .errors import InvalidRequest
from .modelspec import ExtraParam, ModelSpec

_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "string": "text",
    "array": "a list",
}


def coerce_value(param: ExtraParam, value: Any, *, label: str | None = None) -> Any:
    """``value`` as the type ``param`` declares (``"7"`` → 7 for an integer), within its choices and bounds.

    Raises :class:`InvalidRequest` naming the field when the value cannot be that type or
    lies outside what the schema allows.
    """
    name = label or param.name
    converted = _convert(param.type, value)
    if converted is _INVALID:
        raise InvalidRequest(
            f"{name} must be {_TYPE_WORDS.get(param.type, param.type)}; {value!r} is not.",
            field=param.name,
            allowed=param.choices or None,
        )
    if param.choices:
        match = next((c for c in param.choices if _same(c, converted)), _INVALID)
        if match is _INVALID:
            raise InvalidRequest(
                f"{name} must be one of {', '.join(map(str, param.choices))}; {value!r} is not.",
                field=param.name,
                allowed=param.choices,
            )
        converted = match
    if isinstance(converted, (int, float)) and not isinstance(converted, bool):
        low, high = param.minimum, param.maximum
        if (low is not None and converted < low) or (high is not None and converted > high):
            raise InvalidRequest(
                f"{name} must be {_range_words(low, high)}; {value!r} is not.", field=param.name
            )
    return converted


def check_input(spec: ModelSpec, data: dict[str, Any], *, namer: Any = None) -> None:
    """Refuse an input object the model's schema would reject (no-op without a known schema).

    ``namer`` maps a provider field back to Studio's word for it, for the message.
    """
    if not spec.has_schema:
        return
    name_of = namer or (lambda field: field)
    for key, value in data.items():
        declared = spec.schema_field(key)
        if declared is None:
            raise InvalidRequest(f"{spec.name} has no input called {key!r}; it was not sent.", field=name_of(key))
        if value is None or declared.type == "array":
            continue
        if declared.type == "string" and isinstance(value, str) and not declared.choices:
            continue  # free text and image URLs: nothing more the schema can say here
        coerce_value(declared, value, label=name_of(key))
    for required in spec.required_fields:
        if data.get(required) in (None, "", []):
            raise InvalidRequest(
                f"{spec.name} needs {_describe_field(name_of(required))}; the request has none.",
                field=name_of(required),
            )


_INVALID = object()


def _convert(kind: str, value: Any) -> Any:
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        return _INVALID
    if kind == "integer":
        if isinstance(value, bool):
            return _INVALID
        if isinstance(value, int):
            return value
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                return _INVALID
        return _INVALID
    if kind == "number":
        if isinstance(value, bool):
            return _INVALID
        if isinstance(value, (int, float)):
            return value if math.isfinite(value) else _INVALID
        if isinstance(value, str):
            try:
                number = float(value.strip())
            except ValueError:
                return _INVALID
            return number if math.isfinite(number) else _INVALID
        return _INVALID
    if kind == "array":
        return list(value) if isinstance(value, (list, tuple)) else _INVALID
    # strings: a number typed for a text choice ("5" for duration "5") is still that text
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    return _INVALID


def _same(choice: Any, value: Any) -> bool:
    if isinstance(choice, bool) or isinstance(value, bool):
        return choice is value
    if isinstance(choice, (int, float)) and isinstance(value, (int, float)):
        return float(choice) == float(value)
    return choice == value


def _range_words(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"between {_num(low)} and {_num(high)}"
    if low is not None:
        return f"at least {_num(low)}"
    return f"at most {_num(high)}"


def _num(value: float | None) -> str:
    return "" if value is None else (str(int(value)) if float(value).is_integer() else f"{value:g}")


def _describe_field(name: str) -> str:
    return {
        "first_frame": "a first frame (it makes video from an image, not from text alone)",
        "last_frame": "a last frame",
        "reference_images": "reference images",
        "prompt": "a prompt",
    }.get(name, f"a value for {name}")
