"""The shared transport's pure parts: reading Retry-After and mapping Replicate statuses."""

from __future__ import annotations

import httpx
import pytest

from studio.core.errors import ContentRejected, RateLimited, StudioError
from studio.providers._http import RetryPolicy, retry_after
from studio.providers.base import RemoteState
from studio.providers.replicate import ReplicateProvider
from studio.providers.replicate.errors import error_mapper, prediction_error
from studio.providers.replicate.provider import output_url, parse_progress, parse_time


def test_retry_after_from_header_or_detail():
    assert retry_after(httpx.Response(429, headers={"Retry-After": "12"})) == 12
    detail = {"detail": "Request was throttled. Your rate limit resets in ~30s."}
    assert retry_after(httpx.Response(429, json=detail)) == 30
    assert retry_after(httpx.Response(429, json={"detail": "slow down"})) is None


def test_429_without_header_uses_the_detail():
    response = httpx.Response(429, json={"detail": "Request was throttled. Your rate limit resets in ~30s."})
    error = error_mapper(context="create")(response)
    assert isinstance(error, RateLimited) and error.retry_after == 30


def test_backoff_is_bounded_and_jittered():
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0, jitter=0.25)
    delays = [policy.backoff(n) for n in range(10)]
    assert all(0.75 <= d <= 10.0 for d in delays)
    assert delays[9] <= 10.0


@pytest.mark.parametrize(
    "text, input_name",
    [
        ("E005: The input or output was flagged as sensitive. Please try again with different inputs.", None),
        ("The generated video was flagged as sensitive (E005)", "output"),
        ("Your prompt was flagged by our safety system", "prompt"),
        ("NSFW content detected in the start image", "first_frame"),
        ("The last frame violates our content policy", "last_frame"),
        ("moderation: rejected", None),
    ],
)
def test_moderation_texts(text, input_name):
    error = prediction_error(text, images_given=["first_frame"])
    assert isinstance(error, ContentRejected)
    assert error.input_name == input_name and error.reason == text


def test_plain_failure_is_not_moderation():
    error = prediction_error("CUDA out of memory")
    assert type(error) is StudioError and "CUDA out of memory" in error.user_message


def test_status_mapping_includes_aborted():
    provider = ReplicateProvider("test-key-replicate", base_url="http://127.0.0.1:9")
    assert provider.status_from_json({"status": "starting"}).state is RemoteState.QUEUED
    assert provider.status_from_json({"status": "processing"}).state is RemoteState.RUNNING
    assert provider.status_from_json({"status": "canceled"}).state is RemoteState.CANCELLED
    aborted = provider.status_from_json({"status": "aborted"})
    assert aborted.state is RemoteState.CANCELLED and "nothing was charged" in aborted.error.user_message


def test_progress_output_and_time_parsing():
    assert parse_progress("boot\n 10%|#    | 1/10\n 45%|####   | 9/20\n") == 0.45
    assert parse_progress("Generating...") is None and parse_progress(None) is None
    assert output_url(["https://x/a.mp4", "https://x/b.mp4"]) == "https://x/a.mp4"
    assert output_url("https://x/a.mp4") == "https://x/a.mp4" and output_url(None) is None
    assert parse_time("2026-11-21T20:48:00.123Z") == pytest.approx(1795294080.123)
    assert parse_time("2026-11-21T20:48:00.123456789Z") == pytest.approx(1795294080.123456)


def test_base_url_from_environment(monkeypatch):
    monkeypatch.setenv("STUDIO_REPLICATE_BASE_URL", "http://127.0.0.1:4321/")
    assert ReplicateProvider("test-key-replicate").base_url == "http://127.0.0.1:4321"
    monkeypatch.delenv("STUDIO_REPLICATE_BASE_URL")
    assert ReplicateProvider("test-key-replicate").base_url == "https://api.replicate.com"


async def test_key_goes_only_to_the_api_origin():
    seen: dict[str, str | None] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen[request.url.host] = request.headers.get("authorization")
        return httpx.Response(200, json={"username": "x"})

    provider = ReplicateProvider(
        "test-key-replicate", base_url="https://api.replicate.com", transport=httpx.MockTransport(handler)
    )
    await provider.check_credentials()
    await provider._client.get("https://replicate.delivery/pbxt/out.mp4")
    await provider.aclose()
    assert seen["api.replicate.com"] == "Bearer test-key-replicate"
    assert seen["replicate.delivery"] is None
