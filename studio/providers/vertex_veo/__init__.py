"""Veo 3.1 on Vertex AI (google-genai, Vertex mode, service-account credentials)."""

from .credentials import ServiceAccount, parse_service_account
from .provider import VertexVeoProvider

__all__ = ["ServiceAccount", "VertexVeoProvider", "parse_service_account"]
