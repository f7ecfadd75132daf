"""The transport is the one retry layer: bounded tries, one cap on Retry-After, resumable downloads."""

from __future__ import annotations

import av
import pytest

from studio.core.errors import TransientError
from studio.providers import _http
from studio.providers.replicate.errors import error_mapper
from tests.providers._replicate_kit import poll_until_done, validated
from tests.providers.conftest import FAST_POLICY


class RecordedSleep:
    """A sleep that only remembers how long it was asked to wait."""

    def __init__(self):
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


async def finished(replicate, duration=6):
    s, request = validated("google/veo-3.1-fast", duration=duration)
    ref = await replicate.submit(s, request, "job")
    return ref, await poll_until_done(replicate, ref)


async def test_a_download_resumes_from_the_partial_file_an_earlier_call_left(replicate, replicate_emulator, tmp_path):
    ref, status = await finished(replicate)
    replicate_emulator.set_faults(download_reset=FAST_POLICY.attempts)
    dest = tmp_path / "clip.mp4"
    with pytest.raises(TransientError):
        await replicate.download(ref, status, dest)
    part = _http.partial_path(dest)
    kept = part.stat().st_size
    assert kept > 0 and not dest.exists(), "the bytes received so far are kept"

    await replicate.download(ref, status, dest)  # a later call (a resume) picks up where it stopped
    stats = replicate_emulator.stats()
    assert stats["ranged_downloads"][ref.remote_id] == FAST_POLICY.attempts  # never from byte 0 again
    assert stats["downloads"][ref.remote_id] == 1
    with av.open(str(dest)) as container:
        assert container.duration / 1e6 == pytest.approx(6.0, abs=0.1)


async def test_retry_after_on_a_download_is_capped_like_every_other_call(replicate, replicate_emulator, tmp_path):
    ref, status = await finished(replicate, duration=4)
    replicate_emulator.set_faults(download_429=1, retry_after=3600)
    sleep = RecordedSleep()
    await _http.download_to_file(
        replicate.http_client,
        status.result["url"],
        tmp_path / "clip.mp4",
        map_error=error_mapper(context="download"),
        policy=FAST_POLICY,
        sleep=sleep,
    )
    assert sleep.waits and max(sleep.waits) <= FAST_POLICY.max_wait


async def test_retry_after_on_a_refused_create_is_capped_and_retried_not_handed_up(replicate, replicate_emulator):
    sleep = RecordedSleep()
    replicate_emulator.set_faults(create_429=1, retry_after=3600)
    response = await _http.send_once(
        replicate.http_client,
        "POST",
        "v1/models/google/veo-3.1-fast/predictions",
        json={"input": {"prompt": "x", "duration": 4}},
        map_error=error_mapper(context="create"),
        policy=FAST_POLICY,
        sleep=sleep,
    )
    assert response.status_code == 201
    assert sleep.waits and max(sleep.waits) <= FAST_POLICY.max_wait
    assert replicate_emulator.stats()["create_requests"] == 2


async def test_one_poll_is_at_most_the_transports_tries(replicate, replicate_emulator):
    """Before, runner retries sat on transport retries: one poll could become 45 GETs."""
    s, request = validated("google/veo-3.1-fast", duration=4)
    ref = await replicate.submit(s, request, "job")
    replicate_emulator.set_faults(poll_5xx=100)
    with pytest.raises(TransientError):
        await replicate.poll(ref)
    assert replicate_emulator.stats()["polls"][ref.remote_id] == FAST_POLICY.attempts
