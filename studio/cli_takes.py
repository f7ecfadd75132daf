"""``storyboard run`` options for takes and variations: ``--takes N``, ``--models a,b``, ``--shot ID``."""

from __future__ import annotations

import argparse

from studio.core.errors import InvalidRequest
from studio.core.project import Project


def add_take_arguments(run: argparse.ArgumentParser) -> None:
    """Register the takes options on the ``storyboard run`` parser."""
    run.add_argument(
        "--takes", type=int, metavar="N",
        help="N new takes of every shot, on each model (default: one take of each shot without one)",
    )
    run.add_argument(
        "--models", metavar="A,B", help="make the takes on each of these models (variations), not the shot's own"
    )
    run.add_argument(
        "--shot", action="append", default=[], metavar="ID",
        help="regenerate only this shot (its id or its number; repeatable); the others are left alone",
    )


def take_options(args: argparse.Namespace, project: Project, catalog) -> dict:
    """``run_storyboard`` keywords from the parsed options, every name checked before anything is sent."""
    from studio.services.takes import check_take_count

    if args.takes is not None:
        check_take_count(args.takes)
    models = [m.strip() for m in (args.models or "").split(",") if m.strip()] or None
    for model in models or ():
        catalog.get(model)  # an unknown model is named (ModelUnavailable) here
    shot_ids = [_shot_id(project, value) for value in args.shot] or None
    return {"takes": args.takes, "models": models, "regenerate": shot_ids}


def shots_to_generate(project: Project, options: dict) -> list:
    """The shots a run with these options generates: the named ones; every one with ``--takes``;
    else those without a chosen take."""
    if options.get("regenerate"):
        return [project.shot(shot_id) for shot_id in options["regenerate"]]
    return project.shots_without_take() if options.get("takes") is None else list(project.shots)


def _shot_id(project: Project, value: str) -> str:
    ids = [shot.id for shot in project.shots]
    if value in ids:
        return value
    if value.isdigit() and 1 <= int(value) <= len(ids):
        return ids[int(value) - 1]
    raise InvalidRequest(
        f"The project has no shot {value!r}; give a shot's id or its number (1 to {len(ids)}).", field="shot"
    )
