"""Derive a new take of a shot from one of its takes: remix, edit or extend.

The request goes to the runner like any generation, so the job store's admission rules hold
unchanged: the budget check and the row insert are one transaction, the row is durable before
anything is sent, a crash resumes it by its remote id, and a second click (or a second
process) asking for the same derivation of the same take adopts the job in flight instead of
paying again. The finished clip becomes a new take of the same shot whose ``derived_from``
(and the job's request, kept in the history and the clip's sidecar) names the source take
and the operation.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from studio.core.derive import OPS, derived_request, rule_for, unavailable_reason
from studio.core.errors import InvalidRequest
from studio.core.jobs import Job
from studio.core.modelspec import ModelSpec
from studio.core.project import Project, Shot, Take
from studio.core.request import GenerationRequest

from .jobstore import Admission
from .projects import ProjectStore
from .storyboard import shot_request


def source_take(shot: Shot, take_id: str | None = None) -> Take | None:
    """The take to derive from: ``take_id`` (an id or its unambiguous prefix), else the chosen one."""
    if take_id is None:
        return shot.chosen_take or (shot.takes[-1] if shot.takes else None)
    found = [t for t in shot.takes if t.id == take_id] or [t for t in shot.takes if t.id.startswith(take_id)]
    if len(found) != 1:
        raise InvalidRequest(f"This shot has no take {take_id!r}; its takes are {', '.join(t.id for t in shot.takes) or 'none'}.",
                             field="take")  # fmt: skip
    return found[0]


def take_spec(services, take: Take | None) -> ModelSpec | None:
    """The catalog entry of the model that made ``take`` (None when it is not in the catalog)."""
    if take is None or take.model_id not in services.catalog:
        return None
    return services.catalog.get(take.model_id)


def derive_options(services, shot: Shot, take: Take | None = None) -> dict[str, str | None]:
    """For each operation, None when ``take`` (default: the chosen take) allows it, else why not."""
    take = take or source_take(shot)
    spec = take_spec(services, take)
    return {op: unavailable_reason(spec, op, take) for op in OPS}


async def derive_take(
    services,
    project: Project,
    folder: Path,
    shot_id: str,
    *,
    op: str,
    instruction: str,
    take_id: str | None = None,
    seconds: float | None = None,
    allow_retired: bool = False,
) -> Admission:
    """Send a remix, edit or extension of one of the shot's takes (default: the chosen one).

    Raises InvalidRequest (saying why) when the take's model cannot do ``op`` or the take has
    no source at the provider, QuotaError past a budget, and whatever the runner raises before
    sending. Wait on ``admission.job`` with the runner; its clip becomes a new take of the shot
    (the window and :func:`~studio.services.storyboard.attach_finished` attach it).
    """
    shot = project.shot(shot_id)
    take = source_take(shot, take_id)
    spec = take_spec(services, take)
    rule = rule_for(spec, op, take)
    assert take is not None and spec is not None
    job = await asyncio.to_thread(services.jobstore.get, take.job_id) if take.job_id else None
    base = _base_request(project, folder, shot, job, spec)
    source = await _source(folder, take, job, spec, rule.source, op)
    request = derived_request(
        spec, rule, base, instruction=instruction, source=source, take_id=take.id,
        job_id=take.job_id, seconds=seconds,
    )  # fmt: skip
    project_dir = str(await asyncio.to_thread(Path(folder).resolve))
    return await services.runner.admit(
        request,
        project_dir=project_dir,
        shot_id=shot_id,
        allow_retired=allow_retired,
        adopts=lambda other: _same_derivation(other, request),
    )


def _base_request(project: Project, folder: Path, shot: Shot, job: Job | None, spec: ModelSpec) -> GenerationRequest:
    """What made the source take (its job's request), else what the shot describes now."""
    if job is not None and job.request:
        return GenerationRequest.from_dict(job.request)
    from dataclasses import replace

    return replace(shot_request(project, folder, shot), model_id=spec.id)


async def _source(folder: Path, take: Take, job: Job | None, spec: ModelSpec, kind: str, op: str) -> str:
    if kind == "clip":
        clip = ProjectStore.resolve(folder, take.path, "take")
        if clip is None or not await asyncio.to_thread(clip.is_file):
            raise InvalidRequest(f"The take's clip ({take.path or 'none'}) is missing, so there is nothing to {op}.",
                                 field="take")  # fmt: skip
        return str(clip)
    if job is None or not job.remote_id:
        raise InvalidRequest(
            f"Studio has no record of this take's job at {spec.name} (its history was cleared or it came from "
            f"elsewhere), so it cannot {op} it.",
            field="take",
        )
    if job.model_id.split(":", 1)[0] != spec.provider:
        raise InvalidRequest(f"This take was made by {job.model_id}, not by {spec.name}; only that provider holds it.",
                             field="take")  # fmt: skip
    return job.remote_id


def _same_derivation(other: Job, request: GenerationRequest) -> bool:
    """True for a job in flight that is this very derivation (same source, operation and words)."""
    mine: dict[str, Any] = request.derived_from or {}
    return other.request.get("derived_from") == mine and other.request.get("prompt") == request.prompt
