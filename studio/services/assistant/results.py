"""What the assistant hands back: a prompt with its sections, or a storyboard of shots."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studio.core.project import Shot

from .schemas import Character, PromptSections

ASSISTANT, OFFLINE = "assistant", "offline"


@dataclass
class PromptResult:
    """A prompt for one shot. ``aspect_ratio``/``duration`` are what the mode suggests for the shot."""

    prompt: str
    sections: PromptSections | None
    source: str
    mode: str
    duration: float
    aspect_ratio: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"prompt": self.prompt, "sections": self.sections.model_dump() if self.sections else {}, "source": self.source}

    def shot_changes(self, shot: Shot, *, allowed_aspects: tuple[str, ...] = ()) -> dict[str, Any]:
        """The fields of ``shot`` accepting this result changes (applied as one undoable step)."""
        changes: dict[str, Any] = {"prompt": self.prompt}
        if self.mode == "meme":
            if abs(shot.duration - self.duration) > 1e-6:
                changes["duration"] = self.duration
            if self.aspect_ratio and self.aspect_ratio in allowed_aspects and shot.aspect_ratio != self.aspect_ratio:
                changes["aspect_ratio"] = self.aspect_ratio
        return changes


@dataclass
class ShotPlan:
    """One shot of a split story."""

    title: str
    prompt: str
    duration: float
    continuity: str
    sections: PromptSections

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "prompt": self.prompt, "duration": self.duration, "continuity": self.continuity}


@dataclass
class StoryResult:
    """A story split into shots, after the continuity pass."""

    shots: list[ShotPlan]
    style: str
    palette: list[str]
    characters: list[Character]
    source: str
    model_id: str
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"shots": [s.to_json() for s in self.shots], "style": self.style}

    def to_shots(self) -> list[Shot]:
        """Fresh storyboard shots for this plan, on the model it was planned for."""
        return [
            Shot(title=plan.title, prompt=plan.prompt, duration=plan.duration, continuity=plan.continuity, model_id=self.model_id)
            for plan in self.shots
        ]
