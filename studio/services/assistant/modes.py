"""The assistant's jobs: enhance an idea (assistant, meme, manual), animate a selfie, split a story.

Each job asks the text model for a strict structure (see :mod:`.schemas`) or, with no key or
when told to stay offline, fills the same structure from presets (:mod:`.offline`). Either
way the prompt is composed and fitted to the shot by :mod:`.fitting`, so both paths give the
same anatomy. Nothing here changes a project: results are plain data the caller applies.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from studio.core.errors import InvalidRequest
from studio.core.modelspec import ModelSpec

from . import offline
from .client import StructuredClient
from .config import AssistantConfig, EndpointMemory
from .fitting import Fit, compose, fit_for, snap_duration
from .results import ASSISTANT, OFFLINE, PromptResult, ShotPlan, StoryResult
from .schemas import PromptSections, Storyboard
from .vision import image_data_url

MODES = ("assistant", "meme", "manual")
MAX_SHOTS = 24
MEME_SECONDS = 4.0

_ANATOMY = (
    "Write a video prompt as structured fields. style: the visual style, named first and concretely "
    "(film stock, era, medium). scene: the characters, their clothes, the place and the weather in one or two "
    "sentences. cinematography: one framing, one lens, exactly one camera move, one lighting recipe naming its "
    "sources, and the mood. actions: ONE main action told as short beats in order (at most {beats}), one clause "
    "each. dialogue: {dialogue}. sound: one sound cue. The clip lasts {seconds} seconds; keep everything "
    "achievable in that time. Do not mention the duration, resolution or aspect ratio in the fields."
)
_LANGUAGE = "Write every field in the language of the user's text; keep names, emoji and quoted lines exactly as written."
_ENGLISH = "Write every field in English, translating the user's text faithfully; keep names and emoji as written."


class Assistant:
    """Writes prompts and storyboards; online through :class:`StructuredClient`, else offline."""

    def __init__(self, config: AssistantConfig, catalog: Any, *, settings: Any = None) -> None:
        self.config = config
        self.catalog = catalog
        self._settings = settings
        self._client = StructuredClient(config, EndpointMemory(settings)) if config.online else None

    @property
    def online(self) -> bool:
        return self._client is not None

    def describe(self) -> str:
        """Who answers, in a few words (for the window and the CLI)."""
        if self._client is None:
            return "offline builder (no key)" if not self.config.offline else "offline builder"
        return f"{self.config.model} at {self.config.endpoint_label}"

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    # -- one shot ----------------------------------------------------------------------

    async def enhance(
        self, text: str, *, mode: str = "assistant", model_id: str | None = None, duration: float | None = None
    ) -> PromptResult:
        """A prompt for ``text`` in ``mode``, fitted to ``model_id`` and ``duration``."""
        if mode not in MODES:
            raise InvalidRequest(f"The mode must be one of {', '.join(MODES)}, not {mode!r}.", field="mode", allowed=MODES)
        if not text.strip():
            raise InvalidRequest("Write an idea first; the assistant starts from your words.", field="prompt")
        spec = self._spec(model_id)
        if mode == "manual":
            fit = fit_for(spec, duration)
            notes = []
            if len(text) > fit.max_chars:
                notes.append(f"The prompt is {len(text)} characters; the model takes {fit.max_chars}.")
            return PromptResult(prompt=text, sections=None, source=OFFLINE, mode=mode, duration=fit.duration, notes=notes)
        if mode == "meme" and duration is None:
            duration = MEME_SECONDS
        fit = fit_for(spec, duration)
        aspect = _meme_aspect(spec) if mode == "meme" else None
        english = self.config.english or offline.asks_for_english(text)
        if self._client is None:
            sections = offline.build_sections(text, mode)
            source = OFFLINE
        else:
            instructions = _instructions(mode, fit, english)
            sections = await self._client.ask(PromptSections, instructions=instructions, text=text)
            source = ASSISTANT
        prompt, used = compose(sections, fit)
        return PromptResult(prompt=prompt, sections=used, source=source, mode=mode, duration=fit.duration, aspect_ratio=aspect)

    async def from_image(
        self, image: Path | str, *, idea: str = "", model_id: str | None = None, duration: float | None = None
    ) -> PromptResult:
        """A prompt that animates the photo ``image``: same person, clothes and setting; ``idea`` steers the action."""
        spec = self._spec(model_id)
        fit = fit_for(spec, duration)
        # decode and downscale off the event loop; also proves the file is an image offline
        data_url = await asyncio.to_thread(image_data_url, image)
        english = self.config.english or offline.asks_for_english(idea)
        if self._client is None:
            sections = offline.build_sections("", "selfie", idea=idea)
            source = OFFLINE
        else:
            instructions = (
                "The attached photo is the first frame of a video. Describe the person, their clothes and the setting "
                "exactly as they are in the photo, and keep all three unchanged; invent nothing that contradicts it. "
                "Animate it with one natural main action"
                + (" following the user's idea" if idea.strip() else " that suits the photo")
                + ". "
                + _anatomy(fit)
                + " "
                + (_ENGLISH if english or not idea.strip() else _LANGUAGE)
            )
            text = idea.strip() or "Animate this photo."
            sections = await self._client.ask(PromptSections, instructions=instructions, text=text, image_url=data_url)
            source = ASSISTANT
        prompt, used = compose(sections, fit)
        return PromptResult(prompt=prompt, sections=used, source=source, mode="selfie", duration=fit.duration)

    # -- a story -----------------------------------------------------------------------

    async def split(self, story: str, shots: int, *, model_id: str | None = None) -> StoryResult:
        """``story`` as ``shots`` shots with durations ``model_id`` allows, after a continuity pass."""
        if not story.strip():
            raise InvalidRequest("Write the story first; it is split into shots.", field="story")
        if not 1 <= shots <= MAX_SHOTS:
            raise InvalidRequest(f"Ask for 1 to {MAX_SHOTS} shots, not {shots}.", field="shots")
        spec = self._spec(model_id)
        assert spec is not None
        fit = fit_for(spec)
        allowed = spec.durations.describe()
        english = self.config.english or offline.asks_for_english(story)
        notes: list[str] = []
        if self._client is None:
            board, notes = offline.build_storyboard(story, shots, lambda words: max(4.0, words / 2.2))
            source = OFFLINE
        else:

            def right_count(answer: Storyboard) -> None:
                if len(answer.shots) != shots:
                    raise ValueError(f"asked for {shots} shots, got {len(answer.shots)}")

            language = _ENGLISH if english else _LANGUAGE
            draft = await self._client.ask(
                Storyboard,
                instructions=(
                    f"Split the user's story into exactly {shots} shots, in story order. Each shot has one camera setup, "
                    f"one main action and one lighting recipe. Give each shot a short title and a duration in whole "
                    f"seconds chosen from {allowed}; shorter shots follow instructions better. Set continues_previous "
                    "when a shot continues the previous shot's action in the same place without a cut in time. "
                    "Name the recurring characters with their appearance and wardrobe, the setting, one style for the "
                    "whole film, and a palette of 3 to 5 colours. " + _anatomy(fit, per_shot=True) + " " + language
                ),
                text=story,
                check=right_count,
            )
            board = await self._client.ask(
                Storyboard,
                instructions=(
                    "You are the continuity supervisor. The user gives a story and a draft storyboard as JSON. Return "
                    f"the same storyboard with exactly {shots} shots in the same order, corrected so that every "
                    "character keeps the same appearance and wardrobe in every shot, the setting stays consistent, "
                    "every shot uses the one style, and the palette has 3 to 5 named colours used in every shot's "
                    "lighting. Change nothing else. " + language
                ),
                text=json.dumps({"story": story, "draft": draft.model_dump()}, ensure_ascii=False),
                check=right_count,
            )
            source = ASSISTANT
        palette = _palette(board, story)
        plans = []
        for i, shot in enumerate(board.shots):
            seconds = snap_duration(spec.durations, float(shot.duration))
            if abs(seconds - shot.duration) > 1e-6 and source == ASSISTANT:
                notes.append(f"Shot {i + 1}: {shot.duration} s is not offered by {spec.name}; it became {seconds:g} s.")
            sections = shot.sections.model_copy(update={"style": board.style or shot.sections.style})
            cast = [c for c in board.characters if c.name and c.name.casefold() in _shot_text(sections).casefold()]
            prompt, used = compose(sections, _with_duration(spec, seconds), palette=palette, characters=cast)
            chained = i > 0 and shot.continues_previous and spec.supports_first_frame
            plans.append(ShotPlan(title=shot.title, prompt=prompt, duration=seconds, continuity="chained" if chained else "independent", sections=used))
        return StoryResult(
            shots=plans,
            style=board.style,
            palette=palette,
            characters=board.characters,
            source=source,
            model_id=spec.id,
            notes=notes,
        )

    def _spec(self, model_id: str | None) -> ModelSpec | None:
        if model_id is None:
            return None if self.catalog is None else self.catalog.get(self._default_model())
        return self.catalog.get(model_id)

    def _default_model(self) -> str:
        chosen = self._settings.get("default_model") if self._settings is not None else None
        return str(chosen or "animatic:kenburns")


def _palette(board: Storyboard, story: str) -> list[str]:
    """Three to five colours: the board's, topped up from the matching style preset when it named fewer."""
    palette = [c.strip() for c in board.palette if c.strip()][:5]
    for colour in offline.style_entry(f"{board.style} {story}", "cinematic")["palette"]:
        if len(palette) >= 3:
            break
        if colour not in palette:
            palette.append(colour)
    return palette


def _with_duration(spec: ModelSpec, seconds: float) -> Fit:
    base = fit_for(spec, seconds)
    return Fit(duration=seconds, max_chars=base.max_chars, audio=base.audio)


def _shot_text(sections: PromptSections) -> str:
    return " ".join([sections.scene, *sections.actions, *(d.speaker for d in sections.dialogue)])


def _meme_aspect(spec: ModelSpec | None) -> str | None:
    if spec is None or "9:16" in spec.aspect_ratios:
        return "9:16"
    return None


def _anatomy(fit: Fit, *, per_shot: bool = False) -> str:
    dialogue = (
        f"at most {fit.max_dialogue_lines} short spoken line(s) with a consistent speaker label, or none"
        if fit.audio
        else "always empty (this video model makes no sound)"
    )
    seconds = "each shot's duration" if per_shot else f"{fit.duration:g}"
    text = _ANATOMY.format(beats=fit.max_beats, dialogue=dialogue, seconds=seconds)
    if not fit.audio:
        text += " sound: empty."
    return text + f" Keep the whole prompt under {fit.max_chars} characters."


def _instructions(mode: str, fit: Fit, english: bool) -> str:
    if mode == "meme":
        lead = (
            "Turn the user's idea into a funny, short vertical (portrait 9:16) meme clip: one absurd or relatable "
            "situation, a clear setup and a punchline beat, deadpan timing, readable at phone size. "
        )
    else:
        lead = "Turn the user's idea into a strong, specific video prompt that keeps everything the user asked for. "
    return lead + _anatomy(fit) + " " + (_ENGLISH if english else _LANGUAGE)
