"""The Replicate adapter against the loopback emulator: the paths that work."""

from __future__ import annotations

import asyncio
import time

import av
import pytest

from studio.core.errors import InvalidRequest

from studio.providers.base import Provider, RemoteState
from tests.providers._replicate_kit import poll_until_done, validated, write_png


async def test_implements_the_provider_protocol(replicate):
    assert isinstance(replicate, Provider)
    assert replicate.name == "replicate"
    assert replicate.max_concurrency == 4
    assert replicate.supports_idempotency is False


async def test_submit_poll_download_gives_a_real_mp4(replicate, replicate_emulator, tmp_path):
    spec, request = validated("google/veo-3.1-fast", duration=4, resolution="720p", audio=True, seed=7)
    ref = await replicate.submit(spec, request, "job-1")
    assert ref.provider == "replicate" and ref.remote_id

    sent = replicate_emulator.predictions[ref.remote_id]["input"]
    assert sent == {
        "prompt": "a lighthouse at dusk, waves crashing",
        "duration": 4,
        "aspect_ratio": "16:9",
        "resolution": "720p",
        "generate_audio": True,
        "seed": 7,
    }

    status = await poll_until_done(replicate, ref)
    assert status.state is RemoteState.SUCCEEDED
    assert status.result and status.result["url"].endswith(".mp4")

    seen: list[tuple[int, int | None]] = []
    dest = tmp_path / "clips" / "take1.mp4"
    await replicate.download(ref, status, dest, lambda done, total: seen.append((done, total)))
    assert dest.exists() and not dest.with_name("take1.mp4.part").exists()
    assert seen and seen[-1][0] == seen[-1][1] == dest.stat().st_size

    with av.open(str(dest)) as container:
        kinds = {s.type for s in container.streams}
        assert kinds == {"video", "audio"}
        assert container.duration / 1e6 == pytest.approx(4.0, abs=0.1)

    stats = replicate_emulator.stats()
    assert stats["create_requests"] == 1
    assert stats["creates"] == {ref.remote_id: 1}
    assert stats["downloads"] == {ref.remote_id: 1}


async def test_running_status_reports_log_progress(replicate, replicate_emulator):
    replicate_emulator.set_faults(latency=2.0)
    spec, request = validated("google/veo-3.1-fast", duration=4)
    ref = await replicate.submit(spec, request, "job-p")
    first = await replicate.poll(ref)
    assert first.state is RemoteState.QUEUED and first.raw_status == "starting"
    assert first.poll_after == pytest.approx(0.05)
    await asyncio.sleep(0.9)
    running = await replicate.poll(ref)
    assert running.state is RemoteState.RUNNING
    assert running.progress is not None and 0.0 < running.progress < 1.0


async def test_list_output_takes_the_first_url(replicate, replicate_emulator):
    replicate_emulator.set_faults(list_output=1)
    spec, request = validated("kwaivgi/kling-v2.5-turbo-pro", duration=5)
    ref = await replicate.submit(spec, request, "job-l")
    raw = await poll_until_done(replicate, ref)
    assert raw.result["url"].endswith(f"{ref.remote_id}.mp4")


async def test_small_image_goes_inline_as_data_uri(replicate, replicate_emulator, tmp_path):
    image = write_png(tmp_path / "selfie.png", 20_000)
    spec, request = validated("kwaivgi/kling-v2.5-turbo-pro", first_frame=str(image), duration=5)
    ref = await replicate.submit(spec, request, "job-img")
    sent = replicate_emulator.predictions[ref.remote_id]["input"]
    assert sent["start_image"].startswith("data:image/png;base64,")
    assert replicate_emulator.stats()["uploads"] == 0


async def test_large_image_is_uploaded_as_a_file(replicate, replicate_emulator, tmp_path):
    image = write_png(tmp_path / "big.png", 1_200_000)
    spec, request = validated("google/veo-3.1", first_frame=str(image), duration=8)
    ref = await replicate.submit(spec, request, "job-big")
    sent = replicate_emulator.predictions[ref.remote_id]["input"]
    assert sent["image"].startswith(replicate_emulator.url + "/v1/files/")
    stored = next(iter(replicate_emulator.files.values()))
    assert stored["bytes"] == image.read_bytes()
    assert stored["content_type"] == "image/png" and stored["name"] == "big.png"


async def test_reference_images_are_sent_as_a_list(replicate, replicate_emulator, tmp_path):
    refs = tuple(str(write_png(tmp_path / f"ref{i}.png", 5_000)) for i in range(2))
    spec, request = validated("google/veo-3.1", reference_images=refs, duration=8, aspect_ratio="16:9")
    ref = await replicate.submit(spec, request, "job-refs")
    sent = replicate_emulator.predictions[ref.remote_id]["input"]
    assert len(sent["reference_images"]) == 2
    assert all(v.startswith("data:image/png") for v in sent["reference_images"])


async def test_negative_prompt_passes_through_and_undeclared_inputs_are_refused(replicate, replicate_emulator):
    spec, request = validated("kwaivgi/kling-v2.5-turbo-pro", duration=10, negative_prompt="blur")
    ref = await replicate.submit(spec, request, "job-x")
    sent = replicate_emulator.predictions[ref.remote_id]["input"]
    assert sent["negative_prompt"] == "blur" and sent["duration"] == 10
    assert "resolution" not in sent  # Kling has no resolution field
    # guidance_scale is deprecated and unused upstream, so the catalog does not declare it
    with pytest.raises(InvalidRequest, match="no parameter 'guidance_scale'"):
        validated("kwaivgi/kling-v2.5-turbo-pro", duration=10, extra={"guidance_scale": 0.7})


async def test_cancel_stops_a_running_prediction(replicate, replicate_emulator):
    replicate_emulator.set_faults(latency=30.0)
    spec, request = validated("google/veo-3.1-fast", duration=4)
    ref = await replicate.submit(spec, request, "job-c")
    await replicate.cancel(ref)
    status = await replicate.poll(ref)
    assert status.state is RemoteState.CANCELLED and status.raw_status == "canceled"
    assert replicate_emulator.stats()["cancels"] == {ref.remote_id: 1}


async def test_list_recent_follows_pagination(replicate, replicate_emulator):
    replicate_emulator.set_faults(page_size=2)
    spec, request = validated("google/veo-3.1-fast", duration=4)
    since = time.time() - 1
    ids = [(await replicate.submit(spec, request, f"job-{i}")).remote_id for i in range(5)]
    records = await replicate.list_recent(since)
    assert sorted(r.remote_id for r in records) == sorted(ids)
    assert all(r.model == "google/veo-3.1-fast" and r.input["duration"] == 4 for r in records)
    assert replicate_emulator.stats()["list_requests"] == 3  # pages of 2, 2 and 1


async def test_list_recent_stops_at_older_predictions(replicate, replicate_emulator):
    replicate_emulator.set_faults(page_size=2)
    spec, request = validated("google/veo-3.1-fast", duration=4)
    for i in range(4):
        await replicate.submit(spec, request, f"old-{i}")
    for pred in replicate_emulator.predictions.values():
        pred["created_at"] -= 3600
    since = time.time() - 60
    new = await replicate.submit(spec, request, "new")
    records = await replicate.list_recent(since)
    assert [r.remote_id for r in records] == [new.remote_id]
    assert replicate_emulator.stats()["list_requests"] == 1


async def test_check_credentials_names_the_account(replicate):
    assert await replicate.check_credentials() == "Replicate account: emulator"
