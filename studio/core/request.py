"""A generation request, its validation against a ModelSpec, and its cost quote.

Validation happens before any provider is called: a bad request raises
:class:`~studio.core.errors.InvalidRequest` naming the field and the allowed values.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from .errors import InvalidRequest, ModelUnavailable
from .modelspec import LIVE, ModelSpec
from .schema_check import coerce_value

_EXTENSION_MIME = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".bmp": "image/bmp",
    ".gif": "image/gif",
}


def mime_for_path(path: str) -> str | None:
    """The image MIME type a file name promises (its content is checked elsewhere)."""
    dot = path.rfind(".")
    return _EXTENSION_MIME.get(path[dot:].lower()) if dot >= 0 else None


@dataclass(frozen=True)
class GenerationRequest:
    """What a person asked for. ``None`` means "the model's default"."""

    model_id: str
    prompt: str
    negative_prompt: str | None = None
    duration: float | None = None
    aspect_ratio: str | None = None
    resolution: str | None = None
    audio: bool | None = None
    seed: int | None = None
    first_frame: str | None = None
    last_frame: str | None = None
    reference_images: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    # Set on a remix, edit or extension: {"op", "take_id", "job_id"} of the take it changes.
    derived_from: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["reference_images"] = list(self.reference_images)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "GenerationRequest":
        data = dict(data)
        data["reference_images"] = tuple(data.get("reference_images") or ())
        data["extra"] = dict(data.get("extra") or {})
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})

    def image_inputs(self) -> dict[str, list[str]]:
        """Image paths by slot name, only the slots that are set."""
        slots: dict[str, list[str]] = {}
        if self.first_frame:
            slots["first_frame"] = [self.first_frame]
        if self.last_frame:
            slots["last_frame"] = [self.last_frame]
        if self.reference_images:
            slots["reference_images"] = list(self.reference_images)
        return slots


@dataclass(frozen=True)
class ValidatedRequest:
    """A request with every default filled in, plus what the provider will ignore."""

    request: GenerationRequest
    size: tuple[int, int]
    fps: float
    warnings: tuple[str, ...] = ()
    cost: float | None = None
    currency: str = "USD"

    @property
    def duration(self) -> float:
        assert self.request.duration is not None
        return self.request.duration


def validate(spec: ModelSpec, request: GenerationRequest, *, allow_retired: bool = False) -> ValidatedRequest:
    """Fill defaults and check ``request`` against ``spec``.

    Raises :class:`InvalidRequest` (naming the field and allowed values) or
    :class:`ModelUnavailable`. Warnings say what the provider will ignore.
    """
    # allow_retired is the person's "send it anyway" for any model not marked live: a
    # retired one may live on behind a gateway, a paused one may have come back.
    if spec.status.state != LIVE and not allow_retired:
        raise ModelUnavailable(f"{spec.name} is {spec.status.describe()}.")

    warnings: list[str] = []
    prompt = (request.prompt or "").strip()
    if not prompt and (not request.first_frame or spec.param_name("prompt") in spec.required_fields):
        raise InvalidRequest("Write a prompt first: the prompt is empty.", field="prompt")
    if spec.max_prompt_length and len(prompt) > spec.max_prompt_length:
        raise InvalidRequest(
            f"The prompt is {len(prompt)} characters; {spec.name} takes at most {spec.max_prompt_length}.",
            field="prompt",
        )

    duration = spec.default_duration if request.duration is None else _finite(request.duration, "duration")
    if duration <= 0:
        raise InvalidRequest(
            f"The duration must be more than zero seconds; {spec.name} allows {spec.durations.describe()}.",
            field="duration",
            allowed=spec.durations.choices or None,
        )
    extra = _checked_extra(spec, request.extra)
    if _frames_at_own_fps(spec, extra):
        _check_frames(spec, duration, extra)
    elif not spec.durations.allows(duration):
        raise InvalidRequest(
            f"{_num(duration)} s is not a duration {spec.name} can make; it allows {spec.durations.describe()}.",
            field="duration",
            allowed=spec.durations.choices or None,
        )

    aspect = request.aspect_ratio or spec.default_aspect
    if not spec.has_aspect_setting:
        if request.aspect_ratio:
            spec.size_for(None, aspect)  # still a real W:H ratio, or InvalidRequest
            warnings.append(f"{spec.name} takes its shape from its image and has no aspect ratio setting; {aspect} is not sent.")
    elif aspect not in spec.aspect_ratios:
        raise InvalidRequest(
            f"{spec.name} cannot make {aspect}; it allows {', '.join(spec.aspect_ratios)}.",
            field="aspect_ratio",
            allowed=spec.aspect_ratios,
        )

    resolution = request.resolution or spec.default_resolution
    if spec.resolutions and resolution not in spec.resolutions:
        raise InvalidRequest(
            f"{spec.name} cannot make {resolution}; it allows {', '.join(spec.resolutions)}.",
            field="resolution",
            allowed=list(spec.resolutions),
        )
    if not spec.resolutions and request.resolution:
        warnings.append(f"{spec.name} has no resolution setting; {request.resolution} is ignored.")

    if request.audio and not spec.audio_supported:
        raise InvalidRequest(f"{spec.name} makes no sound; turn audio off.", field="audio", allowed=[False])
    audio = spec.audio_default if request.audio is None else bool(request.audio)
    if spec.audio_always:
        audio = True

    if request.negative_prompt and not spec.negative_prompt_param:
        raise InvalidRequest(f"{spec.name} takes no negative prompt.", field="negative_prompt")
    if request.seed is not None and not spec.seed_param:
        raise InvalidRequest(f"{spec.name} takes no seed.", field="seed")
    if request.seed is not None and not (0 <= request.seed < 2**32):
        raise InvalidRequest("The seed must be a whole number from 0 to 4294967295.", field="seed")

    images = request.image_inputs()
    for slot, image in spec.inputs.items():
        if image.required and slot not in images:
            raise InvalidRequest(
                f"{spec.name} needs a {slot.replace('_', ' ')}: it makes video from an image, not from text alone.",
                field=slot,
            )
    for slot, paths in images.items():
        label = slot.replace("_", " ")
        if slot not in spec.inputs:
            raise InvalidRequest(f"{spec.name} takes no {label}.", field=slot)
        limit = spec.inputs[slot].max_count
        if len(paths) > limit:
            raise InvalidRequest(
                f"{spec.name} takes at most {limit} {label}; {len(paths)} were given.", field=slot, allowed=[limit]
            )
        for needed in spec.inputs[slot].requires:
            if needed not in images:
                raise InvalidRequest(
                    f"A {label} needs a {needed.replace('_', ' ')} as well on {spec.name}.", field=needed
                )
        for path in paths:
            mime = mime_for_path(path)
            if mime not in spec.image_formats:
                allowed = ", ".join(m.split("/")[1].upper() for m in spec.image_formats)
                raise InvalidRequest(
                    f"{_basename(path)} is not an image {spec.name} accepts ({allowed}).", field=slot
                )

    if images.get("first_frame") and spec.aspect_ignored_with_first_frame and request.aspect_ratio:
        warnings.append(f"{spec.name} takes the shape from the first frame; the aspect ratio {aspect} is ignored.")

    values = {
        "duration": duration,
        "aspect_ratio": aspect,
        "resolution": resolution,
        "audio": audio,
        "seed": request.seed,
        "negative_prompt": request.negative_prompt,
        **{slot: paths for slot, paths in images.items()},
    }
    for rule in spec.rules:
        if all(_holds(values, key, want) for key, want in rule.when.items()):
            for key, want in rule.require.items():
                if want == "ignored":
                    if values.get(key):
                        warnings.append(rule.message)
                    continue
                if not _holds(values, key, want):
                    raise InvalidRequest(rule.message, field=key, allowed=want if isinstance(want, list) else None)

    normalized = replace(
        request,
        prompt=prompt,
        duration=duration,
        aspect_ratio=aspect,
        resolution=resolution,
        audio=audio,
        extra=extra,
    )
    per_second = spec.price_per_second(resolution, audio)
    cost = None if per_second is None else round(per_second * duration, 4)
    return ValidatedRequest(
        request=normalized,
        size=spec.size_for(resolution, aspect),
        fps=spec.fps,
        warnings=tuple(warnings),
        cost=cost,
        currency=spec.currency,
    )


def _checked_extra(spec: ModelSpec, extra: dict[str, Any]) -> dict[str, Any]:
    """The model-specific parameters, each known, typed and in range, plus required ones present."""
    known_extra = {p.name: p for p in spec.extra_params}
    checked: dict[str, Any] = {}
    for name, value in extra.items():
        _finite(value, name)
        if any(word in name.lower() for word in ("key", "token", "secret", "password")):
            raise InvalidRequest(
                f"{name} looks like a credential; keys go in Settings (the keyring), never in a request.", field=name
            )
        if name not in known_extra:
            allowed = sorted(known_extra)
            hint = f"; it takes {', '.join(allowed)}" if allowed else "; it takes no extra parameters"
            raise InvalidRequest(f"{spec.name} has no parameter {name!r}{hint}.", field=name, allowed=allowed)
        checked[name] = coerce_value(known_extra[name], value)
    for param in spec.extra_params:
        if param.required and param.name not in checked and param.default is None:
            raise InvalidRequest(f"{spec.name} needs a value for {param.name}.", field=param.name)
    fillable = set(spec.params.values()) | {i.param for i in spec.inputs.values()} | set(known_extra)
    fillable |= {spec.param_name("prompt"), spec.audio_param, spec.seed_param, spec.negative_prompt_param}
    for schema_field in spec.schema_fields:
        if schema_field.required and schema_field.default is None and schema_field.name not in fillable:
            # e.g. a model that wants the person's own upstream API key: never put in a request
            raise InvalidRequest(
                f"{spec.name} needs {schema_field.name}, which Studio does not send, so it cannot run this model.",
                field=schema_field.name,
            )
    return checked


def _frames_at_own_fps(spec: ModelSpec, extra: dict[str, Any]) -> bool:
    """A frame-counted model run at an fps the person chose (not the one its durations assume)."""
    return spec.params.get("duration_unit") == "frames" and abs(spec.fps_for(extra) - spec.fps) > 1e-9


def _check_frames(spec: ModelSpec, seconds: float, extra: dict[str, Any]) -> None:
    fps = spec.fps_for(extra)
    frames = spec.frames_for(seconds, extra)
    field = spec.schema_field(spec.param_name("duration"))
    if field is None:
        return
    try:
        coerce_value(field, frames)
    except InvalidRequest:
        low = field.minimum if field.minimum is not None else min(field.choices, default=None)
        high = field.maximum if field.maximum is not None else max(field.choices, default=None)
        span = ""
        if low is not None and high is not None:
            span = f"; at {fps:g} fps it allows {_num(float(low) / fps)}–{_num(float(high) / fps)} s"
        raise InvalidRequest(
            f"{_num(seconds)} s at {fps:g} fps is {frames} frames, which {spec.name} cannot make{span}.",
            field="duration",
        ) from None


def quote(spec: ModelSpec, request: GenerationRequest) -> float | None:
    """The price of ``request`` in the spec's currency, or None when unknown/invalid."""
    try:
        return validate(spec, request, allow_retired=True).cost
    except (InvalidRequest, ModelUnavailable):
        return None


def _holds(values: dict[str, Any], key: str, want: Any) -> bool:
    value = values.get(key)
    if want == "present":
        return bool(value)
    if want == "absent":
        return not value
    if isinstance(want, list):
        return any(value == w or (isinstance(w, (int, float)) and value == float(w)) for w in want)
    return value == want


def _finite(value: Any, name: str) -> Any:
    """``value`` (a float for the duration) unless it is a non-number or NaN/infinity where a number goes."""
    if name == "duration":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InvalidRequest(f"The duration must be a number of seconds, not {value!r}.", field="duration")
        value = float(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidRequest(f"The {name.replace('_', ' ')} must be a finite number, not {value!r}.", field=name)
    return value


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
