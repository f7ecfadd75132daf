"""Clips made the way phones, cameras and providers make them, built with PyAV in the test.

Phone portrait video (stored sideways with a display rotation), 10-bit HEVC in HLG
and PQ, variable frame rate with dropped frames, fragmented MP4, 5.1 AAC, files cut
short like a broken download. Plus readers that check where a marker lands.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.video.reformatter import ColorPrimaries, ColorRange, Colorspace, ColorTrc

MARKER = (255, 0, 0)
BACKGROUND = (40, 90, 40)


def marked_picture(w: int, h: int) -> np.ndarray:
    """A dark green picture with a red square in its top-left corner (as stored)."""
    img = np.empty((h, w, 3), np.uint8)
    img[:] = BACKGROUND
    side = max(4, min(w, h) // 4)
    img[:side, :side] = MARKER
    return img


def make_video(
    path: Path,
    w: int = 160,
    h: int = 90,
    *,
    rate: Fraction | int = 30,
    frames: int = 30,
    rotation: int = 0,
    pts: list[int] | None = None,
    time_base: Fraction | None = None,
    picture: Callable[[int], np.ndarray] | None = None,
    fmt: str = "mp4",
    options: dict[str, str] | None = None,
    audio_seconds: float | None = None,
    audio_layout: str = "stereo",
    audio_level: float | list[float] = 0.4,
    matrix: Colorspace | None = None,
) -> Path:
    """An H.264 clip; ``rotation`` is the display matrix (counter-clockwise degrees).

    ``pts`` (in ``time_base``, default 1/rate) makes variable-rate clips; ``options``
    go to the muxer (e.g. ``movflags``); ``audio_seconds`` adds an AAC sine with
    ``audio_level`` per channel of ``audio_layout``. Pictures are encoded with the
    BT.709 matrix and left untagged, unless ``matrix`` names another one (then tagged).
    """
    rate = Fraction(rate)
    tb = time_base or 1 / rate
    stamps = pts if pts is not None else list(range(frames))
    draw = picture or (lambda _i: marked_picture(w, h))
    with av.open(str(path), "w", format=fmt, options=options or {}) as out:
        vs = out.add_stream("libx264", rate=rate)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p"
        vs.codec_context.time_base = tb
        vs.codec_context.options = {"preset": "ultrafast", "crf": "18"}
        if rotation:
            vs.set_display_rotation(rotation)
        if matrix is not None:
            vs.codec_context.colorspace, vs.codec_context.color_range = matrix, ColorRange.MPEG
        aus = None
        if audio_seconds:
            aus = out.add_stream("aac", rate=48000)
            aus.layout = audio_layout
        for p in stamps:
            # Encoded as BT.709 like phone and provider video (swscale alone would use BT.601).
            frame = av.VideoFrame.from_ndarray(draw(p), format="rgb24").reformat(
                format="yuv420p", dst_colorspace=matrix or Colorspace.ITU709, dst_color_range=ColorRange.MPEG
            )
            frame.pts, frame.time_base = p, tb
            out.mux(vs.encode(frame))
        out.mux(vs.encode(None))
        if aus is not None:
            channels = aus.layout.nb_channels
            levels = audio_level if isinstance(audio_level, list) else [audio_level] * channels
            n = round(audio_seconds * 48000)
            wave = np.sin(2 * np.pi * 440 * np.arange(n) / 48000).astype(np.float32)
            planes = np.stack([wave * lv for lv in levels]).astype(np.float32)
            for i in range(0, n, 1024):
                af = av.AudioFrame.from_ndarray(np.ascontiguousarray(planes[:, i : i + 1024]), format="fltp", layout=audio_layout)
                af.sample_rate, af.pts = 48000, i
                out.mux(aus.encode(af))
            out.mux(aus.encode(None))
    return path


# HDR test patches: 10-bit limited-range code values of a grey at a given signal level.
def code10(signal: float) -> int:
    return round(64 + 876 * signal)


HLG_REFERENCE_WHITE = 0.75  # BT.2408: 203 nits is 75 % HLG
PQ_REFERENCE_WHITE = 0.5806  # BT.2408: 203 nits is 58 % PQ


def make_hdr_clip(path: Path, transfer: str, left: float, right: float, w: int = 128, h: int = 64) -> Path | None:
    """10-bit HEVC (BT.2020, HLG or PQ, tagged): the left half a grey at ``left``, the right at ``right``.

    Returns None when this PyAV has no libx265 (the caller skips).
    """
    if "libx265" not in av.codecs_available:
        return None
    trc = ColorTrc.ARIB_STD_B67 if transfer == "hlg" else ColorTrc.SMPTE2084
    with av.open(str(path), "w", format="mp4") as out:
        vs = out.add_stream("libx265", rate=30)
        vs.width, vs.height, vs.pix_fmt = w, h, "yuv420p10le"
        ctx = vs.codec_context
        ctx.color_primaries, ctx.color_trc = ColorPrimaries.BT2020, trc
        ctx.colorspace, ctx.color_range = Colorspace.BT2020, ColorRange.MPEG
        ctx.options = {"preset": "ultrafast", "x265-params": "log-level=error:lossless=1"}
        y = np.empty((h, w), np.uint16)
        y[:, : w // 2] = code10(left)
        y[:, w // 2 :] = code10(right)
        chroma = np.full((h // 2, w // 2), 512, np.uint16)
        for i in range(10):
            frame = av.VideoFrame(w, h, "yuv420p10le")
            for plane, data in zip(frame.planes, (y, chroma, chroma)):
                row = plane.line_size // 2
                padded = np.zeros((data.shape[0], row), np.uint16)
                padded[:, : data.shape[1]] = data
                plane.update(padded.tobytes())
            frame.pts = i
            frame.color_trc, frame.color_primaries = trc, ColorPrimaries.BT2020
            frame.colorspace, frame.color_range = Colorspace.BT2020, ColorRange.MPEG
            out.mux(vs.encode(frame))
        out.mux(vs.encode(None))
    return path


def cut_short(src: Path, dst: Path, keep: float) -> Path:
    """Copy the first ``keep`` share of ``src``'s bytes: a download that stopped part way."""
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * keep)])
    return dst


def marker_centre(rgb: np.ndarray) -> tuple[float, float]:
    """(y, x) of the red marker as a share of the picture's height and width."""
    red = (rgb[:, :, 0] > 180) & (rgb[:, :, 1] < 90) & (rgb[:, :, 2] < 90)
    ys, xs = np.nonzero(red)
    assert len(ys), "no marker in the picture"
    return float(ys.mean() / rgb.shape[0]), float(xs.mean() / rgb.shape[1])


def frame_at_time(path: Path, seconds: float) -> av.VideoFrame:
    """The decoded frame of ``path`` shown at ``seconds`` (no rotation applied)."""
    with av.open(str(path)) as c:
        shown = None
        for frame in c.decode(video=0):
            if shown is not None and frame.time > seconds + 1e-6:
                break
            shown = frame
        return shown


def audio_samples(path: Path) -> np.ndarray:
    """All decoded audio of ``path`` as float (channels, n)."""
    with av.open(str(path)) as c:
        return np.concatenate([f.to_ndarray() for f in c.decode(audio=0)], axis=1)
