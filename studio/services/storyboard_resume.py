"""Continuing a storyboard run that was stopped (the app closed, the process killed).

A run notes which shots it set out to produce in the project folder
(``.storyboard-run.json``) before it sends anything, and removes the note once every one of
them has ended (a take, or a failure the person has been told about). A note still there
when the project opens means the run was stopped: :func:`continue_interrupted_run` carries
it on through :func:`~studio.services.storyboard.run_storyboard`, the same function
``studio-cli storyboard run`` uses, so both decide alike what is left: a finished job
becomes its take, a job in flight is followed (adopted, never sent again), and only shots
with no job at all are sent. :func:`plan_run` says which is which.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from studio.core.errors import ProjectError
from studio.core.jobs import Job
from studio.core.project import Project
from studio.core.project_fields import check_id

from .atomic import atomic_write_json

RUN_NOTE = ".storyboard-run.json"


@dataclass
class RunPlan:
    """What a storyboard run still has to do, shot by shot."""

    finished: list[str] = field(default_factory=list)  # a job finished; its clip becomes the take
    following: list[str] = field(default_factory=list)  # a job is in flight; it is followed
    to_send: list[str] = field(default_factory=list)  # no job yet: these are sent

    def describe(self) -> str:
        """One sentence for the person (numbers of shots)."""
        return (
            f"{len(self.finished)} finished while Studio was closed, {len(self.following)} still "
            f"being generated (followed, not sent again), {len(self.to_send)} to send."
        )


def plan_run(services, project: Project, folder: Path, shot_ids: Iterable[str] | None = None) -> RunPlan:
    """Sort the shots without a take by what a run would do with them (blocking: SQLite).

    The runner makes the same decision again when the run admits each shot (in one
    transaction, across processes), so this is what the person is told, never a license to pay.
    """
    from .storyboard import _finished_unattached  # the rule the run itself applies

    wanted = set(shot_ids) if shot_ids is not None else None
    project_dir = str(Path(folder).resolve())
    plan = RunPlan()
    for shot in project.shots_without_take():
        if wanted is not None and shot.id not in wanted:
            continue
        if _finished_unattached(services, folder, shot) is not None:
            plan.finished.append(shot.id)
            continue
        attached = {take.job_id for take in shot.takes}
        jobs = services.jobstore.list(shot_id=shot.id, project_dir=project_dir, limit=20)
        latest = next((job for job in jobs if job.id not in attached), None)
        if latest is not None and not latest.state.terminal:
            plan.following.append(shot.id)
        else:
            plan.to_send.append(shot.id)
    return plan


def note_run_started(folder: Path, shot_ids: Iterable[str]) -> None:
    """Write the run's note (atomically) before anything is sent. Blocking."""
    atomic_write_json(Path(folder) / RUN_NOTE, {"shots": list(shot_ids), "started_at": time.time()})


def note_run_ended(folder: Path) -> None:
    """Remove the run's note: every shot it set out to produce has ended. Blocking."""
    (Path(folder) / RUN_NOTE).unlink(missing_ok=True)


def interrupted_run(folder: Path) -> list[str] | None:
    """The shot ids of a run that was stopped, or None (blocking).

    The note is read like the rest of a project folder: as untrusted input. A malformed one
    is ignored (nothing is sent on its account).
    """
    path = Path(folder) / RUN_NOTE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        shots = data["shots"]
        if not isinstance(shots, list) or len(shots) > 2000:
            return None
        return [check_id(sid, "shots") for sid in shots]
    except (OSError, ValueError, KeyError, TypeError, ProjectError):
        return None


async def continue_interrupted_run(
    services,
    project: Project,
    folder: Path,
    *,
    on_plan: Callable[[RunPlan], None] | None = None,
    on_job: Callable[[Job], None] | None = None,
    on_note: Callable[[str], None] | None = None,
) -> list[Job] | None:
    """Carry on the stopped run of this project, if there is one (None when there is not).

    This is what the window does when a project opens. ``on_plan`` hears what is left
    before anything is sent.
    """
    import asyncio

    from .storyboard import run_storyboard

    shot_ids = await asyncio.to_thread(interrupted_run, folder)
    if shot_ids is None:
        return None
    known = {shot.id for shot in project.shots}
    shot_ids = [sid for sid in shot_ids if sid in known]
    plan = await asyncio.to_thread(plan_run, services, project, folder, shot_ids)
    if on_plan:
        on_plan(plan)
    # The price was shown (and an unknown one accepted) when the run began: carrying it on
    # sends nothing that run had not set out to send.
    return await run_storyboard(
        services, project, folder, on_job=on_job, on_note=on_note, shot_ids=shot_ids, accept_unknown_price=True
    )
