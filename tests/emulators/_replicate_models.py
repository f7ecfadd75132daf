"""The models the Replicate emulator knows: input schemas, 422 validation, OpenAPI output.

One small schema per model drives both the validation of create requests and the
``GET /v1/models/{owner}/{name}`` answer, which is written the way Cog writes it: enums as
``allOf: [{"$ref": "#/components/schemas/<name>"}]`` pointing at a component schema.
"""

from __future__ import annotations

from typing import Any

_URI = {"type": "string", "format": "uri"}
_URI_LIST = {"type": "array", "items": {"type": "string", "format": "uri"}}


def _veo(*, refs: bool, audio: bool, negative: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "prompt": {"type": "string", "description": "Text prompt for video generation"},
        "aspect_ratio": {"type": "string", "enum": ["16:9", "9:16"], "default": "16:9"},
        "duration": {"type": "integer", "enum": [4, 6, 8], "default": 8},
        "image": {**_URI, "description": "Input image to start generating from."},
        "last_frame": {**_URI, "description": "Ending image for interpolation."},
        "resolution": {"type": "string", "enum": ["720p", "1080p"], "default": "1080p"},
        "seed": {"type": "integer", "description": "Random seed. Omit for random generations"},
    }
    if refs:
        fields["reference_images"] = {
            **_URI_LIST,
            "default": [],
            "maxItems": 3,
            "description": "1 to 3 reference images; only with 16:9 and 8-second duration.",
        }
    if negative:
        fields["negative_prompt"] = {"type": "string", "description": "Description of what to exclude"}
    if audio:
        fields["generate_audio"] = {"type": "boolean", "default": True}
    return {"description": "Google's Veo 3.1 (emulated)", "required": ["prompt"], "fields": fields}


def _kling(*, end_image: bool, audio: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "prompt": {"type": "string"},
        "negative_prompt": {"type": "string", "default": ""},
        "start_image": {**_URI, "description": "First frame of the video"},
        "aspect_ratio": {"type": "string", "enum": ["16:9", "9:16", "1:1"], "default": "16:9"},
        "duration": {"type": "integer", "enum": [5, 10], "default": 5},
        "image": {**_URI, "description": "Deprecated: use start_image"},
        "guidance_scale": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.5},
    }
    if end_image:
        fields["end_image"] = {**_URI, "description": "Last frame of the video"}
    if audio:
        fields["generate_audio"] = {"type": "boolean", "default": True}
    return {"description": "Kling (emulated)", "required": ["prompt"], "fields": fields}


MODELS: dict[str, dict[str, Any]] = {
    "google/veo-3.1": _veo(refs=True, audio=True, negative=True),
    "google/veo-3.1-fast": _veo(refs=False, audio=True, negative=True),
    "google/veo-3.1-lite": _veo(refs=False, audio=False, negative=False),
    "kwaivgi/kling-v2.5-turbo-pro": _kling(end_image=True, audio=False),
    "kwaivgi/kling-v2.6": _kling(end_image=False, audio=True),
    # A made-up model that exercises the schema importer: ranges, enums, odd names.
    "acme/wavegen": {
        "description": "A made-up text/image-to-video model for tests.",
        "required": ["prompt"],
        "fields": {
            "prompt": {"type": "string", "maxLength": 500},
            "seconds": {"type": "integer", "minimum": 2, "maximum": 12, "default": 5},
            "aspect_ratio": {"type": "string", "enum": ["16:9", "9:16", "1:1", "4:3"], "default": "16:9"},
            "resolution": {"type": "string", "enum": ["480p", "720p"], "default": "720p"},
            "style": {"type": "string", "enum": ["cinematic", "anime", "documentary"], "default": "cinematic"},
            "first_frame_image": {**_URI, "description": "Optional first frame"},
            "last_frame_image": {**_URI, "description": "Optional last frame"},
            "reference_images": {**_URI_LIST, "maxItems": 2},
            "generate_audio": {"type": "boolean", "default": False},
            "seed": {"type": "integer"},
            "negative_prompt": {"type": "string"},
            "guidance": {"type": "number", "minimum": 1, "maximum": 20, "default": 7.5},
            "motion_strength": {"type": "integer", "minimum": 1, "maximum": 10, "default": 5},
            "loop": {"type": "boolean", "default": False},
            "api_key": {"type": "string", "description": "Your own upstream key (optional)"},
        },
    },
}

# Models Replicate no longer serves (the Sora family answers "not found", see PROVIDERS.md §0).
GONE = {"openai/sora-2", "openai/sora-2-pro"}


def validate_input(schema: dict[str, Any], data: Any, known_file: Any = None) -> list[dict[str, str]]:
    """Validation as Replicate does it against a model's schema: a list of
    ``{type, field, description}``, empty when valid. A field the schema does not declare
    is an error ("Additional property … is not allowed"), like a missing required one.
    """
    if not isinstance(data, dict):
        return [{"type": "type", "field": "input", "description": "input must be an object"}]
    problems: list[dict[str, str]] = []
    for name in schema["required"]:
        if data.get(name) in (None, ""):
            problems.append({"type": "required", "field": f"input.{name}", "description": f"{name} is required"})
    for name, value in data.items():
        field = schema["fields"].get(name)
        if field is None:
            problems.append({
                "type": "additional_property_not_allowed",
                "field": "input",
                "description": f"Additional property {name} is not allowed",
            })
            continue
        if value is None:
            continue
        message = _check(name, field, value, known_file)
        if message:
            problems.append({"type": "invalid", "field": f"input.{name}", "description": message})
    return problems


def _check(name: str, field: dict[str, Any], value: Any, known_file: Any) -> str | None:
    kind = field.get("type", "string")
    if kind == "integer" and (not isinstance(value, int) or isinstance(value, bool)):
        return f"{name}: Invalid type. Expected: integer, given: {type(value).__name__}"
    if kind == "number" and (not isinstance(value, (int, float)) or isinstance(value, bool)):
        return f"{name}: Invalid type. Expected: number, given: {type(value).__name__}"
    if kind == "boolean" and not isinstance(value, bool):
        return f"{name}: Invalid type. Expected: boolean, given: {type(value).__name__}"
    if kind == "string" and not isinstance(value, str):
        return f"{name}: Invalid type. Expected: string, given: {type(value).__name__}"
    if "enum" in field and value not in field["enum"]:
        allowed = ", ".join(str(v) for v in field["enum"])
        return f"{name} must be one of the following: {allowed}"
    if "minimum" in field and value < field["minimum"]:
        return f"{name} must be greater than or equal to {field['minimum']}"
    if "maximum" in field and value > field["maximum"]:
        return f"{name} must be less than or equal to {field['maximum']}"
    if "maxLength" in field and len(value) > field["maxLength"]:
        return f"{name}: String length must be less than or equal to {field['maxLength']}"
    if field.get("format") == "uri" and not _uri_ok(value, known_file):
        return f"{name}: Does not match format 'uri' or the file could not be fetched"
    if kind == "array":
        if not isinstance(value, list):
            return f"{name}: Invalid type. Expected: array, given: {type(value).__name__}"
        if "maxItems" in field and len(value) > field["maxItems"]:
            return f"{name}: Array must have at most {field['maxItems']} items"
        if any(not _uri_ok(v, known_file) for v in value):
            return f"{name}: every item must be a URI"
    return None


def _uri_ok(value: Any, known_file: Any) -> bool:
    if not isinstance(value, str):
        return False
    if value.startswith("data:"):
        return ";base64," in value
    if known_file is not None and "/v1/files/" in value:
        return bool(known_file(value))
    return value.startswith(("http://", "https://"))


def openapi_model(model: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """The ``GET /v1/models/{owner}/{name}`` body, with a Cog-shaped OpenAPI Input schema.

    A published schema (``input_schema`` in the entry) is served as it is.
    """
    schema = schema or MODELS[model]
    owner, name = model.split("/", 1)
    properties: dict[str, Any] = {}
    components: dict[str, Any] = {}
    for order, (field_name, field) in enumerate(schema["fields"].items()):
        prop: dict[str, Any] = {"title": field_name.replace("_", " ").title(), "x-order": order}
        if "enum" in field:
            # Cog's shape: the enum lives in its own component, referenced through allOf.
            components[field_name] = {
                "enum": field["enum"],
                "type": field["type"],
                "title": field_name,
                "description": "An enumeration.",
            }
            prop["allOf"] = [{"$ref": f"#/components/schemas/{field_name}"}]
        else:
            prop.update({k: v for k, v in field.items() if k not in ("description", "default")})
        for key in ("description", "default"):
            if key in field:
                prop[key] = field[key]
        if field.get("format") == "uri" or field.get("type") == "array":
            prop["nullable"] = True
        properties[field_name] = prop
    components["Input"] = {"type": "object", "title": "Input", "required": schema["required"], "properties": properties}
    if "input_schema" in schema:
        components = {"Input": schema["input_schema"]}
    components["Output"] = {"type": "string", "title": "Output", "format": "uri"}
    return {
        "url": f"https://replicate.com/{model}",
        "owner": owner,
        "name": name,
        "description": schema["description"],
        "visibility": "public",
        "run_count": 1234,
        "latest_version": {
            "id": "0" * 24 + "".join(f"{ord(c) % 16:x}" for c in model[:40]).ljust(40, "0"),
            "created_at": "2026-04-01T00:00:00.000000Z",
            "cog_version": "0.16.0",
            "openapi_schema": {"openapi": "3.0.2", "components": {"schemas": components}},
        },
        "default_example": None,
    }
