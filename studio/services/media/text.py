"""Text on frames in any script: Pillow/FreeType with a bundled open font, and system fallbacks.

The bundled DejaVu Sans (``studio/resources/fonts``, with its licence) covers Latin, Cyrillic
and Greek, Turkish ``ı`` included. For a script it lacks (Japanese, Chinese, Korean, Arabic,
Hindi …) a font installed on the system is chosen by checking, character by character, that
it really has the glyphs: fontconfig's ``fc-list :charset=…`` where it exists, then the usual
places macOS and Windows keep such fonts. Lines are wrapped by their rendered width.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont, features

BUNDLED_FONT = "DejaVuSans.ttf"

# Fonts with wide coverage kept in well-known places, tried when fontconfig is absent
# (macOS, Windows) or finds nothing.
_COMMON_FONTS = (
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
    "/System/Library/Fonts/AppleSDGothicNeo.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/YuGothM.ttc",
    "C:/Windows/Fonts/msgothic.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/malgun.ttf",
    "C:/Windows/Fonts/Nirmala.ttf",
    "C:/Windows/Fonts/segoeui.ttf",
    "C:/Windows/Fonts/arialuni.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
)
# A private-use code point no font draws: what a missing glyph looks like in a given font.
_NEVER_DRAWN = "\U0010fffd"


def _layout() -> int:
    # Raqm shapes Arabic and Indic scripts and orders right-to-left text; basic layout draws
    # Latin, Cyrillic, Greek and CJK correctly without it.
    return ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC


def bundled_font_path() -> Path:
    """The bundled DejaVu Sans file."""
    return Path(str(resources.files("studio.resources").joinpath("fonts", BUNDLED_FONT)))


@functools.lru_cache(maxsize=64)
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """``path`` at ``size`` pixels (cached: a title card asks for the same few sizes)."""
    return ImageFont.truetype(path, size, layout_engine=_layout())


@functools.lru_cache(maxsize=4096)
def _covers(path: str, char: str) -> bool:
    """Whether the font at ``path`` has a real glyph for ``char`` (not the missing-glyph box)."""
    if char.isspace() or not char.isprintable():
        return True
    font = load_font(path, 24)
    try:
        drawn = font.getmask(char, mode="L")
        missing = font.getmask(_NEVER_DRAWN, mode="L")
    except (OSError, ValueError):
        return False
    if drawn.size != missing.size:
        return True
    return bytes(drawn) != bytes(missing)


def covers(path: Path | str, text: str) -> bool:
    """True when the font at ``path`` draws every character of ``text``."""
    return all(_covers(str(path), c) for c in set(text))


@functools.lru_cache(maxsize=256)
def _fontconfig_fonts(char: str) -> tuple[str, ...]:
    """Font files fontconfig says contain ``char`` (empty without fontconfig)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:
        result = subprocess.run(
            [fc_list, f":charset={ord(char):x}", "file"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    files = [line.split(":")[0].strip() for line in result.stdout.splitlines() if line.strip()]
    # Regular faces first: a bold or italic title card would look accidental.
    return tuple(sorted(files, key=lambda f: (any(w in f.lower() for w in ("bold", "italic", "oblique", "light")), f)))


def font_paths(text: str) -> list[str]:
    """The fonts ``text`` needs: the bundled one, then one system font per script it lacks.

    Each character the fonts so far cannot draw picks the first font that can (fontconfig's
    answer, then :data:`_COMMON_FONTS`); a character no font has is drawn by the bundled one.
    """
    paths = [str(bundled_font_path())]
    for char in sorted(set(text)):
        if any(_covers(p, char) for p in paths):
            continue
        for candidate in (*_fontconfig_fonts(char), *(f for f in _COMMON_FONTS if Path(f).exists())):
            if candidate in paths:
                continue
            try:
                if _covers(candidate, char):
                    paths.append(candidate)
                    break
            except OSError:
                continue
    return paths


class FontStack:
    """Fonts for one text at one size: each character is drawn by the first that has it,
    so Latin words inside a Japanese prompt keep the bundled font, and all share one baseline."""

    def __init__(self, paths: list[str], size: int) -> None:
        self.paths = list(paths)
        self.fonts = [load_font(p, size) for p in self.paths]
        self.ascent = max(f.getmetrics()[0] for f in self.fonts)
        self.descent = max(f.getmetrics()[1] for f in self.fonts)

    @classmethod
    def for_text(cls, text: str, size: int) -> "FontStack":
        return cls(font_paths(text), size)

    def runs(self, text: str) -> list[tuple[ImageFont.FreeTypeFont, str]]:
        """``text`` cut into pieces that each one font draws."""
        runs: list[tuple[int, str]] = []
        for char in text:
            index = next((i for i, p in enumerate(self.paths) if _covers(p, char)), 0)
            if runs and (runs[-1][0] == index or char.isspace()):
                runs[-1] = (runs[-1][0], runs[-1][1] + char)
            else:
                runs.append((index, char))
        return [(self.fonts[i], piece) for i, piece in runs]

    def length(self, text: str) -> float:
        """The rendered width of one line in pixels."""
        return sum(font.getlength(piece) for font, piece in self.runs(text))

    def mask(self, text: str, stroke: int = 0) -> tuple[np.ndarray, tuple[int, int]]:
        """An anti-aliased ``uint8`` coverage mask of one line, and where its top-left sits
        relative to the line's pen position (left edge, top of the ascent)."""
        pad = stroke + 2
        width = int(self.length(text)) + 2 * pad + 2
        height = self.ascent + self.descent + 2 * pad
        canvas = Image.new("L", (max(1, width), max(1, height)), 0)
        draw = ImageDraw.Draw(canvas)
        x = float(pad)
        for font, piece in self.runs(text):
            draw.text((x, pad + self.ascent), piece, font=font, fill=255, anchor="ls", stroke_width=stroke, stroke_fill=255)
            x += font.getlength(piece)
        mask = np.asarray(canvas)
        rows, cols = np.nonzero(mask)
        if rows.size == 0:
            return np.zeros((1, 1), np.uint8), (0, 0)
        top, bottom, left, right = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
        return np.ascontiguousarray(mask[top:bottom, left:right]), (int(left) - pad, int(top) - pad)


def wrap(text: str, font: "FontStack | ImageFont.FreeTypeFont", max_width: int) -> list[str]:
    """``text`` in lines no wider than ``max_width`` pixels, broken at spaces where it has them.

    Scripts written without spaces (Japanese, Chinese, Thai) break between characters; a word
    wider than the line is broken too, rather than running off the card.
    """
    measure = font.length if isinstance(font, FontStack) else font.getlength
    lines: list[str] = []
    for paragraph in text.splitlines():
        current = ""
        for token, sep in _tokens(paragraph):
            trial = f"{current}{sep}{token}" if current else token
            if measure(trial) <= max_width:
                current = trial
                continue
            if current:
                lines.append(current)
                current = ""
            for char in token:
                if current and measure(current + char) > max_width:
                    lines.append(current)
                    current = ""
                current += char
        if current:
            lines.append(current)
    return lines


def _tokens(paragraph: str) -> list[tuple[str, str]]:
    """Unbreakable pieces of a paragraph, each with the separator that goes before it."""
    tokens: list[tuple[str, str]] = []
    for word in paragraph.split():
        sep, piece = " ", ""
        for char in word:
            if _unspaced(char):
                if piece:
                    tokens.append((piece, sep))
                    piece, sep = "", ""
                tokens.append((char, sep))
                sep = ""
            else:
                piece += char
        if piece:
            tokens.append((piece, sep))
    return tokens


def _unspaced(char: str) -> bool:
    # Thai, CJK (Han, kana, their punctuation) and Hangul syllables may break between any two characters.
    code = ord(char)
    return 0x0E00 <= code <= 0x0E7F or 0x3000 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xFF00 <= code <= 0xFFEF


def draw_text(image: np.ndarray, text: str, stack: FontStack, xy: tuple[int, int], colour: tuple[int, int, int]) -> None:
    """Blend one line of ``text`` into an RGB ``image`` in place; ``xy`` is the line's top-left."""
    mask, (left, top) = stack.mask(text)
    x0, y0 = xy[0] + left, xy[1] + top
    h, w = image.shape[:2]
    x1, y1 = min(w, x0 + mask.shape[1]), min(h, y0 + mask.shape[0])
    cx0, cy0 = max(0, x0), max(0, y0)
    if x1 <= cx0 or y1 <= cy0:
        return
    alpha = mask[cy0 - y0 : y1 - y0, cx0 - x0 : x1 - x0].astype(np.float32)[..., None] / 255.0
    region = image[cy0:y1, cx0:x1].astype(np.float32)
    image[cy0:y1, cx0:x1] = (region * (1 - alpha) + np.asarray(colour, np.float32) * alpha + 0.5).astype(np.uint8)
