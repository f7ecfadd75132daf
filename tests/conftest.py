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
