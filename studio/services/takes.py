"""Takes and variations: several generations of one shot, on its model or across several.

A shot asked for ``takes`` takes on each of ``models`` gets exactly ``takes × len(models)``
generations: the job store admits them in one transaction, counting the shot's jobs already
in flight (a second click, another process, a run that was stopped) and its finished jobs
whose clips never became takes, so nothing is paid for twice.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from studio.core.errors import InvalidRequest
from studio.core.jobs import Job, JobState
from studio.core.modelspec import ModelSpec
from studio.core.project import Project, Shot
from studio.core.request import GenerationRequest

from .jobstore import Admission

MAX_TAKES_PER_RUN = 8
"""Takes of one shot per model in one request (a typo like 40 should not pay forty times)."""


def check_take_count(takes: int) -> int:
    """``takes`` when it is a sensible number of takes per shot and model; else InvalidRequest."""
    if not 1 <= takes <= MAX_TAKES_PER_RUN:
        raise InvalidRequest(f"Ask for 1 to {MAX_TAKES_PER_RUN} takes (not {takes}).", field="takes")
    return takes


def take_plan(shot: Shot, takes: int = 1, models: list[str] | None = None) -> list[str]:
    """The model of every take to make, in order: each model ``takes`` times."""
    check_take_count(takes)
    chosen = list(dict.fromkeys(models or [])) or [shot.model_id]
    return [model for model in chosen for _ in range(takes)]


def request_for_model(request: GenerationRequest, spec: ModelSpec) -> GenerationRequest:
    """The shot's request fitted to another model (a variation): what it cannot take is left out.

    The duration becomes the nearest one the model allows; an aspect ratio or resolution it
    does not offer falls back to its default; a last frame or references it cannot take are
    dropped; model-specific parameters belong to the shot's own model and are not carried.
    """
    if request.model_id == spec.id:
        return request
    duration = request.duration
    if duration is not None and not spec.durations.allows(duration):
        duration = _nearest_duration(spec, duration)
    return replace(
        request,
        model_id=spec.id,
        duration=duration,
        aspect_ratio=request.aspect_ratio if request.aspect_ratio in spec.aspect_ratios else None,
        resolution=request.resolution if request.resolution in spec.resolutions else None,
        last_frame=request.last_frame if spec.supports_last_frame else None,
        reference_images=tuple(request.reference_images[: spec.max_reference_images]),
        audio=request.audio if spec.audio_supported else None,
        extra={},
    )


def _nearest_duration(spec: ModelSpec, seconds: float) -> float | None:
    rule = spec.durations
    if rule.choices:
        return min(rule.choices, key=lambda choice: abs(choice - seconds))
    low = rule.minimum if rule.minimum is not None else seconds
    high = rule.maximum if rule.maximum is not None else seconds
    clamped = min(max(seconds, low), high)
    if rule.step > 0:
        clamped = low + round((clamped - low) / rule.step) * rule.step
    return min(max(clamped, low), high)


def finished_unattached_takes(services, folder: Path, shot: Shot, limit: int) -> list[Job]:
    """Up to ``limit`` finished jobs of the shot whose clips exist but are not takes (blocking: SQLite).

    A run stopped after a take was paid for attaches it instead of paying again; the jobs of
    takes the person deleted are not brought back.
    """
    skip = {t.job_id for t in shot.takes} | set(shot.removed_take_jobs)
    found: list[Job] = []
    for job in services.jobstore.list(shot_id=shot.id, project_dir=str(Path(folder).resolve()), limit=200):
        if len(found) >= limit:
            break
        if job.id in skip or job.state is not JobState.DONE:
            continue
        if job.output_path and Path(job.output_path).exists():
            found.append(job)
    return found


async def admit_shot_takes(
    services,
    project: Project,
    folder: Path,
    shot_id: str,
    *,
    takes: int = 1,
    models: list[str] | None = None,
    allow_retired: bool = False,
    reuse_finished: bool = True,
    still_wanted: Callable[[], bool] | None = None,
) -> list[Admission]:
    """Start (or adopt) the shot's takes; one admission per take of :func:`take_plan`.

    Many shots at once reach the runner a few per frame (:mod:`~studio.services.send_pacing`);
    ``still_wanted``, asked when the shot's turn comes, may call it off (its take landed meanwhile).

    With ``reuse_finished``, finished jobs whose clips never became takes fill the first
    places (``adopted``) instead of paying again; the window, which attaches those by itself
    as soon as a project opens, asks for new takes only.
    """
    from .send_pacing import send_pacer
    from .storyboard import continuity_frames, shot_request

    shot = project.shot(shot_id)
    plan = take_plan(shot, takes, models)
    folder = await asyncio.to_thread(Path(folder).resolve)
    reused: list[Admission] = []
    if reuse_finished:
        finished = await asyncio.to_thread(finished_unattached_takes, services, folder, shot, len(plan))
        for job in finished:
            plan.remove(job.model_id if job.model_id in plan else plan[-1])
            reused.append(Admission(job, adopted=True))
    if not plan:
        return reused
    base = shot_request(project, folder, shot)
    frames = await continuity_frames(services, project, folder, shot)
    if frames:
        base = replace(base, **frames)
    requests = [request_for_model(base, services.catalog.get(model)) for model in plan]
    await send_pacer().wait_turn()
    if still_wanted is not None and not still_wanted():
        return reused
    admitted = await services.runner.admit_takes(
        requests, project_dir=str(folder), shot_id=shot_id, allow_retired=allow_retired
    )
    return reused + admitted
