"""The assistant, built when first asked for: its import loads the openai SDK (about half a
second), which the window does not wait for at start."""

from __future__ import annotations

from typing import Any


def build_assistant(services: Any):
    """The configured assistant (blocking: imports the SDK, may read the keyring); run it in a worker."""
    from studio.services.assistant import build_assistant as build

    return build(services.settings, services.secrets, services.catalog)
