"""A dropped photo, downscaled and re-encoded as a JPEG data URL for vision input."""

from __future__ import annotations

import base64
import io
from pathlib import Path

from PIL import Image

from studio.services.media.images import load_image

# Vision models tile images at about 512-768 px; more only costs upload time and tokens.
MAX_SIDE = 1024


def image_data_url(path: Path | str, max_side: int = MAX_SIDE) -> str:
    """``data:image/jpeg;base64,...`` of the image at ``path``, upright and at most ``max_side`` px.

    Decoded by the studio's one image loader, so a HEIC/AVIF selfie, a 16-bit PNG or a
    cut-out with transparency reads as it does everywhere else; raises MediaError otherwise.
    """
    image = Image.fromarray(load_image(Path(path)))
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
