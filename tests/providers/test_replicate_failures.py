"""The Replicate adapter against the emulator's failures: nothing is paid twice, every
failure becomes the right error with one clear sentence."""

from __future__ import annotations

import asyncio
import dataclasses
import socket

import av
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
    StudioError,
    TransientError,
)
from studio.core.modelspec import DurationRule
from studio.core.request import GenerationRequest, validate
from studio.providers.base import RemoteState, SubmitNotSent
from studio.providers.replicate import ReplicateProvider
from tests.providers._replicate_kit import poll_until_done, spec, validated, write_png
from tests.providers.conftest import FAST_POLICY

# -- creates: never resent unless provably unsent ---------------------------------------------


async def test_429_on_create_is_sent_again_by_the_transport_after_the_wait(replicate, replicate_emulator):
    """A 429 is a refusal (nothing was created), so the one retry layer sends it again."""
    replicate_emulator.set_faults(create_429=1, retry_after=0.2)
    s, request = validated("google/veo-3.1-fast", duration=4)
    ref = await replicate.submit(s, request, "job")
    stats = replicate_emulator.stats()
    assert stats["create_requests"] == 2 and stats["creates"] == {ref.remote_id: 1}


async def test_429_storm_on_create_ends_with_one_sentence_that_does_not_contradict_itself(replicate, replicate_emulator):
    replicate_emulator.set_faults(create_429=50, retry_after=0.05)
    s, request = validated("google/veo-3.1-fast", duration=4)
    with pytest.raises(RateLimited) as info:
        await replicate.submit(s, request, "job")
    message = info.value.user_message
    assert "nothing was charged" in message and "will try again" not in message
    stats = replicate_emulator.stats()
    assert stats["create_requests"] == FAST_POLICY.attempts and stats["creates"] == {}


async def test_connect_refused_on_create_raises_submit_not_sent():
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    provider = ReplicateProvider("test-key-replicate", base_url=f"http://127.0.0.1:{port}", policy=FAST_POLICY)
    s, request = validated("google/veo-3.1-fast", duration=4)
    try:
        with pytest.raises(SubmitNotSent) as info:
            await provider.submit(s, request, "job")
        assert isinstance(info.value, TransientError)
        assert "nothing was sent" in info.value.user_message
    finally:
        await provider.aclose()


async def test_reset_after_send_is_lost_not_resent(replicate, replicate_emulator):
    replicate_emulator.set_faults(create_reset=1)
    s, request = validated("google/veo-3.1-fast", duration=4)
    with pytest.raises(LostSubmission) as info:
        await replicate.submit(s, request, "job")
    assert info.value.kind == "unknown"
    stats = replicate_emulator.stats()
    assert stats["create_requests"] == 1
    assert list(stats["creates"].values()) == [1]  # it exists remotely: reconcile, never resend
    (remote_id,) = stats["creates"]
    records = await replicate.list_recent(0)
    assert [r.remote_id for r in records] == [remote_id]


async def test_5xx_on_create_is_lost_not_resent(replicate, replicate_emulator):
    replicate_emulator.set_faults(create_5xx=1)
    s, request = validated("google/veo-3.1-fast", duration=4)
    with pytest.raises(LostSubmission):
        await replicate.submit(s, request, "job")
    assert replicate_emulator.stats()["create_requests"] == 1


async def test_read_timeout_on_create_is_lost_not_resent(replicate_emulator):
    replicate_emulator.set_faults(create_delay=1.0)
    provider = ReplicateProvider(
        "test-key-replicate", base_url=replicate_emulator.url, policy=FAST_POLICY, timeout=0.3
    )
    s, request = validated("google/veo-3.1-fast", duration=4)
    try:
        with pytest.raises(LostSubmission):
            await provider.submit(s, request, "job")
    finally:
        await provider.aclose()
    assert replicate_emulator.stats()["create_requests"] == 1


async def test_failed_upload_before_create_is_submit_not_sent(replicate, replicate_emulator, tmp_path):
    replicate_emulator.set_faults(upload_5xx=10)
    image = write_png(tmp_path / "big.png", 1_100_000)
    s, request = validated("google/veo-3.1", first_frame=str(image), duration=8)
    with pytest.raises(SubmitNotSent):
        await replicate.submit(s, request, "job")
    assert replicate_emulator.stats()["create_requests"] == 0


async def test_upload_5xx_is_retried(replicate, replicate_emulator, tmp_path):
    replicate_emulator.set_faults(upload_5xx=1)
    image = write_png(tmp_path / "big.png", 1_100_000)
    s, request = validated("google/veo-3.1", first_frame=str(image), duration=8)
    await replicate.submit(s, request, "job")
    stats = replicate_emulator.stats()
    assert stats["uploads"] == 1 and stats["create_requests"] == 1


# -- polls and downloads: retried ---------------------------------------------------------------


async def test_5xx_on_poll_is_retried(replicate, replicate_emulator):
    s, request = validated("google/veo-3.1-fast", duration=4)
    ref = await replicate.submit(s, request, "job")
    replicate_emulator.set_faults(poll_5xx=2)
    status = await replicate.poll(ref)
    assert status.state in (RemoteState.QUEUED, RemoteState.RUNNING)
    assert replicate_emulator.stats()["polls"][ref.remote_id] == 3


async def test_poll_gives_up_with_transient_error(replicate, replicate_emulator):
    s, request = validated("google/veo-3.1-fast", duration=4)
    ref = await replicate.submit(s, request, "job")
    replicate_emulator.set_faults(poll_5xx=10)
    with pytest.raises(TransientError) as info:
        await replicate.poll(ref)
    assert "temporary problem" in info.value.user_message
    assert replicate_emulator.stats()["polls"][ref.remote_id] == FAST_POLICY.attempts


async def test_reset_mid_download_resumes_with_range(replicate, replicate_emulator, tmp_path):
    s, request = validated("google/veo-3.1-fast", duration=6)
    ref = await replicate.submit(s, request, "job")
    status = await poll_until_done(replicate, ref)
    replicate_emulator.set_faults(download_reset=1)
    dest = tmp_path / "clip.mp4"
    await replicate.download(ref, status, dest)
    stats = replicate_emulator.stats()
    assert stats["download_requests"][ref.remote_id] == 2
    assert stats["ranged_downloads"][ref.remote_id] == 1
    assert stats["downloads"][ref.remote_id] == 1
    with av.open(str(dest)) as container:
        assert container.duration / 1e6 == pytest.approx(6.0, abs=0.1)


async def test_expired_output_raises_expired(replicate, replicate_emulator, tmp_path):
    s, request = validated("google/veo-3.1-fast", duration=4)
    ref = await replicate.submit(s, request, "job")
    status = await poll_until_done(replicate, ref)
    replicate_emulator.expire(ref.remote_id)
    with pytest.raises(Expired) as info:
        await replicate.download(ref, status, tmp_path / "late.mp4")
    assert "generate it again" in info.value.user_message
    assert not (tmp_path / "late.mp4").exists() and not (tmp_path / "late.mp4.part").exists()
    again = await replicate.poll(ref)  # the prediction says data_removed, with no output
    assert again.state is RemoteState.SUCCEEDED and again.result is None
    assert isinstance(again.error, Expired)


async def test_output_gone_after_retention(replicate, replicate_emulator, tmp_path):
    replicate_emulator.set_faults(retention=0.2, latency=0.1)
    s, request = validated("google/veo-3.1-fast", duration=4)
    ref = await replicate.submit(s, request, "job")
    status = await poll_until_done(replicate, ref)
    await asyncio.sleep(0.4)
    with pytest.raises(Expired):
        await replicate.download(ref, status, tmp_path / "late.mp4")


# -- failed predictions -----------------------------------------------------------------------


async def test_moderation_failure_is_content_rejected_with_reason(replicate, replicate_emulator, tmp_path):
    replicate_emulator.set_faults(moderation=1)
    image = write_png(tmp_path / "face.png", 4000)
    s, request = validated("google/veo-3.1-fast", duration=4, first_frame=str(image))
    ref = await replicate.submit(s, request, "job")
    status = await poll_until_done(replicate, ref)
    assert status.state is RemoteState.FAILED
    error = status.error
    assert isinstance(error, ContentRejected)
    assert "flagged as sensitive" in error.reason and "E005" in error.user_message
    assert error.input_name == "first_frame"
    assert error.to_dict()["kind"] == "content_rejected"


async def test_moderation_of_the_prompt_names_the_prompt(replicate, replicate_emulator):
    replicate_emulator.set_faults(
        moderation=1, moderation_error="E005: The prompt was flagged as sensitive by the safety filter."
    )
    s, request = validated("google/veo-3.1-fast", duration=4)
    status = await poll_until_done(replicate, await replicate.submit(s, request, "job"))
    assert isinstance(status.error, ContentRejected) and status.error.input_name == "prompt"


async def test_other_failure_quotes_replicate(replicate, replicate_emulator):
    replicate_emulator.set_faults(fail=1, fail_error="Prediction failed: out of memory")
    s, request = validated("google/veo-3.1-fast", duration=4)
    status = await poll_until_done(replicate, await replicate.submit(s, request, "job"))
    assert status.state is RemoteState.FAILED
    assert type(status.error) is StudioError
    assert "out of memory" in status.error.user_message


# -- HTTP errors ----------------------------------------------------------------------------------


async def test_401_is_auth_error(replicate, replicate_emulator):
    replicate_emulator.set_faults(create_401=1)
    s, request = validated("google/veo-3.1-fast", duration=4)
    with pytest.raises(AuthError) as info:
        await replicate.submit(s, request, "job")
    assert "API key" in info.value.user_message


async def test_wrong_key_fails_check_credentials(replicate_emulator):
    provider = ReplicateProvider("wrong-key-123456", base_url=replicate_emulator.url, policy=FAST_POLICY)
    try:
        with pytest.raises(AuthError):
            await provider.check_credentials()
    finally:
        await provider.aclose()


async def test_missing_key_is_auth_error_before_any_request(replicate_emulator):
    provider = ReplicateProvider(None, base_url=replicate_emulator.url)
    s, request = validated("google/veo-3.1-fast", duration=4)
    try:
        with pytest.raises(AuthError):
            await provider.submit(s, request, "job")
    finally:
        await provider.aclose()
    assert replicate_emulator.stats()["create_requests"] == 0


async def test_402_is_quota_error_quoting_replicate(replicate, replicate_emulator):
    replicate_emulator.set_faults(create_402=1)
    s, request = validated("google/veo-3.1-fast", duration=4)
    with pytest.raises(QuotaError) as info:
        await replicate.submit(s, request, "job")
    assert "You need to set up billing" in info.value.user_message


async def test_422_names_the_field(replicate, replicate_emulator):
    # A spec that disagrees with the live schema (5 s is not a Veo duration) gets through
    # local validation; Replicate's 422 must come back naming the field.
    s = dataclasses.replace(spec("google/veo-3.1-fast"), durations=DurationRule(choices=(5.0,)))
    request = validate(s, GenerationRequest(model_id=s.id, prompt="x", duration=5))
    with pytest.raises(InvalidRequest) as info:
        await replicate.submit(s, request, "job")
    assert info.value.field == "duration"
    assert "4, 6, 8" in info.value.user_message


async def test_422_maps_provider_field_to_studio_name(replicate, replicate_emulator):
    missing = f"{replicate_emulator.url}/v1/files/no-such-file.png"  # Replicate cannot fetch it
    s, request = validated("kwaivgi/kling-v2.5-turbo-pro", duration=5, first_frame=missing)
    with pytest.raises(InvalidRequest) as info:
        await replicate.submit(s, request, "job")
    assert info.value.field == "first_frame"


async def test_unknown_model_is_model_unavailable(replicate, replicate_emulator):
    s = spec("openai/sora-2")
    request = validate(s, GenerationRequest(model_id=s.id, prompt="x"), allow_retired=True)
    with pytest.raises(ModelUnavailable) as info:
        await replicate.submit(s, request, "job")
    assert "openai/sora-2" in info.value.user_message


# -- the key never leaks ---------------------------------------------------------------------------


async def test_key_never_appears_in_errors_logs_or_reprs(caplog, tmp_path):
    import logging

    from tests.emulators.replicate import ReplicateEmulator

    key = "test-key-replicate-leakcheck"
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    with ReplicateEmulator(token=key, latency=0.1) as emu:
        provider = ReplicateProvider(key, base_url=emu.url, poll_interval=0.02, policy=FAST_POLICY)
        texts += [repr(provider), repr(provider._client.auth), repr(provider._client.headers)]
        s, request = validated("google/veo-3.1-fast", duration=4)
        faults = [
            {"create_401": 1}, {"create_402": 1}, {"create_429": 1}, {"create_5xx": 1}, {"create_reset": 1},
            {"auth_401": 1}, {"moderation": 1}, {"poll_5xx": 10},
        ]  # fmt: skip
        for fault in faults:
            emu.set_faults(**fault)
            try:
                ref = await provider.submit(s, request, "job")
                status = await poll_until_done(provider, ref)
                if status.error:
                    texts += [str(status.error), repr(status.error), str(status.error.to_dict())]
                await provider.download(ref, status, tmp_path / "x.mp4")
            except StudioError as exc:
                texts += [str(exc), repr(exc), str(exc.to_dict()), str(exc.__cause__), str(exc.__context__)]
        await provider.aclose()
    texts += [record.getMessage() for record in caplog.records]
    texts += [str(record.args) for record in caplog.records]
    assert len(texts) > 20
    assert not [t for t in texts if key in t]
