"""Video clips from elsewhere (a file manager drop) become shots with that clip as their take.

The clip is checked first (a video stream that decodes, a sane and complete length: the same
checks a downloaded result gets), then copied into the project's ``assets/``; the project
only ever names files inside its own folder. Rotation and HDR are the export's and the
preview's business (they read the clip's own tags), so the copy is byte for byte.
Blocking: call it from a worker thread.
"""

from __future__ import annotations

import time
from pathlib import Path

from studio.core.project import Shot, Take
from studio.core.project_fields import MAX_SECONDS

from .projects import ProjectStore

VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".mkv", ".webm", ".avi", ".3gp"})
"""File name suffixes taken as video clips (the content is still probed)."""

IMPORTED_MODEL = "imported"
"""The ``model_id`` of a take that was brought in rather than generated."""


def is_video_file(path: Path | str) -> bool:
    """Whether ``path`` is named like a video clip."""
    return Path(path).suffix.lower() in VIDEO_SUFFIXES


def shot_from_clip(store: ProjectStore, folder: Path, source: Path | str, *, template: Shot | None = None) -> Shot:
    """A new shot whose chosen take is ``source``, copied into the project (blocking I/O).

    Raises MediaError naming the file when it is not a usable clip (no picture, cut short,
    undecodable); nothing is copied then. ``template`` lends the shot its model and shape,
    so regenerating it later asks for a similar clip.
    """
    from .media import validate_clip

    source = Path(source)
    info = validate_clip(source)
    rel = store.import_asset(folder, source)
    video = info.video
    take = Take(
        path=rel,
        model_id=IMPORTED_MODEL,
        duration=float(info.duration or 0.0),
        width=int(getattr(video, "display_width", 0) or getattr(video, "width", 0) or 0),
        height=int(getattr(video, "display_height", 0) or getattr(video, "height", 0) or 0),
        has_audio=info.audio is not None,
        created_at=time.time(),
    )
    shot = Shot(
        title=source.stem[:500],
        duration=max(0.1, min(MAX_SECONDS, round(take.duration, 2))),
        model_id=template.model_id if template else Shot().model_id,
        aspect_ratio=template.aspect_ratio if template else None,
        resolution=template.resolution if template else None,
        takes=[take],
        chosen_take_id=take.id,
    )
    return shot
