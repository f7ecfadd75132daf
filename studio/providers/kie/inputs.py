"""Turn a validated Studio request into Kie's ``input`` object, using the ModelSpec.

Field names come from the catalog (``spec.param_name("duration")``, ``spec.inputs[slot].param``
…), so another market model needs data, not code. ``params`` hints:

* ``duration_type: "string"`` sends ``"10"`` rather than ``10`` (Sora's ``n_frames``, Kling's ``duration``);
* ``aspect_style: "orientation"`` sends ``portrait``/``landscape`` for 9:16/16:9 (Sora on Kie);
* ``resolution`` is sent only when ``params`` names it (``size`` standard/high on Sora Pro).

Kie takes images as URLs only: each local image is uploaded first (``upload``) and its
``downloadUrl`` sent. An image field whose name ends in ``_urls`` takes a list
(``image_urls``), any other a single URL (``image_url``, ``tail_image_url``).
Extra parameters with a catalog default (``remove_watermark``) are sent with it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from studio.core.errors import InvalidRequest
from studio.core.modelspec import ModelSpec
from studio.core.request import ValidatedRequest
from studio.providers._prompt import prompt_to_send

Uploader = Callable[[Path], Awaitable[str]]
"""Uploads a local image and returns the URL Kie will fetch it from."""

ORIENTATION = {"9:16": "portrait", "16:9": "landscape"}


async def build_input(spec: ModelSpec, validated: ValidatedRequest, upload: Uploader) -> dict[str, Any]:
    """The ``input`` object of ``POST /api/v1/jobs/createTask``."""
    request = validated.request
    params = spec.params
    data: dict[str, Any] = {p.name: p.default for p in spec.extra_params if p.default is not None}
    data.update(request.extra)  # before Studio's own fields, so those win a clash
    data[spec.param_name("prompt")] = prompt_to_send(validated)
    if "duration" in params:
        seconds = validated.duration
        value: Any = int(seconds) if float(seconds).is_integer() else float(seconds)
        data[params["duration"]] = str(value) if params.get("duration_type") == "string" else value
    if "aspect_ratio" in params and request.aspect_ratio:
        aspect = request.aspect_ratio
        if params.get("aspect_style") == "orientation":
            if aspect not in ORIENTATION:
                raise InvalidRequest(f"{spec.name} makes only 9:16 or 16:9 video.", field="aspect_ratio",
                                     allowed=list(ORIENTATION))  # fmt: skip
            aspect = ORIENTATION[aspect]
        data[params["aspect_ratio"]] = aspect
    if "resolution" in params and request.resolution:
        data[params["resolution"]] = request.resolution
    if spec.audio_param and not spec.audio_always and request.audio is not None:
        data[spec.audio_param] = bool(request.audio)
    if spec.seed_param and request.seed is not None:
        data[spec.seed_param] = int(request.seed)
    if spec.negative_prompt_param and request.negative_prompt:
        data[spec.negative_prompt_param] = request.negative_prompt
    for slot, paths in request.image_inputs().items():
        if slot not in spec.inputs:
            raise InvalidRequest(f"{spec.name} takes no {slot.replace('_', ' ')}.", field=slot)
        urls = [path if path.startswith(("http://", "https://")) else await upload(Path(path)) for path in paths]
        param = spec.inputs[slot].param
        data[param] = urls if param.endswith("_urls") else urls[0]
    return data


def field_names(spec: ModelSpec) -> dict[str, str]:
    """Kie's input names mapped to Studio's, for naming the field of a 422."""
    names = {"prompt": "prompt"}
    for concept in ("duration", "aspect_ratio", "resolution"):
        if concept in spec.params:
            names[spec.params[concept]] = concept
    for slot, image in spec.inputs.items():
        names[image.param] = slot
    for concept, param in (("audio", spec.audio_param), ("seed", spec.seed_param),
                           ("negative_prompt", spec.negative_prompt_param)):  # fmt: skip
        if param:
            names[param] = concept
    for extra in spec.extra_params:
        names.setdefault(extra.name, extra.name)
    return names
