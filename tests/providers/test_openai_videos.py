"""The OpenAI Videos adapter over real HTTP against the loopback emulator: the happy path,
the first frame fitted to the exact size, remix, reconciling, and every documented failure."""

from __future__ import annotations

import asyncio
import io

import pytest
from PIL import Image

from studio.core.errors import (
    AuthError,
    ContentRejected,
    Expired,
    InvalidRequest,
    LostSubmission,
    ModelShutDown,
    QuotaError,
    RateLimited,
)
from studio.providers.base import RemoteState, SubmitNotSent
from studio.providers.openai_videos import OpenAIVideosProvider, fit_reference
from studio.providers._prompt import IMAGE_ONLY_PROMPT
from studio.services.media import probe
from tests.emulators.openai_videos import DEFAULT_TOKEN, OpenAIVideosEmulator
from tests.providers._replicate_kit import poll_until_done
from tests.providers._seed_kit import selfie, validated
from tests.providers.conftest import FAST_POLICY


@pytest.fixture
def emulator():
    with OpenAIVideosEmulator(latency=0.3, poll_after_ms=50) as emu:
        yield emu


@pytest.fixture
async def openai(emulator):
    provider = OpenAIVideosProvider(DEFAULT_TOKEN, base_url=f"{emulator.url}/v1", poll_interval=0.05, policy=FAST_POLICY)
    yield provider
    await provider.aclose()


async def test_image_to_video_fits_the_selfie_polls_progress_and_downloads(openai, emulator, tmp_path):
    image = selfie(tmp_path / "selfie.jpg", (900, 1200))
    s, request = validated("openai:sora-2", prompt="", first_frame=str(image), aspect_ratio="9:16", duration=4)
    ref = await openai.submit(s, request, "job-1")

    (video,) = emulator.videos.values()
    assert video["form"] == {"prompt": IMAGE_ONLY_PROMPT, "model": "sora-2", "seconds": "4", "size": "720x1280"}
    assert video["input_reference"]["width"] == 720 and video["input_reference"]["height"] == 1280
    assert video["input_reference"]["content_type"] == "image/jpeg"

    seen = []
    while True:
        status = await openai.poll(ref)
        seen.append(status)
        if status.state.terminal:
            break
        assert status.poll_after == pytest.approx(0.05)  # the openai-poll-after-ms hint, not our default
        await asyncio.sleep(status.poll_after)
    assert status.state is RemoteState.SUCCEEDED and status.progress == 1.0
    assert any(s.state is RemoteState.RUNNING and s.progress is not None for s in seen)

    dest = tmp_path / "clip.mp4"
    await openai.download(ref, status, dest)
    info = probe(dest)
    assert abs(info.duration - 4.0) < 0.2 and info.video.height > info.video.width  # portrait, with its sound
    assert info.audio is not None
    assert emulator.stats()["downloads"] == {ref.remote_id: 1}


def test_fit_reference_crops_pads_and_honours_exif(tmp_path):
    rotated = selfie(tmp_path / "phone.jpg", (1200, 900), exif_rotate=True)  # shown as 900x1200 portrait
    data, mime, name = fit_reference(rotated, (720, 1280))
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (720, 1280) and mime == "image/jpeg" and name.endswith("720x1280.jpg")
    data, mime, _ = fit_reference(rotated, (1280, 720), "pad")
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (1280, 720)
        assert image.getpixel((5, 360)) == (0, 0, 0)  # letterboxed at the sides
    exact = selfie(tmp_path / "exact.jpg", (1280, 720))
    assert fit_reference(exact, (1280, 720))[0] == exact.read_bytes()  # already right: sent as it is


async def test_pro_sizes_and_text_only(openai, emulator):
    s, request = validated("openai:sora-2-pro", resolution="1080p", aspect_ratio="16:9", duration=8)
    ref = await openai.submit(s, request, "job")
    assert emulator.videos[ref.remote_id]["form"]["size"] == "1920x1080"
    assert emulator.videos[ref.remote_id]["input_reference"] is None
    assert (await poll_until_done(openai, ref)).state is RemoteState.SUCCEEDED


async def test_remix_makes_a_new_take_of_a_finished_video(openai, emulator):
    s, request = validated("openai:sora-2", duration=4)
    first = await openai.submit(s, request, "job-1")
    await poll_until_done(openai, first)
    _, remix_request = validated("openai:sora-2", prompt="same shot, 85 mm lens", extra={"remix_video_id": first.remote_id})
    second = await openai.submit(s, remix_request, "job-2")
    assert second.remote_id != first.remote_id
    assert emulator.videos[second.remote_id]["remixed_from"] == first.remote_id
    assert emulator.stats()["remixes"] == 1
    assert (await poll_until_done(openai, second)).state is RemoteState.SUCCEEDED


async def test_list_recent_pages_through_videos_newest_first(openai, emulator):
    emulator.set_faults(page_size=2)
    s, request = validated("openai:sora-2", duration=4)
    refs = [await openai.submit(s, request, f"job-{i}") for i in range(3)]
    records = await openai.list_recent(since=0)
    assert {r.remote_id for r in records} == {r.remote_id for r in refs}
    assert all(r.model == "sora-2" and r.input["prompt"] == request.request.prompt for r in records)


async def test_check_credentials(openai, emulator):
    assert "Videos API answers" in await openai.check_credentials()
    bad = OpenAIVideosProvider("test-key-wrong", base_url=f"{emulator.url}/v1", policy=FAST_POLICY)
    with pytest.raises(AuthError):
        await bad.check_credentials()
    await bad.aclose()
    elsewhere = OpenAIVideosProvider(DEFAULT_TOKEN, base_url=f"{emulator.url}/v9", policy=FAST_POLICY)
    with pytest.raises(InvalidRequest, match="no Videos API at .*/v9.*2026-09-24"):
        await elsewhere.check_credentials()
    await elsewhere.aclose()


# -- failures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("faults", "error", "needle"),
    [
        ({"create_401": 1}, AuthError, "API key"),
        ({"create_403": 1}, AuthError, "verified"),
        ({"create_quota": 1}, QuotaError, "billing"),
        ({"create_429": 10, "retry_after": 0.2}, RateLimited, "slow down"),  # one 429 is waited out; ten are not
        ({"create_moderation": 1}, ContentRejected, "public figure"),
        ({"shut_down": True}, ModelShutDown, "2026-09-24"),
    ],
)
async def test_create_refusals_map_to_the_taxonomy(openai, emulator, faults, error, needle):
    emulator.set_faults(**faults)
    s, request = validated("openai:sora-2", duration=4)
    with pytest.raises(error) as info:
        await openai.submit(s, request, "job")
    assert needle.lower() in info.value.user_message.lower()
    assert emulator.videos == {}
    if error is RateLimited:
        assert info.value.retry_after == pytest.approx(0.2)
    if error is ContentRejected:
        assert info.value.input_name == "prompt" and "public figure" in info.value.reason
    if error is ModelShutDown:
        assert info.value.exit_code == 5


async def test_a_400_names_the_parameter(openai, emulator):
    emulator.set_faults(seconds=["4", "8", "12"])  # a gateway that lags behind the newer 16/20 s
    s, request = validated("openai:sora-2", duration=16)
    with pytest.raises(InvalidRequest) as info:
        await openai.submit(s, request, "job")
    assert info.value.field == "duration" and "'16'" in info.value.user_message
    assert emulator.videos == {}


async def test_a_5xx_or_a_reset_after_sending_is_lost_not_resent(openai, emulator):
    s, request = validated("openai:sora-2", duration=4)
    emulator.set_faults(create_5xx=1)
    with pytest.raises(LostSubmission):
        await openai.submit(s, request, "job")
    emulator.set_faults(create_reset=1)
    with pytest.raises(LostSubmission):
        await openai.submit(s, request, "job")
    stats = emulator.stats()
    assert stats["create_requests"] == 2 and len(stats["creates"]) == 1  # the reset one exists remotely
    (record,) = await openai.list_recent(since=0)
    assert record.input["prompt"] == request.request.prompt


async def test_nothing_listening_is_submit_not_sent(tmp_path):
    provider = OpenAIVideosProvider(DEFAULT_TOKEN, base_url="http://127.0.0.1:9/v1", policy=FAST_POLICY)
    s, request = validated("openai:sora-2", duration=4)
    with pytest.raises(SubmitNotSent):
        await provider.submit(s, request, "job")
    await provider.aclose()


async def test_moderation_failure_after_running_names_the_image(openai, emulator, tmp_path):
    emulator.set_faults(moderation=1, moderation_message="Input images with faces of humans are currently rejected.")
    image = selfie(tmp_path / "selfie.jpg")
    s, request = validated("openai:sora-2", first_frame=str(image), duration=4)
    ref = await openai.submit(s, request, "job")
    status = await poll_until_done(openai, ref)
    assert status.state is RemoteState.FAILED
    assert isinstance(status.error, ContentRejected)
    assert status.error.input_name == "first_frame" and "faces" in status.error.reason


async def test_polls_and_downloads_ride_out_5xx_429_and_resets(openai, emulator, tmp_path):
    s, request = validated("openai:sora-2", duration=8)
    ref = await openai.submit(s, request, "job")
    emulator.set_faults(poll_5xx=2, poll_429=1, download_reset=1)
    status = await poll_until_done(openai, ref)
    dest = tmp_path / "clip.mp4"
    await openai.download(ref, status, dest)
    assert abs(probe(dest).duration - 8.0) < 0.2
    stats = emulator.stats()
    assert stats["ranged_downloads"] == {ref.remote_id: 1} and stats["downloads"] == {ref.remote_id: 1}


async def test_expired_assets_are_expired(openai, emulator, tmp_path):
    s, request = validated("openai:sora-2", duration=4)
    ref = await openai.submit(s, request, "job")
    status = await poll_until_done(openai, ref)
    emulator.expire(ref.remote_id)
    with pytest.raises(Expired):
        await openai.download(ref, status, tmp_path / "clip.mp4")
    assert not (tmp_path / "clip.mp4").exists()
