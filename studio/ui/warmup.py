"""After the first paint, import what the window will soon need, in a worker thread.

Python imports modules on first use; a first use on the GUI thread stalls it for as long as
the import takes (the media service's PyAV/OpenCV/NumPy about half a second, the openai SDK
as long again, the HTTP stack's async backend 100–400 ms on the first request). Importing them
here, once the window is on screen, moves that work off the GUI thread; Python's import lock
makes a first use that races the warm-up wait for it rather than import twice.
"""

from __future__ import annotations

import importlib
import logging

from .async_utils import run_blocking
from .interpreter import freeze_startup_objects

log = logging.getLogger(__name__)

# The media service (filmstrips, preview frames), the HTTP stack's async backend (imported by
# httpx on the first request), the assistant (the openai SDK), then the window's own docks.
MODULES = (
    "studio.services.media",
    "httpcore",
    "anyio",
    "h11",
    "studio.services.assistant",
)


def _import_all(names: tuple[str, ...]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # a missing optional library shows up where it is used, with its own message
            log.debug("warm-up import of %s failed", name, exc_info=True)


async def warm_up(names: tuple[str, ...] = MODULES) -> None:
    """Import ``names`` in a worker thread (call it after the window's first paint)."""
    await run_blocking(_import_all, names)
    freeze_startup_objects()  # what is loaded now lives as long as the app: keep it out of full collections
