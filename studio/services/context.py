"""The services object graph, built once by the CLI or the window and passed down."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar
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
from .runner_thread import RunnerThread, ThreadedRunner
from .secrets import Secrets
from .settings import Settings
from .storage import storage_error

T = TypeVar("T")


@dataclass
class Services:
    """Everything the CLI and the window need; no global state."""

    paths: StudioPaths
    settings: Settings
    secrets: Secrets
    catalog: Catalog
    jobstore: JobStore
    providers: ProviderRegistry
    runner: Runner | ThreadedRunner
    projects: ProjectStore
    # Set when the runner has a thread of its own (the window's case): the providers' HTTP
    # clients live on that thread's loop, so every provider call goes there too.
    runner_thread: RunnerThread | None = None

    async def start(self):
        """Resume unfinished jobs; returns the jobs that were resumed."""
        return await self.runner.start()

    async def on_runner_loop(self, coro: Coroutine[Any, Any, T]) -> T:
        """Await ``coro`` on the loop the runner and the providers' clients live on."""
        if self.runner_thread is None:
            return await coro
        return await self.runner_thread.run(coro)

    async def aclose(self) -> None:
        """Stop the runner (unfinished jobs resume next start), close the providers, its thread and the store."""
        if self.runner_thread is None and isinstance(self.runner, ThreadedRunner):
            return  # closed already: the runner's thread is gone
        await self.runner.stop()
        await self.on_runner_loop(self.providers.aclose())
        if self.runner_thread is not None:
            thread, self.runner_thread = self.runner_thread, None
            await asyncio.to_thread(thread.close)
        await asyncio.to_thread(self.jobstore.close)

    async def test_connection(self, provider: str) -> str:
        """Check the provider's key and base URL; returns one sentence, raises StudioError."""

        async def check() -> str:
            self.providers.forget(provider)
            built = await asyncio.to_thread(self.providers, provider)  # may read the keyring
            return await built.check_credentials()

        return await self.on_runner_loop(check())

    async def add_replicate_model(self, owner_name: str):
        """Read a Replicate model's schema and save it to the user catalog.

        A model the catalog already knows is refreshed, not replaced: its price, status,
        notes, rules and input notes stay; the schema updates the fields (see core.modelmerge).
        """
        from studio.providers.replicate import fetch_model_spec

        provider = await asyncio.to_thread(self.providers, "replicate")
        spec = await self.on_runner_loop(fetch_model_spec(provider, owner_name))
        if spec.id in self.catalog:
            spec = merge_schema(self.catalog.get(spec.id), spec)
        return self.catalog.add_user_spec(spec)


def build_services(
    home: Path | str | None = None,
    *,
    secrets: Secrets | None = None,
    timing: Timing | None = None,
    log_to_file: bool = True,
    runner_thread: bool = False,
) -> Services:
    """Build the object graph over the data folder ``home`` (default: STUDIO_HOME or the platform's).

    With ``runner_thread`` (the window), the runner works on an event loop of its own in a
    worker thread and ``services.runner`` is a :class:`ThreadedRunner` with the same API.
    """
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
    thread = RunnerThread() if runner_thread else None
    return Services(
        paths=paths,
        settings=settings,
        secrets=secrets,
        catalog=catalog,
        jobstore=store,
        providers=registry,
        runner=ThreadedRunner(runner, thread) if thread else runner,
        projects=ProjectStore(),
        runner_thread=thread,
    )
