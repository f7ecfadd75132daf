"""The built-in Replicate catalog: it loads, it agrees with the schemas, its rules hold."""

from __future__ import annotations

import pytest

from studio.core.errors import InvalidRequest, ModelUnavailable
from studio.core.modelspec import ModelSpec
from studio.core.request import GenerationRequest, quote, validate
from tests.emulators._replicate_models import MODELS
from tests.providers._replicate_kit import catalog, spec

LIVE = ["google/veo-3.1", "google/veo-3.1-fast", "google/veo-3.1-lite", "kwaivgi/kling-v2.5-turbo-pro",
        "kwaivgi/kling-v2.6"]  # fmt: skip


def req(s: ModelSpec, **fields) -> GenerationRequest:
    fields.setdefault("prompt", "a red kite over the dunes")
    return GenerationRequest(model_id=s.id, **fields)


def test_catalog_loads_and_round_trips():
    specs = catalog()
    assert set(specs) == {f"replicate:{m}" for m in LIVE + ["openai/sora-2", "openai/sora-2-pro"]}
    for s in specs.values():
        assert s.provider == "replicate"
        assert ModelSpec.from_dict(s.to_dict()) == s
        for resolution, sizes in s.resolutions.items():
            assert set(sizes) == set(s.aspect_ratios), (s.id, resolution)
            assert all(w % 2 == 0 and h % 2 == 0 for w, h in sizes.values())


@pytest.mark.parametrize("model", LIVE)
def test_catalog_fields_exist_in_the_model_schema(model):
    s = spec(model)
    fields = MODELS[model]["fields"]
    sent = [s.param_name("duration"), s.param_name("aspect_ratio")]
    sent += [i.param for i in s.inputs.values()]
    sent += [p for p in (s.audio_param, s.seed_param, s.negative_prompt_param) if p]
    if "resolution" in s.params:
        sent.append(s.params["resolution"])
        assert list(s.resolutions) == fields["resolution"]["enum"]
    assert [f for f in sent if f not in fields] == []
    assert list(s.durations.choices) == fields["duration"]["enum"]
    assert list(s.aspect_ratios) == fields["aspect_ratio"]["enum"]


def test_veo_references_only_at_16_9_and_8_seconds():
    s = spec("google/veo-3.1")
    refs = ("a.png", "b.png")
    with pytest.raises(InvalidRequest) as info:
        validate(s, req(s, reference_images=refs, aspect_ratio="9:16", duration=8))
    assert info.value.field == "aspect_ratio" and info.value.allowed == ["16:9"]
    with pytest.raises(InvalidRequest) as info:
        validate(s, req(s, reference_images=refs, aspect_ratio="16:9", duration=6))
    assert info.value.field == "duration"
    with pytest.raises(InvalidRequest):
        validate(s, req(s, reference_images=("a.png",) * 4, duration=8))
    ok = validate(s, req(s, reference_images=refs, duration=8, first_frame="f.png", last_frame="l.png"))
    assert any("ignores the last frame" in w for w in ok.warnings)
    plain = validate(s, req(s, reference_images=refs, duration=8))
    assert plain.warnings == ()


def test_veo_fast_has_no_reference_images():
    s = spec("google/veo-3.1-fast")
    assert s.max_reference_images == 0
    with pytest.raises(InvalidRequest) as info:
        validate(s, req(s, reference_images=("a.png",)))
    assert info.value.field == "reference_images"


def test_veo_last_frame_needs_a_first_frame():
    s = spec("google/veo-3.1")
    with pytest.raises(InvalidRequest) as info:
        validate(s, req(s, last_frame="end.png"))
    assert info.value.field == "first_frame"


def test_quote_differs_with_audio():
    s = spec("google/veo-3.1")
    assert quote(s, req(s, duration=8, audio=True)) == pytest.approx(3.20)
    assert quote(s, req(s, duration=8, audio=False)) == pytest.approx(1.60)
    fast = spec("google/veo-3.1-fast")
    assert quote(fast, req(fast, duration=8)) == pytest.approx(1.20)  # sound is on by default
    assert quote(fast, req(fast, duration=8, audio=False)) == pytest.approx(0.80)


def test_veo_lite_prices_by_resolution_and_1080p_needs_8_seconds():
    s = spec("google/veo-3.1-lite")
    assert s.negative_prompt_param is None and s.audio_param is None and s.max_reference_images == 0
    assert quote(s, req(s, duration=4, resolution="720p")) == pytest.approx(0.20)
    assert quote(s, req(s, duration=8, resolution="1080p")) == pytest.approx(0.64)
    with pytest.raises(InvalidRequest) as info:
        validate(s, req(s, duration=4, resolution="1080p"))
    assert info.value.field == "duration"


def test_kling_ignores_aspect_with_a_start_image():
    s = spec("kwaivgi/kling-v2.5-turbo-pro")
    result = validate(s, req(s, first_frame="me.jpg", aspect_ratio="9:16", duration=10))
    assert any("aspect ratio" in w for w in result.warnings)
    assert result.cost == pytest.approx(0.70)
    assert s.size_for(None, "1:1") == (720, 720)
    with pytest.raises(InvalidRequest):
        validate(s, req(s, seed=3))
    with pytest.raises(InvalidRequest):
        validate(s, req(s, audio=True))


def test_kling_26_has_audio_but_no_end_image():
    s = spec("kwaivgi/kling-v2.6")
    assert s.audio_default and not s.supports_last_frame
    assert quote(s, req(s, duration=5)) == pytest.approx(0.70)


def test_sora_is_retired_with_a_replacement():
    for model in ("openai/sora-2", "openai/sora-2-pro"):
        s = spec(model)
        assert s.status.state == "retired" and s.status.date == "2026-09-24"
        assert s.status.replacement == "replicate:google/veo-3.1-fast"
        assert "OpenAI" in s.status.note
        with pytest.raises(ModelUnavailable):
            validate(s, req(s))
    pro = spec("openai/sora-2-pro")
    assert quote(pro, req(pro, resolution="high", duration=4)) == pytest.approx(2.00)
    assert pro.size_for("high", "16:9") == (1792, 1024)
