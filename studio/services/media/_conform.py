"""The conform path of stitching: decode, fit, retime, crossfade, encode once."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import av
import numpy as np

from studio.core.errors import MediaError

from ._picture import Picture
from .encode import PIX_FMT, i420_planes
from .plan import ClipPlan, fit_size
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
