"""The real Vertex Veo adapter, through google-genai and google-auth, against the loopback emulator."""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path

import pytest

from studio.core.errors import AuthError, ContentRejected, Expired, InvalidRequest, RateLimited, redact
from studio.core.request import GenerationRequest, validate
from studio.providers._http import RetryPolicy
from studio.providers.base import RemoteState
from studio.providers.vertex_veo import VertexVeoProvider, parse_service_account
from studio.services.catalog import Catalog
from studio.services.media import probe
from tests.emulators.vertex import VertexEmulator

FAST = RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05, max_wait=5.0, connect_attempts=2)
CATALOG = Catalog()


@pytest.fixture
def emulator():
    with VertexEmulator(latency=0.2) as emu:
        yield emu


def make_provider(emu: VertexEmulator, **kwargs) -> VertexVeoProvider:
    account = parse_service_account(json.dumps(emu.service_account_info()))
    return VertexVeoProvider(account, location="us-central1", base_url=emu.url, poll_interval=0.05, policy=FAST, **kwargs)


def png(tmp_path: Path, name: str = "frame.png", size=(64, 36)) -> str:
    import cv2
    import numpy as np

    path = tmp_path / name
    assert cv2.imwrite(str(path), np.full((size[1], size[0], 3), (30, 30, 200), np.uint8))
    return str(path)


async def run_job(provider, model_id, dest: Path, **request):
    spec = CATALOG.get(model_id)
    validated = validate(spec, GenerationRequest(model_id=model_id, **request))
    ref = await provider.submit(spec, validated, "key-1")
    for _ in range(200):
        status = await provider.poll(ref)
        if status.state.terminal:
            break
        await asyncio.sleep(0.05)
    if status.state is RemoteState.SUCCEEDED:
        await provider.download(ref, status, dest)
    return ref, status


async def test_text_to_video_signs_in_and_returns_inline_bytes(emulator, tmp_path):
    provider = make_provider(emulator)
    try:
        ref, status = await run_job(
            provider, "vertex:veo-3.1-generate-001", tmp_path / "out.mp4",
            prompt="A lighthouse at dawn", duration=4, aspect_ratio="9:16", resolution="720p", audio=False,
            seed=7, negative_prompt="text, watermark",
        )  # fmt: skip
    finally:
        await provider.aclose()
    assert status.state is RemoteState.SUCCEEDED and status.result == {"inline": True}
    assert ref.remote_id.startswith("projects/studio-test-project/locations/us-central1/publishers/google/models/")
    info = probe(tmp_path / "out.mp4")
    assert info.duration == pytest.approx(4.0, abs=0.2) and info.video.height > info.video.width
    assert emulator.stats["token_requests"] >= 1  # the real google-auth JWT flow ran
    sent = emulator.requests[0]
    assert sent["model"] == "veo-3.1-generate-001"
    assert sent["body"]["instances"] == [{"prompt": "A lighthouse at dawn"}]
    params = sent["body"]["parameters"]
    assert params == {"sampleCount": 1, "durationSeconds": 4, "aspectRatio": "9:16", "resolution": "720p",
                      "generateAudio": False, "seed": 7, "negativePrompt": "text, watermark"}  # fmt: skip


async def test_frames_and_references_travel_inline(emulator, tmp_path):
    provider = make_provider(emulator)
    first, last = png(tmp_path, "first.png"), png(tmp_path, "last.png")
    refs = [png(tmp_path, f"ref{i}.png") for i in range(2)]
    try:
        await run_job(provider, "vertex:veo-3.1-generate-001", tmp_path / "a.mp4", prompt="p", duration=8,
                      first_frame=first, last_frame=last, resolution="720p")  # fmt: skip
        await run_job(provider, "vertex:veo-3.1-generate-001", tmp_path / "b.mp4", prompt="p", duration=8,
                      first_frame=first, reference_images=tuple(refs), resolution="720p")  # fmt: skip
    finally:
        await provider.aclose()
    framed, referenced = (r["body"]["instances"][0] for r in emulator.requests)
    assert base64.b64decode(framed["image"]["bytesBase64Encoded"]) == Path(first).read_bytes()
    assert framed["image"]["mimeType"] == "image/png" and "lastFrame" in framed
    assert [r["referenceType"] for r in referenced["referenceImages"]] == ["ASSET", "ASSET"]
    assert "lastFrame" not in referenced


async def test_extend_sends_the_previous_take_and_needs_720p(emulator, tmp_path):
    from tests.emulators._mp4 import make_mp4

    take = tmp_path / "take.mp4"
    take.write_bytes(make_mp4(2.0))
    provider = make_provider(emulator)
    try:
        await run_job(provider, "vertex:veo-3.1-generate-001", tmp_path / "x.mp4", prompt="keep walking",
                      duration=8, resolution="720p", extra={"extend_video": str(take)})  # fmt: skip
        with pytest.raises(InvalidRequest, match="720p"):
            await run_job(provider, "vertex:veo-3.1-generate-001", tmp_path / "y.mp4", prompt="on",
                          duration=8, resolution="1080p", extra={"extend_video": str(take)})  # fmt: skip
    finally:
        await provider.aclose()
    sent = emulator.requests[0]["body"]["instances"][0]["video"]
    assert base64.b64decode(sent["bytesBase64Encoded"]) == take.read_bytes()
    assert len(emulator.requests) == 1  # the refused one never left


async def test_bucket_results_download_with_the_same_credentials_and_resume(emulator, tmp_path):
    provider = make_provider(emulator, output_gcs_uri="gs://studio-out/veo")
    emulator.set_faults(download_reset=1)
    try:
        ref, status = await run_job(provider, "vertex:veo-3.1-fast-generate-001", tmp_path / "out.mp4",
                                    prompt="waves", duration=6, resolution="720p")  # fmt: skip
    finally:
        await provider.aclose()
    assert status.result["gcs_uri"].startswith("gs://studio-out/veo/")
    assert probe(tmp_path / "out.mp4").duration == pytest.approx(6.0, abs=0.2)
    assert emulator.requests[0]["body"]["parameters"]["storageUri"] == "gs://studio-out/veo"
    op = ref.remote_id.rsplit("/", 1)[-1]
    assert emulator.stats["ops"][op]["downloads"] == 1


async def test_an_expired_bucket_object_is_expired(emulator, tmp_path):
    provider = make_provider(emulator, output_gcs_uri="gs://studio-out/veo")
    emulator.set_faults(expire=1)
    try:
        with pytest.raises(Expired):
            await run_job(provider, "vertex:veo-3.1-fast-generate-001", tmp_path / "o.mp4", prompt="w", duration=4)
    finally:
        await provider.aclose()
    assert not (tmp_path / "o.mp4").exists() and not list(tmp_path.glob("*.part"))


async def test_inline_result_is_fetched_again_after_a_restart(emulator, tmp_path):
    first = make_provider(emulator)
    spec = CATALOG.get("vertex:veo-3.1-fast-generate-001")
    validated = validate(spec, GenerationRequest(model_id=spec.id, prompt="boat", duration=4))
    try:
        ref = await first.submit(spec, validated, "k")
        while not (status := await first.poll(ref)).state.terminal:
            await asyncio.sleep(0.05)
    finally:
        await first.aclose()
    second = make_provider(emulator)  # a new process: nothing cached
    try:
        await second.download(ref, status, tmp_path / "again.mp4")
    finally:
        await second.aclose()
    assert probe(tmp_path / "again.mp4").duration == pytest.approx(4.0, abs=0.2)


async def test_safety_filter_is_content_rejected_quoting_the_reason(emulator, tmp_path):
    emulator.set_faults(safety=1)
    provider = make_provider(emulator)
    try:
        _, status = await run_job(provider, "vertex:veo-3.1-fast-generate-001", tmp_path / "o.mp4", prompt="x", duration=4)
    finally:
        await provider.aclose()
    assert status.state is RemoteState.FAILED
    assert isinstance(status.error, ContentRejected)
    assert "person generation" in status.error.user_message and "64151117" in status.error.reason


async def test_a_failed_operation_says_what_happened_without_promising_a_retry(emulator, tmp_path):
    emulator.set_faults(fail=1)
    provider = make_provider(emulator)
    try:
        _, status = await run_job(provider, "vertex:veo-3.1-fast-generate-001", tmp_path / "o.mp4", prompt="x", duration=4)
    finally:
        await provider.aclose()
    assert status.state is RemoteState.FAILED and status.error.kind == "error"
    assert "generate it again" in status.error.user_message and "will try" not in status.error.user_message


async def test_quota_on_create_is_rate_limited_and_never_resent(emulator, tmp_path):
    emulator.set_faults(create_429=1, retry_after=3)
    provider = make_provider(emulator)
    try:
        with pytest.raises(RateLimited) as caught:
            await run_job(provider, "vertex:veo-3.1-fast-generate-001", tmp_path / "o.mp4", prompt="x", duration=4)
    finally:
        await provider.aclose()
    assert caught.value.retry_after == 3
    assert emulator.stats["create_requests"] == 1


async def test_polls_retry_server_errors_in_the_sdk(emulator, tmp_path):
    provider = make_provider(emulator)
    spec = CATALOG.get("vertex:veo-3.1-fast-generate-001")
    try:
        ref = await provider.submit(spec, validate(spec, GenerationRequest(model_id=spec.id, prompt="x", duration=4)), "k")
        emulator.set_faults(poll_5xx=2)
        status = await provider.poll(ref)
    finally:
        await provider.aclose()
    assert status.state in (RemoteState.RUNNING, RemoteState.SUCCEEDED)
    assert emulator.stats["poll_requests"] == 3


async def test_a_refused_key_is_auth_before_anything_is_sent(emulator, tmp_path):
    emulator.set_faults(token_invalid=1)
    provider = make_provider(emulator)
    info = emulator.service_account_info()
    try:
        with pytest.raises(AuthError) as caught:
            await run_job(provider, "vertex:veo-3.1-fast-generate-001", tmp_path / "o.mp4", prompt="x", duration=4)
    finally:
        await provider.aclose()
    assert emulator.stats["create_requests"] == 0
    text = f"{caught.value} {caught.value.detail} {caught.value.to_dict()} {provider!r}"
    assert info["private_key"].splitlines()[1] not in text and "PRIVATE KEY" not in text


def test_credentials_are_checked_and_redacted(emulator):
    info = emulator.service_account_info()
    with pytest.raises(AuthError, match="not a JSON"):
        parse_service_account("{not json")
    with pytest.raises(AuthError, match="lacks private_key"):
        parse_service_account(json.dumps({k: v for k, v in info.items() if k != "private_key"}))
    with pytest.raises(AuthError, match="not a service account"):
        parse_service_account(json.dumps({**info, "type": "authorized_user"}))
    account = parse_service_account(json.dumps(info))
    assert "PRIVATE" not in repr(account)
    line = info["private_key"].splitlines()[2]
    assert line not in redact(f"oops {info['private_key']} and {line}")


async def test_check_credentials_names_the_account(emulator):
    provider = make_provider(emulator)
    try:
        text = await provider.check_credentials()
    finally:
        await provider.aclose()
    assert "studio-tests@" in text and "studio-test-project" in text


async def test_a_job_is_polled_in_the_region_it_was_created_in(emulator, tmp_path):
    """Settings may move to another region between submit and resume; the job stays where it ran."""
    before = make_provider(emulator)
    spec = CATALOG.get("vertex:veo-3.1-fast-generate-001")
    try:
        ref = await before.submit(spec, validate(spec, GenerationRequest(model_id=spec.id, prompt="x", duration=4)), "k")
    finally:
        await before.aclose()
    account = parse_service_account(json.dumps(emulator.service_account_info()))
    after = VertexVeoProvider(account, location="europe-west4", base_url=emulator.url, policy=FAST)
    try:
        await asyncio.sleep(0.3)
        status = await after.poll(ref)
        await after.download(ref, status, tmp_path / "o.mp4")
    finally:
        await after.aclose()
    assert "/locations/us-central1/" in ref.remote_id and status.state is RemoteState.SUCCEEDED
    assert probe(tmp_path / "o.mp4").duration == pytest.approx(4.0, abs=0.2)


async def test_cancel_says_vertex_cannot_stop_a_job(emulator):
    from studio.core.errors import StudioError

    provider = make_provider(emulator)
    assert provider.cancellable is False
    try:
        with pytest.raises(StudioError, match="cannot stop"):
            await provider.cancel(None)
    finally:
        await provider.aclose()


async def test_check_credentials_asks_vertex_not_just_the_token_endpoint(emulator, monkeypatch):
    import studio.providers.vertex_veo.provider as module

    provider = make_provider(emulator)
    try:
        assert "studio-tests@" in await provider.check_credentials()
        monkeypatch.setattr(module, "CHECK_MODEL", "veo-9-imaginary")
        from studio.core.errors import ModelUnavailable

        with pytest.raises(ModelUnavailable):
            await provider.check_credentials()
    finally:
        await provider.aclose()


async def test_a_large_clip_to_extend_is_refused_before_sending(emulator, tmp_path):
    big = tmp_path / "long.mp4"
    with open(big, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    provider = make_provider(emulator)
    try:
        with pytest.raises(InvalidRequest, match="20 MB"):
            await run_job(provider, "vertex:veo-3.1-generate-001", tmp_path / "o.mp4", prompt="on", duration=8,
                          resolution="720p", extra={"extend_video": str(big)})  # fmt: skip
    finally:
        await provider.aclose()
    assert emulator.stats["create_requests"] == 0
