"""``studio-cli prompt …``: the assistant from the command line (enhance, from-image, split).

With no key (keyring ``openai`` or ``OPENAI_API_KEY``) and no ``STUDIO_OPENAI_BASE_URL``, or
with ``--offline``, the offline builder answers and nothing touches the network.
Exit codes as elsewhere: 3 the model refused, 4 auth or quota, 5 a malformed answer after
one retry (or another failure after the SDK's retries).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from studio.core.errors import InvalidRequest, StudioError
from studio.core.project import Project


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register ``prompt enhance|from-image|split`` on the top-level subparsers."""
    prompt = sub.add_parser("prompt", help="write video prompts from an idea, a photo or a story")
    prompt_sub = prompt.add_subparsers(dest="prompt_command", required=True, metavar="{enhance,from-image,split}")

    enhance = prompt_sub.add_parser("enhance", help="turn an idea into a structured video prompt")
    enhance.add_argument("text")
    enhance.add_argument("--mode", choices=["assistant", "meme", "manual"], default="assistant")
    enhance.add_argument("--model", help="the video model the prompt is for (default: the default model)")
    enhance.add_argument("--duration", type=float, help="the shot's length in seconds")

    image = prompt_sub.add_parser("from-image", help="a prompt that animates a photo (a selfie, say)")
    image.add_argument("image")
    image.add_argument("--idea", default="", help="what should happen (optional)")
    image.add_argument("--model")
    image.add_argument("--duration", type=float)

    split = prompt_sub.add_parser("split", help="split a story into shots with a continuity pass")
    split.add_argument("story", help="the story text, or @FILE to read it from a file")
    split.add_argument("--shots", type=int, required=True)
    split.add_argument("--model")
    split.add_argument("--into", metavar="PROJECT_DIR", help="append the shots to this project (created if missing)")

    for parser in (enhance, image, split):
        parser.add_argument("--offline", action="store_true", help="use the offline builder; never touch the network")
        parser.add_argument("--json", action="store_true", help="print one JSON object")


async def cmd_prompt(services, args) -> int:
    from studio.services.assistant import build_assistant

    assistant = build_assistant(services.settings, services.secrets, services.catalog, offline=args.offline)
    _say(f"Writing with the {assistant.describe()}.")
    try:
        return await _run(assistant, services, args)
    except StudioError as error:
        hint = _HINTS.get(error.kind, "")
        _say(error.user_message + (f" ({hint}.)" if hint else ""))
        return error.exit_code
    finally:
        await assistant.aclose()


_HINTS = {
    "auth": "Save the OpenAI key in the studio's Settings, or set OPENAI_API_KEY; --offline needs none",
    "quota": "Check billing with the provider, or use --offline",
}


async def _run(assistant, services, args) -> int:
    if args.prompt_command == "enhance":
        result = await assistant.enhance(args.text, mode=args.mode, model_id=args.model, duration=args.duration)
        return _print_prompt(result, args.json)
    if args.prompt_command == "from-image":
        if not await asyncio.to_thread(Path(args.image).is_file):
            raise InvalidRequest(f"The image {args.image} does not exist.", field="image")
        result = await assistant.from_image(args.image, idea=args.idea, model_id=args.model, duration=args.duration)
        return _print_prompt(result, args.json)
    story = _story_text(args.story)
    board = await assistant.split(story, args.shots, model_id=args.model)
    for note in board.notes:
        _say(f"Note: {note}")
    if args.into:
        folder = Path(args.into)
        _add_to_project(services, folder, board)
        _say(f"Added {len(board.shots)} shot(s) to {folder}.")
    if args.json:
        print(json.dumps(board.to_json(), ensure_ascii=False, indent=2))
    else:
        print(f"Style: {board.style}")
        for i, shot in enumerate(board.shots, 1):
            chained = "  (chained: continues the previous shot)" if shot.continuity == "chained" else ""
            print(f"\n# Shot {i}: {shot.title} · {shot.duration:g} s{chained}\n{shot.prompt}")
    return 0


def _print_prompt(result, as_json: bool) -> int:
    for note in result.notes:
        _say(f"Note: {note}")
    if as_json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(result.prompt)
    return 0


def _story_text(value: str) -> str:
    if value.startswith("@"):
        path = Path(value[1:])
        try:
            return path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidRequest(f"The story file {path} cannot be read as text.", field="story", detail=str(exc)) from None
    return value


def _add_to_project(services, folder: Path, board) -> None:
    """Append the shots to the project in ``folder`` (a new project when there is none), saved atomically."""
    if (folder / "project.json").exists():
        project = services.projects.load(folder)
    else:
        folder.mkdir(parents=True, exist_ok=True)
        project = Project(title=folder.name)
    if not project.settings.style:
        project.set_settings(style=board.style)
    for shot in board.to_shots():
        project.add_shot(shot)
    services.projects.save(project, folder)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
