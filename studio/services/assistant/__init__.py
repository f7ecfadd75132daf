"""The assistant: an idea, a selfie or a story becomes video prompts.

Online it asks any OpenAI-compatible endpoint for strict structured output (Responses API,
or Chat Completions for local servers); with no key, or offline, it fills the same
structure from presets. See :class:`Assistant` and :func:`build_assistant`.
"""

from __future__ import annotations

from typing import Any

from .client import MalformedAnswer, StructuredClient
from .config import AssistantConfig, EndpointMemory, resolve_config
from .fitting import Fit, compose, fit_for, snap_duration
from .modes import MODES, Assistant
from .results import PromptResult, ShotPlan, StoryResult

__all__ = [
    "MODES",
    "Assistant",
    "AssistantConfig",
    "EndpointMemory",
    "Fit",
    "MalformedAnswer",
    "PromptResult",
    "ShotPlan",
    "StoryResult",
    "StructuredClient",
    "build_assistant",
    "compose",
    "fit_for",
    "resolve_config",
    "snap_duration",
]


def build_assistant(settings: Any, secrets: Any, catalog: Any, *, offline: bool = False) -> Assistant:
    """An assistant configured from settings, the environment and the keyring (key name ``openai``)."""
    return Assistant(resolve_config(settings, secrets, offline=offline), catalog, settings=settings)
