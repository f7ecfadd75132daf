"""`studio-cli storyboard derive`: a remix, edit or extension of a shot's take, as a new take.

    studio-cli storyboard derive PROJECT SHOT --op remix --prompt "same shot, 85 mm lens"
    studio-cli storyboard derive PROJECT 2 --op extend --seconds 6 --prompt "she turns and waves"

SHOT is a shot's id or its number in the storyboard (1 is the first). The take is the shot's
chosen one unless ``--take`` names another. Running the same command again while the job is in
flight (or after this process was killed) follows that job instead of paying for another.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from pathlib import Path

from studio.core.derive import OPS, describe_derivation
from studio.core.errors import InvalidRequest, StudioError, error_from_dict
from studio.core.jobs import JobState

EXIT_OK = 0


def add_parser(board_sub) -> None:
    """Register ``storyboard derive`` on the storyboard command's subparsers."""
    derive = board_sub.add_parser(
        "derive", help="remix, edit or extend a shot's take into a new take (where the take's model can)"
    )
    derive.add_argument("project")
    derive.add_argument("shot", help="the shot's id, or its number (1 is the first)")
    derive.add_argument("--op", choices=OPS, required=True, help="remix (OpenAI Videos), edit (Gemini Omni), extend (Veo on Vertex)")
    derive.add_argument("-p", "--prompt", required=True, help="what to change, or (extend) what happens next")
    derive.add_argument("--take", help="the take's id (default: the shot's chosen take)")
    derive.add_argument("--seconds", type=float, help="extend: how many seconds to add (the model's durations)")
    derive.add_argument("--allow-retired", action="store_true", help="send to a model marked retired or paused anyway")


def shot_id_for(project, text: str) -> str:
    """A shot's id from its id or its 1-based number; InvalidRequest naming the choices otherwise."""
    ids = [shot.id for shot in project.shots]
    if text in ids:
        return text
    if text.isdigit() and 1 <= int(text) <= len(ids):
        return ids[int(text) - 1]
    raise InvalidRequest(
        f"The project has no shot {text!r}; give a number from 1 to {len(ids)} or a shot id.", field="shot"
    )


async def derive(services, args: argparse.Namespace, say: Callable[[str], None], printer) -> int:
    """Send the derivation, follow it, and add its clip to the shot as a new chosen take."""
    from studio.services.derive import derive_take, source_take
    from studio.services.storyboard import attach_finished, shot_name

    folder = Path(args.project)
    project = services.projects.load(folder)
    shot_id = shot_id_for(project, args.shot)
    shot = project.shot(shot_id)
    source = source_take(shot, args.take)
    await services.start()  # a job of an earlier, interrupted run resumes (and is adopted below)
    admission = await derive_take(
        services, project, folder, shot_id, op=args.op, instruction=args.prompt, take_id=args.take,
        seconds=args.seconds, allow_retired=args.allow_retired,
    )  # fmt: skip
    job = admission.job
    number = shot.takes.index(source) + 1 if source in shot.takes else None
    what = describe_derivation(job.request.get("derived_from"), number) or args.op
    cost = f", ${job.cost_quote:.2f}" if job.cost_quote is not None else ", price unknown"
    if admission.adopted:
        say(f"{shot_name(project, shot)}: this {args.op} is already in flight (job {job.id}); following it instead of "
            "paying again.")  # fmt: skip
    else:
        say(f"{shot_name(project, shot)}: sent {what.lower()} as job {job.id} "
            f"({job.request.get('duration') or 0:g} s{cost}).")  # fmt: skip
    listener = printer({job.id})
    services.runner.job_changed.connect(listener)
    try:
        job = await services.runner.wait(job.id)
    finally:
        services.runner.job_changed.disconnect(listener)
    if job.state is not JobState.DONE:
        if job.error:
            raise error_from_dict(job.error)
        raise StudioError(f"Job {job.id} ended {job.state.value}; the shot has no new take.")
    await attach_finished(services, project, folder, job)
    data = project.to_dict()
    await asyncio.to_thread(services.projects.save_data, data, folder)
    take = next(t for t in project.shot(shot_id).takes if t.job_id == job.id)
    say(f"{shot_name(project, shot)} has a new take {take.id} ({what.lower()}): {take.path}, {take.duration:.1f} s.")
    return EXIT_OK
