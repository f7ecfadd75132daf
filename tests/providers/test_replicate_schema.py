"""Any Replicate model as a ModelSpec, from its OpenAPI Input schema."""

from __future__ import annotations

import pytest

from studio.core.errors import InvalidRequest, ModelUnavailable
from studio.core.modelspec import ModelSpec
from studio.core.request import GenerationRequest, validate
from studio.providers.replicate import fetch_model_spec, spec_from_model_json
from studio.providers.replicate.inputs import build_input
from tests.emulators._replicate_models import openapi_model
from tests.providers._replicate_kit import poll_until_done


def test_made_up_model_becomes_a_full_spec():
    spec = spec_from_model_json(openapi_model("acme/wavegen"))
    assert spec.id == "replicate:acme/wavegen" and spec.user_defined
    assert spec.params["duration"] == "seconds"
    assert (spec.durations.minimum, spec.durations.maximum) == (2, 12) and spec.default_duration == 5
    assert spec.aspect_ratios == ("16:9", "9:16", "1:1", "4:3") and spec.default_aspect == "16:9"
    assert list(spec.resolutions) == ["480p", "720p"] and spec.default_resolution == "720p"
    assert spec.resolutions["720p"]["9:16"] == (720, 1280) and spec.resolutions["720p"]["1:1"] == (720, 720)
    assert spec.inputs["first_frame"].param == "first_frame_image"
    assert spec.inputs["last_frame"].param == "last_frame_image"
    assert spec.inputs["reference_images"].param == "reference_images"
    assert spec.max_reference_images == 2
    assert spec.audio_supported and not spec.audio_default and spec.audio_param == "generate_audio"
    assert spec.seed_param == "seed" and spec.negative_prompt_param == "negative_prompt"
    assert spec.max_prompt_length == 500
    assert spec.price == () and spec.price_summary() == "price unknown"
    extras = {p.name: p for p in spec.extra_params}
    assert set(extras) == {"style", "guidance", "motion_strength", "loop"}  # api_key left out
    assert extras["style"].choices == ("cinematic", "anime", "documentary")  # resolved through allOf/$ref
    assert extras["style"].default == "cinematic"
    assert (extras["guidance"].minimum, extras["guidance"].maximum, extras["guidance"].type) == (1, 20, "number")
    assert extras["motion_strength"].type == "integer" and extras["loop"].type == "boolean"
    assert "api_key" in spec.description
    assert ModelSpec.from_dict(spec.to_dict()) == spec


def test_schema_spec_validates_requests():
    spec = spec_from_model_json(openapi_model("acme/wavegen"))
    ok = validate(spec, GenerationRequest(model_id=spec.id, prompt="waves", duration=7, extra={"style": "anime"}))
    assert ok.duration == 7 and ok.size == (1280, 720)
    with pytest.raises(InvalidRequest) as info:
        validate(spec, GenerationRequest(model_id=spec.id, prompt="waves", extra={"style": "noir"}))
    assert info.value.field == "style"
    with pytest.raises(InvalidRequest):
        validate(spec, GenerationRequest(model_id=spec.id, prompt="waves", duration=13))


def test_veo_fast_schema_matches_the_catalog_shape():
    spec = spec_from_model_json(openapi_model("google/veo-3.1-fast"))
    assert spec.durations.choices == (4, 6, 8) and spec.default_duration == 8
    assert spec.default_resolution == "1080p" and spec.audio_default is True
    assert spec.inputs["first_frame"].param == "image" and "reference_images" not in spec.inputs


def test_deprecated_alias_is_not_picked_for_the_first_frame():
    spec = spec_from_model_json(openapi_model("kwaivgi/kling-v2.5-turbo-pro"))
    assert spec.inputs["first_frame"].param == "start_image"
    assert spec.inputs["last_frame"].param == "end_image"
    assert spec.resolutions == {}


def _model(props: dict, components: dict | None = None) -> dict:
    schemas = {"Input": {"type": "object", "properties": props}, **(components or {})}
    return {"owner": "acme", "name": "frames", "latest_version": {"openapi_schema": {"components": {"schemas": schemas}}}}


async def test_frame_counts_become_seconds_and_back():
    spec = spec_from_model_json(
        _model(
            {
                "prompt": {"type": "string"},
                "num_frames": {"allOf": [{"$ref": "#/components/schemas/num_frames"}], "default": 120},
                "fps": {"type": "integer", "default": 24},
                "aspect_ratio": {"type": "string", "enum": ["portrait", "landscape"]},
            },
            {"num_frames": {"type": "integer", "enum": [120, 240]}},
        )
    )
    assert spec.durations.choices == (5.0, 10.0) and spec.default_duration == 5.0
    assert spec.aspect_ratios == ("9:16", "16:9")  # portrait/landscape read as the ratios they mean
    assert [p.name for p in spec.extra_params] == ["fps"]
    request = validate(spec, GenerationRequest(model_id=spec.id, prompt="x", duration=10, aspect_ratio="16:9"))

    async def no_upload(path, mime):  # pragma: no cover - no images here
        raise AssertionError

    data = await build_input(spec, request, no_upload)
    assert data["num_frames"] == 240 and data["aspect_ratio"] == "landscape"


def test_model_without_schema_is_unavailable():
    with pytest.raises(ModelUnavailable):
        spec_from_model_json({"owner": "acme", "name": "x", "latest_version": None})


async def test_fetch_over_http_and_run_the_imported_model(replicate, replicate_emulator):
    spec = await replicate.fetch_model_spec("acme/wavegen")
    assert spec.id == "replicate:acme/wavegen"
    request = validate(
        spec, GenerationRequest(model_id=spec.id, prompt="waves", duration=6, audio=True, extra={"style": "anime"})
    )
    ref = await replicate.submit(spec, request, "job")
    sent = replicate_emulator.predictions[ref.remote_id]["input"]
    assert sent["seconds"] == 6 and sent["style"] == "anime" and sent["generate_audio"] is True
    assert sent["resolution"] == "720p" and sent["aspect_ratio"] == "16:9"
    status = await poll_until_done(replicate, ref)
    assert status.result is not None


async def test_fetch_with_the_provider_or_its_client(replicate):
    by_provider = await fetch_model_spec(replicate, "google/veo-3.1-fast")
    by_client = await fetch_model_spec(replicate.http_client, "google/veo-3.1-fast")
    assert by_provider == by_client and by_provider.user_defined


async def test_fetch_unknown_model_is_model_unavailable(replicate):
    with pytest.raises(ModelUnavailable) as info:
        await replicate.fetch_model_spec("acme/does-not-exist")
    assert "acme/does-not-exist" in info.value.user_message
