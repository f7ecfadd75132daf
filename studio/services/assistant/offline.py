"""The offline builder: the same structure filled from the user's words and preset data.

Never touches the network. Presets (style, camera move, lens, lighting, mood, sound) are
data in ``studio/resources/assistant/presets.json``; the first preset whose words occur in
the user's text wins, else the mode's default. The user's own words go in untouched, in
whatever language and script they were written.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

from .schemas import Cinematography, DialogueLine, PromptSections, StoryShot, Storyboard

_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])\s+|\n+")
_QUOTED = re.compile(r"[«\"“„]([^«»\"“”„]{1,200})[»\"”]")


@functools.lru_cache(maxsize=1)
def presets() -> dict[str, Any]:
    """The preset data (read once)."""
    text = resources.files("studio.resources").joinpath("assistant/presets.json").read_text("utf-8")
    return json.loads(text)


def sentences(text: str) -> list[str]:
    """``text`` split into sentences (Latin, Cyrillic and CJK end marks; line breaks), blanks dropped."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s and s.strip()]


def clauses(sentence: str) -> list[str]:
    """A sentence cut at its joins (commas, "and", "и", "ve", "then"…) into short beats; quotes kept whole."""
    separators = sorted(presets()["beat_separators"], key=len, reverse=True)
    pattern = "|".join(re.escape(sep) for sep in separators)
    # cut only outside quotes, so a spoken line stays one piece
    pieces, start, quoted = [], 0, False
    for match in re.finditer(rf"{pattern}|[«»\"“”„]", sentence, flags=re.IGNORECASE):
        token = match.group(0)
        if token in "«»\"“”„":
            quoted = token in "«“„" or (token == '"' and not quoted)
            continue
        if not quoted:
            pieces.append(sentence[start : match.start()])
            start = match.end()
    pieces.append(sentence[start:])
    return [p.strip(" .!?…") for p in pieces if p.strip(" .!?…")]


def asks_for_english(text: str) -> bool:
    lowered = text.casefold()
    return any(phrase in lowered for phrase in presets()["english_request"])


def continues(text: str) -> bool:
    """Whether a sentence opens by continuing the previous action ("then…", "потом…", "sonra…")."""
    lowered = text.casefold().lstrip(" -—–\"«")
    return any(re.match(rf"{re.escape(word)}\b", lowered) for word in presets()["continuation_words"])


def _pick(kind: str, text: str, default: str) -> str:
    lowered = text.casefold()
    for entry in presets()[kind]:
        if any(word.casefold() in lowered for word in entry["match"]):
            return entry["text"]
    return default


def style_entry(text: str, default_name: str) -> dict[str, Any]:
    """The style preset the text asks for, else the named default."""
    lowered = text.casefold()
    styles = presets()["styles"]
    for entry in styles:
        if any(word.casefold() in lowered for word in entry["match"]):
            return entry
    return next(e for e in styles if e["name"] == default_name)


def mode_defaults(mode: str) -> dict[str, Any]:
    return presets()["modes"][mode]


def build_sections(text: str, mode: str = "assistant", *, idea: str = "") -> PromptSections:
    """Sections for ``text`` in ``mode`` (``assistant``, ``meme`` or ``selfie``) from presets alone."""
    base = mode_defaults(mode)
    words = f"{text} {idea}"
    style = style_entry(words, base["style"])
    dialogue = [DialogueLine(speaker="Speaker", line=q.strip()) for q in _QUOTED.findall(words) if q.strip()]
    if mode == "selfie":
        scene = (
            "The person from the photo, exactly as in the first frame: same face, hair and clothes, "
            "in the same place and light."
        )
        actions = [idea.strip() or "looks up and smiles at the camera", base["closing_beat"]]
    else:
        parts = sentences(text) or [text.strip()]
        scene = parts[0]
        # one sentence: its clauses are the beats ("plays the piano and sings" → two beats)
        beats = parts[1:] if len(parts) > 1 else clauses(parts[0])
        actions = (beats if len(beats) > 1 or len(parts) > 1 else []) + [base["closing_beat"]]
    return PromptSections(
        style=style["text"],
        scene=scene,
        cinematography=Cinematography(
            framing=base["framing"],
            lens=base["lens"] if mode == "selfie" else _pick("lenses", words, base["lens"]),
            camera_move=_pick("camera_moves", words, base["camera_move"]),
            lighting=base["lighting"] if mode == "selfie" else _pick("lighting", words, base["lighting"]),
            mood=_pick("moods", words, base["mood"]),
        ),
        actions=actions,
        dialogue=dialogue,
        sound=_pick("sounds", words, base["sound"]),
    )


def build_storyboard(story: str, shots: int, seconds_for: Any) -> tuple[Storyboard, list[str]]:
    """A storyboard from the story's sentences, grouped evenly into at most ``shots`` shots.

    ``seconds_for(word_count)`` gives each shot's duration. Returns the board and notes.
    """
    parts = sentences(story)
    notes: list[str] = []
    if not parts:
        return Storyboard(style="", setting="", palette=[], characters=[], shots=[]), notes
    count = min(shots, len(parts))
    if count < shots:
        notes.append(f"The story has {len(parts)} sentence(s), so it became {count} shot(s) instead of {shots}.")
    groups: list[list[str]] = []
    size, extra = divmod(len(parts), count)
    start = 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        groups.append(parts[start:end])
        start = end
    style = style_entry(story, "cinematic")
    board_shots = []
    for i, group in enumerate(groups):
        text = " ".join(group)
        sections = build_sections(text, "assistant")
        sections = sections.model_copy(update={"style": style["text"]})
        board_shots.append(
            StoryShot(
                title=_title(group[0]),
                duration=int(round(seconds_for(len(text.split())))),
                continues_previous=i > 0 and continues(group[0]),
                sections=sections,
            )
        )
    board = Storyboard(style=style["text"], setting="", palette=list(style["palette"]), characters=[], shots=board_shots)
    return board, notes


def _title(sentence: str, words: int = 6) -> str:
    parts = sentence.strip().rstrip(".!?…。！？").split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
