"""Tiny but real MP4 files (H.264 video + AAC audio) for emulators to hand out as results.

Encoded with PyAV at a small size so a test can probe streams and duration without
waiting: an 8 s clip at 256x144 takes a fraction of a second and weighs a few tens of KB.
"""

from __future__ import annotations

import io
import math
import threading
from fractions import Fraction

import av
import numpy as np

_cache: dict[tuple[float, int, int, int], bytes] = {}
_lock = threading.Lock()


def make_mp4(duration: float, *, width: int = 256, height: int = 144, fps: int = 24) -> bytes:
    """An MP4 of ``duration`` seconds with a moving gradient and a sine tone; cached per shape."""
    key = (round(float(duration), 3), width, height, fps)
    with _lock:
        if key not in _cache:
            _cache[key] = _encode(*key)
        return _cache[key]


def _encode(duration: float, width: int, height: int, fps: int) -> bytes:
    buf = io.BytesIO()
    with av.open(buf, mode="w", format="mp4") as container:
        video = container.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        video.options = {"preset": "ultrafast", "crf": "35"}
        audio = container.add_stream("aac", rate=48000)
        audio.layout = "stereo"
        frames = max(1, int(round(duration * fps)))
        ramp = np.linspace(0, 255, width, dtype=np.uint8)
        for i in range(frames):
            img = np.empty((height, width, 3), dtype=np.uint8)
            img[:, :, 0] = np.roll(ramp, i * 4)[None, :]
            img[:, :, 1] = (i * 5) % 256
            img[:, :, 2] = 128
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            container.mux(video.encode(frame))
        container.mux(video.encode(None))
        samples_total = int(round(duration * 48000))
        chunk = 1024
        for start in range(0, samples_total, chunk):
            n = min(chunk, samples_total - start)
            t = (np.arange(start, start + n) / 48000.0).astype(np.float32)
            tone = (0.2 * np.sin(2 * math.pi * 440.0 * t)).astype(np.float32)
            frame = av.AudioFrame.from_ndarray(np.stack([tone, tone]), format="fltp", layout="stereo")
            frame.sample_rate = 48000
            frame.pts = start
            frame.time_base = Fraction(1, 48000)
            container.mux(audio.encode(frame))
        container.mux(audio.encode(None))
    return buf.getvalue()
