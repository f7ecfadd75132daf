"""Fixtures for the media tests; the helpers live in media_testkit (importable by name)."""

from __future__ import annotations

from pathlib import Path

import pytest
from media_testkit import make_clip


@pytest.fixture
def clip_factory(tmp_path):
    """Build numbered clips in the test's temp folder."""
    counter = {"n": 0}

    def build(**kwargs) -> Path:
        counter["n"] += 1
        return make_clip(tmp_path / f"clip{counter['n']}.mp4", **kwargs)

    return build
