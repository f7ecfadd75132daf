"""Shared helpers for the OpenAI Videos and Kie provider tests: catalog specs and real images."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PIL import Image

from studio.core.modelspec import ModelSpec
from studio.core.request import GenerationRequest, ValidatedRequest, validate

MODELS_DIR = Path(__file__).resolve().parents[2] / "studio" / "resources" / "models"


def spec(model_id: str) -> ModelSpec:
    """A built-in catalog entry by id (``openai:sora-2``, ``kie:sora-2-image-to-video`` …)."""
    provider = model_id.split(":", 1)[0]
    data = json.loads((MODELS_DIR / f"{provider}.json").read_text("utf-8"))
    specs = {s.id: s for s in (ModelSpec.from_dict(m) for m in data["models"])}
    return specs[model_id]


def validated(model_id: str, **fields) -> tuple[ModelSpec, ValidatedRequest]:
    s = spec(model_id)
    fields.setdefault("prompt", "a lighthouse at dusk, waves crashing")
    return s, validate(s, GenerationRequest(model_id=s.id, **fields), allow_retired=True)


def selfie(path: Path, size: tuple[int, int] = (900, 1200), *, exif_rotate: bool = False) -> Path:
    """A real JPEG (a colour gradient), optionally EXIF-tagged to be shown rotated."""
    width, height = size
    xs = np.linspace(0, 255, width, dtype=np.uint8)[None, :].repeat(height, 0)
    ys = np.linspace(0, 255, height, dtype=np.uint8)[:, None].repeat(width, 1)
    image = Image.fromarray(np.dstack([xs, ys, np.full_like(xs, 120)]), "RGB")
    exif = Image.Exif()
    if exif_rotate:
        exif[0x0112] = 6  # "rotate 90° clockwise to display"
    image.save(path, format="JPEG", quality=90, exif=exif.tobytes())
    return path
