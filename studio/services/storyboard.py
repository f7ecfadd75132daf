"""Storyboard production: generate the shots that lack a take, honouring continuity.

``independent`` shots generate in parallel; a ``chained`` shot starts from the last frame of
the previous shot's chosen take (so it waits for it); a ``bridged`` shot also ends on the
first frame of the next shot's chosen take, where the model takes a last frame.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from studio.core.errors import InvalidRequest, StudioError
from studio.core.jobs import Job, JobState
from studio.core.project import Project, Shot
from studio.core.request import GenerationRequest

from .projects import ProjectStore


def shot_request(project: Project, folder: Path, shot: Shot) -> GenerationRequest:
    """The generation request a shot describes (image paths made absolute)."""
    resolve = ProjectStore.resolve
    prompt = shot.prompt.strip()
    style = project.settings.style.strip()
    if style and style.lower() not in prompt.lower():
        prompt = f"{style}. {prompt}" if prompt else style
    return GenerationRequest(
        model_id=shot.model_id,
        prompt=prompt,
        negative_prompt=shot.negative_prompt or None,
        duration=shot.duration,
        aspect_ratio=shot.aspect_ratio,
        resolution=shot.resolution,
        audio=shot.audio,
        seed=shot.seed,
        first_frame=str(resolve(folder, shot.first_frame)) if shot.first_frame else None,
        last_frame=str(resolve(folder, shot.last_frame)) if shot.last_frame else None,
        reference_images=tuple(str(resolve(folder, p)) for p in shot.reference_images),
        extra=dict(shot.extra),
    )


async def continuity_frames(services, project: Project, folder: Path, shot: Shot) -> dict[str, str]:
    """Image inputs the shot's continuity mode adds, extracted from neighbouring takes."""
    from .media import frame_at, last_frame, save_image

    if shot.continuity == "independent":
        return {}
    added: dict[str, str] = {}
    index = project.index_of(shot.id)
    if index > 0 and not shot.first_frame:
        previous = project.shots[index - 1]
        take = previous.chosen_take
        if take is None:
            raise InvalidRequest(
                f"Shot {index + 1} continues from shot {index}, which has no chosen take yet; generate that first.",
                field="continuity",
            )
        clip = ProjectStore.resolve(folder, take.path)
        frame = await asyncio.to_thread(last_frame, clip)
        out = Path(folder) / "assets" / f"continuity-{shot.id}-first.png"
        await asyncio.to_thread(save_image, frame, out)
        added["first_frame"] = str(out)
    spec = services.catalog.get(shot.model_id)
    if shot.continuity == "bridged" and spec.supports_last_frame and not shot.last_frame and index + 1 < len(project.shots):
        following = project.shots[index + 1].chosen_take
        if following is not None:
            clip = ProjectStore.resolve(folder, following.path)
            frame = await asyncio.to_thread(frame_at, clip, 0.0)
            out = Path(folder) / "assets" / f"continuity-{shot.id}-last.png"
            await asyncio.to_thread(save_image, frame, out)
            added["last_frame"] = str(out)
    return added


async def generate_shot(services, project: Project, folder: Path, shot_id: str, *, allow_retired: bool = False) -> Job:
    """Submit one shot's generation (the job is queued; wait on it with the runner).

    ``allow_retired`` sends to a retired or paused model, once the person agreed to.
    """
    shot = project.shot(shot_id)
    request = shot_request(project, folder, shot)
    frames = await continuity_frames(services, project, folder, shot)
    if frames:
        from dataclasses import replace

        request = replace(request, **frames)
    return await services.runner.submit(
        request, project_dir=str(Path(folder).resolve()), shot_id=shot_id, allow_retired=allow_retired
    )


async def attach_finished(services, project: Project, folder: Path, job: Job) -> None:
    """Add a finished job's clip to its shot as the chosen take."""
    from .media import probe

    info = await asyncio.to_thread(probe, job.output_path)
    take = await asyncio.to_thread(services.projects.take_for_job, folder, job, info)
    project.add_take(job.shot_id, take)  # on the loop: the window listens to the project


async def run_storyboard(
    services,
    project: Project,
    folder: Path,
    *,
    on_job: Callable[[Job], None] | None = None,
    attach: bool = True,
) -> list[Job]:
    """Generate every shot without a chosen take; with ``attach``, add the takes and save.

    A window that attaches finished jobs itself (and owns saving) passes ``attach=False``.

    Chained and bridged shots wait for the shot before them; others run in parallel.
    Raises the first failure's error after every other shot has finished.
    """
    folder = Path(folder).resolve()
    pending = {s.id for s in project.shots_without_take()}
    done_events = {s.id: asyncio.Event() for s in project.shots}
    for shot in project.shots:
        if shot.id not in pending:
            done_events[shot.id].set()
    jobs: list[Job] = []
    failures: list[StudioError] = []

    async def produce(shot: Shot) -> None:
        try:
            index = project.index_of(shot.id)
            if shot.continuity != "independent" and index > 0:
                await done_events[project.shots[index - 1].id].wait()
            job = await asyncio.to_thread(_adoptable_job, services, project, folder, shot) or await generate_shot(
                services, project, folder, shot.id
            )
            if on_job:
                on_job(job)
            job = await services.runner.wait(job.id)
            jobs.append(job)
            if job.state is JobState.DONE:
                if attach:
                    await attach_finished(services, project, folder, job)
                    await _save(services, project, folder)
            else:
                failures.append(_job_error(job, shot, index))
        except StudioError as error:
            failures.append(error)
        finally:
            done_events[shot.id].set()

    await asyncio.gather(*(produce(s) for s in project.shots if s.id in pending))
    if attach:
        await _save(services, project, folder)
    if failures:
        raise failures[0]
    return jobs


async def _save(services, project: Project, folder: Path) -> None:
    data = project.to_dict()  # snapshot on the loop; the write (with fsync) in a worker
    await asyncio.to_thread(services.projects.save_data, data, folder)


def _adoptable_job(services, project: Project, folder: Path, shot: Shot) -> Job | None:
    """A job already made for this shot (by a run that crashed) that is still going or done.

    Producing a storyboard twice must not pay twice for a shot whose job is in flight.
    """
    attached = {t.job_id for t in shot.takes}
    for job in services.jobstore.list(shot_id=shot.id, project_dir=str(folder), limit=20):
        if job.id in attached:
            continue
        if job.state in (JobState.FAILED, JobState.CANCELLED):
            return None  # the latest attempt failed: a new one is what the person asked for
        return services.runner.get(job.id)
    return None


def _job_error(job: Job, shot: Shot, index: int) -> StudioError:
    from studio.core.errors import error_from_dict

    if job.error:
        error = error_from_dict(job.error)
        error.user_message = f"Shot {index + 1} ({shot.title or 'untitled'}): {error.user_message}"
        return error
    return StudioError(f"Shot {index + 1} ({shot.title or 'untitled'}) ended {job.state.value}.")
