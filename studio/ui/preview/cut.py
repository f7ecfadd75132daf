"""A cut as the preview plays it: trimmed clips in order, and how times are written."""

from __future__ import annotations

from dataclasses import dataclass

from .frames import ClipFacts

CutItem = tuple[str, float, "float | None"]
"""``(path, trim_in, trim_out)`` in seconds; ``trim_out`` None means "to the end"."""


def format_time(seconds: float) -> str:
    """``83.25 → "1:23.25"`` (minutes, seconds, hundredths)."""
    seconds = max(0.0, seconds)
    centis = int(round(seconds * 100))
    minutes, centis = divmod(centis, 6000)
    return f"{minutes}:{centis // 100:02d}.{centis % 100:02d}"


@dataclass
class _Item:
    path: str
    trim_in: float
    trim_out: float | None
    facts: ClipFacts | None = None
    error: str | None = None

    @property
    def end(self) -> float:
        length = self.facts.duration if self.facts else 0.0
        if self.trim_out is not None:
            return min(self.trim_out, length) if length else self.trim_out
        return length

    @property
    def length(self) -> float:
        return max(0.0, self.end - self.trim_in) if self.error is None else 0.0

    @property
    def fps(self) -> float:
        return self.facts.fps if self.facts else 24.0

