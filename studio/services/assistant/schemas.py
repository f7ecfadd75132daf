"""The shapes the text model must answer in (strict JSON schema via Pydantic).

Strict structured output needs every property required and no extra properties; the
``Strict`` base forbids extras and no field has a default, so both hold. The SDK turns these
models into the JSON schema it sends and validates the answer against them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Cinematography(Strict):
    """One camera setup: framing, lens, exactly one camera move, one lighting recipe, the mood."""

    framing: str
    lens: str
    camera_move: str
    lighting: str
    mood: str


class DialogueLine(Strict):
    speaker: str
    line: str


class PromptSections(Strict):
    """A video prompt in the order the prompt is written: style first, then scene, camera, beats, dialogue, sound."""

    style: str
    scene: str
    cinematography: Cinematography
    actions: list[str]
    dialogue: list[DialogueLine]
    sound: str


class Character(Strict):
    """Someone who appears in several shots: how they look and what they wear, kept the same in each."""

    name: str
    appearance: str
    wardrobe: str


class StoryShot(Strict):
    title: str
    duration: int
    continues_previous: bool
    sections: PromptSections


class Storyboard(Strict):
    """A story split into shots, with what must stay the same across them."""

    style: str
    setting: str
    palette: list[str]
    characters: list[Character]
    shots: list[StoryShot]
