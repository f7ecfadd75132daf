"""Shared test setup.

With STUDIO_NO_QT=1 the Qt packages are made unimportable, exactly as on a machine where
PySide6 is not installed, and the UI tier is skipped: the headless tier must pass so.
"""

from __future__ import annotations

import importlib.abc
import os
import sys

import pytest

_QT_PACKAGES = ("PySide6", "shiboken6", "qasync", "pytestqt")


class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in _QT_PACKAGES:
            raise ImportError(f"{name} is blocked: this run checks the headless tier without Qt")
        return None


if os.environ.get("STUDIO_NO_QT") == "1":
    sys.meta_path.insert(0, _NoQt())
    collect_ignore = ["ui"]


def pytest_collection_modifyitems(config, items):
    if os.environ.get("STUDIO_LIVE_TESTS") == "1":
        return
    skip_live = pytest.mark.skip(reason="live provider test: set STUDIO_LIVE_TESTS=1 and a key to run")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def studio_home(tmp_path, monkeypatch):
    """A fresh data folder, also exported as STUDIO_HOME for subprocesses."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("STUDIO_HOME", str(home))
    for name in ("REPLICATE_API_TOKEN", "STUDIO_REPLICATE_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(scope="session")
def face_photo():
    """A photo of a real face: the astronaut portrait scikit-image ships (NASA, public domain)."""
    import importlib.util
    from pathlib import Path

    from studio.services.media import load_image

    spec = importlib.util.find_spec("skimage")
    assert spec is not None and spec.submodule_search_locations, "scikit-image is a test dependency"
    return load_image(Path(spec.submodule_search_locations[0]) / "data" / "astronaut.png")


@pytest.fixture(scope="session")
def portrait_selfie(face_photo):
    """A 9:16 phone portrait (512x910): the face in its upper half, a soft gradient below."""
    import numpy as np

    canvas = np.empty((910, 512, 3), np.uint8)
    canvas[:] = np.linspace(80, 170, 910, dtype=np.uint8)[:, None, None]
    canvas[200:712] = face_photo
    return canvas


@pytest.fixture
def iphone_heic():
    """Save pixels the way an iPhone does: HEIC, stored sideways, turned upright by its tags."""
    from PIL import Image

    def save(pixels, path):
        import pillow_heif

        pillow_heif.register_heif_opener()
        exif = Image.Exif()
        exif[0x0112] = 6
        Image.fromarray(pixels).transpose(Image.Transpose.ROTATE_90).save(path, exif=exif.tobytes(), quality=92)
        return path

    return save
