"""Builds each provider once, with its key (keyring/env) and base URL (env/settings)."""

from __future__ import annotations

from pathlib import Path

from studio.core.errors import AuthError, ModelUnavailable
from studio.providers.base import Provider

from .secrets import Secrets
from .settings import Settings

PROVIDER_NAMES = {"animatic": "the offline animatic", "replicate": "Replicate", "vertex": "Vertex AI", "gemini": "Gemini"}


class ProviderRegistry:
    """``registry(name)`` returns the provider, built on first use; keys are read then, not stored."""

    def __init__(self, settings: Settings, secrets: Secrets, work_dir: Path):
        self.settings = settings
        self.secrets = secrets
        self.work_dir = Path(work_dir)
        self._providers: dict[str, Provider] = {}
        self._retired: list[Provider] = []
        settings.changed.connect(self._on_setting_changed)

    def __call__(self, name: str) -> Provider:
        if name not in self._providers:
            self._providers[name] = self._build(name)
        return self._providers[name]

    def forget(self, name: str) -> None:
        """Drop a built provider so the next call picks up a new key or base URL."""
        provider = self._providers.pop(name, None)
        if provider is not None:
            self._retired.append(provider)

    def _build(self, name: str) -> Provider:
        if name == "animatic":
            from studio.providers.animatic import AnimaticProvider

            return AnimaticProvider(
                self.work_dir / "animatic", queue_seconds=float(self.settings.get("animatic.queue_seconds", 0.5))
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
        raise ModelUnavailable(f"Studio has no provider called {name!r}.")

    def _on_setting_changed(self, key: str, value: object) -> None:
        if key.startswith("providers.") and key.endswith(".base_url"):
            self.forget(key.split(".")[1])

    async def aclose(self) -> None:
        for provider in [*self._providers.values(), *self._retired]:
            await provider.aclose()
        self._providers.clear()
        self._retired.clear()
