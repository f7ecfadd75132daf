"""Any Replicate model as a ModelSpec, read from its OpenAPI ``Input`` schema.

``GET /v1/models/{owner}/{name}`` returns ``latest_version.openapi_schema``; Cog writes enum
inputs as ``allOf: [{"$ref": "#/components/schemas/<name>"}]`` pointing at a component
that holds the ``enum``. :func:`spec_from_model_json` recognises the inputs Studio has
controls for (duration, aspect ratio, resolution, frames, audio, seed, negative prompt)
and keeps every other field as an ``extra_param`` so the person can still set it.

Every declared field is kept in ``schema_fields`` with its type, choices, bounds and
whether it is ``required``: Studio then sends only those fields (Replicate answers 422 to
any other) and refuses, before paying, a request that lacks a required one, such as the
first frame of an image-only model. Concepts are mapped to whatever the schema offers:
aspect enums written as ratios or as portrait/landscape words, ``duration`` or ``seconds``,
or ``num_frames`` at the model's own fps parameter. With no stated default the shortest
duration is the default. The price is unknown (Replicate publishes it only on the web page).
"""

from __future__ import annotations

from typing import Any

import httpx

from studio.core.errors import ModelUnavailable, TransientError
from studio.core.modelspec import ModelSpec, size_from_aspect
from studio.providers import _http

from .errors import LABEL, error_mapper

_DURATION_FIELDS = ("duration", "seconds", "duration_seconds", "video_length", "length")
_FRAME_FIELDS = ("num_frames", "frames", "frame_count", "number_of_frames")
_FIRST_FRAME = ("start_image", "first_frame", "first_frame_image", "input_reference", "image", "init_image")
_LAST_FRAME = ("last_frame", "end_image", "last_frame_image", "last_image", "tail_image")
_REFERENCES = ("reference_images", "reference_image_urls", "ref_images")
_SECRET_WORDS = ("api_key", "apikey", "token", "password", "secret")
_DEFAULT_REFERENCE_MAX = 3
_FPS_FIELDS = ("fps", "frames_per_second")
# Aspect words some models use instead of W:H ratios.
_ASPECT_WORDS = {"landscape": "16:9", "horizontal": "16:9", "portrait": "9:16", "vertical": "9:16", "square": "1:1"}


async def fetch_model_spec(client: Any, model: str, *, policy: _http.RetryPolicy | None = None) -> ModelSpec:
    """Fetch ``owner/name`` from Replicate and build a user-defined ModelSpec for it.

    ``client`` is a :class:`~studio.providers.replicate.ReplicateProvider` (its base URL,
    key and retry policy are used) or an ``httpx.AsyncClient`` already set up for
    Replicate. Raises :class:`ModelUnavailable` for unknown models.
    """
    if not isinstance(client, httpx.AsyncClient):
        policy = policy or getattr(client, "policy", None)
        client = client.http_client
    model = model.strip().strip("/")
    if model.count("/") != 1:
        raise ModelUnavailable(f"{model!r} is not a Replicate model name like owner/name.")
    response = await _http.request_idempotent(
        client,
        "GET",
        f"v1/models/{model}",
        map_error=error_mapper(context="model", model=model),
        policy=policy or _http.RetryPolicy(),
        provider_label=LABEL,
    )
    try:
        body = response.json()
    except ValueError:
        raise TransientError(f"Replicate's description of {model} could not be read; try again.") from None
    if not isinstance(body, dict):
        raise ModelUnavailable(f"Replicate's description of {model} is not a model.")
    return spec_from_model_json(body)


def spec_from_model_json(model_json: dict[str, Any]) -> ModelSpec:
    """Build a ModelSpec from a ``GET /v1/models/{owner}/{name}`` body (pure, for tests)."""
    owner, name = model_json.get("owner"), model_json.get("name")
    if not owner or not name:
        raise ModelUnavailable("Replicate's model description lacks its owner or name.")
    model = f"{owner}/{name}"
    version = model_json.get("latest_version") or {}
    components = ((version.get("openapi_schema") or {}).get("components") or {}).get("schemas") or {}
    input_schema = components.get("Input")
    if not isinstance(input_schema, dict) or not input_schema.get("properties"):
        raise ModelUnavailable(f"{model} publishes no input schema, so Studio cannot drive it.")
    props = {key: _resolve(value, components) for key, value in input_schema["properties"].items()}
    required = {str(name) for name in input_schema.get("required") or () if name in props}

    data: dict[str, Any] = {
        "provider": "replicate",
        "model": model,
        "name": model,
        "label": name,
        "description": (model_json.get("description") or "").strip(),
        "params": {},
        "inputs": {},
        "extra_params": [],
        "price": {"currency": "USD", "rows": []},
        "schema_fields": [_field(key, prop, key in required) for key, prop in props.items()],
    }
    used: set[str] = set()
    notes: list[str] = []

    prompt = props.get("prompt")
    if prompt:
        used.add("prompt")
        if isinstance(prompt.get("maxLength"), int):
            data["max_prompt_length"] = prompt["maxLength"]

    fps = _fps(props, data["params"])
    if fps:
        data["fps"] = fps
    _map_duration(props, data, used, fps or 24.0, notes)
    _map_aspect(props, data, used)
    _map_resolution(props, data, used)
    _map_images(props, data, used, notes, required)

    if "generate_audio" in props and props["generate_audio"].get("type") == "boolean":
        used.add("generate_audio")
        data["audio"] = {
            "supported": True,
            "default": bool(props["generate_audio"].get("default", True)),
            "param": "generate_audio",
        }
    if "seed" in props and props["seed"].get("type") in ("integer", "number"):
        used.add("seed")
        data["seed"] = {"param": "seed"}
    if "negative_prompt" in props and props["negative_prompt"].get("type") == "string":
        used.add("negative_prompt")
        data["negative_prompt"] = {"param": "negative_prompt"}

    for key, prop in props.items():
        if key in used:
            continue
        if prop.get("deprecated") and key not in required:
            continue  # an old alias of a field Studio already maps (Kling's "image")
        if any(word in key.lower() for word in _SECRET_WORDS):
            # Never invite a key into a request: requests are stored in jobs and projects.
            notes.append(f"The field {key} is left out because it asks for a secret.")
            continue
        data["extra_params"].append({**_extra(key, prop), **({"required": True} if key in required else {})})
        if key in required and "default" not in prop:
            notes.append(f"It needs {key}, which Studio has no control for: set it as a parameter.")

    if notes:
        data["description"] = (data["description"] + "\n" + " ".join(notes)).strip()
    return ModelSpec.from_dict(data, user_defined=True)


# -- helpers --------------------------------------------------------------------------------


def _resolve(prop: dict[str, Any], components: dict[str, Any], depth: int = 0) -> dict[str, Any]:
    """Inline ``$ref`` and ``allOf``/``anyOf`` so a property reads as one flat schema."""
    if not isinstance(prop, dict) or depth > 5:
        return {}
    out: dict[str, Any] = {}
    ref = prop.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        out.update(_resolve(components.get(ref.rsplit("/", 1)[-1], {}), components, depth + 1))
    for combiner in ("allOf", "anyOf", "oneOf"):
        for part in prop.get(combiner) or ():
            resolved = _resolve(part, components, depth + 1)
            if resolved.get("type") == "null":
                continue  # anyOf [X, null] is how newer Cog spells "nullable"
            for key, value in resolved.items():
                out.setdefault(key, value)
    for key, value in prop.items():
        if key not in ("$ref", "allOf", "anyOf", "oneOf"):
            out[key] = value  # the property's own default/description win over the component's
    if out.get("title") and out.get("description") == "An enumeration.":
        out.pop("description")
    return out


def _is_uri(prop: dict[str, Any]) -> bool:
    return prop.get("type") == "string" and prop.get("format") == "uri"


def _is_uri_list(prop: dict[str, Any]) -> bool:
    items = prop.get("items") or {}
    return prop.get("type") == "array" and isinstance(items, dict) and items.get("format") == "uri"


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _fps(props: dict[str, Any], params: dict[str, Any]) -> float | None:
    key = next((k for k in _FPS_FIELDS if k in props), None)
    if key is None:
        return None
    prop = props[key]
    if prop.get("type") in ("integer", "number"):
        params["fps"] = key  # the person may set it; frame counts then follow their rate
    if _number(prop.get("default")):
        return float(prop["default"])
    return None


def _map_duration(props: dict[str, Any], data: dict[str, Any], used: set[str], fps: float, notes: list[str]) -> None:
    key = next((k for k in _DURATION_FIELDS if k in props), None)
    frames = False
    if key is None:
        key = next((k for k in _FRAME_FIELDS if k in props), None)
        frames = key is not None
    if key is None:
        data["durations"] = [5]
        notes.append("The model has no duration field; its clip length is UNCERTAIN (assumed 5 s).")
        return
    prop = props[key]
    scale = (1.0 / fps) if frames else 1.0
    params = data["params"]
    params["duration"] = key
    if frames:
        params["duration_unit"] = "frames"
        notes.append(f"Duration is sent as {key} at {fps:g} fps.")
    if prop.get("type") == "string":
        params["duration_type"] = "string"
    enum = [v for v in (_number(x) for x in prop.get("enum") or ()) if v is not None]
    if enum:
        data["durations"] = [round(v * scale, 3) for v in enum]
    elif _number(prop.get("minimum")) is not None and _number(prop.get("maximum")) is not None:
        data["durations"] = {
            "min": round(float(prop["minimum"]) * scale, 3),
            "max": round(float(prop["maximum"]) * scale, 3),
            "step": round(scale, 4) if frames else 1,
        }
    else:
        default = _number(prop.get("default")) or 5.0
        data["durations"] = [round(default * scale, 3)]
    default = _number(prop.get("default"))
    if default is not None:
        data["default_duration"] = round(default * scale, 3)
    used.add(key)


def _aspect_ok(value: Any) -> bool:
    try:
        size_from_aspect(str(value))
    except Exception:  # noqa: BLE001 - any unparsable value simply is not an aspect ratio
        return False
    return True


def _map_aspect(props: dict[str, Any], data: dict[str, Any], used: set[str]) -> None:
    prop = props.get("aspect_ratio")
    if not prop:
        return
    ratios: list[str] = []
    spelled: dict[str, str] = {}
    for value in prop.get("enum") or ():
        text = str(value)
        ratio = _ASPECT_WORDS.get(text.lower()) or (text if _aspect_ok(text) else None)
        if ratio and ratio not in ratios:  # "auto", "match_input_image" … are left to the model
            ratios.append(ratio)
            if ratio != text:
                spelled[ratio] = text
    if not ratios:
        return  # free text: leave it as an extra param
    data["aspect_ratios"] = ratios
    default = str(prop.get("default"))
    default_ratio = _ASPECT_WORDS.get(default.lower(), default)
    data["default_aspect"] = default_ratio if default_ratio in ratios else ratios[0]
    data["params"]["aspect_ratio"] = "aspect_ratio"
    if spelled:
        data.setdefault("value_aliases", {})["aspect_ratio"] = spelled
    used.add("aspect_ratio")


def _map_resolution(props: dict[str, Any], data: dict[str, Any], used: set[str]) -> None:
    prop = props.get("resolution")
    if not prop:
        return
    names = [str(v) for v in prop.get("enum") or ()]
    if not names or not all(n.lower().endswith("p") and n[:-1].isdigit() for n in names):
        return
    aspects = data.get("aspect_ratios") or ["16:9"]
    data["resolutions"] = {n: {a: list(size_from_aspect(a, int(n[:-1]))) for a in aspects} for n in names}
    default = prop.get("default")
    data["default_resolution"] = default if default in names else names[0]
    data["params"]["resolution"] = "resolution"
    used.add("resolution")


def _map_images(
    props: dict[str, Any], data: dict[str, Any], used: set[str], notes: list[str], required: set[str]
) -> None:
    for slot, names in (("first_frame", _FIRST_FRAME), ("last_frame", _LAST_FRAME)):
        candidates = [k for k in names if k in props and _is_uri(props[k])]
        # Prefer a current field over a deprecated alias (Kling keeps "image" for start_image).
        current = [k for k in candidates if "deprecated" not in str(props[k].get("description", "")).lower()]
        key = (current or candidates or [None])[0]
        if key:
            data["inputs"][slot] = {"param": key, **({"required": True} if key in required else {})}
            used.add(key)
    key = next((k for k in _REFERENCES if k in props and _is_uri_list(props[k])), None)
    if key:
        maximum = props[key].get("maxItems")
        if not isinstance(maximum, int):
            maximum = _DEFAULT_REFERENCE_MAX
            notes.append(f"The schema gives no maximum for {key}; {maximum} is assumed (UNCERTAIN).")
        data["inputs"]["reference_images"] = {"param": key, "max": maximum, "required": key in required}
        used.add(key)


def _field(key: str, prop: dict[str, Any], required: bool) -> dict[str, Any]:
    """One declared field as the schema states it, for checking a request before it is sent."""
    kind = prop.get("type") if prop.get("type") in ("string", "integer", "number", "boolean", "array") else "string"
    field: dict[str, Any] = {"name": key, "type": kind}
    if prop.get("enum"):
        field["choices"] = list(prop["enum"])
    for bound in ("minimum", "maximum"):
        if _number(prop.get(bound)) is not None:
            field[bound] = prop[bound]
    if "default" in prop:
        field["default"] = prop["default"]
    if required:
        field["required"] = True
    return field


def _extra(key: str, prop: dict[str, Any]) -> dict[str, Any]:
    kind = prop.get("type") or "string"
    if kind == "array" or _is_uri(prop):
        kind = "string"  # a URL or list the person types in; Studio has no richer control
    if kind not in ("string", "integer", "number", "boolean"):
        kind = "string"
    extra: dict[str, Any] = {"name": key, "type": kind, "description": str(prop.get("description") or "")}
    if prop.get("enum"):
        extra["choices"] = list(prop["enum"])
    for bound in ("minimum", "maximum"):
        if _number(prop.get(bound)) is not None:
            extra[bound] = prop[bound]
    if "default" in prop:
        extra["default"] = prop["default"]
    return extra
