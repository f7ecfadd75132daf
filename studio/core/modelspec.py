"""ModelSpec: what one catalog model can do, read from data (``resources/models/*.json``).

The window builds its controls from a spec, and :mod:`studio.core.request` rejects
impossible requests against it before any money is spent.

A catalog file holds ``{"models": [ {...}, ... ]}``; see ``from_dict`` for the fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import InvalidRequest

LIVE, PAUSED, RETIRED = "live", "paused", "retired"


@dataclass(frozen=True)
class ModelStatus:
    """Whether a model can be called: ``live``, ``paused`` or ``retired`` (with date, note, replacement)."""

    state: str = LIVE
    date: str | None = None
    note: str | None = None
    replacement: str | None = None

    @property
    def usable(self) -> bool:
        return self.state == LIVE

    def describe(self) -> str:
        if self.state == LIVE:
            return "live"
        text = self.state
        if self.date and not (self.note and self.date in self.note):
            text += f" since {self.date}"
        if self.note:
            text += f": {self.note}"
        if self.replacement:
            text += f" (try {self.replacement})"
        return text


@dataclass(frozen=True)
class DurationRule:
    """Allowed durations: a discrete list, or a range with a step."""

    choices: tuple[float, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    step: float = 1.0

    def allows(self, value: float) -> bool:
        if self.choices:
            return any(abs(value - c) < 1e-6 for c in self.choices)
        if self.minimum is not None and value < self.minimum - 1e-9:
            return False
        if self.maximum is not None and value > self.maximum + 1e-9:
            return False
        if self.step > 0:
            steps = (value - (self.minimum or 0.0)) / self.step
            return abs(steps - round(steps)) < 0.1  # steps from frame rates are rounded
        return True

    def describe(self) -> str:
        if self.choices:
            return ", ".join(_fmt_number(c) for c in self.choices) + " s"
        text = f"{_fmt_number(self.minimum or 0)}–{_fmt_number(self.maximum or 0)} s"
        if self.step and self.step != 1:
            text += f" in steps of {_fmt_number(self.step)} s"
        return text


@dataclass(frozen=True)
class ImageInput:
    """One image input slot (first frame, last frame or references) and the provider field it maps to."""

    param: str
    max_count: int = 1
    requires: tuple[str, ...] = ()
    note: str | None = None
    required: bool = False  # the model's schema lists the field as required (image-only models)


@dataclass(frozen=True)
class ExtraParam:
    """A provider parameter and its constraints.

    In ``extra_params`` it is a parameter Studio has no dedicated control for (from a
    Replicate schema, say); in ``schema_fields`` it is one field the model's published input
    schema declares, so a request can be checked field by field before it is sent.
    """

    name: str
    type: str  # "string" | "integer" | "number" | "boolean" | "array"
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    default: Any = None
    description: str = ""
    required: bool = False


@dataclass(frozen=True)
class Rule:
    """A constraint between parameters: when every ``when`` holds, every ``require`` must hold.

    ``when``/``require`` map a request field to a list of allowed values, or to the string
    ``"present"``/``"absent"`` for image inputs and optional values.
    """

    when: dict[str, Any]
    require: dict[str, Any]
    message: str


@dataclass(frozen=True)
class DeriveRule:
    """One way a model makes a new take from a take it made: ``remix``, ``edit`` or ``extend``.

    ``param`` is the request parameter that names the source; ``source`` says what goes in it:
    ``remote_id`` (the provider's id of the source job) or ``clip`` (the take's video file).
    ``keeps_length``: the result is as long as the source (so it is quoted at the source's
    seconds); otherwise the person picks how many seconds to add. ``resolution`` is the one the
    operation runs at, when it has only one; ``max_source_seconds`` the longest source it takes.
    """

    op: str
    param: str
    source: str = "remote_id"
    keeps_length: bool = False
    resolution: str | None = None
    max_source_seconds: float | None = None
    note: str = ""


@dataclass(frozen=True)
class PriceRow:
    """Price per second for requests matching ``resolution``/``audio`` (None matches any)."""

    per_second: float
    resolution: str | None = None
    audio: bool | None = None


@dataclass(frozen=True)
class ModelSpec:
    """Capabilities, limits, price and status of one model, keyed ``provider:model``."""

    id: str
    name: str
    provider: str
    model: str
    label: str = ""
    description: str = ""
    status: ModelStatus = field(default_factory=ModelStatus)
    durations: DurationRule = field(default_factory=lambda: DurationRule(choices=(8.0,)))
    default_duration: float = 8.0
    aspect_ratios: tuple[str, ...] = ("16:9",)
    default_aspect: str = "16:9"
    resolutions: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    default_resolution: str | None = None
    fps: float = 24.0
    inputs: dict[str, ImageInput] = field(default_factory=dict)
    image_formats: tuple[str, ...] = ("image/jpeg", "image/png", "image/webp")
    max_image_bytes: int | None = None
    audio_supported: bool = False
    audio_default: bool = False
    audio_param: str | None = None
    audio_always: bool = False
    seed_param: str | None = None
    negative_prompt_param: str | None = None
    max_prompt_length: int | None = None
    aspect_ignored_with_first_frame: bool = False
    params: dict[str, str] = field(default_factory=dict)
    extra_params: tuple[ExtraParam, ...] = ()
    rules: tuple[Rule, ...] = ()
    price: tuple[PriceRow, ...] = ()
    currency: str = "USD"
    user_defined: bool = False
    schema_fields: tuple[ExtraParam, ...] = ()
    value_aliases: dict[str, dict[str, Any]] = field(default_factory=dict)
    derive: dict[str, DeriveRule] = field(default_factory=dict)

    # -- derived ---------------------------------------------------------------------

    @property
    def supports_first_frame(self) -> bool:
        return "first_frame" in self.inputs

    @property
    def supports_last_frame(self) -> bool:
        return "last_frame" in self.inputs

    @property
    def max_reference_images(self) -> int:
        ref = self.inputs.get("reference_images")
        return ref.max_count if ref else 0

    @property
    def is_offline(self) -> bool:
        return self.provider == "animatic"

    @property
    def has_schema(self) -> bool:
        """True when the model's published input schema is known (so only its fields are sent)."""
        return bool(self.schema_fields)

    def declares(self, field_name: str) -> bool:
        """Whether a request may carry ``field_name``; without a known schema every field may."""
        return not self.schema_fields or any(f.name == field_name for f in self.schema_fields)

    def schema_field(self, field_name: str) -> ExtraParam | None:
        return next((f for f in self.schema_fields if f.name == field_name), None)

    @property
    def required_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.schema_fields if f.required)

    @property
    def has_aspect_setting(self) -> bool:
        """False for a schema model without an aspect field (its shape comes from its image)."""
        return not self.schema_fields or "aspect_ratio" in self.params

    def provider_value(self, concept: str, value: Any) -> Any:
        """How the model spells a Studio value (``9:16`` is ``portrait`` for some models)."""
        return self.value_aliases.get(concept, {}).get(value, value)

    def frames_for(self, seconds: float, extra: dict[str, Any] | None = None) -> int:
        """The frame count for ``seconds`` at the model's fps, or at the fps the person set."""
        return round(seconds * self.fps_for(extra))

    def fps_for(self, extra: dict[str, Any] | None = None) -> float:
        """The frame rate a request runs at: the model's fps parameter if set, else its default."""
        param = self.params.get("fps")
        value = (extra or {}).get(param) if param else None
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            return float(value)
        return self.fps

    def resolution_names(self) -> list[str]:
        return list(self.resolutions)

    def size_for(self, resolution: str | None, aspect: str) -> tuple[int, int]:
        """Pixel size for a resolution and aspect ratio (even numbers, as H.264 needs)."""
        if resolution and resolution in self.resolutions and aspect in self.resolutions[resolution]:
            return self.resolutions[resolution][aspect]
        short = 720
        if resolution and resolution.endswith("p") and resolution[:-1].isdigit():
            short = int(resolution[:-1])
        return size_from_aspect(aspect, short)

    def price_per_second(self, resolution: str | None, audio: bool) -> float | None:
        """The price of the most specific matching row (resolution and audio rows before general ones)."""
        best: PriceRow | None = None
        best_rank = -1
        for row in self.price:
            if row.resolution not in (None, resolution):
                continue
            if row.audio is not None and row.audio != audio:
                continue
            rank = (row.resolution is not None) + (row.audio is not None)
            if rank > best_rank:
                best, best_rank = row, rank
        return best.per_second if best else None

    def price_summary(self) -> str:
        if not self.price:
            return "free" if self.is_offline else "price unknown"
        values = sorted({row.per_second for row in self.price})
        if values == [0.0]:
            return "free"
        if len(values) == 1:
            return f"${_fmt_price(values[0])}/s"
        return f"${_fmt_price(values[0])}–{_fmt_price(values[-1])}/s"

    def param_name(self, concept: str) -> str:
        """The provider's field name for a Studio concept (``duration``, ``aspect_ratio`` …)."""
        return self.params.get(concept, concept)

    # -- (de)serialisation -----------------------------------------------------------

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, user_defined: bool = False) -> "ModelSpec":
        """Build a spec from catalog JSON; raises InvalidRequest naming the bad field."""
        try:
            provider = data["provider"]
            model = data["model"]
        except KeyError as exc:
            raise InvalidRequest(f"A catalog entry lacks the field {exc.args[0]!r}.", field=exc.args[0]) from None
        model_id = data.get("id") or f"{provider}:{model}"
        status = ModelStatus(**(data.get("status") or {}))
        durations = _duration_rule(data.get("durations", [8]))
        default_duration = float(data.get("default_duration", _first_duration(durations)))
        aspects = tuple(data.get("aspect_ratios", ["16:9"]))
        resolutions = {
            name: {aspect: (int(size[0]), int(size[1])) for aspect, size in sizes.items()}
            for name, sizes in (data.get("resolutions") or {}).items()
        }
        inputs = {
            name: ImageInput(
                param=slot.get("param", name),
                max_count=int(slot.get("max", 1)),
                requires=tuple(slot.get("requires", ())),
                note=slot.get("note"),
                required=bool(slot.get("required", False)),
            )
            for name, slot in (data.get("inputs") or {}).items()
        }
        audio = data.get("audio") or {}
        extra = tuple(_param(p) for p in data.get("extra_params", ()))
        schema_fields = tuple(_param(p) for p in data.get("schema_fields", ()))
        rules = tuple(Rule(when=r["when"], require=r["require"], message=r["message"]) for r in data.get("rules", ()))
        price_data = data.get("price") or {}
        price = tuple(
            PriceRow(per_second=float(r["per_second"]), resolution=r.get("resolution"), audio=r.get("audio"))
            for r in price_data.get("rows", ())
        )
        return cls(
            id=model_id,
            name=data.get("name", model_id),
            provider=provider,
            model=model,
            label=data.get("label", ""),
            description=data.get("description", ""),
            status=status,
            durations=durations,
            default_duration=default_duration,
            aspect_ratios=aspects,
            default_aspect=data.get("default_aspect", aspects[0]),
            resolutions=resolutions,
            default_resolution=data.get("default_resolution", next(iter(resolutions), None)),
            fps=float(data.get("fps", 24)),
            inputs=inputs,
            image_formats=tuple(data.get("image_formats", ("image/jpeg", "image/png", "image/webp"))),
            max_image_bytes=data.get("max_image_bytes"),
            audio_supported=bool(audio.get("supported", False)),
            audio_default=bool(audio.get("default", audio.get("supported", False))),
            audio_param=audio.get("param"),
            audio_always=bool(audio.get("always", False)),
            seed_param=(data.get("seed") or {}).get("param"),
            negative_prompt_param=(data.get("negative_prompt") or {}).get("param"),
            max_prompt_length=data.get("max_prompt_length"),
            aspect_ignored_with_first_frame=bool(data.get("aspect_ignored_with_first_frame", False)),
            params=dict(data.get("params") or {}),
            extra_params=extra,
            rules=rules,
            price=price,
            currency=price_data.get("currency", "USD"),
            user_defined=user_defined or bool(data.get("user_defined", False)),
            schema_fields=schema_fields,
            value_aliases={k: dict(v) for k, v in (data.get("value_aliases") or {}).items()},
            derive={op: _derive_rule(op, rule) for op, rule in (data.get("derive") or {}).items()},
        )

    def to_dict(self) -> dict[str, Any]:
        """The catalog JSON form; ``from_dict(to_dict())`` gives an equal spec."""
        durations: Any
        if self.durations.choices:
            durations = list(self.durations.choices)
        else:
            durations = {"min": self.durations.minimum, "max": self.durations.maximum, "step": self.durations.step}
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "provider": self.provider,
            "model": self.model,
            "label": self.label,
            "description": self.description,
            "status": {k: v for k, v in vars(self.status).items() if v is not None},
            "durations": durations,
            "default_duration": self.default_duration,
            "aspect_ratios": list(self.aspect_ratios),
            "default_aspect": self.default_aspect,
            "resolutions": {n: {a: list(s) for a, s in sizes.items()} for n, sizes in self.resolutions.items()},
            "default_resolution": self.default_resolution,
            "fps": self.fps,
            "inputs": {
                n: {
                    "param": i.param,
                    "max": i.max_count,
                    "requires": list(i.requires),
                    **({"note": i.note} if i.note else {}),
                    **({"required": True} if i.required else {}),
                }
                for n, i in self.inputs.items()
            },
            "image_formats": list(self.image_formats),
            "max_image_bytes": self.max_image_bytes,
            "audio": {
                "supported": self.audio_supported,
                "default": self.audio_default,
                "param": self.audio_param,
                "always": self.audio_always,
            },
            "seed": {"param": self.seed_param} if self.seed_param else None,
            "negative_prompt": {"param": self.negative_prompt_param} if self.negative_prompt_param else None,
            "max_prompt_length": self.max_prompt_length,
            "aspect_ignored_with_first_frame": self.aspect_ignored_with_first_frame,
            "params": dict(self.params),
            "extra_params": [_param_dict(p) for p in self.extra_params],
            "rules": [{"when": r.when, "require": r.require, "message": r.message} for r in self.rules],
            "price": {
                "currency": self.currency,
                "rows": [{k: v for k, v in vars(r).items() if v is not None} for r in self.price],
            },
        }
        if self.schema_fields:
            data["schema_fields"] = [_param_dict(p) for p in self.schema_fields]
        if self.value_aliases:
            data["value_aliases"] = {k: dict(v) for k, v in self.value_aliases.items()}
        if self.derive:
            data["derive"] = {
                op: {k: v for k, v in vars(rule).items() if k != "op" and v not in (None, "", False)}
                for op, rule in self.derive.items()
            }
        if self.user_defined:
            data["user_defined"] = True
        return data


def size_from_aspect(aspect: str, short_side: int = 720) -> tuple[int, int]:
    """Even pixel size with the given short side for an ``W:H`` aspect ratio."""
    try:
        w_ratio, h_ratio = (float(x) for x in aspect.split(":"))
    except ValueError:
        raise InvalidRequest(f"{aspect!r} is not an aspect ratio like 16:9.", field="aspect_ratio") from None
    if not (w_ratio > 0 and h_ratio > 0):
        raise InvalidRequest(f"{aspect!r} is not an aspect ratio like 16:9.", field="aspect_ratio")
    if w_ratio >= h_ratio:
        height = short_side
        width = round(short_side * w_ratio / h_ratio)
    else:
        width = short_side
        height = round(short_side * h_ratio / w_ratio)
    return width - width % 2, height - height % 2


def _duration_rule(raw: Any) -> DurationRule:
    if isinstance(raw, dict):
        return DurationRule(minimum=raw.get("min"), maximum=raw.get("max"), step=float(raw.get("step", 1)))
    return DurationRule(choices=tuple(float(x) for x in raw))


def _first_duration(rule: DurationRule) -> float:
    # With no stated default, the shortest clip: the cheapest, and never a surprise bill.
    if rule.choices:
        return min(rule.choices)
    return float(rule.minimum or 4)


def _derive_rule(op: str, raw: dict[str, Any]) -> DeriveRule:
    if op not in ("remix", "edit", "extend") or not isinstance(raw, dict) or not raw.get("param"):
        raise InvalidRequest(f"The catalog's derive entry {op!r} needs a known operation and a param.", field="derive")
    source = raw.get("source", "remote_id")
    if source not in ("remote_id", "clip"):
        raise InvalidRequest(f"The catalog's derive entry {op!r} has an unknown source {source!r}.", field="derive")
    limit = raw.get("max_source_seconds")
    return DeriveRule(
        op=op,
        param=str(raw["param"]),
        source=source,
        keeps_length=bool(raw.get("keeps_length", False)),
        resolution=raw.get("resolution"),
        max_source_seconds=float(limit) if limit is not None else None,
        note=str(raw.get("note", "")),
    )


def _param(p: dict[str, Any]) -> ExtraParam:
    return ExtraParam(
        name=p["name"],
        type=p.get("type", "string"),
        choices=tuple(p.get("choices", ())),
        minimum=p.get("minimum"),
        maximum=p.get("maximum"),
        default=p.get("default"),
        description=p.get("description", ""),
        required=bool(p.get("required", False)),
    )


def _param_dict(p: ExtraParam) -> dict[str, Any]:
    data = {k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(p).items()}
    if not p.required:
        data.pop("required")
    return data


def _fmt_price(value: float) -> str:
    # Cents, unless the price has tenths of a cent (Seedance Lite is $0.018/s at 480p).
    return f"{value:.2f}" if round(value, 2) == value else f"{value:.3f}".rstrip("0")


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
