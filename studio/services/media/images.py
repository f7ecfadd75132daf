"""Still images: one decoder (Pillow, with pillow-heif for HEIC/HEIF) for every input.

Phones hand over HEIC (the iPhone default), AVIF, JPEG and WebP with an EXIF orientation,
16-bit PNGs and APNGs, and cut-outs with transparency. :func:`load_image` turns each of them
into the same thing: an upright, 8-bit, sRGB, opaque RGB array of shape (height, width, 3),
the order Qt and PyAV expect. Transparent areas are flattened onto :data:`BACKGROUND`, so what
the fit preview shows is exactly what a provider receives.

Decoding goes through Pillow only (not OpenCV's imread), so libpng/libjpeg never print
warnings to the terminal and a damaged file is one :class:`MediaError`, not a ``None``.
"""

from __future__ import annotations

import io
import threading
import warnings
from pathlib import Path
from typing import Literal

import cv2
import numpy as np
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from studio.core.errors import MediaError

from ._files import atomic_path

IMAGE_SUFFIXES = frozenset(
    {".png", ".apng", ".jpg", ".jpeg", ".jpe", ".webp", ".bmp", ".gif", ".tif", ".tiff", ".heic", ".heif", ".hif", ".avif"}
)
"""File name suffixes the studio opens as images (content is still checked when decoding)."""

SAVE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".bmp"})
"""Suffixes :func:`save_image` writes; every video provider takes PNG and JPEG."""

BACKGROUND = (255, 255, 255)
"""The colour transparent pixels are flattened onto (white, as most apps export a cut-out)."""

_heif_lock = threading.Lock()
_heif_registered = False
_SRGB = None


def _register_heif() -> None:
    """Teach Pillow HEIC/HEIF (pillow-heif); AVIF is Pillow's own since 11.3."""
    global _heif_registered
    with _heif_lock:
        if _heif_registered:
            return
        try:
            from pillow_heif import register_heif_opener
        except ImportError:  # pragma: no cover - a declared dependency; an odd install still opens the rest
            _heif_registered = True
            return
        register_heif_opener()
        _heif_registered = True


def load_image(path: Path | str, *, background: tuple[int, int, int] = BACKGROUND) -> np.ndarray:
    """Read any image file as upright, opaque, 8-bit sRGB (an RGB ``uint8`` array).

    EXIF orientation is applied (JPEG, WebP, PNG, HEIC, AVIF), 16-bit samples are scaled
    rather than clipped, an animation gives its first frame, an embedded colour profile is
    converted to sRGB, and transparency is flattened onto ``background``.
    Raises :class:`MediaError` with one sentence unless the file really decodes.
    """
    path = Path(path)
    if not path.exists():
        raise MediaError(f"The image {path.name} does not exist.")
    if path.is_dir():
        raise MediaError(f"{path.name} is a folder, not an image.")
    if path.stat().st_size == 0:
        raise MediaError(f"The image {path.name} is empty.")
    _register_heif()
    unreadable = f"{path.name} is not a readable image (it may be damaged or another kind of file)."
    try:
        with warnings.catch_warnings():
            # Pillow warns (palette transparency, odd EXIF) where a damaged file should
            # either decode or fail; nothing of it belongs on the user's terminal.
            warnings.simplefilter("ignore")
            # Pillow refuses pictures over ~179 MP (twice Image.MAX_IMAGE_PIXELS) at open:
            # a decompression bomb, not a selfie (phones make 12-50 MP).
            with Image.open(path) as image:
                image.seek(0)
                image.load()
                upright = ImageOps.exif_transpose(image)
                return _to_rgb8(upright, background)
    except Image.DecompressionBombError:
        raise MediaError(f"{path.name} is too large to use as an image input.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise MediaError(unreadable, detail=f"{type(exc).__name__}: {exc}") from None


def _to_rgb8(image: Image.Image, background: tuple[int, int, int]) -> np.ndarray:
    """Any Pillow mode to an opaque RGB ``uint8`` array in sRGB."""
    icc = image.info.get("icc_profile")
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        grey = np.asarray(image)
        image = Image.fromarray(_to_8bit(grey, deep=mode != "F" and grey.dtype != np.uint8), "L")
        mode = "L"
    alpha = None
    if mode in ("RGBA", "LA", "La", "RGBa", "PA") or (mode in ("P", "L", "RGB") and "transparency" in image.info):
        rgba = image.convert("RGBA")
        alpha = np.asarray(rgba.getchannel("A"))
        image = rgba.convert("RGB")
    elif mode != "RGB":
        image = image.convert("RGB")
    if icc:
        image = _to_srgb(image, icc)
    rgb = np.asarray(image, dtype=np.uint8)
    if alpha is not None and alpha.min() < 255:
        weight = alpha.astype(np.float32)[..., None] / 255.0
        flat = rgb.astype(np.float32) * weight + np.asarray(background, np.float32) * (1.0 - weight)
        rgb = np.clip(flat + 0.5, 0, 255).astype(np.uint8)
    return np.ascontiguousarray(rgb)


def _to_8bit(samples: np.ndarray, *, deep: bool) -> np.ndarray:
    """16-bit (or float) grey samples scaled to 0-255, rounding, never clipping at 255."""
    if deep:
        return ((samples.astype(np.uint32) * 255 + 32767) // 65535).clip(0, 255).astype(np.uint8)
    values = samples.astype(np.float64)
    top = 1.0 if values.size and values.max() <= 1.0 else 255.0
    return np.clip(values / top * 255.0 + 0.5, 0, 255).astype(np.uint8)


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """Convert from an embedded profile (an iPhone's Display P3, say) to sRGB; keep it on failure."""
    global _SRGB
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if _SRGB is None:
            _SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
        if "srgb" in (ImageCms.getProfileDescription(source) or "").lower():
            return image
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB") or image
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image


def save_image(image: np.ndarray, path: Path | str, *, quality: int = 92) -> Path:
    """Write an RGB image as PNG, JPEG, WebP or BMP (by suffix), atomically; returns ``path``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SAVE_SUFFIXES:
        raise MediaError(f"Cannot save an image as {suffix or 'a file without a suffix'}; use .png or .jpg.")
    img = np.asarray(image)
    if img.dtype != np.uint8 or img.ndim not in (2, 3) or (img.ndim == 3 and img.shape[2] != 3):
        raise MediaError("An image must be height x width (x 3) bytes.")
    picture = Image.fromarray(np.ascontiguousarray(img), "RGB" if img.ndim == 3 else "L")
    options: dict = {}
    if suffix in (".jpg", ".jpeg"):
        options = {"format": "JPEG", "quality": quality, "subsampling": 0 if quality >= 90 else 2}
    elif suffix == ".png":
        options = {"format": "PNG", "compress_level": 3}  # fast; fitted frames are rewritten often
    elif suffix == ".webp":
        options = {"format": "WEBP", "quality": quality}
    else:
        options = {"format": "BMP"}
    with atomic_path(path) as tmp:
        try:
            picture.save(tmp, **options)
        except OSError as exc:
            raise MediaError(f"Could not write {path.name}.", detail=str(exc)) from None
    return path


Crop = tuple[int, int, int, int]
"""A rectangle of the source image in pixels: ``(x, y, width, height)``."""


def crop_size(source: tuple[int, int], target: tuple[int, int]) -> tuple[int, int]:
    """The largest ``(width, height)`` of ``target``'s shape that fits inside ``source``."""
    sw, sh = source
    tw, th = target
    if sw * th >= sh * tw:  # the source is wider than the target: full height
        return max(1, min(sw, round(sh * tw / th))), sh
    return sw, max(1, min(sh, round(sw * th / tw)))


def centre_crop(source: tuple[int, int], target: tuple[int, int]) -> Crop:
    """The crop a plain "cover" fit takes: the target's shape, centred."""
    cw, ch = crop_size(source, target)
    return (source[0] - cw) // 2, (source[1] - ch) // 2, cw, ch


def clamp_crop(crop: Crop, source: tuple[int, int], target: tuple[int, int]) -> Crop:
    """``crop`` with the target's shape kept inside ``source``; its centre stays where it can."""
    cw, ch = crop_size(source, target)
    x, y, w, h = crop
    cx, cy = x + w / 2, y + h / 2
    nx = int(round(min(max(cx - cw / 2, 0), source[0] - cw)))
    ny = int(round(min(max(cy - ch / 2, 0), source[1] - ch)))
    return nx, ny, cw, ch


def fit_image(
    image: np.ndarray,
    width: int,
    height: int,
    mode: Literal["crop", "pad"] = "crop",
    crop: Crop | None = None,
) -> np.ndarray:
    """Fit ``image`` to exactly ``width`` x ``height``.

    ``crop`` cuts the target's shape out (``crop`` if given, else the centre) and scales it;
    ``pad`` scales to fit inside and letterboxes with black. The aspect ratio is always kept.
    """
    if width <= 0 or height <= 0:
        raise MediaError(f"Cannot fit an image to {width}x{height}.")
    if mode not in ("crop", "pad"):
        raise MediaError(f"Unknown fit mode {mode!r}; use crop or pad.")
    h, w = image.shape[:2]
    if mode == "crop":
        x, y, cw, ch = clamp_crop(crop, (w, h), (width, height)) if crop else centre_crop((w, h), (width, height))
        piece = image[y : y + ch, x : x + cw]
        interp = cv2.INTER_AREA if cw > width else cv2.INTER_CUBIC
        return np.ascontiguousarray(cv2.resize(piece, (width, height), interpolation=interp))
    scale = min(width / w, height / h)
    sw, sh = min(width, max(1, round(w * scale))), min(height, max(1, round(h * scale)))
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    scaled = cv2.resize(image, (sw, sh), interpolation=interp)
    canvas = np.zeros((height, width) + image.shape[2:], dtype=image.dtype)
    x, y = (width - sw) // 2, (height - sh) // 2
    canvas[y : y + sh, x : x + sw] = scaled
    return canvas

