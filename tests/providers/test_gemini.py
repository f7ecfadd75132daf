"""The real Gemini Omni adapter (google-genai's interactions client) against the loopback emulator."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import cv2
import numpy as np
import pytest
from google import genai
from google.genai import types

from studio.core.errors import AuthError, ContentRejected, Expired, ModelUnavailable, QuotaError, RateLimited
from studio.core.request import GenerationRequest, validate
from studio.providers._http import RetryPolicy
from studio.providers.base import RemoteState
from studio.providers.gemini_omni import GeminiOmniProvider
from studio.services.catalog import Catalog
from studio.services.media import probe
from tests.emulators.gemini import DEFAULT_KEY, GeminiEmulator

FAST = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05, max_wait=5.0, connect_attempts=2)
CATALOG = Catalog()
MODEL = "gemini:gemini-omni-1.1-flash"


@pytest.fixture
def emulator():
    with GeminiEmulator(latency=0.2) as emu:
        yield emu


@pytest.fixture
async def provider(emulator):
    made = GeminiOmniProvider(DEFAULT_KEY, base_url=emulator.url, poll_interval=0.05, policy=FAST)
    yield made
    await made.aclose()


def image(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    assert cv2.imwrite(str(path), np.full((72, 128, 3), 120, np.uint8))
    return str(path)


async def run_job(provider, dest: Path, model_id: str = MODEL, **request):
    spec = CATALOG.get(model_id)
    ref = await provider.submit(spec, validate(spec, GenerationRequest(model_id=model_id, **request)), "k")
    for _ in range(200):
        status = await provider.poll(ref)
        if status.state.terminal:
            break
        await asyncio.sleep(0.05)
    if status.state is RemoteState.SUCCEEDED:
        await provider.download(ref, status, dest)
    return ref, status


async def test_text_to_video_in_the_background_then_fetched_by_uri(provider, emulator, tmp_path):
    ref, status = await run_job(provider, tmp_path / "o.mp4", prompt="Ein Leuchtturm 🌅", duration=5,
                                aspect_ratio="9:16", seed=11)  # fmt: skip
    assert status.state is RemoteState.SUCCEEDED and "uri" in status.result
    info = probe(tmp_path / "o.mp4")
    assert info.duration == pytest.approx(5.0, abs=0.2) and info.video.height > info.video.width
    body = emulator.requests[0]
    assert body["model"] == "gemini-omni-1.1-flash" and body["background"] is True and body["store"] is True
    assert body["response_format"] == {"type": "video", "delivery": "uri", "aspect_ratio": "9:16",
                                       "resolution": "720p", "duration": "5s"}  # fmt: skip
    assert body["generation_config"] == {"seed": 11, "video_config": {"task": "text_to_video"}}
    text_blocks = [b for step in body["input"] for b in step.get("content", [step]) if b.get("type") == "text"]
    assert text_blocks[0]["text"] == "Ein Leuchtturm 🌅"
    assert emulator.stats["items"][ref.remote_id]["downloads"] == 1


async def test_first_frame_and_references_choose_the_task(provider, emulator, tmp_path):
    first = image(tmp_path, "first.png")
    refs = (image(tmp_path, "a.jpg"), image(tmp_path, "b.jpg"))
    await run_job(provider, tmp_path / "a.mp4", prompt="she waves", first_frame=first)
    await run_job(provider, tmp_path / "b.mp4", prompt="in the shop", reference_images=refs)
    tasks = [r["generation_config"]["video_config"]["task"] for r in emulator.requests]
    assert tasks == ["image_to_video", "reference_to_video"]
    blocks = [b for step in emulator.requests[1]["input"] for b in step.get("content", [step])]
    assert [b["type"] for b in blocks] == ["image", "image", "text"]
    assert blocks[0]["mime_type"] == "image/jpeg"
    assert base64.b64decode(blocks[0]["data"]) == Path(refs[0]).read_bytes()


async def test_edit_of_a_previous_take_is_a_new_take(provider, emulator, tmp_path):
    ref, _ = await run_job(provider, tmp_path / "a.mp4", prompt="a red car", duration=4)
    edit, status = await run_job(provider, tmp_path / "b.mp4", prompt="make the car blue",
                                 extra={"edit_interaction": ref.remote_id})  # fmt: skip
    assert status.state is RemoteState.SUCCEEDED and edit.remote_id != ref.remote_id
    body = emulator.requests[1]
    assert body["previous_interaction_id"] == ref.remote_id
    assert body["generation_config"]["video_config"]["task"] == "edit"
    assert body["response_format"] == {"type": "video", "delivery": "uri"}  # the edit keeps shape and length
    assert probe(tmp_path / "b.mp4").duration == pytest.approx(4.0, abs=0.2)


async def test_inline_video_is_written_and_fetched_again_after_a_restart(emulator, tmp_path):
    emulator.set_faults(inline=2)
    first = GeminiOmniProvider(DEFAULT_KEY, base_url=emulator.url, poll_interval=0.05, policy=FAST)
    try:
        _, status = await run_job(first, tmp_path / "a.mp4", prompt="x", duration=3)
        assert status.result == {"inline": True}
        spec = CATALOG.get(MODEL)
        ref = await first.submit(spec, validate(spec, GenerationRequest(model_id=MODEL, prompt="y", duration=3)), "k")
        while not (status := await first.poll(ref)).state.terminal:
            await asyncio.sleep(0.05)
    finally:
        await first.aclose()
    assert probe(tmp_path / "a.mp4").duration == pytest.approx(3.0, abs=0.2)
    second = GeminiOmniProvider(DEFAULT_KEY, base_url=emulator.url, policy=FAST)
    try:
        await second.download(ref, status, tmp_path / "b.mp4")
    finally:
        await second.aclose()
    assert probe(tmp_path / "b.mp4").duration == pytest.approx(3.0, abs=0.2)


@pytest.mark.parametrize(
    "fault, state, kind, words",
    [
        ("blocked", RemoteState.FAILED, ContentRejected, "identifiable person"),
        ("incomplete", RemoteState.FAILED, None, "incomplete"),
        ("budget_exceeded", RemoteState.FAILED, QuotaError, "spending limit"),
        ("cancelled_upstream", RemoteState.CANCELLED, None, "cancelled"),
    ],
)
async def test_each_terminal_status_has_its_own_sentence(provider, emulator, tmp_path, fault, state, kind, words):
    emulator.set_faults(**{fault: 1})
    _, status = await run_job(provider, tmp_path / "o.mp4", prompt="x", duration=4)
    assert status.state is state
    assert words in status.error.user_message
    if kind is not None:
        assert isinstance(status.error, kind)
    assert not (tmp_path / "o.mp4").exists()


async def test_a_quota_answer_on_create_is_never_resent(provider, emulator, tmp_path):
    emulator.set_faults(create_429=1, retry_after=4)
    with pytest.raises(RateLimited) as caught:
        await run_job(provider, tmp_path / "o.mp4", prompt="x", duration=4)
    assert caught.value.retry_after == 4
    assert emulator.stats["create_requests"] == 1


async def test_an_overloaded_create_is_not_resent_either(provider, emulator, tmp_path):
    from studio.core.errors import LostSubmission

    emulator.set_faults(create_5xx=1)
    with pytest.raises(LostSubmission):
        await run_job(provider, tmp_path / "o.mp4", prompt="x", duration=4)
    assert emulator.stats["create_requests"] == 1


async def test_polls_ride_out_server_errors(provider, emulator, tmp_path):
    spec = CATALOG.get(MODEL)
    ref = await provider.submit(spec, validate(spec, GenerationRequest(model_id=MODEL, prompt="x", duration=4)), "k")
    emulator.set_faults(poll_5xx=2)
    status = await provider.poll(ref)
    assert status.state in (RemoteState.RUNNING, RemoteState.SUCCEEDED)
    assert emulator.stats["poll_requests"] == 3


async def test_an_expired_video_is_expired(provider, emulator, tmp_path):
    emulator.set_faults(expire=1)
    with pytest.raises(Expired):
        await run_job(provider, tmp_path / "o.mp4", prompt="x", duration=4)


async def test_a_bad_key_and_no_key(emulator, tmp_path):
    bad = GeminiOmniProvider("wrong-key-123456", base_url=emulator.url, policy=FAST)
    try:
        with pytest.raises(AuthError):
            await run_job(bad, tmp_path / "o.mp4", prompt="x", duration=4)
        with pytest.raises(AuthError):
            await bad.check_credentials()
    finally:
        await bad.aclose()
    with pytest.raises(AuthError, match="GEMINI_API_KEY"):
        await run_job(GeminiOmniProvider(None, base_url=emulator.url), tmp_path / "o.mp4", prompt="x", duration=4)
    assert emulator.stats["create_requests"] == 0


async def test_a_retired_veo_preview_is_explained_not_sent(provider, emulator, tmp_path):
    spec = CATALOG.get("gemini:veo-3.1-generate-preview")
    assert spec.status.state == "retired" and spec.status.replacement == "gemini:gemini-omni-1.1-flash"
    validated = validate(spec, GenerationRequest(model_id=spec.id, prompt="x", duration=8), allow_retired=True)
    with pytest.raises(ModelUnavailable, match="Gemini Omni"):
        await provider.submit(spec, validated, "k")
    assert emulator.stats["create_requests"] == 0


async def test_check_credentials_lists_the_video_models(provider):
    text = await provider.check_credentials()
    assert "gemini-omni-1.1-flash" in text and "gemini-3.5-flash" not in text


async def test_cancel_stops_a_running_interaction(provider, emulator):
    emulator.set_faults(latency=30)
    spec = CATALOG.get(MODEL)
    ref = await provider.submit(spec, validate(spec, GenerationRequest(model_id=MODEL, prompt="x", duration=4)), "k")
    await provider.cancel(ref)
    status = await provider.poll(ref)
    assert status.state is RemoteState.CANCELLED


async def test_the_emulator_speaks_the_sdks_own_protocol(emulator):
    """The SDK itself, untouched, round-trips a job through the emulator."""
    client = genai.Client(api_key=DEFAULT_KEY, http_options=types.HttpOptions(base_url=emulator.url, api_version="v1beta"))
    made = await client.aio.interactions.create(
        model="gemini-omni-flash-preview", input="a paper boat",
        response_format={"type": "video", "aspect_ratio": "16:9", "duration": "4s"}, background=True, store=True,
    )  # fmt: skip
    assert made.status == "in_progress"
    await asyncio.sleep(0.3)
    done = await client.aio.interactions.get(made.id)
    assert done.status == "completed" and done.output_video.uri.endswith(":download?alt=media")
    await client.aio.aclose()
