"""``studio.services.media`` for the window, imported on first use.

The media service loads PyAV, OpenCV and NumPy (about half a second on a loaded machine).
Nothing the first paint shows needs them, so the window's modules reach the service through
:data:`media`, which imports it the first time an attribute is asked for (usually in a
worker thread decoding a filmstrip, or the warm-up after the first paint).
"""

from __future__ import annotations

import importlib
from typing import Any


class _LazyMedia:
    def __getattr__(self, name: str) -> Any:
        module = importlib.import_module("studio.services.media")
        return getattr(module, name)


media: Any = _LazyMedia()
