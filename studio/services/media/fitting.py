"""A frame image fitted to a model's exact size: decoded once, cropped around faces, written once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from .faces import choose_crop
from .images import Crop, fit_image, load_image, save_image


def fit_to_file(
    source: Path | str,
    size: tuple[int, int],
    mode: Literal["crop", "pad"],
    destination: Callable[[Crop | None], Path],
    stored: Crop | list[int] | None = None,
) -> tuple[Path, Crop | None]:
    """Fit ``source`` to ``size`` and write it to ``destination(crop)`` unless that file exists.

    In ``crop`` mode the crop is ``stored`` while it still has the size's shape, else one that
    keeps the faces in frame (:func:`~studio.services.media.faces.choose_crop`); ``pad``
    letterboxes and uses no crop. The destination is named from the crop, so a file already
    there holds the same pixels and is not written again. Returns ``(path, crop used)``.
    """
    image = load_image(source)
    crop = None if mode == "pad" else choose_crop(image, size, stored)
    path = Path(destination(crop))
    if not path.exists():
        save_image(fit_image(image, size[0], size[1], mode, crop), path)
    return path, crop
