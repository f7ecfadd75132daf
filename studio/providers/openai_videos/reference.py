"""The first frame as OpenAI demands it: exactly the requested ``size``, JPEG, PNG or WebP.

The Videos API rejects an ``input_reference`` of any other size ("Inpaint image must match
the requested width and height"), so the image is fitted here with Pillow: EXIF orientation
applied, then cropped to fill (``crop``, the default) or letterboxed (``pad``) and scaled.
An image that already has the exact size and an accepted format is sent byte for byte.
Blocking work: call it through ``asyncio.to_thread``.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from studio.core.errors import InvalidRequest, MediaError

FIT_MODES = ("crop", "pad")
_SENDABLE = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
_ORIENTATION_TAG = 0x0112


def fit_reference(path: str | Path, size: tuple[int, int], mode: str = "crop") -> tuple[bytes, str, str]:
    """Return (bytes, MIME type, file name) of the image at ``path`` fitted to ``size`` (w, h)."""
    if mode not in FIT_MODES:
        raise InvalidRequest(f"The image fit must be {' or '.join(FIT_MODES)}, not {mode!r}.", field="image_fit")
    path = Path(path)
    try:
        raw = path.read_bytes()
        with Image.open(io.BytesIO(raw)) as opened:
            source_format = opened.format or ""
            rotated = opened.getexif().get(_ORIENTATION_TAG, 1) not in (1, None)
            if opened.size == tuple(size) and source_format in _SENDABLE and not rotated:
                return raw, _SENDABLE[source_format], path.name
            image = ImageOps.exif_transpose(opened)
            image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise MediaError(f"Cannot read the image {path.name}: {exc}.") from None
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if has_alpha and mode == "crop" else "RGB")
    if mode == "crop":
        fitted = ImageOps.fit(image, size, method=Image.Resampling.LANCZOS)
    else:
        fitted = ImageOps.pad(image, size, method=Image.Resampling.LANCZOS, color=(0, 0, 0))
    out = io.BytesIO()
    stem = path.stem or "first-frame"
    if source_format == "JPEG" and fitted.mode == "RGB":
        fitted.save(out, format="JPEG", quality=95, subsampling=0)
        return out.getvalue(), "image/jpeg", f"{stem}-{size[0]}x{size[1]}.jpg"
    fitted.save(out, format="PNG", optimize=False)
    return out.getvalue(), "image/png", f"{stem}-{size[0]}x{size[1]}.png"
