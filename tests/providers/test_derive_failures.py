"""The real failures of remix, edit and extend, as each emulator gives them, in one sentence each."""

from __future__ import annotations

import json

import pytest

from studio.core.errors import Expired, InvalidRequest
from studio.providers.base import RemoteState
from studio.providers.gemini_omni.provider import GeminiOmniProvider
from studio.providers.openai_videos import OpenAIVideosProvider
from studio.providers.vertex_veo import VertexVeoProvider, parse_service_account
from tests.emulators._mp4 import make_mp4
from tests.emulators.gemini import DEFAULT_KEY, GeminiEmulator
from tests.emulators.openai_videos import DEFAULT_TOKEN, OpenAIVideosEmulator
from tests.emulators.vertex import VertexEmulator
from tests.providers._seed_kit import validated
from tests.providers.conftest import FAST_POLICY


def clip(tmp_path, seconds: float, *, fps: int = 24, size=(256, 144)):
    path = tmp_path / f"source-{seconds}-{fps}.mp4"
    path.write_bytes(make_mp4(seconds, width=size[0], height=size[1], fps=fps))
    return str(path)


@pytest.mark.parametrize(
    ("seconds", "fps", "size", "needle"),
    [
        (0.5, 24, (256, 144), "must be 1 to 30 seconds long; it is 0.5 seconds"),
        (31, 24, (256, 144), "must be 1 to 30 seconds long"),
        (4, 30, (256, 144), "must be 24 fps; it is 30 fps"),
        (4, 24, (200, 200), "aspect ratio must be 16:9 or 9:16"),
    ],
)
async def test_vertex_refuses_a_source_it_cannot_extend(tmp_path, seconds, fps, size, needle):
    with VertexEmulator(latency=0.1) as emu:
        account = parse_service_account(json.dumps(emu.service_account_info()))
        provider = VertexVeoProvider(account, base_url=emu.url, poll_interval=0.05, policy=FAST_POLICY)
        try:
            spec, request = validated("vertex:veo-3.1-fast-generate-001", duration=4, resolution="720p",
                                      extra={"extend_video": clip(tmp_path, seconds, fps=fps, size=size)})  # fmt: skip
            with pytest.raises(InvalidRequest) as caught:
                await provider.submit(spec, request, "k")
        finally:
            await provider.aclose()
    assert needle in caught.value.user_message and "\n" not in caught.value.user_message
    assert emu.operations == {}


async def test_vertex_extends_only_at_720p_and_says_so_before_sending(tmp_path):
    with VertexEmulator(latency=0.1) as emu:
        account = parse_service_account(json.dumps(emu.service_account_info()))
        provider = VertexVeoProvider(account, base_url=emu.url, policy=FAST_POLICY)
        try:
            spec, request = validated("vertex:veo-3.1-generate-001", duration=4, resolution="1080p",
                                      extra={"extend_video": clip(tmp_path, 4)})  # fmt: skip
            with pytest.raises(InvalidRequest, match="only at 720p"):
                await provider.submit(spec, request, "k")
        finally:
            await provider.aclose()
    assert emu.stats["create_requests"] == 0


async def test_openai_remix_of_an_unknown_or_unfinished_video(tmp_path):
    with OpenAIVideosEmulator(latency=5.0) as emu:
        provider = OpenAIVideosProvider(DEFAULT_TOKEN, base_url=f"{emu.url}/v1", policy=FAST_POLICY)
        try:
            spec, request = validated("openai:sora-2", duration=4)
            with pytest.raises(Expired, match="no longer has the video this take came from"):
                await provider.remix("video_missing", "warmer light", spec=spec)
            running = await provider.submit(spec, request, "k")  # still in progress for 5 s
            with pytest.raises(InvalidRequest, match="Only completed videos can be remixed"):
                await provider.remix(running.remote_id, "warmer light", spec=spec)
        finally:
            await provider.aclose()


async def test_gemini_edit_of_an_unfinished_or_missing_interaction(tmp_path):
    with GeminiEmulator(latency=5.0) as emu:
        provider = GeminiOmniProvider(DEFAULT_KEY, base_url=emu.url, poll_interval=0.05, policy=FAST_POLICY)
        try:
            spec, request = validated("gemini:gemini-omni-1.1-flash", duration=4)
            source = await provider.submit(spec, request, "k")
            status = await provider.poll(source)
            assert status.state is not RemoteState.SUCCEEDED
            _, edit = validated("gemini:gemini-omni-1.1-flash", duration=4, prompt="make it night",
                                extra={"edit_interaction": source.remote_id})  # fmt: skip
            with pytest.raises(InvalidRequest, match="has no finished video to edit"):
                await provider.submit(spec, edit, "k2")
            _, gone = validated("gemini:gemini-omni-1.1-flash", duration=4, prompt="make it night",
                                extra={"edit_interaction": "v1_gone"})  # fmt: skip
            with pytest.raises(Expired, match="no longer keeps the take you asked to edit"):
                await provider.submit(spec, gone, "k3")
        finally:
            await provider.aclose()
