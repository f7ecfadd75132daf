"""The assistant's view of a selfie comes from the one image loader: HEIC, upright, no black cut-out."""

from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image

from studio.services.assistant.vision import image_data_url


def _decoded(url: str) -> np.ndarray:
    assert url.startswith("data:image/jpeg;base64,")
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGB"))


def test_an_iphone_heic_is_sent_upright_and_small(tmp_path, portrait_selfie, iphone_heic):
    selfie = iphone_heic(portrait_selfie, tmp_path / "IMG_0007.HEIC")
    seen = _decoded(image_data_url(selfie, max_side=455))
    assert seen.shape == (455, 256, 3)  # portrait, as she is shown, not as it is stored
    top, bottom = seen[:40].mean(), seen[-40:].mean()
    assert abs(top - portrait_selfie[:80].mean()) < 12 and abs(bottom - portrait_selfie[-80:].mean()) < 12


def test_a_transparent_cutout_is_seen_on_white(tmp_path):
    rgba = np.zeros((64, 64, 4), np.uint8)
    rgba[16:48, 16:48] = (200, 30, 30, 255)
    Image.fromarray(rgba).save(tmp_path / "cutout.png")
    seen = _decoded(image_data_url(tmp_path / "cutout.png"))
    assert seen[2, 2].min() > 240 and seen[32, 32, 0] > 170
