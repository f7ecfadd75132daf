"""Fixtures for provider tests: a loopback Replicate emulator and an adapter pointed at it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # so "tests.emulators" imports under plain `pytest` too
    sys.path.insert(0, str(ROOT))

from studio.providers._http import RetryPolicy  # noqa: E402
from studio.providers.replicate import ReplicateProvider  # noqa: E402
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator  # noqa: E402

# Real backoff shape, compressed so a retry test takes milliseconds, not seconds.
FAST_POLICY = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05, max_wait=5.0, connect_attempts=2)


@pytest.fixture
def replicate_emulator():
    """A Replicate emulator on 127.0.0.1 (random port), jobs finishing after 0.3 s."""
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=0.3) as emu:
        yield emu


@pytest.fixture
async def replicate(replicate_emulator):
    """The real Replicate adapter talking to the emulator over HTTP."""
    provider = ReplicateProvider(
        DEFAULT_TOKEN, base_url=replicate_emulator.url, poll_interval=0.05, policy=FAST_POLICY
    )
    yield provider
    await provider.aclose()
