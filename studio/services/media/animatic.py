"""Offline animatics: a Ken Burns move over a still, or a title card, with a soft tone.

These stand in for a generated shot while working offline, so they must be
quick and must never be mistaken for AI output (the title card says so).
"""

from __future__ import annotations

import hashlib
import threading
import unicodedata
from collections.abc import Callable
from pathlib import Path

import av
import cv2
import numpy as np

from studio.core.errors import Cancelled, InvalidRequest

from .encode import SAMPLE_RATE, ClipWriter, i420_planes, rgb_to_yuv
from .frames import fit_image, load_image

LABEL = "offline animatic, not AI"
_FONT = cv2.FONT_HERSHEY_DUPLEX
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


def _ascii(text: str) -> str:
    # Hershey fonts only draw ASCII; fold accents rather than print question marks.
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(folded.split())


def _wrap(text: str, max_width: int, scale: float, thickness: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        trial = f"{current} {word}".strip()
        if cv2.getTextSize(trial, _FONT, scale, thickness)[0][0] <= max_width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def title_card(width: int, height: int, prompt: str) -> np.ndarray:
    """The RGB still used when there is no image: gradient, wrapped prompt, corner label."""
    ys = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    top = np.array([34, 38, 58], dtype=np.float32)
    bottom = np.array([10, 10, 16], dtype=np.float32)
    card = np.broadcast_to(top * (1 - ys) + bottom * ys, (height, width, 3)).astype(np.uint8)
    card = np.ascontiguousarray(card)

    unit = min(width, height) / 720
    scale, thickness = max(0.5, 1.3 * unit), max(1, round(2 * unit))
    text = _ascii(prompt) or "(no prompt)"
    lines = _wrap(text, int(width * 0.84), scale, thickness)
    line_h = int(cv2.getTextSize("Ag", _FONT, scale, thickness)[0][1] * 1.9)
    max_lines = max(1, int(height * 0.7) // max(line_h, 1))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(0, len(lines[-1]) - 3)] + "..."
    y = (height - line_h * len(lines)) // 2 + line_h // 2
    for line in lines:
        (tw, th), _ = cv2.getTextSize(line, _FONT, scale, thickness)
        cv2.putText(card, line, ((width - tw) // 2, y + th // 2), _FONT, scale, (235, 235, 240), thickness, cv2.LINE_AA)
        y += line_h

    small, small_t = max(0.35, 0.55 * unit), max(1, round(unit))
    (lw, lh), _ = cv2.getTextSize(LABEL, _FONT, small, small_t)
    margin = max(6, int(16 * unit))
    cv2.putText(
        card, LABEL, (width - lw - margin, height - margin), _FONT, small, (150, 150, 165), small_t, cv2.LINE_AA
    )
    return card


def _i420(rgb: np.ndarray) -> np.ndarray:
    """RGB to one (h*3/2, w) yuv420p buffer, the layout VideoFrame.from_ndarray takes (BT.709, as tagged)."""
    return rgb_to_yuv(rgb).to_ndarray()


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
    unit = min(width, height) / 720
    scale, thick = max(0.35, 0.55 * unit), max(1, round(unit))
    (lw, lh), base = cv2.getTextSize(LABEL, _FONT, scale, thick)
    pad = thick + 2
    margin = max(6, int(16 * unit))
    box_w, box_h = lw + 2 * pad, lh + base + 2 * pad
    outline = np.zeros((box_h, box_w), np.uint8)
    text = np.zeros_like(outline)
    origin = (pad, pad + lh)
    cv2.putText(outline, LABEL, origin, _FONT, scale, 255, thick + 2, cv2.LINE_AA)
    cv2.putText(text, LABEL, origin, _FONT, scale, 255, thick, cv2.LINE_AA)
    x0 = max(0, width - box_w - margin + pad)
    y0 = max(0, height - box_h - margin + pad + base)
    y0 = min(y0, height - box_h)
    return (y0, x0), outline > 96, text > 128


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

    With ``image``: a slow Ken Burns pan and zoom over it, fitted to cover the frame.
    Without: a title card with the prompt. Audio is a soft tone picked from the
    prompt; with ``tone`` False the clip has no sound track. The clip has exactly
    ``round(duration * fps)`` frames and ``round(duration * 48000)`` samples.
    Raises :class:`Cancelled` (leaving no file) when ``cancel`` is set.
    """
    _check(width, height, fps, duration)
    frames = round(duration * fps)
    if image is not None:
        motion = _KenBurns(fit_image(load_image(image), width, height, "crop"), frames)
        make = motion.frame
    else:
        still = _i420(title_card(width, height, prompt))

        def make(_index: int) -> np.ndarray:
            return still

    audio = animatic_audio(duration, prompt, tone)
    per_frame = audio.shape[1] / max(frames, 1)
    with ClipWriter(out, width, height, fps, quality=quality, audio=tone) as writer:
        written = 0
        for index in range(frames):
            if cancel is not None and cancel.is_set():
                raise Cancelled("The animatic was cancelled.")
            # Interleave audio with video so the muxer never buffers the whole clip.
            upto = round((index + 1) * per_frame)
            if writer.has_audio:
                writer.write_audio(audio[:, written:upto])
            written = upto
            writer.write_frame(av.VideoFrame.from_ndarray(make(index), format="yuv420p"))
            if progress is not None:
                progress((index + 1) / frames)
        if writer.has_audio:
            writer.write_audio(audio[:, written:])
