"""The generation request a shot describes (what the editor validates and prices)."""

from __future__ import annotations

from pathlib import Path

from studio.core.modelspec import ModelSpec
from studio.core.project import Shot
from studio.core.request import GenerationRequest


def shot_request(shot: Shot, spec: ModelSpec | None, project_dir: Path | None = None) -> GenerationRequest:
    """The request a shot describes; image paths absolute when ``project_dir`` is given.

    Fields the model has no control for (negative prompt, seed) are left out rather than
    rejected, since the editor hides those controls for such a model.
    """

    def resolve(rel: str | None) -> str | None:
        if not rel:
            return None
        if project_dir is None:
            return rel
        p = Path(rel)
        return str(p if p.is_absolute() else Path(project_dir) / p)

    takes_negative = spec is None or bool(spec.negative_prompt_param)
    takes_seed = spec is None or bool(spec.seed_param)
    audio = shot.audio
    if spec is not None and not spec.audio_supported:
        audio = None
    return GenerationRequest(
        model_id=shot.model_id,
        prompt=shot.prompt,
        negative_prompt=(shot.negative_prompt or None) if takes_negative else None,
        duration=shot.duration,
        aspect_ratio=shot.aspect_ratio,
        resolution=shot.resolution,
        audio=audio,
        seed=shot.seed if takes_seed else None,
        first_frame=resolve(shot.first_frame),
        last_frame=resolve(shot.last_frame),
        reference_images=tuple(r for r in (resolve(x) for x in shot.reference_images) if r),
        extra=dict(shot.extra or {}),
    )
