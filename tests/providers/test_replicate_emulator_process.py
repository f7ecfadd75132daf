"""The emulator as its own process keeps its state across restarts (for the runner's kill tests)."""

from __future__ import annotations

import httpx

from studio.providers.base import RemoteState
from studio.providers.replicate import ReplicateProvider
from tests.emulators.replicate import start_emulator_process
from tests.providers._replicate_kit import poll_until_done, validated
from tests.providers.conftest import FAST_POLICY


async def test_standalone_emulator_survives_a_restart(tmp_path):
    state = tmp_path / "replicate-state.json"
    proc, url = start_emulator_process(state, latency=0.2)
    try:
        provider = ReplicateProvider("test-key-replicate", base_url=url, poll_interval=0.05, policy=FAST_POLICY)
        s, request = validated("google/veo-3.1-fast", duration=4)
        ref = await provider.submit(s, request, "job")
        await provider.aclose()
    finally:
        proc.kill()
        proc.wait()

    proc, url = start_emulator_process(state)
    try:
        provider = ReplicateProvider("test-key-replicate", base_url=url, poll_interval=0.05, policy=FAST_POLICY)
        status = await poll_until_done(provider, ref)
        assert status.state is RemoteState.SUCCEEDED
        await provider.download(ref, status, tmp_path / "clip.mp4")
        await provider.aclose()
        stats = httpx.get(f"{url}/_emulator/stats").json()
        assert stats["creates"] == {ref.remote_id: 1} and stats["downloads"] == {ref.remote_id: 1}
        armed = httpx.post(f"{url}/_emulator/faults", json={"create_429": 2}).json()
        assert armed["create_429"] == 2
    finally:
        proc.terminate()
        proc.wait()
