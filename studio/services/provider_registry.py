"""Builds each provider once, with its key (keyring/env) and base URL (env/settings)."""

from __future__ import annotations

import threading
from pathlib import Path

from studio.core.errors import AuthError, ModelUnavailable
from studio.providers.base import Provider

from .secrets import Secrets
from .settings import Settings

PROVIDER_NAMES = {
    "animatic": "the offline animatic", "replicate": "Replicate", "vertex": "Vertex AI", "gemini": "Gemini",
    "openai": "OpenAI", "kie": "Kie.ai",
}  # fmt: skip


class ProviderRegistry:
    """``registry(name)`` returns the provider, built on first use; keys are read then, not stored."""

    def __init__(self, settings: Settings, secrets: Secrets, work_dir: Path):
        self.settings = settings
        self.secrets = secrets
        self.work_dir = Path(work_dir)
        self._providers: dict[str, Provider] = {}
        self._retired: list[Provider] = []
        # Providers are built from worker threads (the keyring read must not block the loop):
        # one lock so two threads never build, or forget, the same provider at once.
        self._lock = threading.RLock()
        settings.changed.connect(self._on_setting_changed)

    def __call__(self, name: str) -> Provider:
        with self._lock:
            if name not in self._providers:
                self._providers[name] = self._build(name)
            return self._providers[name]

    def forget(self, name: str) -> None:
        """Drop a built provider so the next call picks up a new key or base URL."""
        with self._lock:
            provider = self._providers.pop(name, None)
            if provider is not None:
                self._retired.append(provider)

    def _build(self, name: str) -> Provider:
        if name == "animatic":
            from studio.providers.animatic import AnimaticProvider

            from .media.animatic import render_animatic

            return AnimaticProvider(
                self.work_dir / "animatic",
                render_animatic,
                queue_seconds=float(self.settings.get("animatic.queue_seconds", 0.5)),
            )
        if name == "replicate":
            from studio.providers.replicate import ReplicateProvider

            token = self.secrets.get("replicate")
            if not token:
                raise AuthError(
                    "No Replicate key is set: add it in Settings, or set REPLICATE_API_TOKEN for the command line."
                )
            return ReplicateProvider(
                token,
                base_url=self.settings.provider_base_url("replicate"),
                max_concurrency=self.settings.concurrency("replicate"),
                poll_interval=float(self.settings.get("providers.replicate.poll_interval", 5.0)),
            )
        if name == "vertex":
            from studio.providers.vertex_veo import VertexVeoProvider

            from .google_accounts import vertex_account, vertex_place

            account = vertex_account(self.secrets)
            project, location = vertex_place(self.settings, account)
            return VertexVeoProvider(
                account,
                project=project,
                location=location,
                base_url=self.settings.provider_base_url("vertex"),
                output_gcs_uri=self.settings.get("providers.vertex.output_gcs_uri"),
                max_concurrency=self.settings.concurrency("vertex"),
                poll_interval=float(self.settings.get("providers.vertex.poll_interval", 10.0)),
            )
        if name == "gemini":
            from studio.providers.gemini_omni import GeminiOmniProvider

            return GeminiOmniProvider(
                self.secrets.get("gemini"),
                base_url=self.settings.provider_base_url("gemini"),
                max_concurrency=self.settings.concurrency("gemini"),
                poll_interval=float(self.settings.get("providers.gemini.poll_interval", 8.0)),
            )
        if name == "openai":
            from studio.providers.openai_videos import OpenAIVideosProvider

            return OpenAIVideosProvider(
                self._key("openai", "OpenAI", "OPENAI_API_KEY"),
                base_url=self.settings.provider_base_url("openai"),
                max_concurrency=self.settings.concurrency("openai"),
                poll_interval=float(self.settings.get("providers.openai.poll_interval", 5.0)),
            )
        if name == "kie":
            from studio.providers.kie import KieProvider

            return KieProvider(
                self._key("kie", "Kie.ai", "KIE_API_KEY"),
                base_url=self.settings.provider_base_url("kie"),
                # STUDIO_KIE_UPLOAD_BASE_URL (or providers.kie_upload.base_url); else the API's host serves both
                upload_base_url=self.settings.provider_base_url("kie_upload"),
                max_concurrency=self.settings.concurrency("kie"),
                poll_first=float(self.settings.get("providers.kie.poll_first", 2.5)),
                poll_deadline=float(self.settings.get("providers.kie.poll_deadline", 20 * 60)),
            )
        raise ModelUnavailable(f"Studio has no provider called {name!r}.")

    def _key(self, secret: str, title: str, env_var: str) -> str:
        key = self.secrets.get(secret)
        if not key:
            raise AuthError(f"No {title} key is set: add it in Settings, or set {env_var} for the command line.")
        return key

    def _on_setting_changed(self, key: str, value: object) -> None:
        if key.startswith("providers.") and key.endswith(".base_url"):
            self.forget(key.split(".")[1])

    async def aclose(self) -> None:
        for provider in [*self._providers.values(), *self._retired]:
            await provider.aclose()
        self._providers.clear()
        self._retired.clear()
