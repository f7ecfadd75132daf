"""The services object graph, built once by the CLI or the window and passed down."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from studio.core.errors import StudioError
from studio.core.modelmerge import merge_schema

from .catalog import Catalog
from .jobstore import JobStore
from .logs import setup_logging
from .paths import StudioPaths, studio_paths
from .probe_sidecar import set_probe_sidecar
from .projects import ProjectStore
from .provider_registry import ProviderRegistry
from .runner import Runner, Timing
from .secrets import Secrets
from .settings import Settings
from .storage import storage_error


@dataclass
class Services:
    """Everything the CLI and the window need; no global state."""

    paths: StudioPaths
    settings: Settings
    secrets: Secrets
    catalog: Catalog
    jobstore: JobStore
    providers: ProviderRegistry
    runner: Runner
    projects: ProjectStore

    async def start(self):
        """Resume unfinished jobs; returns the jobs that were resumed."""
        return await self.runner.start()

    async def aclose(self) -> None:
        await self.runner.stop()
        await self.providers.aclose()
        self.jobstore.close()

    async def test_connection(self, provider: str) -> str:
        """Check the provider's key and base URL; returns one sentence, raises StudioError."""
        self.providers.forget(provider)
        return await self.providers(provider).check_credentials()

    async def add_replicate_model(self, owner_name: str):
        """Read a Replicate model's schema and save it to the user catalog.

        A model the catalog already knows is refreshed, not replaced: its price, status,
        notes, rules and input notes stay; the schema updates the fields (see core.modelmerge).
        """
        from studio.providers.replicate import fetch_model_spec

        provider = self.providers("replicate")
        spec = await fetch_model_spec(provider, owner_name)
        if spec.id in self.catalog:
            spec = merge_schema(self.catalog.get(spec.id), spec)
        return self.catalog.add_user_spec(spec)


def build_services(
    home: Path | str | None = None,
    *,
    secrets: Secrets | None = None,
    timing: Timing | None = None,
    log_to_file: bool = True,
) -> Services:
    """Build the object graph over the data folder ``home`` (default: STUDIO_HOME or the platform's)."""
    paths = studio_paths(home)
    try:
        if log_to_file:
            setup_logging(paths.logs)
        settings = Settings(paths.settings_file)
        store = JobStore(paths.db)
    except (OSError, sqlite3.Error) as exc:  # read-only, a file in the way, a full disk
        error = storage_error(exc, paths.home, data_folder=True)
        if error is None:  # a locked or damaged database
            raise StudioError(f"The job database in {paths.home} cannot be opened.", detail=str(exc)) from None
        raise error from None
    secrets = secrets or Secrets()
    catalog = Catalog(paths.user_models)
    registry = ProviderRegistry(settings, secrets, paths.home)
    if timing is None:
        timing = Timing(
            reconcile_grace=float(settings.get("runner.reconcile_grace", 60.0)),
            reconcile_deadline=float(settings.get("runner.reconcile_deadline", Timing.reconcile_deadline)),
        )
    runner = Runner(store, catalog, registry, settings, paths.clips, timing=timing)
    set_probe_sidecar(paths.home / "probes.json")
    return Services(
        paths=paths,
        settings=settings,
        secrets=secrets,
        catalog=catalog,
        jobstore=store,
        providers=registry,
        runner=runner,
        projects=ProjectStore(),
    )
