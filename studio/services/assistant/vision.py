"""A dropped photo, downscaled and re-encoded as a JPEG data URL for vision input."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from studio.core.errors import MediaError

# Vision models tile images at about 512-768 px; more only costs upload time and tokens.
MAX_SIDE = 1024


def image_data_url(path: Path | str, max_side: int = MAX_SIDE) -> str:
    """``data:image/jpeg;base64,...`` of the image at ``path``, upright (EXIF) and at most ``max_side`` px."""
    path = Path(path)
    try:
        with Image.open(path) as opened:
            image = ImageOps.exif_transpose(opened)
            image = image.convert("RGB")
    except FileNotFoundError:
        raise MediaError(f"The image {path.name} does not exist.") from None
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise MediaError(f"{path.name} is not an image Studio can read.", detail=str(exc)) from None
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
