"""Turn a validated Studio request into a Replicate ``input`` object, using the ModelSpec.

Field names come from the spec (``spec.param_name("duration")``, ``spec.inputs[slot].param``,
``spec.audio_param`` …), so a new model needs catalog data, not code. Two ``params``
hints written by the schema importer cover models that count time differently:
``duration_unit: "frames"`` (send ``round(seconds * fps)``, at the model's own fps parameter
when the person set it) and ``duration_type: "string"``
(send ``"8"`` rather than ``8``). ``resolution`` is sent only when ``params`` names it,
because several models have a fixed output size and no such field.

Images: ``http(s)`` URLs pass through; local files under :data:`DATA_URI_LIMIT` go inline
as a data URI (Replicate recommends that only for small files); bigger ones are uploaded
through ``POST /v1/files`` and passed by their ``urls.get``.
"""

from __future__ import annotations

import asyncio
import base64
import mimetypes
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from studio.core.errors import InvalidRequest, MediaError
from studio.core.modelspec import ModelSpec
from studio.core.request import ValidatedRequest, mime_for_path
from studio.core.schema_check import check_input

DATA_URI_LIMIT = 1_000_000
"""Files smaller than this many bytes are sent inline as data URIs."""

Uploader = Callable[[Path, str], Awaitable[str]]
"""Uploads a local file (path, MIME type) and returns a URL Replicate can read."""


async def build_input(spec: ModelSpec, validated: ValidatedRequest, upload: Uploader) -> dict[str, Any]:
    """The ``input`` object for ``POST /v1/models/{owner}/{name}/predictions``.

    A model imported from its schema gets only the fields that schema declares (Replicate
    answers 422 to any other), and the result is checked against the schema before it goes.
    """
    request = validated.request
    data: dict[str, Any] = dict(request.extra)  # first, so Studio's own fields win a clash

    def put(field: str, value: Any) -> None:
        if spec.declares(field):
            data[field] = value

    if request.prompt:
        put(spec.param_name("prompt"), request.prompt)
    if "duration" in spec.params or not spec.has_schema:
        put(spec.param_name("duration"), _duration_value(spec, validated.duration, request.extra))
    if request.aspect_ratio and spec.has_aspect_setting:
        put(spec.param_name("aspect_ratio"), spec.provider_value("aspect_ratio", request.aspect_ratio))
    if request.resolution and "resolution" in spec.params:
        put(spec.param_name("resolution"), spec.provider_value("resolution", request.resolution))
    if spec.audio_param and request.audio is not None and not spec.audio_always:
        put(spec.audio_param, bool(request.audio))
    if spec.seed_param and request.seed is not None:
        put(spec.seed_param, int(request.seed))
    if spec.negative_prompt_param and request.negative_prompt:
        put(spec.negative_prompt_param, request.negative_prompt)
    for slot, paths in request.image_inputs().items():
        if slot not in spec.inputs:
            raise InvalidRequest(f"{spec.name} takes no {slot.replace('_', ' ')}.", field=slot)
        values = [await image_value(path, upload) for path in paths]
        data[spec.inputs[slot].param] = values if slot == "reference_images" else values[0]
    check_input(spec, data, namer=field_namer(spec))
    return data


def _duration_value(spec: ModelSpec, seconds: float, extra: dict[str, Any]) -> Any:
    if spec.params.get("duration_unit") == "frames":
        value: Any = spec.frames_for(seconds, extra)  # at the fps the person set, if any
    elif float(seconds).is_integer():
        value = int(seconds)
    else:
        value = float(seconds)
    if spec.params.get("duration_type") == "string":
        return str(value)
    return value


async def image_value(path: str, upload: Uploader) -> str:
    """A URL, a data URI, or the URL of an uploaded copy, for one image input."""
    if path.startswith(("http://", "https://", "data:")):
        return path
    file = Path(path)
    try:
        size = (await asyncio.to_thread(file.stat)).st_size
    except OSError as exc:
        raise MediaError(f"Cannot read the image {file.name}: {exc.strerror or exc}.") from None
    mime = mime_for_path(path) or mimetypes.guess_type(path)[0] or "application/octet-stream"
    if size < DATA_URI_LIMIT:
        encoded = base64.b64encode(await asyncio.to_thread(file.read_bytes)).decode("ascii")
        return f"data:{mime};base64,{encoded}"
    return await upload(file, mime)


def field_namer(spec: ModelSpec) -> Callable[[str], str]:
    """Map a Replicate input name back to Studio's name for it (for error messages)."""
    reverse: dict[str, str] = {}
    for concept, param in spec.params.items():
        reverse.setdefault(param, concept)
    for slot, image in spec.inputs.items():
        reverse[image.param] = slot
    for concept, param in (
        ("audio", spec.audio_param),
        ("seed", spec.seed_param),
        ("negative_prompt", spec.negative_prompt_param),
    ):
        if param:
            reverse[param] = concept
    return lambda name: reverse.get(name, name)
