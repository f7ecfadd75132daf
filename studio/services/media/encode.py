"""Shared encoder settings and :class:`ClipWriter`, the one H.264 + AAC writer.

Stitch, conform and the animatic all write through here, so every file Studio
makes has the same codecs, pixel format and audio layout, and can later be joined
on the fast path.
"""

from __future__ import annotations

import math
import os
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
from av.video.reformatter import ColorPrimaries, ColorRange, Colorspace, ColorTrc

from studio.core.errors import MediaError

from ._files import discard, temp_sibling
from .rates import snap_rate

SAMPLE_RATE = 48000
CHANNELS = 2
AAC_FRAME = 1024
PIX_FMT = "yuv420p"


@dataclass(frozen=True)
class Quality:
    """Encoder knobs behind one user-facing word."""

    name: str
    crf: int
    preset: str
    audio_bitrate: int


QUALITIES: dict[str, Quality] = {
    "draft": Quality("draft", crf=28, preset="ultrafast", audio_bitrate=96_000),
    "standard": Quality("standard", crf=21, preset="veryfast", audio_bitrate=160_000),
    "high": Quality("high", crf=18, preset="medium", audio_bitrate=192_000),
}


def resolve_quality(name: str | Quality) -> Quality:
    """Look up a :class:`Quality` by name (``draft``, ``standard``, ``high``)."""
    if isinstance(name, Quality):
        return name
    try:
        return QUALITIES[name]
    except KeyError:
        raise MediaError(f"Unknown quality {name!r}; use draft, standard or high.") from None


def fps_fraction(fps: float | Fraction) -> Fraction:
    """An exact frame rate: 29.97 becomes 30000/1001, 30.0 stays 30."""
    if isinstance(fps, Fraction):
        return fps
    if not math.isfinite(fps) or fps <= 0:
        raise MediaError(f"A frame rate of {fps} is not usable.")
    return snap_rate(fps)


def add_video_stream(container, width: int, height: int, fps: float | Fraction, q: Quality):
    """Add the standard libx264 stream to an output ``container``."""
    if width % 2 or height % 2:
        raise MediaError(f"The size {width}x{height} must use even numbers for H.264.")
    rate = fps_fraction(fps)
    stream = container.add_stream("libx264", rate=rate)
    stream.width = width
    stream.height = height
    stream.pix_fmt = PIX_FMT
    stream.codec_context.time_base = 1 / rate
    stream.codec_context.options = {"crf": str(q.crf), "preset": q.preset}
    tag_bt709(stream.codec_context)
    # Frame and slice threads together; measured 1.45x faster than the default here.
    stream.thread_type = "AUTO"
    return stream


def add_audio_stream(container, q: Quality):
    """Add the standard AAC 48 kHz stereo stream to an output ``container``."""
    stream = container.add_stream("aac", rate=SAMPLE_RATE)
    stream.layout = "stereo"
    stream.format = "fltp"
    stream.bit_rate = q.audio_bitrate
    stream.codec_context.time_base = Fraction(1, SAMPLE_RATE)
    return stream


def as_planar_stereo(samples: np.ndarray) -> np.ndarray:
    """Return float32 audio as shape (2, n); accepts (n,), (n, 2), (2, n) or (1, n)."""
    arr = np.asarray(samples, dtype=np.float32)
    if arr.ndim == 1:
        arr = arr[None, :]
    elif arr.ndim == 2 and arr.shape[0] not in (1, 2) and arr.shape[1] in (1, 2):
        arr = arr.T
    if arr.ndim != 2 or arr.shape[0] not in (1, 2):
        raise MediaError("Audio must be mono or stereo float samples.")
    if arr.shape[0] == 1:
        arr = np.repeat(arr, 2, axis=0)
    return arr


class AudioEncoder:
    """Feeds float samples to an AAC stream in whole 1024-sample frames with exact pts.

    One continuous encoder for the whole output: joining separately encoded AAC
    drifts by the encoder's priming at every join.
    """

    def __init__(self, container, stream, *, background: bool = False) -> None:
        self._container = container
        self._stream = stream
        self._pending = np.zeros((CHANNELS, 0), dtype=np.float32)
        self.samples_written = 0
        # AAC encoding costs ~3% of real time on one core; on a worker thread it overlaps
        # the video encoder instead of stalling it. Only the calling thread muxes.
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="aac") if background else None
        self._jobs: deque[Future] = deque()

    @property
    def pending(self) -> int:
        """Samples queued but not yet encoded (fewer than one AAC frame)."""
        return self._pending.shape[1]

    def write(self, samples: np.ndarray) -> None:
        """Queue samples at 48 kHz; encodes every complete frame."""
        arr = as_planar_stereo(samples)
        if arr.shape[1] == 0:
            return
        self._pending = np.concatenate([self._pending, arr], axis=1) if self._pending.shape[1] else arr
        whole = (self._pending.shape[1] // AAC_FRAME) * AAC_FRAME
        frames = [self._frame(self._pending[:, s : s + AAC_FRAME]) for s in range(0, whole, AAC_FRAME)]
        self._pending = self._pending[:, whole:]
        if self._pool is None:
            self._mux(self._encode_all(frames))
        else:
            self._jobs.append(self._pool.submit(self._encode_all, frames))
            self.drain()

    def write_silence(self, count: int) -> None:
        """Queue ``count`` samples of silence."""
        if count > 0:
            self.write(np.zeros((CHANNELS, count), dtype=np.float32))

    def _frame(self, chunk: np.ndarray) -> av.AudioFrame:
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(chunk), format="fltp", layout="stereo")
        frame.sample_rate = SAMPLE_RATE
        frame.pts = self.samples_written
        frame.time_base = Fraction(1, SAMPLE_RATE)
        self.samples_written += chunk.shape[1]
        return frame

    def _encode_all(self, frames: list[av.AudioFrame | None]) -> list:
        packets = []
        for frame in frames:
            packets.extend(self._stream.encode(frame))
        return packets

    def _mux(self, packets: list) -> None:
        if packets:
            self._container.mux(packets)

    def drain(self, wait: bool = False) -> None:
        """Mux audio packets that the worker has finished (all of them when ``wait``)."""
        while self._jobs and (wait or self._jobs[0].done()):
            self._mux(self._jobs.popleft().result())

    def flush(self) -> None:
        """Encode the short last frame and drain the encoder."""
        tail = [self._frame(self._pending)] if self._pending.shape[1] else []
        self._pending = self._pending[:, :0]
        if self._pool is None:
            self._mux(self._encode_all(tail + [None]))
            return
        self._jobs.append(self._pool.submit(self._encode_all, tail + [None]))
        self.drain(wait=True)
        self._pool.shutdown()

    def close(self) -> None:
        """Stop the worker without muxing anything further (used when aborting)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def i420_planes(buffer: np.ndarray, w: int, h: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Y, U, V views into a yuv420p buffer (chroma rows do not align with luma rows)."""
    flat = buffer.reshape(-1)
    quarter = (h // 2) * (w // 2)
    return (
        flat[: h * w].reshape(h, w),
        flat[h * w : h * w + quarter].reshape(h // 2, w // 2),
        flat[h * w + quarter : h * w + 2 * quarter].reshape(h // 2, w // 2),
    )


# RGB -> Y'CbCr with the BT.709 coefficients (ITU-R BT.709-6, item 3.2-3.3).
_BT709_RGB_TO_YCC = np.array(
    [[0.2126, 0.7152, 0.0722], [-0.1146, -0.3854, 0.5], [0.5, -0.4542, -0.0458]], dtype=np.float32
)


def rgb_to_yuv(rgb: np.ndarray) -> av.VideoFrame:
    """RGB bytes -> BT.709 video-range yuv420p, matching the tags every output carries.

    (swscale's default, and OpenCV's RGB2YUV_I420, use the BT.601 matrix instead.) Chroma
    is the 2x2 box average, as OpenCV's I420 conversion made it before.
    """
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
        raise MediaError("Video frames must be height x width x 3 RGB bytes.")
    h, w = rgb.shape[:2]
    if h % 2 or w % 2:
        frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(rgb), format="rgb24")
        return frame.reformat(
            format=PIX_FMT, dst_colorspace=Colorspace.ITU709, src_color_range=ColorRange.JPEG,
            dst_color_range=ColorRange.MPEG,
        )  # fmt: skip
    ycc = cv2.transform(rgb.astype(np.float32) * np.float32(1 / 255), _BT709_RGB_TO_YCC)
    out = np.empty((h * 3 // 2, w), dtype=np.uint8)
    y, u, v = i420_planes(out, w, h)
    y[:] = cv2.convertScaleAbs(ycc[:, :, 0], alpha=219.0, beta=16.0)
    chroma = cv2.resize(ycc[:, :, 1:], (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    # Offset first: convertScaleAbs takes the absolute value, and 128 + 224 * c is never negative.
    u[:] = cv2.convertScaleAbs(chroma[:, :, 0], alpha=224.0, beta=128.0)
    v[:] = cv2.convertScaleAbs(chroma[:, :, 1], alpha=224.0, beta=128.0)
    return av.VideoFrame.from_ndarray(out, format=PIX_FMT)


def tag_bt709(ctx) -> None:
    """Tag a video codec context as SDR BT.709, video range (primaries, transfer, matrix, range)."""
    ctx.color_primaries = ColorPrimaries.BT709
    ctx.color_trc = ColorTrc.BT709
    ctx.colorspace = Colorspace.ITU709
    ctx.color_range = ColorRange.MPEG


class ClipWriter:
    """Write an MP4 (H.264 + AAC 48 kHz stereo) from frames and float audio, atomically.

    Use as a context manager. The file appears at ``path`` only after a clean exit;
    on an exception (including :class:`~studio.core.errors.Cancelled`) the partial
    output is deleted.
    """

    def __init__(
        self,
        path: Path | str,
        width: int,
        height: int,
        fps: float | Fraction,
        *,
        quality: str | Quality = "standard",
        audio: bool = True,
    ) -> None:
        self.path = Path(path)
        self.width, self.height = width, height
        self.rate = fps_fraction(fps)
        self.quality = resolve_quality(quality)
        self.frames_written = 0
        self._tmp = temp_sibling(self.path)
        try:
            self._container = av.open(str(self._tmp), "w", format="mp4")
            self._video = add_video_stream(self._container, width, height, self.rate, self.quality)
            self._audio = None
            if audio:
                stream = add_audio_stream(self._container, self.quality)
                self._audio = AudioEncoder(self._container, stream, background=True)
        except BaseException:
            discard(self._tmp)
            raise
        self._closed = False

    @property
    def has_audio(self) -> bool:
        """Whether this writer has an audio stream."""
        return self._audio is not None

    @property
    def audio_samples_written(self) -> int:
        """Samples queued so far (48 kHz), including any not yet encoded."""
        if self._audio is None:
            return 0
        return self._audio.samples_written + self._audio.pending

    def write_frame(self, frame: np.ndarray | av.VideoFrame) -> None:
        """Append one frame: an RGB ``uint8`` array or an ``av.VideoFrame`` of the target size."""
        if isinstance(frame, np.ndarray):
            frame = rgb_to_yuv(frame)
        if frame.width != self.width or frame.height != self.height:
            frame = frame.reformat(width=self.width, height=self.height, format=PIX_FMT)
        frame.pts = self.frames_written
        frame.time_base = 1 / self.rate
        self.frames_written += 1
        self._container.mux(self._video.encode(frame))
        if self._audio is not None:
            self._audio.drain()

    def write_audio(self, samples: np.ndarray) -> None:
        """Append float audio at 48 kHz, mono or stereo; see :func:`as_planar_stereo`."""
        if self._audio is None:
            raise MediaError("This writer was opened without audio.")
        self._audio.write(samples)

    def write_silence(self, count: int) -> None:
        """Append ``count`` samples of silence."""
        if self._audio is not None:
            self._audio.write_silence(count)

    def close(self) -> None:
        """Flush both encoders and move the finished file into place."""
        if self._closed:
            return
        self._closed = True
        try:
            self._container.mux(self._video.encode(None))
            if self._audio is not None:
                self._audio.flush()
            self._container.close()
        except BaseException:
            discard(self._tmp)
            raise
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        """Stop without producing output; the partial file is deleted."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._audio is not None:
                self._audio.close()
            self._container.close()
        except Exception:  # noqa: BLE001 - the file is being thrown away anyway
            pass
        discard(self._tmp)

    def __enter__(self) -> ClipWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()
