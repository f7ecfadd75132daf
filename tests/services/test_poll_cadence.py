"""How often the runner looks at a job: the provider's hint, a backoff with age, a floor while running."""

from __future__ import annotations

import time

import pytest
from keyring.backends import fail

from studio.core.jobs import JobState
from studio.core.request import GenerationRequest
from studio.services.context import build_services
from studio.services.runner import Timing, poll_delay
from studio.services.secrets import Secrets
from tests.emulators import _replicate_http
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator

DEFAULT = Timing()


def test_the_hint_is_the_shortest_pause_and_is_followed_past_the_cap():
    assert poll_delay(DEFAULT, hint=5.0, running=True, age=0.0) == 5.0
    assert poll_delay(DEFAULT, hint=0.25, running=False, age=1.0) == 0.25  # a local renderer asks for quick looks
    assert poll_delay(DEFAULT, hint=45.0, running=True, age=10.0) == 45.0  # the provider asked: never sooner


def test_the_pause_grows_with_the_jobs_age_up_to_the_cap():
    pauses = [poll_delay(DEFAULT, hint=5.0, running=True, age=age) for age in (10, 60, 120, 600, 3600)]
    assert pauses == [5.0, 6.0, 12.0, 20.0, 20.0]
    assert pauses == sorted(pauses)


def test_a_running_job_without_a_hint_is_looked_at_at_most_every_five_seconds():
    assert poll_delay(DEFAULT, hint=None, running=False, age=0.0) == DEFAULT.poll_first  # still queued there
    assert poll_delay(DEFAULT, hint=None, running=True, age=0.0) == 5.0
    assert poll_delay(DEFAULT, hint=None, running=True, age=300.0) == 20.0


def test_tests_can_shrink_every_pause():
    fast = Timing(poll_first=0.05, poll_max=0.2)
    assert poll_delay(fast, hint=None, running=True, age=100.0) == 0.2
    assert poll_delay(fast, hint=None, running=False, age=0.0) == 0.05


@pytest.fixture
def polls(monkeypatch):
    """The arrival time of every GET of a prediction the emulator answers."""
    seen: list[float] = []
    original = _replicate_http.ReplicateHandler._dispatch

    def recording(handler, method):
        if method == "GET" and handler.path.startswith("/v1/predictions/"):
            seen.append(time.monotonic())
        original(handler, method)

    monkeypatch.setattr(_replicate_http.ReplicateHandler, "_dispatch", recording)
    return seen


async def test_with_default_settings_a_running_replicate_job_is_polled_at_most_every_five_seconds(
    studio_home, monkeypatch, polls
):
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=7.0) as emulator:
        monkeypatch.setenv("REPLICATE_API_TOKEN", DEFAULT_TOKEN)
        monkeypatch.setenv("STUDIO_REPLICATE_BASE_URL", emulator.url)
        services = build_services(studio_home, secrets=Secrets(fail.Keyring()), log_to_file=False)
        try:
            request = GenerationRequest(
                "replicate:google/veo-3.1-fast", "a paper boat drifts", duration=4, resolution="720p", audio=False
            )
            job = await services.runner.submit(request)
            job = await services.runner.wait(job.id)
        finally:
            await services.aclose()
    assert job.state is JobState.DONE, job.error
    gaps = [later - earlier for earlier, later in zip(polls, polls[1:])]
    assert len(polls) == 3, gaps  # at 0 s (starting), ~5 s (processing), ~10 s (succeeded)
    assert min(gaps) >= 4.9, gaps
