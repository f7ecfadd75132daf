"""Storyboard production: generate the shots that lack a take, honouring continuity.

``independent`` shots generate in parallel; a ``chained`` shot starts from the last frame of
the previous shot's chosen take (so it waits for it); a ``bridged`` shot also ends on the
first frame of the next shot's chosen take, where the model takes a last frame.

A shot never gets a second generation by accident: the runner adopts the job already in
flight for it (in this process or another), and the run attaches that job's clip as a take
when it finishes, whoever paid for it.
"""

from __future__ import annotations

import asyncio
import weakref
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from studio.core.errors import InvalidRequest, StudioError
from studio.core.jobs import Job, JobState
from studio.core.project import Project, Shot
from studio.core.request import GenerationRequest

from .project_paths import id_file
from .save_coalescing import CoalescedSave
from .projects import ProjectStore
from .jobstore import Admission


def shot_request(project: Project, folder: Path | None, shot: Shot, *, resolve=ProjectStore.resolve) -> GenerationRequest:
    """The generation request a shot describes (image paths made absolute).

    Every image must lie inside the project folder; one that leads out is refused
    (ProjectError naming the field) before anything is read or sent. ``resolve(folder, path,
    field)`` may be replaced where only the request's shape matters (the quote keeps paths as they are).
    """
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
        first_frame=str(resolve(folder, shot.first_frame, "first_frame")) if shot.first_frame else None,
        last_frame=str(resolve(folder, shot.last_frame, "last_frame")) if shot.last_frame else None,
        reference_images=tuple(str(resolve(folder, p, "reference_images")) for p in shot.reference_images),
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
        out = id_file(folder, shot.id, "-first.png")
        frame = await asyncio.to_thread(last_frame, clip)
        await asyncio.to_thread(save_image, frame, out)
        added["first_frame"] = str(out)
    spec = services.catalog.get(shot.model_id)
    if shot.continuity == "bridged" and spec.supports_last_frame and not shot.last_frame and index + 1 < len(project.shots):
        following = project.shots[index + 1].chosen_take
        if following is not None:
            clip = ProjectStore.resolve(folder, following.path)
            out = id_file(folder, shot.id, "-last.png")
            frame = await asyncio.to_thread(frame_at, clip, 0.0)
            await asyncio.to_thread(save_image, frame, out)
            added["last_frame"] = str(out)
    return added


async def generate_shot(
    services, project: Project, folder: Path, shot_id: str, *, takes: int = 1, allow_retired: bool = False
) -> Admission:
    """Submit one shot's generation, or adopt the one already in flight for it.

    ``takes`` is how many generations of this shot may be in flight at once: 1 unless the
    person asked for more takes. ``allow_retired`` sends to a retired or paused model, once
    the person agreed to. Wait on ``admission.job`` with the runner; ``admission.note`` says
    when an existing job was adopted.
    """
    shot = project.shot(shot_id)
    request = shot_request(project, folder, shot)
    frames = await continuity_frames(services, project, folder, shot)
    if frames:
        from dataclasses import replace

        request = replace(request, **frames)
    project_dir = str(await asyncio.to_thread(Path(folder).resolve))
    return await services.runner.admit(
        request, project_dir=project_dir, shot_id=shot_id, takes=takes, allow_retired=allow_retired
    )


def adopted_note(project: Project, shot: Shot, job: Job) -> str:
    """The sentence that says a shot's generation in flight was adopted instead of paying again."""
    return (
        f"{shot_name(project, shot)} is already being generated (job {job.id}, {job.state.value}); "
        "following that job instead of paying for another."
    )


def shot_name(project: Project, shot: Shot) -> str:
    """``Shot 2`` or ``Shot 2 (Keeper)``: the title only when it says more than the number."""
    number = project.index_of(shot.id) + 1
    title = (shot.title or "").strip()
    if not title or title.lower().startswith("shot "):
        return f"Shot {number}"
    return f"Shot {number} ({title})"


# Takes probed and copied into the project at once, per event loop. A hundred jobs finishing
# together would otherwise start a hundred probes and copies on two cores, and the window's
# thread would wait for a core behind them (docs/bench-ui.md).
ATTACH_AT_ONCE = 2
_attach_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = weakref.WeakKeyDictionary()


def _attach_slot() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    slot = _attach_slots.get(loop)
    if slot is None:
        slot = _attach_slots[loop] = asyncio.Semaphore(ATTACH_AT_ONCE)
    return slot


async def attach_finished(services, project: Project, folder: Path, job: Job, *, choose: bool = True) -> None:
    """Add a finished job's clip to its shot (once, however often it is called).

    The new take becomes the chosen one with ``choose``, else only when the shot has none.
    At most :data:`ATTACH_AT_ONCE` clips are probed and copied at a time.
    """
    from .media import probe

    def attached() -> bool:
        return any(t.job_id == job.id for t in project.shot(job.shot_id).takes)

    if attached():
        return
    async with _attach_slot():
        if attached():
            return
        info = await asyncio.to_thread(probe, job.output_path)
        take = await asyncio.to_thread(services.projects.take_for_job, folder, job, info)
    if not attached():  # two runs that followed one job both get here; one take is added
        project.add_take(job.shot_id, take, choose=choose)  # on the loop: the window listens to the project


async def run_storyboard(
    services,
    project: Project,
    folder: Path,
    *,
    on_job: Callable[[Job], None] | None = None,
    on_note: Callable[[str], None] | None = None,
    attach: bool = True,
    accept_unknown_price: bool = False,
    takes: int | None = None,
    models: list[str] | None = None,
    shot_ids: Iterable[str] | None = None,
    regenerate: list[str] | None = None,
    allow_retired: bool = False,
) -> list[Job]:
    """Generate every shot without a chosen take; with ``attach``, add the takes and save.

    With ``takes=N``, N new takes of every shot (as the quote with ``takes=N`` plans them), on
    each of ``models`` (default: the shot's own model); the first to finish becomes the chosen
    take. ``regenerate`` makes new takes of just those shots (whether or not they have a take)
    and leaves every other shot and its jobs alone.

    A window that attaches finished jobs itself (and owns saving) passes ``attach=False``.
    A shot whose generation is already in flight (a second run, a second click, another
    process) adopts that job and ``on_note`` says so; its clip becomes the take all the same.

    Chained and bridged shots wait for the shot before them; others run in parallel.
    Raises the first failure's error after every other shot has finished. ``shot_ids``
    limits the run to those shots (a stopped run carried on).
    Unless ``accept_unknown_price``, a run with a shot of unknown price is refused
    (:class:`~studio.services.quote.UnknownPrice`) before anything is sent.

    The run notes its shots in the project folder until each has ended, so a run stopped
    half-way (app closed, process killed) is carried on when the project opens again
    (:mod:`studio.services.storyboard_resume`).
    """
    from .storyboard_resume import note_run_ended, note_run_started

    if not accept_unknown_price:
        from .quote import plan_run, refuse_unknown_price

        refuse_unknown_price(plan_run(services.catalog, project, takes=takes, models=models, shot_ids=regenerate))
    folder = await asyncio.to_thread(Path(folder).resolve)
    from .takes import admit_shot_takes, take_plan

    if regenerate is not None:
        targets = [project.shot(i) for i in regenerate]
    else:
        targets = project.shots_without_take() if takes is None else list(project.shots)
        if shot_ids is not None:
            targets = [s for s in targets if s.id in set(shot_ids)]
    # A run for the missing shots leaves alone one whose take landed (another run's) before its turn to send.
    missing_only = regenerate is None and takes is None
    takes = takes or 1
    for shot in targets:
        take_plan(shot, takes, models)  # a bad count is refused before anything is sent
    pending = {s.id for s in targets}
    if pending:
        await asyncio.to_thread(note_run_started, folder, [s.id for s in project.shots if s.id in pending])
    stopped: list[str] = []  # shots whose job was still in flight when the run ended
    done_events = {s.id: asyncio.Event() for s in project.shots}
    for shot in project.shots:
        if shot.id not in pending:
            done_events[shot.id].set()
    jobs: list[Job] = []
    failures: list[StudioError] = []
    save = CoalescedSave(lambda: _save(services, project, folder))  # takes landing together share a save

    async def produce(shot: Shot) -> None:
        try:
            index = project.index_of(shot.id)
            if shot.continuity != "independent" and index > 0:
                await done_events[project.shots[index - 1].id].wait()
            admissions = await admit_shot_takes(
                services, project, folder, shot.id, takes=takes, models=models, allow_retired=allow_retired,
                still_wanted=(lambda: shot.chosen_take is None) if missing_only else None,
            )
            for admission in admissions:
                if admission.adopted and not admission.job.state.terminal and on_note:
                    on_note(adopted_note(project, shot, admission.job))
                if on_job:
                    on_job(admission.job)
            chosen = False
            waits = [asyncio.ensure_future(services.runner.wait(a.job.id)) for a in admissions]
            for finished in asyncio.as_completed(waits):
                job = await finished
                jobs.append(job)
                if job.state is JobState.DONE:
                    if attach:
                        await attach_finished(services, project, folder, job, choose=not chosen)
                        chosen = True
                        await save()
                else:
                    if not job.state.terminal:
                        stopped.append(shot.id)
                    failures.append(_job_error(job, project, shot))
        except StudioError as error:
            failures.append(error)
        finally:
            done_events[shot.id].set()

    await asyncio.gather(*(produce(s) for s in project.shots if s.id in pending))
    if attach:
        await _save(services, project, folder)
    if not stopped:  # every shot ended (or none was left): nothing to carry on
        await asyncio.to_thread(note_run_ended, folder)
    if failures:
        raise failures[0]
    return jobs


async def _save(services, project: Project, folder: Path) -> None:
    data = project.to_dict()  # snapshot on the loop; the write (with fsync) in a worker
    await asyncio.to_thread(services.projects.save_data, data, folder)


def finished_unattached(services, project: Project, folder: Path) -> list[Job]:
    """Finished jobs of this project whose clip exists but never became a take (blocking: SQLite).

    For the window after a project opens: jobs that finished while it was closed become takes.
    """
    ids = {shot.id for shot in project.shots}
    attached = {job_id for shot in project.shots for job_id in [*(t.job_id for t in shot.takes), *shot.removed_take_jobs]}
    found = []
    for job in services.jobstore.list(state=JobState.DONE, project_dir=str(Path(folder).resolve()), limit=500):
        if job.shot_id in ids and job.id not in attached and job.output_path and Path(job.output_path).exists():
            found.append(job)
    return found


def spent_today(services) -> float:
    """What the last 24 hours' jobs cost (blocking: SQLite), for the window's cost label."""
    return services.jobstore.spent_since(time.time() - 24 * 3600)


def _job_error(job: Job, project: Project, shot: Shot) -> StudioError:
    from studio.core.errors import error_from_dict

    name = shot_name(project, shot)
    if job.state is JobState.CANCELLED:
        return StudioError(f"{name} was cancelled; it has no take.")
    if job.error:
        error = error_from_dict(job.error)
        error.user_message = f"{name}: {error.user_message}"
        return error
    if job.state.terminal:
        return StudioError(f"{name} failed without a reason from the provider; it has no take.")
    return StudioError(
        f"{name} is still being generated (job {job.id}, {job.state.value}); "
        "run the storyboard again once it is done to add its clip as a take."
    )


def _finished_unattached(services, folder: Path, shot: Shot) -> Job | None:
    """The shot's newest finished job whose clip exists but is not a take (the rule a run applies)."""
    from .takes import finished_unattached_takes

    found = finished_unattached_takes(services, folder, shot, 1)
    return found[0] if found else None
