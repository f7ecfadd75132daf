"""Export a project: the chosen takes, trimmed, joined with their transitions, into one file."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path

from studio.core.errors import InvalidRequest, StudioError
from studio.core.project import Project

from .projects import ProjectStore


def project_clips(project: Project, folder: Path):
    """ClipIn for each shot's chosen take, in order; raises when a shot has none."""
    from .media.plan import ClipIn

    clips = []
    for index, shot in enumerate(project.shots):
        take = shot.chosen_take
        if take is None:
            raise InvalidRequest(
                f"Shot {index + 1} ({shot.title or 'untitled'}) has no chosen take; generate it or pick one.",
                field="takes",
            )
        path = ProjectStore.resolve(folder, take.path)
        if not path or not path.exists():
            raise InvalidRequest(f"The clip for shot {index + 1} is missing: {take.path}.", field="takes")
        clips.append(ClipIn(path, trim_in=shot.trim_in, trim_out=shot.trim_out))
    if not clips:
        raise InvalidRequest("The storyboard has no shots to export.", field="shots")
    return clips


def preview_cut_items(project: Project, folder: Path) -> tuple[list[tuple[str, float, float | None]], list[float], float]:
    """What the preview plays for "the cut": ``(path, trim_in, trim_out)`` of every shot that has
    a chosen take, the crossfade seconds at each join between them, and the export's fps.

    The joins follow :func:`export_settings`; a join across a shot without a take is a cut.
    No file is touched (safe on the GUI thread)."""
    shots = [(i, s) for i, s in enumerate(project.shots) if s.chosen_take is not None]
    items = [(str(Path(folder) / s.chosen_take.path), s.trim_in, s.trim_out) for _, s in shots]
    joins = [project.transition_seconds(b.id) if j == i + 1 else 0.0 for (i, _), (j, b) in zip(shots, shots[1:])]
    return items, joins, float(project.settings.fps)


def takes_on_disk(folder: Path, take_paths: list[str | None]) -> bool:
    """Whether every shot (one project-relative take path each, None for none) has its clip on disk.

    Blocking (it looks at files). True only for a non-empty cut: what one-click export needs.
    """
    if not take_paths:
        return False
    for rel in take_paths:
        if not rel:
            return False
        try:
            path = ProjectStore.resolve(folder, rel)
        except StudioError:
            return False
        if path is None or not path.is_file():
            return False
    return True


def export_settings(project: Project, settings=None, exact_audio: bool = False, quality: str = "standard"):
    """ExportSettings from the project (size, fps, the transition at each join) unless given.

    ``exact_audio`` and ``quality`` apply to settings built here: the first re-encodes the
    sound instead of copying it, the second names the encoder preset (draft, standard, high).
    """
    from .media.plan import ExportSettings

    transitions = project.transition_lengths()  # clamped to the neighbours as they are trimmed now
    if settings is None:
        return ExportSettings(
            width=project.settings.width,
            height=project.settings.height,
            fps=project.settings.fps,
            transitions=transitions,
            exact_audio=exact_audio,
            quality=quality,
        )
    if settings.transitions is None and not settings.crossfade:
        from dataclasses import replace

        settings = replace(settings, transitions=transitions)
    return settings


def plan_export(project: Project, folder: Path, settings=None):
    """The stitch plan (what is copied, scaled, padded, where silence goes). Blocking: it probes."""
    from .media.plan import plan_stitch

    return plan_stitch(project_clips(project, Path(folder)), export_settings(project, settings))


async def export_project(
    project: Project,
    folder: Path,
    out: Path,
    settings=None,
    progress: Callable[[float], None] | None = None,
    cancel: threading.Event | None = None,
):
    """Plan and stitch off the event loop; returns the output's MediaInfo."""
    from .media.stitch import stitch

    from .crashpoints import crash_point

    def report(fraction: float) -> None:
        if fraction >= 0.5:
            crash_point("export")  # half of the film written
        if progress:
            progress(fraction)

    plan = await asyncio.to_thread(plan_export, project, folder, settings)
    return await asyncio.to_thread(stitch, plan, Path(out), progress=report, cancel=cancel)
