"""Offline animatics: a Ken Burns move over a still, or a title card, with a soft tone.

These stand in for a generated shot while working offline, so they must be
quick and must never be mistaken for AI output (the title card says so).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path

import av
import cv2
import numpy as np

from studio.core.errors import Cancelled, InvalidRequest

from . import text
from .encode import SAMPLE_RATE, ClipWriter, i420_planes
from .faces import face_crop
from .images import fit_image, load_image

LABEL = "offline animatic, not AI"
# Start slightly zoomed so the pan has room from the first frame.
_ZOOM_START, _ZOOM_END = 1.04, 1.14


def _check(width: int, height: int, fps: float, duration: float) -> None:
    if width <= 0 or height <= 0 or width % 2 or height % 2:
        raise InvalidRequest(f"The size {width}x{height} must be positive even numbers.", field="size")
    if not fps or fps <= 0:
        raise InvalidRequest("The frame rate must be positive.", field="fps")
    if not duration or duration <= 0:
        raise InvalidRequest("The duration must be positive.", field="duration")


def tone_frequency(prompt: str) -> float:
    """A pleasant pitch chosen by the prompt, so different shots sound different."""
    step = int.from_bytes(hashlib.sha1(prompt.encode("utf-8")).digest()[:4], "big") % 12
    return 220.0 * 2 ** (step / 12)


def animatic_audio(duration: float, prompt: str, tone: bool = True) -> np.ndarray:
    """Exactly ``round(duration * 48000)`` stereo samples: a soft faded tone, or silence."""
    count = round(duration * SAMPLE_RATE)
    if not tone:
        return np.zeros((2, count), dtype=np.float32)
    t = np.arange(count, dtype=np.float64) / SAMPLE_RATE
    freq = tone_frequency(prompt)
    wave = 0.08 * np.sin(2 * np.pi * freq * t) + 0.02 * np.sin(2 * np.pi * 2 * freq * t)
    fade = min(0.5, duration / 4)
    ramp = np.clip(np.minimum(t, duration - t) / fade, 0.0, 1.0) if fade > 0 else 1.0
    mono = (wave * ramp).astype(np.float32)
    return np.stack([mono, mono])


def title_card(width: int, height: int, prompt: str) -> np.ndarray:
    """The RGB still used when there is no image: gradient, wrapped prompt, corner label.

    The prompt is drawn in whatever script it is written in (see :mod:`.text`), wrapped by its
    rendered width, and cut with an ellipsis when it would fill more than 70% of the card.
    """
    ys = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    top = np.array([34, 38, 58], dtype=np.float32)
    bottom = np.array([10, 10, 16], dtype=np.float32)
    card = np.broadcast_to(top * (1 - ys) + bottom * ys, (height, width, 3)).astype(np.uint8)
    card = np.ascontiguousarray(card)

    unit = min(width, height) / 720
    words = " ".join(prompt.split()) or "(no prompt)"
    stack = text.FontStack.for_text(words, max(10, round(38 * unit)))
    lines = text.wrap(words, stack, int(width * 0.84))
    line_h = max(1, round((stack.ascent + stack.descent) * 1.25))
    max_lines = max(1, int(height * 0.7) // line_h)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and stack.length(last + "…") > width * 0.84:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    y = (height - line_h * len(lines)) // 2 + (line_h - stack.ascent - stack.descent) // 2
    for line in lines:
        x = round((width - stack.length(line)) / 2)
        text.draw_text(card, line, stack, (x, y), (235, 235, 240))
        y += line_h

    small = _label_font(width, height)
    margin = max(6, int(16 * unit))
    x = round(width - small.length(LABEL) - margin)
    text.draw_text(card, LABEL, small, (x, height - margin - small.ascent - small.descent), (150, 150, 165))
    return card


def _label_font(width: int, height: int) -> text.FontStack:
    unit = min(width, height) / 720
    return text.FontStack([str(text.bundled_font_path())], max(9, round(17 * unit)))


def _i420(rgb: np.ndarray) -> np.ndarray:
    """RGB to one (h*3/2, w) yuv420p buffer, the layout VideoFrame.from_ndarray takes."""
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2YUV_I420)


class _KenBurns:
    """Slow zoom-in with a diagonal drift, warped per plane in YUV to skip colour conversion."""

    def __init__(self, rgb: np.ndarray, frames: int) -> None:
        self.h, self.w = rgb.shape[:2]
        self.planes = i420_planes(_i420(rgb), self.w, self.h)
        self.frames = max(frames, 1)
        self._label = _label_masks(self.w, self.h)

    def frame(self, index: int) -> np.ndarray:
        p = index / max(self.frames - 1, 1)
        ease = p * p * (3 - 2 * p)  # smoothstep: starts and ends gently
        zoom = _ZOOM_START + (_ZOOM_END - _ZOOM_START) * ease
        # The visible window's centre may move within the slack the zoom creates.
        slack_x = self.w / 2 * (1 - 1 / zoom)
        slack_y = self.h / 2 * (1 - 1 / zoom)
        cx = self.w / 2 + slack_x * (2 * ease - 1) * 0.9
        cy = self.h / 2 + slack_y * (1 - 2 * ease) * 0.6
        out = np.empty((self.h * 3 // 2, self.w), dtype=np.uint8)
        for plane, dst, div in zip(self.planes, i420_planes(out, self.w, self.h), (1, 2, 2)):
            ph, pw = plane.shape
            matrix = np.array(
                [[zoom, 0, pw / 2 - zoom * cx / div], [0, zoom, ph / 2 - zoom * cy / div]], dtype=np.float64
            )
            cv2.warpAffine(plane, matrix, (pw, ph), dst=dst, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        # Every frame says what it is: the label goes on the luma plane, outlined to read on any image.
        (y0, x0), outline, text = self._label
        luma = out[y0 : y0 + outline.shape[0], x0 : x0 + outline.shape[1]]
        luma[outline] = 24
        luma[text] = 232
        return out


def _label_masks(width: int, height: int) -> tuple[tuple[int, int], np.ndarray, np.ndarray]:
    """Where the corner label goes, and its outline and text masks (drawn once per clip)."""
    font = _label_font(width, height)
    stroke = max(1, round(min(width, height) / 720 * 1.5))
    outline, (left, top) = font.mask(LABEL, stroke=stroke)
    plain, (plain_left, plain_top) = font.mask(LABEL)
    # The plain text sits inside the outlined box, offset by the stroke.
    inner = np.zeros_like(outline)
    oy, ox = plain_top - top, plain_left - left
    inner[oy : oy + plain.shape[0], ox : ox + plain.shape[1]] = plain[: outline.shape[0] - oy, : outline.shape[1] - ox]
    margin = max(6, int(16 * min(width, height) / 720))
    x0 = max(0, width - outline.shape[1] - margin)
    y0 = max(0, min(height - outline.shape[0], height - margin - outline.shape[0]))
    return (y0, x0), outline > 96, inner > 128


def render_animatic(
    out: Path,
    *,
    width: int,
    height: int,
    fps: float,
    duration: float,
    prompt: str,
    image: Path | None = None,
    tone: bool = True,
    quality: str = "standard",
    progress: Callable[[float], None] | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """Write an offline stand-in clip to ``out`` (MP4, H.264 + AAC).

    With ``image``: a slow Ken Burns pan and zoom over it, cropped to cover the frame around
    the faces in it.
    Without: a title card with the prompt. Audio is a soft tone picked from the
    prompt, or silence when ``tone`` is False. The clip has exactly
    ``round(duration * fps)`` frames and ``round(duration * 48000)`` samples.
    Raises :class:`Cancelled` (leaving no file) when ``cancel`` is set.
    """
    _check(width, height, fps, duration)
    frames = round(duration * fps)
    if image is not None:
        source = load_image(image)
        crop = face_crop(source, (width, height)) if source.shape[:2] != (height, width) else None
        motion = _KenBurns(fit_image(source, width, height, "crop", crop), frames)
        make = motion.frame
    else:
        still = _i420(title_card(width, height, prompt))

        def make(_index: int) -> np.ndarray:
            return still

    audio = animatic_audio(duration, prompt, tone)
    per_frame = audio.shape[1] / max(frames, 1)
    with ClipWriter(out, width, height, fps, quality=quality, audio=True) as writer:
        written = 0
        for index in range(frames):
            if cancel is not None and cancel.is_set():
                raise Cancelled("The animatic was cancelled.")
            # Interleave audio with video so the muxer never buffers the whole clip.
            upto = round((index + 1) * per_frame)
            writer.write_audio(audio[:, written:upto])
            written = upto
            writer.write_frame(av.VideoFrame.from_ndarray(make(index), format="yuv420p"))
            if progress is not None:
                progress((index + 1) / frames)
        writer.write_audio(audio[:, written:])
