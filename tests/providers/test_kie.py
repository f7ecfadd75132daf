"""The Kie.ai adapter over real HTTP against the loopback emulator: uploads, states, body
codes, Kie's pause, polling pace and deadline, expiry and faults."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from studio.core.errors import (
    AuthError,
    ContentRejected,
    Expired,
    InvalidRequest,
    LostSubmission,
    ModelUnavailable,
    QuotaError,
    RateLimited,
    TransientError,
)
from studio.providers._prompt import IMAGE_ONLY_PROMPT
from studio.providers.base import RemoteRef, RemoteState, SubmitNotSent
from studio.providers.kie import KieProvider
from studio.services.media import probe
from tests.emulators.kie import DEFAULT_TOKEN, KieEmulator
from tests.providers._replicate_kit import poll_until_done
from tests.providers._seed_kit import selfie, validated
from tests.providers.conftest import FAST_POLICY


@pytest.fixture
def emulator():
    with KieEmulator(latency=0.4) as emu:
        yield emu


@pytest.fixture
async def kie(emulator):
    provider = KieProvider(DEFAULT_TOKEN, base_url=emulator.url, poll_first=0.05, policy=FAST_POLICY)
    yield provider
    await provider.aclose()


async def test_image_to_video_uploads_the_selfie_then_creates_polls_and_downloads(kie, emulator, tmp_path):
    image = selfie(tmp_path / "selfie.jpg")
    s, request = validated("kie:sora-2-image-to-video", prompt="", first_frame=str(image), aspect_ratio="9:16",
                           duration=10)  # fmt: skip
    ref = await kie.submit(s, request, "job-1")

    (task,) = emulator.tasks.values()
    sent = task["payload"]
    assert sent["model"] == "sora-2-image-to-video"
    assert sent["input"]["n_frames"] == "10" and sent["input"]["aspect_ratio"] == "portrait"
    assert sent["input"]["prompt"] == IMAGE_ONLY_PROMPT and sent["input"]["remove_watermark"] is True
    (url,) = sent["input"]["image_urls"]
    (stored,) = emulator.files.values()
    assert url.startswith(emulator.url) and stored["bytes"] == image.read_bytes() and stored["how"] == "stream"

    states = []
    while True:
        status = await kie.poll(ref)
        states.append(status.raw_status)
        if status.state.terminal:
            break
        await asyncio.sleep(status.poll_after)
    assert states[-1] == "success" and {"waiting", "queuing", "generating"} & set(states)
    dest = tmp_path / "clip.mp4"
    await kie.download(ref, status, dest)
    info = probe(dest)
    assert abs(info.duration - 10.0) < 0.2 and info.video.height > info.video.width and info.audio is not None
    assert emulator.stats()["downloads"] == {ref.remote_id: 1}


async def test_base64_upload_when_the_stream_upload_fails(kie, emulator, tmp_path):
    emulator.set_faults(stream_upload_broken=1)
    image = selfie(tmp_path / "selfie.jpg")
    s, request = validated("kie:kling-2.6/image-to-video", first_frame=str(image), duration=5, audio=True)
    ref = await kie.submit(s, request, "job")
    (stored,) = emulator.files.values()
    assert stored["how"] == "base64" and stored["bytes"] == image.read_bytes()
    task = emulator.tasks[ref.remote_id]
    assert task["input"]["duration"] == "5" and task["input"]["sound"] is True
    assert (await poll_until_done(kie, ref)).state is RemoteState.SUCCEEDED


async def test_a_separate_upload_host(emulator, tmp_path):
    with KieEmulator() as uploads:
        provider = KieProvider(DEFAULT_TOKEN, base_url=emulator.url, upload_base_url=uploads.url, policy=FAST_POLICY)
        s, request = validated("kie:kling/v2-5-turbo-image-to-video-pro", first_frame=str(selfie(tmp_path / "a.jpg")),
                               last_frame=str(selfie(tmp_path / "b.jpg")), duration=10)  # fmt: skip
        ref = await provider.submit(s, request, "job")
        await provider.aclose()
    assert len(uploads.files) == 2 and emulator.files == {}
    task = emulator.tasks[ref.remote_id]["input"]
    assert task["image_url"].startswith(uploads.url) and task["tail_image_url"].startswith(uploads.url)
    assert task["cfg_scale"] == 0.5 and task["duration"] == "10"


def test_polling_follows_kies_advice():
    provider = KieProvider(DEFAULT_TOKEN, base_url="http://127.0.0.1:9")
    assert [provider.poll_interval(t) for t in (0, 29, 31, 119, 121, 600)] == [2.5, 2.5, 7.5, 7.5, 20.0, 20.0]


async def test_past_the_deadline_polling_stops_with_a_sentence_and_a_resume_watches_again(emulator):
    emulator.set_faults(slow=1, slow_latency=60)
    provider = KieProvider(DEFAULT_TOKEN, base_url=emulator.url, poll_first=0.05, poll_deadline=0.3, policy=FAST_POLICY)
    s, request = validated("kie:kling-2.6/image-to-video", first_frame="https://cdn.example/a.jpg", duration=5)
    ref = await provider.submit(s, request, "job")
    assert (await provider.poll(ref)).state is RemoteState.QUEUED
    await asyncio.sleep(0.4)
    with pytest.raises(TransientError) as info:  # the runner keeps the job (stalled), resumable
        await provider.poll(ref)
    assert ref.remote_id in info.value.user_message and "resume" in info.value.user_message
    assert not (await provider.poll(ref)).state.terminal  # a resume: a fresh stretch of waiting
    await provider.aclose()


async def test_check_credentials_reports_the_credits(kie):
    assert await kie.check_credentials() == "Kie.ai account: 1234.5 credits left"


# -- failures ----------------------------------------------------------------------------


@pytest.mark.parametrize("http_codes", [False, True], ids=["body-code", "http-status"])
@pytest.mark.parametrize(
    ("faults", "error", "needle"),
    [
        ({"auth_401": 1}, AuthError, "API key"),
        ({"create_402": 1}, QuotaError, "credits"),
        ({"create_429": 10, "retry_after": 0.1}, RateLimited, "slow down"),  # one 429 is waited out; ten are not
        ({"create_455": 1}, SubmitNotSent, "maintenance"),
        ({"paused": True}, ModelUnavailable, "temporarily paused"),
    ],
)
async def test_create_refusals_read_the_body_code_and_the_status(kie, emulator, faults, error, needle, http_codes):
    emulator.set_faults(http_codes=http_codes, **faults)
    s, request = validated("kie:sora-2-text-to-video", duration=15, aspect_ratio="16:9")
    with pytest.raises(error) as info:
        await kie.submit(s, request, "job")
    assert needle.lower() in info.value.user_message.lower()
    assert emulator.tasks == {}
    if error is ModelUnavailable:
        assert "June 2026" in info.value.user_message


async def test_a_422_names_the_field(kie, emulator):
    s, request = validated("kie:sora-2-text-to-video", duration=15)
    wrong = replace(s, params={**s.params, "duration_type": "number"})  # sends 15, not "15"
    with pytest.raises(InvalidRequest) as info:
        await kie.submit(wrong, request, "job")
    assert info.value.field == "duration" and "n_frames" in info.value.user_message


async def test_a_5xx_or_a_reset_after_sending_is_lost_not_resent(kie, emulator):
    s, request = validated("kie:sora-2-text-to-video", duration=10)
    emulator.set_faults(create_5xx=1)
    with pytest.raises(LostSubmission):
        await kie.submit(s, request, "job")
    emulator.set_faults(create_reset=1)
    with pytest.raises(LostSubmission):
        await kie.submit(s, request, "job")
    assert emulator.stats()["create_requests"] == 2 and len(emulator.tasks) == 1
    assert await kie.list_recent(since=0) is None  # Kie cannot list: a person checks the dashboard


async def test_moderation_failure_is_content_rejected_with_the_reason(kie, emulator, tmp_path):
    emulator.set_faults(moderation=1)
    s, request = validated("kie:sora-2-image-to-video", first_frame=str(selfie(tmp_path / "s.jpg")), duration=10)
    ref = await kie.submit(s, request, "job")
    status = await poll_until_done(kie, ref)
    assert status.state is RemoteState.FAILED and isinstance(status.error, ContentRejected)
    assert status.error.input_name == "first_frame" and "real person" in status.error.reason


async def test_generation_failure_says_kies_words(kie, emulator):
    emulator.set_faults(fail=1)
    s, request = validated("kie:sora-2-text-to-video", duration=10)
    status = await poll_until_done(kie, await kie.submit(s, request, "job"))
    assert status.state is RemoteState.FAILED and "Internal error" in status.error.user_message


async def test_polls_ride_out_5xx_and_maintenance_downloads_resume(kie, emulator, tmp_path):
    s, request = validated("kie:sora-2-text-to-video", duration=15)
    ref = await kie.submit(s, request, "job")
    emulator.set_faults(poll_5xx=2, poll_455=1, download_reset=1)  # 455 comes in a 200 body: retried all the same
    status = await poll_until_done(kie, ref)
    emulator.set_faults(poll_455=10)
    with pytest.raises(TransientError, match="maintenance"):
        await kie.poll(ref)
    dest = tmp_path / "clip.mp4"
    await kie.download(ref, status, dest)
    assert abs(probe(dest).duration - 15.0) < 0.2
    assert emulator.stats()["ranged_downloads"] == {ref.remote_id: 1}


async def test_expired_results_and_forgotten_tasks(kie, emulator, tmp_path):
    s, request = validated("kie:sora-2-text-to-video", duration=10)
    ref = await kie.submit(s, request, "job")
    status = await poll_until_done(kie, ref)
    emulator.expire(ref.remote_id)
    with pytest.raises(Expired):
        await kie.download(ref, status, tmp_path / "clip.mp4")
    with pytest.raises(Expired):
        await kie.poll(RemoteRef("kie", "task_unknown", {}))
