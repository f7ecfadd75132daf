"""The cut's timeline: where each clip lands once trims and crossfades are applied.

Pure arithmetic shared by the export (which renders the cut) and the preview (which plays
it), so both agree frame for frame on every clip's place, the crossfades and the length.

A crossfade of ``x`` frames at a join overlaps the last ``x`` frames of the clip before it
with the first ``x`` frames of the clip after it; the cut is shorter by ``x`` frames.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .errors import InvalidRequest


@dataclass(frozen=True)
class Layer:
    """One clip's contribution to an output frame: its ``frame`` (0 = its first kept frame)
    at ``weight`` (1.0 outside crossfades)."""

    clip: int
    frame: int
    weight: float


def crossfade_weight(frame: int, length: int) -> float:
    """How much of the incoming clip shows at ``frame`` (0-based) of a ``length``-frame crossfade."""
    return (frame + 0.5) / length


@dataclass(frozen=True)
class Cut:
    """Clips of ``frames[i]`` frames each at ``rate``, joined with ``transitions[j]`` frames of
    crossfade between clip ``j`` and ``j + 1`` (0 = a cut)."""

    rate: Fraction
    frames: tuple[int, ...]
    transitions: tuple[int, ...]

    @property
    def starts(self) -> tuple[int, ...]:
        """The output frame where each clip begins."""
        starts, at = [], 0
        for i, count in enumerate(self.frames):
            starts.append(at)
            at += count - (self.transitions[i] if i < len(self.transitions) else 0)
        return tuple(starts)

    @property
    def total_frames(self) -> int:
        """Output frame count once crossfades overlap their neighbours."""
        return sum(self.frames) - sum(self.transitions)

    @property
    def duration(self) -> float:
        """Output length in seconds."""
        return float(self.total_frames / self.rate)

    def frame_at(self, seconds: float) -> int:
        """The output frame shown at ``seconds`` (clamped to the cut)."""
        last = max(0, self.total_frames - 1)
        return max(0, min(last, int(math.floor(seconds * self.rate + 1e-6))))

    def seconds_of(self, frame: int) -> float:
        """When output ``frame`` starts."""
        return float(frame / self.rate)

    def layers(self, frame: int) -> tuple[Layer, ...]:
        """The clips visible at output ``frame``: one, or two inside a crossfade (outgoing first)."""
        found = []
        for i, (start, count) in enumerate(zip(self.starts, self.frames)):
            local = frame - start
            if 0 <= local < count:
                found.append((i, local))
        if len(found) == 1:
            return (Layer(found[0][0], found[0][1], 1.0),)
        if not found:
            return ()
        (a, a_local), (b, b_local) = found[0], found[1]
        alpha = crossfade_weight(b_local, self.transitions[a])
        return (Layer(a, a_local, 1.0 - alpha), Layer(b, b_local, alpha))

    def clip_at(self, frame: int) -> int:
        """The clip that owns output ``frame``: inside a crossfade, the one weighing more."""
        layers = self.layers(frame)
        if not layers:
            return -1
        return max(layers, key=lambda layer: (layer.weight, layer.clip)).clip

    def sample_at(self, frame: int, sample_rate: int) -> int:
        """The audio sample where output ``frame`` starts (rounded, never drifting)."""
        return round(frame * sample_rate / self.rate)


def plan_cut(clip_seconds: Sequence[float], rate: Fraction, transition_seconds: Sequence[float]) -> Cut:
    """The cut of clips lasting ``clip_seconds`` (already trimmed) at ``rate`` with crossfades of
    ``transition_seconds`` at each join. Raises :class:`InvalidRequest` for a crossfade that
    does not fit between its neighbours."""
    if len(transition_seconds) != max(0, len(clip_seconds) - 1):
        raise InvalidRequest(
            f"Give one transition per join: {max(0, len(clip_seconds) - 1)} expected, "
            f"{len(transition_seconds)} given.",
            field="transitions",
        )
    frames = tuple(max(1, round(s * rate)) for s in clip_seconds)
    transitions = tuple(round(s * rate) for s in transition_seconds)
    for j, x in enumerate(transitions):
        room = min(frames[j] - (transitions[j - 1] if j else 0), frames[j + 1])
        if x >= room:
            raise InvalidRequest(
                f"The crossfade at join {j + 1} ({transition_seconds[j]:.2f} s) is longer than the shots beside it.",
                field="transitions",
            )
    return Cut(rate=Fraction(rate), frames=frames, transitions=transitions)
