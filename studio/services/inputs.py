"""Checks of a request's image files before anything is sent or paid for."""

from __future__ import annotations

from pathlib import Path

from studio.core.errors import InvalidRequest, MediaError
from studio.core.modelspec import ModelSpec
from studio.core.request import GenerationRequest


def check_image_inputs(request: GenerationRequest, spec: ModelSpec) -> None:
    """Every image input exists, really decodes, and fits the model's byte limit.

    Raises InvalidRequest naming the slot (first_frame, last_frame, reference_images).
    """
    from .media import load_image  # OpenCV loads only when an image is given

    for slot, paths in request.image_inputs().items():
        for raw in paths:
            path = Path(raw)
            label = slot.replace("_", " ")
            if not path.is_file():
                raise InvalidRequest(f"The {label} {path.name} does not exist.", field=slot)
            try:
                load_image(path)
            except MediaError as error:
                raise InvalidRequest(
                    f"The {label} {path.name} is not a readable image.", field=slot, detail=error.user_message
                ) from None
            size = path.stat().st_size
            if spec.max_image_bytes and size > spec.max_image_bytes:
                raise InvalidRequest(
                    f"The {label} {path.name} is {size / 1e6:.1f} MB; {spec.name} takes at most "
                    f"{spec.max_image_bytes / 1e6:.0f} MB.",
                    field=slot,
                )
