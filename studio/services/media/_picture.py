"""Decoded frames as the person should see them: upright, SDR, BT.709.

Phones store portrait video sideways with a display rotation; iPhones record HDR
in HLG and some providers deliver PQ. Every path that shows or re-encodes a
picture (conform, thumbnails, frame grabs, last frames for continuity) goes
through :class:`Picture`, so they all agree.

HDR is converted in display light: the signal is linearised (HLG with its system
gamma for a 1000-nit display, PQ as absolute nits), scaled so HDR reference
white (203 nits, ITU-R BT.2408) is SDR white, moved from BT.2020 to BT.709
primaries, and highlights above a knee roll off smoothly instead of clipping.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor

import av
import cv2
import numpy as np
from av.video.reformatter import ColorRange, Colorspace

from .encode import PIX_FMT, i420_planes, rgb_to_yuv
from .probe import HDR_TRANSFERS, VideoInfo, colour_tags, frame_rotation

REFERENCE_WHITE_NITS = 203.0
HLG_DISPLAY_PEAK_NITS = 1000.0
PQ_ASSUMED_PEAK_NITS = 1000.0
# Linear SDR level above which highlights are compressed rather than kept.
KNEE = 0.92
# BT.2020 to BT.709, linear RGB (ITU-R BT.2087).
_BT2020_TO_BT709 = np.array(
    [[1.6605, -0.5876, -0.0728], [-0.1246, 1.1329, -0.0083], [-0.0182, -0.1006, 1.1187]], dtype=np.float32
)
_BT2020_LUMA = np.array([0.2627, 0.6780, 0.0593], dtype=np.float32)
_CV_TURNS = {1: cv2.ROTATE_90_COUNTERCLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_CLOCKWISE}
_MATRIX_CODES = {"bt709": Colorspace.ITU709, "bt470bg": Colorspace.ITU601, "smpte170m": Colorspace.ITU601,
                 "bt2020nc": Colorspace.BT2020, "bt2020c": Colorspace.BT2020}  # fmt: skip
CODES = 1024  # HDR sources are 10-bit; their R'G'B' is looked up at that depth
# Rows per piece when a frame is converted in pieces on several threads.
_STRIP_ROWS = 64
_WORKERS = max(1, min(4, os.cpu_count() or 1))
_POOL = ThreadPoolExecutor(_WORKERS, thread_name_prefix="tonemap")


def _hlg_to_scene_linear(signal: np.ndarray) -> np.ndarray:
    a, b = 0.17883277, 0.28466892
    c = 0.55991073
    low = signal**2 / 3.0
    high = (np.exp((signal - c) / a) + b) / 12.0
    return np.where(signal <= 0.5, low, high)


def _pq_to_nits(signal: np.ndarray) -> np.ndarray:
    m1, m2 = 2610 / 16384, 2523 / 4096 * 128
    c1, c2, c3 = 3424 / 4096, 2413 / 4096 * 32, 2392 / 4096 * 32
    p = np.power(signal, 1 / m2)
    return 10000.0 * np.power(np.maximum(p - c1, 0) / (c2 - c3 * p), 1 / m1)


def _linear_table(transfer: str) -> np.ndarray:
    """10-bit code value -> linear light (HLG: scene light 0-1; PQ: display light, 1 = 203 nits).

    1024 entries (4 KB) stay in the CPU cache, where a 16-bit table did not: the
    lookup is the largest single cost of the conversion.
    """
    signal = np.arange(CODES, dtype=np.float64) / (CODES - 1)
    if transfer == "hlg":
        return _hlg_to_scene_linear(signal).astype(np.float32)
    return (_pq_to_nits(signal) / REFERENCE_WHITE_NITS).astype(np.float32)


_TABLES: dict[str, np.ndarray] = {}


def _table(transfer: str) -> np.ndarray:
    if transfer not in _TABLES:
        _TABLES[transfer] = _linear_table(transfer)
    return _TABLES[transfer]


def _rolloff(peak: float) -> float:
    """Steepness ``a`` of the highlight curve ``h * ln(1 + a*x) / ln(1 + a*span)``.

    Chosen so the curve leaves the knee at slope 1 (no visible kink) and lands
    ``peak`` (in SDR white units) exactly on SDR white.
    """
    headroom, span = 1.0 - KNEE, max(peak - KNEE, 1e-3)
    a = 1.0 / headroom
    for _ in range(100):
        a = math.log1p(a * span) / headroom
    return a


def tone_map(codes: np.ndarray, transfer: str) -> np.ndarray:
    """HLG or PQ full-range 10-bit R'G'B' (BT.2020, values 0-1023) -> SDR BT.709 R'G'B' bytes.

    Reference white (203 nits) lands at SDR white less the knee's rolloff
    (linear 0.95, signal 0.98); everything below the knee is kept exactly, and
    highlights up to the peak keep some gradation instead of clipping. Large
    frames are converted in strips on a few threads (NumPy and OpenCV release the GIL).
    """
    rows = codes.shape[0]
    if rows < 2 * _STRIP_ROWS or _WORKERS < 2:
        return _tone_map_strip(codes, transfer)
    out = np.empty(codes.shape, dtype=np.uint8)
    step = -(-rows // _WORKERS)
    bounds = [(r, min(rows, r + step)) for r in range(0, rows, step)]

    def work(lo: int, hi: int) -> None:
        out[lo:hi] = _tone_map_strip(codes[lo:hi], transfer)

    for job in [_POOL.submit(work, lo, hi) for lo, hi in bounds]:
        job.result()
    return out


def _tone_map_strip(codes: np.ndarray, transfer: str) -> np.ndarray:
    light = _table(transfer)[codes]
    if transfer == "hlg":
        luma = cv2.transform(light, _BT2020_LUMA[None, :])
        gain = cv2.pow(np.maximum(luma, 1e-6), 0.2) * np.float32(HLG_DISPLAY_PEAK_NITS / REFERENCE_WHITE_NITS)
        light *= gain[:, :, None]
        peak = HLG_DISPLAY_PEAK_NITS / REFERENCE_WHITE_NITS
    else:
        peak = PQ_ASSUMED_PEAK_NITS / REFERENCE_WHITE_NITS
    light = cv2.transform(light, _BT2020_TO_BT709)
    np.maximum(light, 0, out=light)
    # The curve acts on the brightest channel and scales all three alike, keeping hue.
    r, g, b = cv2.split(light)
    brightest = cv2.max(cv2.max(r, g), b)
    excess = np.maximum(brightest - np.float32(KNEE), 0)
    a = _rolloff(peak)
    scale = np.float32((1.0 - KNEE) / math.log1p(a * (peak - KNEE)))
    squeezed = brightest - excess + cv2.log(excess * np.float32(a) + np.float32(1)) * scale
    light *= (squeezed / np.maximum(brightest, 1e-6))[:, :, None]
    np.minimum(light, 1.0, out=light)
    # BT.709 signal for a BT.1886 (gamma 2.4) display; convertScaleAbs rounds and saturates.
    return cv2.convertScaleAbs(cv2.pow(light, 1 / 2.4), alpha=255.0)


class Picture:
    """Turns one clip's decoded frames into upright SDR BT.709 pictures."""

    def __init__(self, rotation: int, transfer: str, matrix: str, color_range: str, pix_fmt: str | None) -> None:
        self.turns = (rotation // 90) % 4
        self.hdr = HDR_TRANSFERS.get(transfer)
        # Untagged video is BT.709, whatever swscale would assume (BT.601).
        self.matrix = _MATRIX_CODES.get(matrix, Colorspace.BT2020 if self.hdr else Colorspace.ITU709)
        self.full_range = color_range == "pc" or (pix_fmt or "").startswith("yuvj")
        # Only YUV already in BT.709 goes straight to the encoder; RGB-coded video and other
        # matrices go through RGB so the BT.709 conversion is explicit.
        yuv = (pix_fmt or "yuv").startswith(("yuv", "nv", "p0"))
        self.needs_rgb = bool(self.hdr) or self.matrix != Colorspace.ITU709 or not yuv

    @classmethod
    def of_video(cls, video: VideoInfo) -> Picture:
        """For every frame of a probed clip."""
        return cls(video.rotation, video.transfer, video.matrix, video.color_range, video.pix_fmt)

    @classmethod
    def of_frame(cls, stream, frame: av.VideoFrame) -> Picture:
        """From an open stream and one decoded frame, without a probe (cheap enough per grab)."""
        tags = colour_tags(stream.codec_context)
        return cls(frame_rotation(frame), tags["transfer"], tags["matrix"], tags["color_range"], frame.format.name)

    def _stored_size(self, width: int, height: int) -> tuple[int, int]:
        return (height, width) if self.turns % 2 else (width, height)

    def _source_range(self) -> ColorRange:
        return ColorRange.JPEG if self.full_range else ColorRange.MPEG

    def rgb(self, frame: av.VideoFrame, width: int | None = None, height: int | None = None) -> np.ndarray:
        """The frame upright as RGB bytes, at ``width`` x ``height`` as shown (default: full size)."""
        w, h = self._stored_size(width, height) if width and height else (frame.width, frame.height)
        if self.hdr:
            codes = frame.reformat(
                width=w, height=h, format="gbrp10le", src_colorspace=self.matrix,
                src_color_range=self._source_range(), dst_color_range=ColorRange.JPEG, interpolation="BICUBIC",
            ).to_ndarray()  # fmt: skip
            rgb = tone_map(codes, self.hdr)
        else:
            rgb = frame.reformat(
                width=w, height=h, format="rgb24", src_colorspace=self.matrix,
                src_color_range=self._source_range(), dst_color_range=ColorRange.JPEG, interpolation="BICUBIC",
            ).to_ndarray()  # fmt: skip
        return cv2.rotate(rgb, _CV_TURNS[self.turns]) if self.turns else rgb

    def yuv(self, frame: av.VideoFrame, width: int, height: int) -> av.VideoFrame:
        """The frame upright as BT.709 video-range yuv420p, scaled to ``width`` x ``height``."""
        if self.needs_rgb:
            return rgb_to_yuv(self.rgb(frame, width, height))
        w, h = self._stored_size(width, height)
        if frame.width == w and frame.height == h and frame.format.name == PIX_FMT and not self.full_range:
            scaled = frame
        else:
            scaled = frame.reformat(
                width=w, height=h, format=PIX_FMT, interpolation="BICUBIC",
                src_color_range=self._source_range(), dst_color_range=ColorRange.MPEG,
            )  # fmt: skip
        if not self.turns:
            return scaled
        return av.VideoFrame.from_ndarray(rotate_i420(scaled.to_ndarray(), w, h, self.turns), format=PIX_FMT)


def rotate_i420(buffer: np.ndarray, w: int, h: int, turns: int) -> np.ndarray:
    """Turn a yuv420p picture ``turns`` quarter turns counter-clockwise, plane by plane."""
    y, u, v = i420_planes(buffer, w, h)
    ow, oh = (h, w) if turns % 2 else (w, h)
    out = np.empty((oh * 3 // 2, ow), dtype=np.uint8)
    oy, ou, ov = i420_planes(out, ow, oh)
    oy[:] = np.rot90(y, turns)
    ou[:] = np.rot90(u, turns)
    ov[:] = np.rot90(v, turns)
    return out
