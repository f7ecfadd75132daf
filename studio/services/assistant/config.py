"""Where the assistant sends its requests: endpoint, model, key, and which API the endpoint speaks.

Settings keys (all under ``assistant.*``; the key itself lives only in the keyring under
the name ``openai``, shared with the OpenAI video provider):

- ``assistant.base_url``: the API root including ``/v1`` (``STUDIO_OPENAI_BASE_URL`` wins,
  then this, then ``providers.openai.base_url``, then the SDK's default).
- ``assistant.model``: the text model (``STUDIO_ASSISTANT_MODEL`` wins).
- ``assistant.english``: answer in English whatever the user's language.
- ``assistant.max_retries``, ``assistant.timeout``: the SDK's retry count and per-request timeout.
- ``assistant.endpoint_api``: ``{base_url: "chat"}`` for endpoints found to lack ``/responses``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

DEFAULT_MODEL = "gpt-5.4-mini"
RESPONSES, CHAT = "responses", "chat"
_ENDPOINT_API = "assistant.endpoint_api"


@dataclass(frozen=True)
class AssistantConfig:
    """One resolved configuration; ``online`` is False when the offline builder must answer."""

    base_url: str | None = None
    model: str = DEFAULT_MODEL
    api_key: str | None = None
    offline: bool = False
    english: bool = False
    max_retries: int = 2
    timeout: float = 60.0

    @property
    def online(self) -> bool:
        # A local server (Ollama, llama.cpp, LM Studio, vLLM) needs no key, only its address.
        return not self.offline and bool(self.api_key or self.base_url)

    @property
    def endpoint_label(self) -> str:
        return self.base_url or "the OpenAI API"

    def __repr__(self) -> str:  # never show the key
        return f"AssistantConfig(base_url={self.base_url!r}, model={self.model!r}, online={self.online})"


def resolve_config(settings: Any, secrets: Any, *, offline: bool = False) -> AssistantConfig:
    """The configuration from environment, settings and the keyring (``openai``)."""
    base_url = (
        os.environ.get("STUDIO_OPENAI_BASE_URL")
        or _get(settings, "assistant.base_url")
        or _get(settings, "providers.openai.base_url")
        or None
    )
    model = os.environ.get("STUDIO_ASSISTANT_MODEL") or _get(settings, "assistant.model") or DEFAULT_MODEL
    key = None if offline or secrets is None else secrets.get("openai")
    return AssistantConfig(
        base_url=base_url.rstrip("/") if base_url else None,
        model=str(model),
        api_key=key,
        offline=offline,
        english=bool(_get(settings, "assistant.english") or False),
        max_retries=int(_get(settings, "assistant.max_retries") or 2),
        timeout=float(_get(settings, "assistant.timeout") or 60.0),
    )


class EndpointMemory:
    """Which API each base URL speaks, kept in settings so a local server is probed once."""

    def __init__(self, settings: Any = None) -> None:
        self._settings = settings
        self._local: dict[str, str] = {}

    def api_for(self, base_url: str | None) -> str:
        key = base_url or "default"
        stored = _get(self._settings, _ENDPOINT_API) or {}
        return self._local.get(key) or (stored.get(key) if isinstance(stored, dict) else None) or RESPONSES

    def remember(self, base_url: str | None, api: str) -> None:
        key = base_url or "default"
        self._local[key] = api
        if self._settings is not None:
            stored = dict(_get(self._settings, _ENDPOINT_API) or {})
            if stored.get(key) != api:
                stored[key] = api
                self._settings.set(_ENDPOINT_API, stored)


def _get(settings: Any, key: str) -> Any:
    return settings.get(key) if settings is not None else None
