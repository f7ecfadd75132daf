"""Running a real studio-cli process against the Replicate emulator, for the outage and crash suites."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from studio.core.jobs import Job
from studio.services.jobstore import JobStore
from tests.emulators.replicate import DEFAULT_TOKEN

MODEL = "replicate:google/veo-3.1-fast"

# Fast enough for CI, with the runner's real code paths; the transport keeps its default policy.
SETTINGS = {
    "providers.replicate.poll_interval": 0.2,
    "runner.reconcile_grace": 2,
    "runner.reconcile_deadline": 8,
}


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def prepare_home(home: Path, **settings) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text(json.dumps({**SETTINGS, **settings}))
    return home


def cli_env(home: Path, url: str, *, token: str | None = DEFAULT_TOKEN, kill_at: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_") and k != "REPLICATE_API_TOKEN"}
    env.update(STUDIO_HOME=str(home), STUDIO_REPLICATE_BASE_URL=url, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    if token:
        env["REPLICATE_API_TOKEN"] = token
    if kill_at:
        env["STUDIO_TEST_KILL_AT"] = kill_at
    return env


def run_cli(home: Path, url: str, *args: str, timeout: float = 90, **env_options) -> Run:
    """studio-cli as a person runs it; a hang past ``timeout`` fails the test."""
    proc = subprocess.run(
        [sys.executable, "-m", "studio.cli", *args],
        env=cli_env(home, url, **env_options),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def generate(home: Path, url: str, out: Path, *, prompt: str = "a paper boat drifts", duration: int = 4, **options) -> Run:
    return run_cli(
        home, url, "generate", "--model", MODEL, "--prompt", prompt, "--duration", str(duration),
        "--resolution", "720p", "-o", str(out), **options,
    )  # fmt: skip


def jobs(home: Path) -> list[Job]:
    store = JobStore(home / "studio.db")
    try:
        return store.list()
    finally:
        store.close()


def the_job(home: Path) -> Job:
    (job,) = jobs(home)
    return job
