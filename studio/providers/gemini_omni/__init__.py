"""Gemini Omni Flash through the Interactions API, with a Gemini API key."""

from .provider import GeminiOmniProvider, build_body

__all__ = ["GeminiOmniProvider", "build_body"]
