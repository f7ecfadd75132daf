"""studio-cli: the studio's services without a window.

Exit codes: 0 ok, 2 invalid input, 3 content rejected, 4 auth or quota, 5 failed after
retries (or kept waiting: ``jobs resume`` finishes it), 130 cancelled. ``STUDIO_HOME``
overrides the data folder.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

from studio.cli_money import add_money_parsers, cmd_money, preflight
from studio.cli_derive import add_parser as add_derive_parser, derive as derive_take
from studio.cli_prompt import add_parser as add_prompt_parser
from studio.cli_prompt import cmd_prompt
from studio.cli_text import excerpt as _excerpt, job_json as _job_json, number as _num, parse_value as _parse_value
from studio.cli_takes import add_take_arguments, shots_to_generate, take_options
from studio.core.errors import InvalidRequest, StudioError, error_from_dict
from studio.core.jobs import Job, JobState
from studio.core.request import GenerationRequest
from studio.cli_models import add_price_arguments, format_price, set_model_price
from studio.services.storage import storage_error

EXIT_OK, EXIT_INVALID, EXIT_REJECTED, EXIT_AUTH, EXIT_FAILED, EXIT_CANCELLED = 0, 2, 3, 4, 5, 130
EXACT_AUDIO_HELP = "re-encode the sound as one track (sample-exact joins) instead of copying matching AAC"


class Usage(Exception):
    """Bad command-line input (exit 2)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="studio-cli", description="Make short AI videos from the command line.")
    parser.add_argument("--home", help="data folder (default: $STUDIO_HOME or the platform's data folder)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    models = sub.add_parser("models", help="list the model catalog, or add a Replicate model")
    models.add_argument("--json", action="store_true", help="machine-readable output")
    models.add_argument("action", nargs="?", choices=["list", "add", "price"], default="list")
    models.add_argument("name", nargs="?", help="with add: a Replicate model as owner/name; with price: a model id")
    add_price_arguments(models)

    gen = sub.add_parser("generate", help="generate one clip")
    gen.add_argument("--model", "-m", required=True)
    gen.add_argument("--prompt", "-p", default="")
    gen.add_argument("--negative-prompt")
    gen.add_argument("--image", help="first frame")
    gen.add_argument("--last-frame")
    gen.add_argument("--reference", action="append", default=[], help="reference image (repeatable)")
    gen.add_argument("--duration", type=float)
    gen.add_argument("--aspect")
    gen.add_argument("--resolution")
    gen.add_argument("--audio", dest="audio", action="store_true", default=None)
    gen.add_argument("--no-audio", dest="audio", action="store_false")
    gen.add_argument("--seed", type=int)
    gen.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a model-specific input")
    gen.add_argument("--allow-retired", action="store_true", help="send to a model marked retired or paused anyway")
    gen.add_argument("-o", "--output", required=True)

    stitch = sub.add_parser("stitch", help="join clips into one video")
    stitch.add_argument("clips", nargs="+")
    stitch.add_argument("-o", "--output", required=True)
    stitch.add_argument("--size", help="WxH (default: the first clip's)")
    stitch.add_argument("--fps", type=float)
    stitch.add_argument("--crossfade", type=float, default=0.0, help="seconds at every join")
    stitch.add_argument("--quality", choices=["draft", "standard", "high"], default="standard")
    stitch.add_argument("--no-audio", dest="audio", action="store_false", help="write no sound track")
    stitch.add_argument("--plan", action="store_true", help="print the plan and stop")
    stitch.add_argument("--exact-audio", action="store_true", help=EXACT_AUDIO_HELP)

    jobs = sub.add_parser("jobs", help="list, show, resume or cancel jobs")
    jobs_sub = jobs.add_subparsers(dest="jobs_command", required=True, metavar="{list,show,resume,cancel}")
    jl = jobs_sub.add_parser("list")
    jl.add_argument("--state")
    jl.add_argument("--text", help="prompt contains")
    jl.add_argument("--model")
    jl.add_argument("--since", help="YYYY-MM-DD")
    jl.add_argument("--limit", type=int, default=50)
    jl.add_argument("--json", action="store_true")
    js = jobs_sub.add_parser("show")
    js.add_argument("job_id")
    jobs_sub.add_parser("resume")
    jc = jobs_sub.add_parser("cancel")
    jc.add_argument("job_id")

    board = sub.add_parser("storyboard", help="produce a storyboard project")
    board_sub = board.add_subparsers(dest="board_command", required=True, metavar="{run,quote,budget,export-otio,derive}")
    run = board_sub.add_parser("run", help="generate every shot without a chosen take, then export")
    run.add_argument("project")
    run.add_argument("-o", "--output", required=True)
    run.add_argument("--quality", choices=["draft", "standard", "high"], default="standard")
    run.add_argument("--exact-audio", action="store_true", help=EXACT_AUDIO_HELP)
    add_take_arguments(run)
    timeline = board_sub.add_parser(
        "export-otio", help="write the cut as an editable timeline (.otio, .fcpxml or .edl) for an editor"
    )
    timeline.add_argument("project")
    timeline.add_argument("-o", "--output", required=True, help="cut.otio, cut.fcpxml or cut.edl")
    add_money_parsers(sub, board_sub)  # storyboard quote/budget, run --accept-unknown-price, spend
    add_derive_parser(board_sub)

    add_prompt_parser(sub)

    demo = sub.add_parser("demo", help="write a 3-shot animatic project and export it")
    demo.add_argument("-o", "--output", required=True)
    demo.add_argument("--project", help="where to write the project (default: beside the output)")
    return parser


def main(argv: list[str] | None = None) -> int:
    # OpenCV logs libpng's complaints itself; Studio says one sentence of its own instead.
    os.environ.setdefault("OPENCV_LOG_LEVEL", "FATAL")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_INVALID if exc.code not in (0, None) else EXIT_OK
    try:
        return asyncio.run(_dispatch(args))
    except KeyboardInterrupt:
        _say("Cancelled.")
        return EXIT_CANCELLED
    except BrokenPipeError:
        # `studio-cli jobs list | head`: the reader left; end quietly like other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


async def _dispatch(args: argparse.Namespace) -> int:
    from studio.services.context import build_services

    try:
        services = build_services(args.home)
    except StudioError as error:
        return _fail(error)
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    interrupted = {"flag": False}

    def on_signal() -> None:
        interrupted["flag"] = True
        if task:
            task.cancel()

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, on_signal)
        except (NotImplementedError, RuntimeError):
            pass
    try:
        handler = COMMANDS[args.command]
        return await handler(services, args)
    except asyncio.CancelledError:
        if interrupted["flag"]:
            await _cancel_active(services)
            _say("Cancelled.")
            return EXIT_CANCELLED
        raise
    except Usage as error:
        _say(str(error))
        return EXIT_INVALID
    except StudioError as error:
        return _fail(error)
    except (OSError, sqlite3.Error) as exc:  # a read-only folder or a full disk: one sentence
        error = storage_error(exc, services.paths.home if isinstance(exc, sqlite3.Error) else None)
        if error is None:
            raise
        return _fail(error)
    finally:
        await services.aclose()


async def _cancel_active(services) -> None:
    for job in services.runner.active():
        try:
            await asyncio.wait_for(services.runner.cancel(job.id), timeout=10)
        except Exception:  # noqa: BLE001 - shutting down: a job that cannot be cancelled stays resumable
            pass


# -- commands ----------------------------------------------------------------------------


async def cmd_models(services, args) -> int:
    if args.action == "price":
        return set_model_price(services, args)
    if args.action == "add":
        if not args.name or "/" not in args.name:
            raise Usage("Give the Replicate model as owner/name, e.g. 'studio-cli models add acme/wavegen'.")
        spec = await services.add_replicate_model(args.name)
        _say(f"Added {spec.id} ({spec.durations.describe()}, {', '.join(spec.aspect_ratios)}).")
        print(spec.id)
        return EXIT_OK
    specs = services.catalog.all()
    if args.json:
        print(json.dumps([s.to_dict() for s in specs], indent=2))
        return EXIT_OK
    for spec in specs:
        status = spec.status.describe()
        label = f" [{spec.label}]" if spec.label else ""
        print(f"{spec.id}{label}")
        print(f"    {spec.name} · {status} · {spec.price_summary()}")
        caps = [f"durations {spec.durations.describe()}", f"aspect {', '.join(spec.aspect_ratios)}"]
        if spec.resolutions:
            caps.append(f"resolution {', '.join(spec.resolutions)}")
        inputs = [name.replace("_", " ") for name in spec.inputs]
        if inputs:
            caps.append("inputs: " + ", ".join(inputs))
        if spec.audio_supported:
            caps.append("audio")
        print("    " + " · ".join(caps))
    return EXIT_OK


async def cmd_generate(services, args) -> int:
    out = Path(args.output)
    _check_output(out)
    extra = {}
    for item in args.param:
        if "=" not in item:
            raise Usage(f"--param takes NAME=VALUE; {item!r} has no '='.")
        name, value = item.split("=", 1)
        extra[name] = _parse_value(value)
    request = GenerationRequest(
        model_id=args.model,
        prompt=args.prompt,
        negative_prompt=args.negative_prompt,
        duration=args.duration,
        aspect_ratio=args.aspect,
        resolution=args.resolution,
        audio=args.audio,
        seed=args.seed,
        first_frame=_existing(args.image),
        last_frame=_existing(args.last_frame),
        reference_images=tuple(_existing(p) for p in args.reference),
        extra=extra,
    )
    request = await _sendable(services, request)
    spec, validated = services.runner.prepare(request, allow_retired=args.allow_retired)
    if spec.status.state != "live":
        _say(f"Warning: {spec.name} is {spec.status.describe()}.")
    for warning in validated.warnings:
        _say(f"Note: {warning}")
    cost = format_price(validated.cost, validated.currency)
    label = f" ({spec.label})" if spec.label else ""
    _say(f"Generating with {spec.name}{label}: {_num(validated.duration)} s, {validated.size[0]}x{validated.size[1]}, {cost}.")
    await services.start()
    job = await services.runner.submit(request, allow_retired=args.allow_retired)
    target = await asyncio.to_thread(out.resolve)
    await asyncio.to_thread(services.jobstore.add_delivery, job.id, str(target))
    job = await _follow(services, [job])
    return _finish_clip(services, job[0], out)


async def cmd_stitch(services, args) -> int:
    from studio.services.media import plan as media_plan
    from studio.services.media.stitch import stitch as stitch_clips

    out = Path(args.output)
    _check_output(out)
    width = height = None
    if args.size:
        try:
            width, height = (int(x) for x in args.size.lower().split("x"))
        except ValueError:
            raise Usage(f"--size takes WxH like 1280x720, not {args.size!r}.") from None
    clips = [media_plan.ClipIn(Path(_existing(p))) for p in args.clips]
    settings = media_plan.ExportSettings(
        width=width, height=height, fps=args.fps, quality=args.quality, crossfade=args.crossfade, audio=args.audio, exact_audio=args.exact_audio
    )
    plan = await asyncio.to_thread(media_plan.plan_stitch, clips, settings)
    for line in plan.describe():
        _say(line)
    if args.plan:
        return EXIT_OK
    info = await _run_export(lambda progress, cancel: asyncio.to_thread(stitch_clips, plan, out, progress=progress, cancel=cancel))
    _say(f"Wrote {out} ({info.duration:.2f} s).")
    return EXIT_OK


async def cmd_jobs(services, args) -> int:
    store = services.jobstore
    if args.jobs_command == "list":
        since = None
        if args.since:
            try:
                since = datetime.strptime(args.since, "%Y-%m-%d").timestamp()
            except ValueError:
                raise Usage(f"--since takes a date like 2026-11-21, not {args.since!r}.") from None
        jobs = store.list(state=args.state, text=args.text, model=args.model, since=since, limit=args.limit)
        if args.json:
            print(json.dumps([_job_json(j) for j in jobs], indent=2))
            return EXIT_OK
        for job in jobs:
            when = datetime.fromtimestamp(job.created_at).strftime("%Y-%m-%d %H:%M")
            cost = format_price(job.cost_quote, job.currency)
            print(f"{job.id}  {when}  {job.state.value:<11} {job.model_id:<34} {cost:>13}  {_excerpt(job.prompt)}")
        return EXIT_OK
    if args.jobs_command == "show":
        job = _find_job(store, args.job_id)
        print(json.dumps(_job_json(job), indent=2))
        return EXIT_OK
    if args.jobs_command == "resume":
        resumed = await services.start()
        promised = await asyncio.to_thread(_deliveries, services)
        # A `generate -o` stopped after its job ended but before it wrote the file: write it now.
        ended = [j for j in map(store.get, promised) if j and j.state.terminal and j.id not in {r.id for r in resumed}]
        if not resumed and not ended:
            _say("No unfinished jobs to resume.")
            return EXIT_OK
        if resumed:
            _say(f"Resuming {len(resumed)} job(s).")
        finished = ended + await _follow(services, resumed)
        codes = []
        for job in finished:
            if job.id in promised:
                codes.extend(_finish_clip(services, job, Path(target)) for target in promised[job.id])
            else:
                if job.state is JobState.DONE:
                    _say(f"Job {job.id} is done: {job.output_path}")
                codes.append(_exit_for(job, announce=True))
        return max(codes, default=EXIT_OK)
    if args.jobs_command == "cancel":
        job = _find_job(store, args.job_id)
        if job.state.terminal:
            _say(f"Job {job.id} already ended ({job.state.value}).")
            return EXIT_OK
        job = await services.runner.cancel(job.id)  # the runner says why when it cannot be cancelled
        if job.state is JobState.CANCELLED:
            _say(f"Job {job.id} cancelled.")
        else:
            _say(f"Job {job.id} ended ({job.state.value}) before it could be cancelled.")
        return EXIT_OK
    raise Usage("Unknown jobs command.")


async def cmd_storyboard(services, args) -> int:
    if args.board_command == "export-otio":
        from studio.cli_timeline import export_otio

        return await export_otio(services, Path(args.project), Path(args.output), _say)
    if args.board_command in ("quote", "budget"):
        return await cmd_money(services, args)
    if args.board_command == "derive":
        return await derive_take(services, args, _say, _progress_printer)
    folder = Path(args.project)
    out = Path(args.output)
    _check_output(out)
    return await _produce(services, folder, out, args.quality, args.accept_unknown_price, args)


async def cmd_demo(services, args) -> int:
    out = Path(args.output)
    _check_output(out)
    folder = Path(args.project) if args.project else out.with_suffix("").with_name(out.stem + "-project")
    if (folder / "project.json").exists():
        _say(f"Using the existing demo project in {folder}.")
    else:
        services.projects.create_sample(folder)
        _say(f"Wrote a 3-shot animatic storyboard to {folder}.")
    return await _produce(services, folder, out, "standard")


async def _produce(services, folder: Path, out: Path, quality: str, accept_unknown_price: bool = False,
                   args=None) -> int:  # fmt: skip
    from studio.services.export import export_project, export_settings, plan_export
    from studio.services.storyboard import run_storyboard

    project = services.projects.load(folder)
    options = take_options(args, project, services.catalog) if args else {}
    preflight(  # before anything is sent
        services, project, accept_unknown_price, _say,
        takes=options.get("takes"), models=options.get("models"), shot_ids=options.get("regenerate"),
    )  # fmt: skip
    await services.start()
    missing = shots_to_generate(project, options)
    if missing:
        _say(f"Generating {len(missing)} of {len(project.shots)} shot(s).")
        listener = _progress_printer()
        services.runner.job_changed.connect(listener)
        try:
            await run_storyboard(services, project, folder, on_note=_say, accept_unknown_price=accept_unknown_price,
                                 **options)  # fmt: skip
        finally:
            services.runner.job_changed.disconnect(listener)
    settings = export_settings(project, exact_audio=getattr(args, "exact_audio", False), quality=quality)
    plan = await asyncio.to_thread(plan_export, project, folder, settings)
    for line in plan.describe():
        _say(line)
    info = await _run_export(lambda progress, cancel: export_project(project, folder, out, settings, progress, cancel))
    total = sum(s.chosen_take.cost or 0 for s in project.shots if s.chosen_take)
    _say(f"Wrote {out} ({info.duration:.2f} s, {len(project.shots)} shots, ${total:.2f} spent).")
    return EXIT_OK


COMMANDS = {
    "models": cmd_models,
    "generate": cmd_generate,
    "stitch": cmd_stitch,
    "jobs": cmd_jobs,
    "storyboard": cmd_storyboard,
    "demo": cmd_demo,
    "prompt": cmd_prompt,
    "spend": cmd_money,
}


# -- helpers -----------------------------------------------------------------------------


async def _follow(services, jobs: list[Job]) -> list[Job]:
    """Print progress for ``jobs`` until each ends; returns their final records."""
    ids = {j.id for j in jobs}
    printer = _progress_printer(ids)
    services.runner.job_changed.connect(printer)
    try:
        return [await services.runner.wait(job_id) for job_id in ids]
    finally:
        services.runner.job_changed.disconnect(printer)


def _progress_printer(ids: set[str] | None = None):
    last: dict[str, tuple[str, int]] = {}

    def show(job: Job) -> None:
        if ids is not None and job.id not in ids:
            return
        percent = int((job.progress or 0) * 100)
        key = (job.state.value, percent // 10)
        if last.get(job.id) == key:
            return
        last[job.id] = key
        extra = f" {percent}%" if job.progress is not None and not job.state.terminal else ""
        elapsed = f" ({job.elapsed():.0f} s)" if job.state.terminal else ""
        # A failure's sentence is said once, at the end; a job waiting for a person says why now.
        message = f": {job.error_message}" if job.error_message and job.state is JobState.UNKNOWN else ""
        _say(f"[{job.id}] {job.state.value}{extra}{elapsed}{message}")

    return show


async def _run_export(start):
    """Run ``start(progress, cancel)`` (an awaitable export) with a progress bar on stderr."""
    import threading

    cancel = threading.Event()
    last = [-1]

    tty = sys.stderr.isatty()

    def progress(fraction: float) -> None:
        step = int(fraction * 20)
        if step == last[0] or (not tty and step % 5):
            return
        last[0] = step
        if tty:
            sys.stderr.write(f"\rExporting [{'#' * step}{'.' * (20 - step)}] {int(fraction * 100):3d}%")
            sys.stderr.write("\n" if step == 20 else "")
        else:
            sys.stderr.write(f"Exporting {step * 5}%\n")
        sys.stderr.flush()

    try:
        return await start(progress, cancel)
    except asyncio.CancelledError:
        cancel.set()
        raise


def _finish_clip(services, job: Job, out: Path) -> int:
    if job.state is JobState.DONE and job.output_path:
        tmp = out.with_name(f".{out.name}.{os.getpid()}.part")
        shutil.copyfile(job.output_path, tmp)
        tmp.replace(out)
        _say(f"Wrote {out} (job {job.id}).")
        for warning in job.warnings:
            _say(f"Note: {warning}")
    if job.state.terminal:
        # Forgotten only once written: a crash before this line leaves it for `jobs resume`.
        services.jobstore.remove_delivery(job.id, str(out.resolve()))
    if job.state is JobState.DONE and job.output_path:
        return EXIT_OK
    return _exit_for(job, announce=True)


def _deliveries(services) -> dict[str, list[str]]:
    """Where `generate -o` promised each clip (in the job store), so `jobs resume` can still write it.

    Promises an older version kept in ``cli-outputs.json`` move into the store once.
    """
    legacy = services.paths.home / "cli-outputs.json"
    if legacy.exists():
        try:
            for job_id, target in json.loads(legacy.read_text("utf-8")).items():
                services.jobstore.add_delivery(str(job_id), str(target))
        except (OSError, ValueError, AttributeError):
            pass
        try:
            legacy.replace(legacy.with_name("cli-outputs.json.moved"))
        except OSError:
            pass  # another process moved it first
    return services.jobstore.deliveries()


def _exit_for(job: Job, announce: bool = False) -> int:
    if job.state is JobState.DONE:
        return EXIT_OK
    if job.state is JobState.CANCELLED:
        return EXIT_CANCELLED
    error = error_from_dict(job.error) if job.error else StudioError(f"The job ended {job.state.value}.")
    return _fail(error) if announce else error.exit_code


_CLI_HINTS = {
    "auth": "Check the key in the studio's Settings, or the provider's environment variable (REPLICATE_API_TOKEN, OPENAI_API_KEY, KIE_API_KEY)",
    "quota": "Check billing with the provider, the budget cap in settings, or the project's budget (studio-cli storyboard budget)",
    "content_rejected": "Change the prompt or the image",
    "transient": "Try again",
    "expired": "Generate it again",
    "unknown": "Check the provider's dashboard before generating again",
}


def _fail(error: StudioError) -> int:
    hint = _CLI_HINTS.get(error.kind)
    _say(error.user_message + (f" ({hint}.)" if hint and hint.lower() not in error.user_message.lower() else ""))
    return error.exit_code


def _check_output(out: Path) -> None:
    if out.exists() and out.is_dir():
        raise Usage(f"{out} is a folder; give a file name like {out / 'video.mp4'}.")
    if out.suffix.lower() not in (".mp4", ".mov", ".m4v"):
        raise Usage(f"The output must be an .mp4 (or .mov) file, not {out.name}.")
    if not out.parent.exists():
        raise Usage(f"The folder {out.parent} does not exist.")


def _existing(path: str | None) -> str | None:
    if path is None:
        return None
    if not Path(path).exists():
        raise InvalidRequest(f"The file {path} does not exist.", field="image")
    return str(Path(path).resolve())


async def _sendable(services, request: GenerationRequest) -> GenerationRequest:
    """Image inputs decoded, turned upright and fitted the way the window does it (HEIC included)."""
    from studio.services.inputs import sendable_request

    try:
        spec = services.catalog.get(request.model_id)
    except StudioError:
        return request  # prepare() names the unknown model
    return await asyncio.to_thread(sendable_request, request, spec, services.paths.home / "inputs")


def _find_job(store, job_id: str) -> Job:
    job = store.get(job_id) or store.find(job_id)
    if job is None:
        raise InvalidRequest(f"There is no job {job_id!r}; 'studio-cli jobs list' shows them.", field="job_id")
    return job


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
