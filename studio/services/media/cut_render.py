"""The cut's pictures and sound, frame by frame, from any point: what the export encodes and
the preview plays.

Both follow the :class:`~studio.core.cut.Cut` of a :class:`~.plan.StitchPlan`: each clip is
fitted to the frame (upright, SDR, letterboxed) and retimed to the plan's rate; at a crossfade
the outgoing clip's last frames blend into the incoming clip's first ones, and the sound
crossfades with equal power over the same frames. Everything here blocks; run it in a worker.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import av
import cv2
import numpy as np

from studio.core.cut import crossfade_weight
from studio.core.errors import Cancelled

from ._audio import read_audio
from ._conform import conformed_frames
from .encode import PIX_FMT, SAMPLE_RATE, ClipWriter
from .plan import StitchPlan


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("The export was cancelled.")


def blend(a: np.ndarray, b: np.ndarray, alpha: float) -> np.ndarray:
    """``a`` fading into ``b``: ``alpha`` of ``b`` shows."""
    return cv2.addWeighted(a, 1.0 - alpha, b, alpha, 0.0)


def equal_power(prev: np.ndarray, cur: np.ndarray, first: int = 0, length: int | None = None) -> np.ndarray:
    """Equal-power crossfade of two (channels, n) blocks that are samples ``first…first+n`` of a
    crossfade ``length`` samples long (the whole crossfade by default)."""
    n = cur.shape[1]
    length = n if length is None else length
    t = (np.arange(first, first + n, dtype=np.float32) + 0.5) / max(length, 1) * (math.pi / 2)
    return (prev * np.cos(t) + cur * np.sin(t)).astype(np.float32)


def cut_pictures(
    plan: StitchPlan,
    start: int = 0,
    size: tuple[int, int] | None = None,
    cancel: threading.Event | None = None,
) -> Iterator[tuple[int, av.VideoFrame]]:
    """``(output frame, picture)`` for every frame of the cut from ``start`` on, in order.

    Pictures are I420 at ``size`` (the plan's size by default). A crossfade holds the outgoing
    clip's last frames until the incoming clip's first ones arrive, then blends them.
    """
    cut = plan.cut
    width, height = size or (plan.width, plan.height)
    starts = cut.starts
    last = len(plan.clips) - 1
    out = max(0, start)
    tail: list[np.ndarray] = []  # outgoing frames for output frames out, out+1, ...
    for i, cp in enumerate(plan.clips):
        begin, count = starts[i], cp.frames
        if begin + count <= out:
            continue
        x_in = cut.transitions[i - 1] if i else 0
        x_out = cut.transitions[i] if i < last else 0
        first = max(0, out - begin)
        shifted = replace(cp, start=cp.start + first / float(plan.fps), frames=count - first)
        new_tail: list[np.ndarray] = []
        for k, frame in enumerate(conformed_frames(shifted, width, height, plan.fps), start=first):
            _check(cancel)
            if k >= count - x_out:
                new_tail.append(frame.to_ndarray())
                continue
            if k < x_in and tail:
                mixed = blend(tail.pop(0), frame.to_ndarray(), crossfade_weight(k, x_in))
                frame = av.VideoFrame.from_ndarray(mixed, format=PIX_FMT)
            yield begin + k, frame
        tail = new_tail
        out = max(out, begin + count - x_out)


def cut_audio(
    plan: StitchPlan,
    start: int = 0,
    cancel: threading.Event | None = None,
    block: int = SAMPLE_RATE,
) -> Iterator[np.ndarray]:
    """The cut's sound from output frame ``start`` on, as consecutive (2, n) float32 blocks at
    48 kHz (at most ``block`` samples each). Every join lands on the sample nearest its video
    frame; crossfades mix with equal power."""
    cut = plan.cut
    starts = cut.starts
    last = len(plan.clips) - 1

    def sample_at(frame: int) -> int:
        return cut.sample_at(frame, SAMPLE_RATE)

    position = sample_at(max(0, start))
    tail: np.ndarray | None = None  # outgoing sound from `position` to the end of the crossfade
    for i, cp in enumerate(plan.clips):
        begin, count = starts[i], cp.frames
        lo, hi = sample_at(begin), sample_at(begin + count)
        if hi <= position:
            continue
        _check(cancel)
        x_in = cut.transitions[i - 1] if i else 0
        x_out = cut.transitions[i] if i < last else 0
        skip = max(0, position - lo)
        sound = read_audio(Path(cp.clip.path), cp.start + skip / SAMPLE_RATE, hi - lo - skip)
        head = sample_at(begin + x_in) - lo  # crossfade in: samples [0, head) of this clip
        keep = sample_at(begin + count - x_out) - lo  # crossfade out: samples [keep, end)
        pieces = []
        if skip < head and tail is not None:
            n = head - skip
            pieces.append(equal_power(tail[:, :n], sound[:, :n], skip, head))
        pieces.append(sound[:, max(0, head - skip) : max(0, keep - skip)])
        tail = sound[:, max(0, keep - skip) :]
        position = max(position, lo + keep)
        for piece in pieces:
            for at in range(0, piece.shape[1], block):
                yield piece[:, at : at + block]


def stitch_conform(
    plan: StitchPlan,
    out: Path,
    progress: Callable[[float], None] | None,
    cancel: threading.Event | None,
) -> None:
    """Re-encode every clip into ``out`` at the plan's size and rate, with crossfades."""
    total = max(plan.total_frames, 1)
    reported = 0.0
    with ClipWriter(out, plan.width, plan.height, plan.fps, quality=plan.quality, audio=plan.has_audio) as writer:
        sound = cut_audio(plan, cancel=cancel) if writer.has_audio else None
        heard = 0  # samples written so far: the sound stays about a second ahead of the picture
        for index, frame in cut_pictures(plan, cancel=cancel):
            while sound is not None and heard <= plan.cut.sample_at(index + 1, SAMPLE_RATE):
                block = next(sound, None)
                if block is None:
                    sound = None
                    break
                writer.write_audio(block)
                heard += block.shape[1]
            writer.write_frame(frame)
            if progress is not None and (index + 1) / total - reported >= 0.01:
                reported = (index + 1) / total
                progress(min(reported, 0.99))
        for block in sound or ():
            writer.write_audio(block)
