"""Studio's concepts mapped onto whatever a schema offers, run against the emulator.

The three models of the report whose published JSON schema we could not find a copy of
(kling-v2.1, wan-2.2-i2v-fast, and a portrait/landscape model) are described here by small
schemas WRITTEN FOR THIS TEST from what their public pages say. They are served by the
emulator, which validates every create request against them.
"""

from __future__ import annotations

import pytest

from studio.core.errors import InvalidRequest
from studio.core.request import GenerationRequest, validate
from studio.providers.replicate import ReplicateProvider
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator
from tests.providers._replicate_kit import poll_until_done, write_png
from tests.providers.conftest import FAST_POLICY

_URI = {"type": "string", "format": "uri"}

WRITTEN_HERE = {
    # Like kwaivgi/kling-v2.1: image-to-video only, no aspect ratio field, mode standard/pro.
    "test/kling-v2.1-like": {
        "description": "image-only, no aspect field (written for this test)",
        "required": ["prompt", "start_image"],
        "fields": {
            "prompt": {"type": "string"},
            "mode": {"type": "string", "enum": ["standard", "pro"], "default": "standard"},
            "duration": {"type": "integer", "enum": [5, 10], "default": 5},
            "start_image": {**_URI, "description": "First frame of the video (required)"},
            "end_image": {**_URI, "description": "Last frame of the video (pro mode only)"},
            "negative_prompt": {"type": "string", "default": ""},
        },
    },
    # Like wan-video/wan-2.2-i2v-fast: time counted in frames at its own frame rate.
    "test/wan-frames-like": {
        "description": "num_frames at frames_per_second (written for this test)",
        "required": ["prompt", "image"],
        "fields": {
            "prompt": {"type": "string"},
            "image": {**_URI},
            "num_frames": {"type": "integer", "minimum": 81, "maximum": 121, "default": 81},
            "frames_per_second": {"type": "integer", "minimum": 5, "maximum": 30, "default": 16},
            "resolution": {"type": "string", "enum": ["480p", "720p"], "default": "480p"},
            "go_fast": {"type": "boolean", "default": True},
        },
    },
    # Like openai/sora-2: aspect as words, seconds as an enum with no default.
    "test/words-like": {
        "description": "portrait/landscape and seconds without default (written for this test)",
        "required": ["prompt"],
        "fields": {
            "prompt": {"type": "string"},
            "aspect_ratio": {"type": "string", "enum": ["portrait", "landscape"]},
            "seconds": {"type": "integer", "enum": [4, 8, 12]},
        },
    },
}


@pytest.fixture
async def provider():
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=0.1, models=WRITTEN_HERE) as emu:
        prov = ReplicateProvider(DEFAULT_TOKEN, base_url=emu.url, poll_interval=0.05, policy=FAST_POLICY)
        prov.emulator = emu
        yield prov
        await prov.aclose()


async def run(provider, spec, request):
    validated = validate(spec, request)
    ref = await provider.submit(spec, validated, "job-1")
    status = await poll_until_done(provider, ref)
    assert status.result is not None, status
    return provider.emulator.predictions[ref.remote_id]["input"], validated


async def test_image_only_model_without_aspect_field(provider, tmp_path):
    spec = await provider.fetch_model_spec("test/kling-v2.1-like")
    assert spec.inputs["first_frame"].required and not spec.has_aspect_setting
    with pytest.raises(InvalidRequest) as info:
        validate(spec, GenerationRequest(spec.id, "a dancer spins"))
    assert info.value.field == "first_frame" and "from an image" in info.value.user_message
    image = str(write_png(tmp_path / "me.png", 2000))
    sent, validated = await run(
        provider, spec,
        GenerationRequest(spec.id, "a dancer spins", aspect_ratio="9:16", first_frame=image, extra={"mode": "pro"}),
    )
    assert "aspect_ratio" not in sent and sent["start_image"].startswith("data:image/png")
    assert sent["mode"] == "pro" and sent["duration"] == 5
    assert any("no aspect ratio setting" in w for w in validated.warnings)


async def test_frames_follow_the_models_own_fps_parameter(provider, tmp_path):
    spec = await provider.fetch_model_spec("test/wan-frames-like")
    assert spec.params["fps"] == "frames_per_second" and spec.fps == 16
    assert spec.default_duration == pytest.approx(81 / 16, abs=1e-3)
    image = str(write_png(tmp_path / "me.png", 2000))
    sent, _ = await run(provider, spec, GenerationRequest(spec.id, "waves", first_frame=image))
    assert sent["num_frames"] == 81 and "frames_per_second" not in sent
    # At a frame rate the person chose, the frame count follows it (5 s at 24 fps).
    request = GenerationRequest(spec.id, "waves", duration=5, first_frame=image, extra={"frames_per_second": 24})
    sent, _ = await run(provider, spec, request)
    assert sent["num_frames"] == 120 and sent["frames_per_second"] == 24
    # 6 s at 24 fps is 144 frames: more than the model makes, refused before sending.
    with pytest.raises(InvalidRequest) as info:
        validate(spec, GenerationRequest(spec.id, "waves", duration=6, first_frame=image,
                                         extra={"frames_per_second": 24}))
    assert info.value.field == "duration" and "144 frames" in info.value.user_message


async def test_aspect_words_and_the_shortest_duration_by_default(provider):
    spec = await provider.fetch_model_spec("test/words-like")
    assert spec.aspect_ratios == ("9:16", "16:9") and spec.default_duration == 4
    sent, validated = await run(provider, spec, GenerationRequest(spec.id, "a kite", aspect_ratio="16:9"))
    assert sent == {"prompt": "a kite", "seconds": 4, "aspect_ratio": "landscape"}
    assert validated.size == (1280, 720)
    sent, _ = await run(provider, spec, GenerationRequest(spec.id, "a kite"))
    assert sent["aspect_ratio"] == "portrait"
