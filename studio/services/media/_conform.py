"""The conform path of stitching: decode, fit, retime, crossfade, encode once."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

from studio.core.errors import Cancelled, MediaError

from ._audio import read_audio
from ._picture import Picture
from .encode import PIX_FMT, SAMPLE_RATE, ClipWriter, i420_planes
from .plan import ClipPlan, StitchPlan, fit_size
from .probe import VideoInfo, open_input

# A decoded frame is shown at an output slot if it starts no later than a quarter
# frame after the slot: absorbs float rounding without picking frames early.
_SLOT_SLACK = 0.25


class _Fitter:
    """Turn upright, convert to SDR BT.709, scale (keeping aspect) and letterbox into the target."""

    def __init__(self, video: VideoInfo, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.picture = Picture.of_video(video)
        self.sw, self.sh = fit_size(video.display_width, video.display_height, width, height)
        self.pad = (self.sw, self.sh) != (width, height)
        self.x0 = ((width - self.sw) // 2) & ~1
        self.y0 = ((height - self.sh) // 2) & ~1

    def __call__(self, frame: av.VideoFrame) -> av.VideoFrame:
        scaled = self.picture.yuv(frame, self.sw, self.sh)
        if not self.pad:
            return scaled
        return av.VideoFrame.from_ndarray(self.pad_planes(scaled.to_ndarray()), format=PIX_FMT)

    def pad_planes(self, src: np.ndarray) -> np.ndarray:
        out = np.empty((self.height * 3 // 2, self.width), dtype=np.uint8)
        y, u, v = i420_planes(out, self.width, self.height)
        y.fill(16)  # video-range black
        u.fill(128)
        v.fill(128)
        sy, su, sv = i420_planes(src, self.sw, self.sh)
        y[self.y0 : self.y0 + self.sh, self.x0 : self.x0 + self.sw] = sy
        ys, xs, ch, cw = self.y0 // 2, self.x0 // 2, self.sh // 2, self.sw // 2
        u[ys : ys + ch, xs : xs + cw] = su
        v[ys : ys + ch, xs : xs + cw] = sv
        return out


def conformed_frames(
    cp: ClipPlan, width: int, height: int, rate: Fraction, skip: range = range(0)
) -> Iterator[av.VideoFrame | None]:
    """Exactly ``cp.frames`` frames of the target size and rate, picked by timestamp.

    Frames are dropped or repeated to change the rate; each output slot shows the
    latest source frame that has started by then. Slots in ``skip`` yield None
    without converting the picture (their packets are copied instead).
    """
    container = open_input(cp.clip.path)
    try:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        src_fps = float(cp.info.video.rate or rate)
        if cp.start - cp.info.video.start_time > 1.0:
            container.seek(int(cp.start / stream.time_base), stream=stream, backward=True)
        fit = _Fitter(cp.info.video, width, height)
        step = 1 / float(rate)
        slack = _SLOT_SLACK * min(step, 1 / src_fps)
        slot = 0
        prev = prev_fitted = None
        guess = None
        for frame in container.decode(stream):
            t = frame.time if frame.time is not None else (guess if guess is not None else cp.start)
            guess = t + 1 / src_fps
            while slot < cp.frames and t > cp.start + slot * step + slack:
                if prev is None:
                    break  # the first frame starts late: it also covers the slots before it
                if slot in skip:
                    yield None
                    slot += 1
                    continue
                if prev_fitted is None:
                    prev_fitted = fit(prev)
                yield prev_fitted
                slot += 1
            if slot >= cp.frames:
                return
            prev, prev_fitted = frame, None
        if prev is None:
            raise MediaError(f"Shot {cp.index + 1} has no video frames that decode.")
        fitted = prev_fitted or fit(prev)
        while slot < cp.frames:
            yield fitted
            slot += 1
    finally:
        container.close()


def _equal_power(prev: np.ndarray, cur: np.ndarray) -> np.ndarray:
    n = cur.shape[1]
    t = (np.arange(n, dtype=np.float32) + 0.5) / max(n, 1) * (math.pi / 2)
    return (prev * np.cos(t) + cur * np.sin(t)).astype(np.float32)


def joined_audio(plan: StitchPlan) -> Iterator[list[np.ndarray]]:
    """The plan's sound at 48 kHz, clip by clip (what to write before that clip's frames).

    Each clip's sound is fitted to its frames; at a crossfade the outgoing tail and
    the incoming head are mixed with an equal-power curve.
    """
    rate = plan.fps
    last = len(plan.clips) - 1

    def sample_at(frame_index: int) -> int:
        return round(frame_index * SAMPLE_RATE / rate)

    start = 0  # output frame where the current clip begins
    tail: np.ndarray | None = None
    for cp in plan.clips:
        x_in = plan.transitions[cp.index - 1] if cp.index else 0
        x_out = plan.transitions[cp.index] if cp.index < last else 0
        sound = read_audio(Path(cp.clip.path), cp.start, sample_at(start + cp.frames) - sample_at(start))
        head = sample_at(start + x_in) - sample_at(start)
        keep = sample_at(start + cp.frames - x_out) - sample_at(start)
        parts = []
        if x_in and tail is not None:
            parts.append(_equal_power(tail, sound[:, :head]))
        parts.append(sound[:, head:keep])
        tail = sound[:, keep:]
        start += cp.frames - x_out
        yield parts


def blend(a: np.ndarray, b: np.ndarray, alpha: float) -> np.ndarray:
    """Mix two frames' planes: ``alpha`` 0 is all ``a``, 1 all ``b``."""
    return cv2.addWeighted(a, 1.0 - alpha, b, alpha, 0.0)


def stitch_conform(
    plan: StitchPlan,
    out: Path,
    progress: Callable[[float], None] | None,
    cancel: threading.Event | None,
) -> None:
    """Re-encode every clip into ``out`` at the plan's size and rate, with crossfades."""
    width, height, rate = plan.width, plan.height, plan.fps
    total = max(plan.total_frames, 1)
    last = len(plan.clips) - 1

    written = 0
    reported = 0.0
    sound = joined_audio(plan) if plan.has_audio else None
    with ClipWriter(out, width, height, rate, quality=plan.quality, audio=plan.has_audio) as writer:
        tail_frames: list[np.ndarray] = []
        for cp in plan.clips:
            x_in = plan.transitions[cp.index - 1] if cp.index else 0
            x_out = plan.transitions[cp.index] if cp.index < last else 0
            if sound is not None:
                for part in next(sound):
                    writer.write_audio(part)
            new_tail: list[np.ndarray] = []
            for k, frame in enumerate(conformed_frames(cp, width, height, rate)):
                if cancel is not None and cancel.is_set():
                    raise Cancelled("The export was cancelled.")
                if k < x_in:
                    mixed = blend(tail_frames[k], frame.to_ndarray(), (k + 0.5) / x_in)
                    writer.write_frame(av.VideoFrame.from_ndarray(mixed, format=PIX_FMT))
                elif k >= cp.frames - x_out:
                    new_tail.append(frame.to_ndarray())
                    continue
                else:
                    writer.write_frame(frame)
                written += 1
                if progress is not None and written / total - reported >= 0.01:
                    reported = written / total
                    progress(min(reported, 0.99))
            tail_frames = new_tail
