"""The cut as the preview plays it: the export's plan and renderer, at a screen-sized picture.

:func:`plan_preview` plans the cut exactly as the export would (same trims, rate and
crossfades, so the same length), except that a clip that cannot be played is left out with a
sentence saying why, rather than refusing the whole cut. :func:`preview_pictures` gives RGB
frames of that plan from any output frame. Everything here blocks; run it in a worker.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from av.video.reformatter import Colorspace

from studio.core.errors import InvalidRequest, StudioError

from .cut_render import cut_pictures
from .plan import ClipIn, ExportSettings, StitchPlan, fit_size, plan_stitch

PREVIEW_MAX = (960, 540)
"""The preview renders at most this size (it is a pane, not the export)."""


@dataclass
class PreviewPlan:
    """The plan of the playable clips; ``kept[i]`` is the position in the asked-for list of
    the plan's clip ``i``; ``notes`` say what was left out or changed and why."""

    plan: StitchPlan | None
    kept: list[int]
    notes: list[str] = field(default_factory=list)
    size: tuple[int, int] = (0, 0)


def _reason(exc: BaseException, path: str) -> str:
    return getattr(exc, "user_message", None) or f"{Path(path).name} cannot be read."


def plan_preview(
    clips: Sequence[ClipIn], transitions: Sequence[float] | None = None, fps: float | None = None
) -> PreviewPlan:
    """Plan ``clips`` like the export (``transitions``: seconds per join, None = cuts;
    ``fps`` None = the rate the export would pick)."""
    joins = list(transitions) if transitions is not None else [0.0] * max(0, len(clips) - 1)
    kept: list[int] = []
    notes: list[str] = []
    for index, clip in enumerate(clips):
        try:
            plan_stitch([clip], ExportSettings(fps=fps))  # this clip alone: readable, video, a trim that leaves some
        except (StudioError, OSError) as exc:
            notes.append(_reason(exc, str(clip.path)))
            continue
        kept.append(index)
    if not kept:
        return PreviewPlan(None, [], notes)
    # A join next to a left-out clip becomes a cut: its crossfade was planned for other neighbours.
    kept_joins = [joins[b - 1] if b == a + 1 and b - 1 < len(joins) else 0.0 for a, b in zip(kept, kept[1:])]
    chosen = [clips[i] for i in kept]
    try:
        plan = plan_stitch(chosen, ExportSettings(fps=fps, transitions=kept_joins))
    except InvalidRequest as exc:
        if exc.field != "transitions":
            raise
        notes.append(f"{exc.user_message.rstrip('.')}; the export will refuse it, so it plays as a cut here.")
        plan = plan_stitch(chosen, ExportSettings(fps=fps, transitions=[0.0] * len(kept_joins)))
    width, height = plan.width, plan.height
    if width > PREVIEW_MAX[0] or height > PREVIEW_MAX[1]:
        width, height = fit_size(width, height, *PREVIEW_MAX)
    return PreviewPlan(plan, kept, notes, (width, height))


def preview_pictures(
    preview: PreviewPlan, start: int = 0, cancel: threading.Event | None = None
) -> Iterator[tuple[int, np.ndarray]]:
    """``(output frame, RGB array)`` from output frame ``start`` on, blended at crossfades."""
    assert preview.plan is not None
    for index, frame in cut_pictures(preview.plan, start, preview.size, cancel):
        rgb = frame.reformat(format="rgb24", src_colorspace=Colorspace.ITU709, dst_colorspace=Colorspace.ITU709)
        yield index, rgb.to_ndarray()
