"""Fit a structured prompt to one shot: its duration and the model's prompt limit and audio.

The anatomy follows the prompting guides in PROVIDERS.md §6: style first; the scene; one
camera setup (framing, lens, one move, light, mood); one main action told in beats; dialogue
in its own block (only for models that make sound); one sound cue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from studio.core.modelspec import DurationRule, ModelSpec

from .schemas import Character, PromptSections

# When the catalog gives no limit, stay well inside what current video models accept.
DEFAULT_PROMPT_LIMIT = 2000
# Spoken lines take about 2.5 words a second; leave room for the action around them.
WORDS_PER_SECOND = 2.2


@dataclass(frozen=True)
class Fit:
    """What one shot allows: seconds, characters, and whether the model makes sound."""

    duration: float
    max_chars: int = DEFAULT_PROMPT_LIMIT
    audio: bool = True

    @property
    def max_beats(self) -> int:
        # about one beat per two seconds: a 4 s shot holds two, an 8 s shot four
        return max(1, min(4, round(self.duration / 2)))

    @property
    def max_dialogue_lines(self) -> int:
        # "a 4-second shot will usually accommodate one or two short exchanges"
        return max(1, int(self.duration // 3))

    @property
    def max_dialogue_words(self) -> int:
        return max(3, int(self.duration * WORDS_PER_SECOND))


def fit_for(spec: ModelSpec | None, duration: float | None = None) -> Fit:
    """The fit for a shot of ``duration`` seconds (snapped to what ``spec`` allows) on ``spec``."""
    if spec is None:
        return Fit(duration=float(duration or 8.0))
    seconds = snap_duration(spec.durations, duration if duration is not None else spec.default_duration)
    return Fit(duration=seconds, max_chars=spec.max_prompt_length or DEFAULT_PROMPT_LIMIT, audio=spec.audio_supported)


def snap_duration(rule: DurationRule, value: float) -> float:
    """The allowed duration nearest ``value`` (the shorter one on a tie); never one the model refuses."""
    if not math.isfinite(value):
        value = rule.choices[0] if rule.choices else float(rule.minimum or 4)
    if rule.choices:
        return min(rule.choices, key=lambda c: (abs(c - value), c))
    low = rule.minimum if rule.minimum is not None else 0.0
    high = rule.maximum if rule.maximum is not None else max(value, low)
    step = rule.step or 1.0
    steps = round((min(max(value, low), high) - low) / step)
    snapped = low + steps * step
    if snapped > high + 1e-9:
        snapped -= step
    return round(max(low, snapped), 6)


def fit_sections(sections: PromptSections, fit: Fit) -> PromptSections:
    """A copy cut to the shot: at most ``max_beats`` beats; dialogue only with audio and within the word budget."""
    actions = [a.strip() for a in sections.actions if a.strip()][: fit.max_beats]
    dialogue = []
    if fit.audio:
        words = 0
        for line in sections.dialogue[: fit.max_dialogue_lines]:
            count = len(line.line.split())
            if dialogue and words + count > fit.max_dialogue_words:
                break
            words += count
            dialogue.append(line)
    return sections.model_copy(
        update={"actions": actions, "dialogue": dialogue, "sound": sections.sound if fit.audio else ""}
    )


def compose(
    sections: PromptSections,
    fit: Fit,
    *,
    palette: list[str] | None = None,
    characters: list[Character] | None = None,
) -> tuple[str, PromptSections]:
    """The prompt text for ``sections`` fitted to ``fit``, and the sections actually used.

    When the text is over the model's limit it sheds detail in order — extra beats, the
    lighting and mood, extra dialogue, the sound cue — and only then shortens the scene.
    """
    fitted = fit_sections(sections, fit)
    cast = list(characters or [])
    colours = list(palette or [])
    text = _render(fitted, fit.duration, colours, cast)
    shrink_steps = (
        lambda s: s.model_copy(update={"actions": s.actions[:1]}),
        lambda s: s.model_copy(update={"cinematography": s.cinematography.model_copy(update={"lighting": "", "mood": ""})}),
        lambda s: s.model_copy(update={"dialogue": s.dialogue[:1]}),
        lambda s: s.model_copy(update={"sound": ""}),
    )
    for step in shrink_steps:
        if len(text) <= fit.max_chars:
            break
        fitted = step(fitted)
        text = _render(fitted, fit.duration, colours, cast)
    if len(text) > fit.max_chars and cast:
        cast = []
        text = _render(fitted, fit.duration, colours, cast)
    if len(text) > fit.max_chars:
        overflow = len(text) - fit.max_chars
        fitted = fitted.model_copy(update={"scene": _shorten(fitted.scene, max(0, len(fitted.scene) - overflow))})
        text = _render(fitted, fit.duration, colours, cast)
    if len(text) > fit.max_chars:
        text = _shorten(text, fit.max_chars)
    return text, fitted


def _render(s: PromptSections, duration: float, palette: list[str], cast: list[Character]) -> str:
    blocks: list[str] = []
    if s.style.strip():
        blocks.append(f"Style: {_sentence(s.style)}")
    scene = s.scene.strip()
    if cast:
        people = "; ".join(f"{c.name}: {c.appearance}, wearing {c.wardrobe}" for c in cast)
        scene = f"{_sentence(scene)} {_sentence(people)}" if scene else _sentence(people)
    if scene:
        blocks.append(_sentence(scene))
    cam = s.cinematography
    camera = ", ".join(p.strip() for p in (cam.framing, cam.lens) if p.strip())
    line = f"Cinematography: {camera}" if camera else "Cinematography:"
    if cam.camera_move.strip():
        line += f"; camera: {cam.camera_move.strip()}"
    line = _sentence(line)
    if cam.lighting.strip():
        line += f" Lighting: {_sentence(cam.lighting)}"
    if palette:
        line += f" Palette: {', '.join(palette)}."
    if cam.mood.strip():
        line += f" Mood: {_sentence(cam.mood)}"
    if line != "Cinematography:.":
        blocks.append(line)
    if s.actions:
        n = len(s.actions)
        beats = []
        for i, action in enumerate(s.actions):
            start, end = duration * i / n, duration * (i + 1) / n
            beats.append(f"- {_seconds(start)}–{_seconds(end)} s: {action.strip()}")
        blocks.append("Actions:\n" + "\n".join(beats))
    if s.dialogue:
        blocks.append("Dialogue:\n" + "\n".join(f"- {d.speaker.strip()}: \u201c{d.line.strip()}\u201d" for d in s.dialogue))
    if s.sound.strip():
        blocks.append(f"Sound: {_sentence(s.sound)}")
    return "\n\n".join(blocks)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1] not in ".!?…»\u201d\"')":
        text += "."
    return text


def _seconds(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, ending with an ellipsis."""
    if len(text) <= limit:
        return text
    if limit <= 1:
        return text[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"
