"""Request validation against a ModelSpec: defaults, every refusal, warnings and the quote."""

from __future__ import annotations

import pytest

from studio.core.errors import InvalidRequest, ModelUnavailable
from studio.core.modelspec import ModelSpec
from studio.core.request import GenerationRequest, ValidatedRequest, mime_for_path, quote, validate


def spec_from(**overrides) -> ModelSpec:
    data = {
        "provider": "acme",
        "model": "vid",
        "name": "Acme",
        "durations": [4, 6, 8],
        "default_duration": 8,
        "aspect_ratios": ["16:9", "9:16"],
        "resolutions": {"720p": {"16:9": [1280, 720], "9:16": [720, 1280]}, "1080p": {"16:9": [1920, 1080]}},
        "default_resolution": "720p",
        "fps": 24,
        "inputs": {
            "first_frame": {"param": "image"},
            "last_frame": {"param": "last_image", "requires": ["first_frame"]},
            "reference_images": {"param": "refs", "max": 2},
        },
        "image_formats": ["image/jpeg", "image/png"],
        "audio": {"supported": True, "default": True, "param": "generate_audio"},
        "seed": {"param": "seed"},
        "negative_prompt": {"param": "negative_prompt"},
        "max_prompt_length": 50,
        "price": {
            "currency": "USD",
            "rows": [
                {"resolution": "1080p", "audio": True, "per_second": 0.5},
                {"audio": False, "per_second": 0.1},
                {"per_second": 0.2},
            ],
        },
    }
    data.update(overrides)
    return ModelSpec.from_dict({k: v for k, v in data.items() if v is not None})


SILENT = dict(audio=None, seed=None, negative_prompt=None, inputs=None)


def req(**kwargs) -> GenerationRequest:
    kwargs.setdefault("prompt", "a lighthouse at dawn")
    return GenerationRequest(model_id="acme:vid", **kwargs)


def refused(spec, request, **kwargs) -> InvalidRequest:
    with pytest.raises(InvalidRequest) as info:
        validate(spec, request, **kwargs)
    return info.value


# -- defaults ----------------------------------------------------------------------------


def test_defaults_are_filled():
    result = validate(spec_from(), req(prompt="  padded prompt  "))
    assert isinstance(result, ValidatedRequest)
    r = result.request
    assert r.prompt == "padded prompt"
    assert r.duration == 8.0 and result.duration == 8.0
    assert r.aspect_ratio == "16:9"
    assert r.resolution == "720p"
    assert r.audio is True
    assert result.size == (1280, 720)
    assert result.fps == 24.0
    assert result.warnings == ()
    assert result.cost == pytest.approx(8 * 0.2)
    assert result.currency == "USD"


def test_explicit_values_are_kept():
    result = validate(spec_from(), req(duration=4, aspect_ratio="9:16", audio=False, seed=7))
    assert result.request.duration == 4.0
    assert result.request.aspect_ratio == "9:16"
    assert result.request.audio is False
    assert result.request.seed == 7
    assert result.size == (720, 1280)


# -- duration ----------------------------------------------------------------------------


@pytest.mark.parametrize("duration", [0, -1, -0.5])
def test_zero_or_negative_duration(duration):
    err = refused(spec_from(), req(duration=duration))
    assert err.field == "duration"
    assert "more than zero" in err.user_message


def test_duration_not_in_choices_names_allowed_values():
    err = refused(spec_from(), req(duration=5))
    assert err.field == "duration"
    assert err.allowed == [4.0, 6.0, 8.0]
    assert "4, 6, 8 s" in err.user_message
    assert "5 s" in err.user_message


def test_duration_outside_range():
    spec = spec_from(durations={"min": 2, "max": 10, "step": 1}, default_duration=5)
    assert validate(spec, req(duration=10)).duration == 10.0
    err = refused(spec, req(duration=11))
    assert err.field == "duration"
    assert err.allowed is None
    assert "2–10 s" in err.user_message


# -- shape -------------------------------------------------------------------------------


def test_bad_aspect_ratio():
    err = refused(spec_from(), req(aspect_ratio="1:1"))
    assert err.field == "aspect_ratio"
    assert err.allowed == ["16:9", "9:16"]
    assert "16:9, 9:16" in err.user_message


def test_bad_resolution():
    err = refused(spec_from(), req(resolution="4k"))
    assert err.field == "resolution"
    assert err.allowed == ["720p", "1080p"]


def test_resolution_on_a_model_without_resolutions_is_a_warning():
    spec = spec_from(resolutions=None, default_resolution=None)
    result = validate(spec, req(resolution="1080p"))
    assert len(result.warnings) == 1
    assert "1080p is ignored" in result.warnings[0]


# -- prompt ------------------------------------------------------------------------------


def test_prompt_too_long():
    err = refused(spec_from(), req(prompt="x" * 51))
    assert err.field == "prompt"
    assert "51" in err.user_message and "50" in err.user_message
    assert validate(spec_from(), req(prompt="x" * 50)).request.prompt == "x" * 50


@pytest.mark.parametrize("prompt", ["", "   ", "\n\t"])
def test_empty_prompt(prompt):
    err = refused(spec_from(), req(prompt=prompt))
    assert err.field == "prompt"


def test_empty_prompt_is_fine_with_a_first_frame():
    result = validate(spec_from(), req(prompt="", first_frame="me.jpg"))
    assert result.request.prompt == ""


# -- audio, seed, negative prompt --------------------------------------------------------


def test_audio_on_a_silent_model():
    spec = spec_from(audio={"supported": False})
    err = refused(spec, req(audio=True))
    assert err.field == "audio"
    assert err.allowed == [False]
    assert validate(spec, req(audio=False)).request.audio is False
    assert validate(spec, req()).request.audio is False


def test_audio_always_forces_sound():
    spec = spec_from(audio={"supported": True, "default": False, "always": True})
    assert validate(spec, req(audio=False)).request.audio is True


def test_negative_prompt_on_a_model_without_it():
    spec = spec_from(negative_prompt=None)
    err = refused(spec, req(negative_prompt="blur"))
    assert err.field == "negative_prompt"
    assert validate(spec_from(), req(negative_prompt="blur")).request.negative_prompt == "blur"


def test_seed_on_a_model_without_it():
    err = refused(spec_from(seed=None), req(seed=1))
    assert err.field == "seed"


@pytest.mark.parametrize("seed", [-1, 2**32])
def test_seed_out_of_range(seed):
    assert refused(spec_from(), req(seed=seed)).field == "seed"


def test_seed_bounds_accepted():
    assert validate(spec_from(), req(seed=0)).request.seed == 0
    assert validate(spec_from(), req(seed=2**32 - 1)).request.seed == 2**32 - 1


# -- images ------------------------------------------------------------------------------


def test_too_many_reference_images():
    err = refused(spec_from(), req(reference_images=("a.png", "b.png", "c.png")))
    assert err.field == "reference_images"
    assert err.allowed == [2]
    assert "at most 2" in err.user_message and "3 were given" in err.user_message
    validate(spec_from(), req(reference_images=("a.png", "b.png")))


def test_image_slot_the_model_lacks():
    spec = spec_from(inputs={"first_frame": {"param": "image"}})
    assert refused(spec, req(reference_images=("a.png",))).field == "reference_images"
    assert refused(spec, req(first_frame="a.png", last_frame="b.png")).field == "last_frame"


def test_last_frame_requires_first_frame():
    err = refused(spec_from(), req(last_frame="end.png"))
    assert err.field == "first_frame"
    assert "needs a first frame" in err.user_message
    validate(spec_from(), req(first_frame="start.png", last_frame="end.png"))


@pytest.mark.parametrize("name", ["photo.webp", "photo.gif", "photo", "dir.png/photo.bmp"])
def test_image_extension_not_accepted(name):
    err = refused(spec_from(), req(first_frame=name))
    assert err.field == "first_frame"
    assert "JPEG, PNG" in err.user_message
    assert "/" not in err.user_message.split(" is not")[0]  # the base name only


def test_image_extension_case_insensitive():
    validate(spec_from(), req(first_frame="C:\\pics\\ME.JPG"))
    assert mime_for_path("a.JPEG") == "image/jpeg"
    assert mime_for_path("a.Png") == "image/png"
    assert mime_for_path("noext") is None


def test_aspect_ignored_with_first_frame_warns_only_when_aspect_was_asked():
    spec = spec_from(aspect_ignored_with_first_frame=True)
    assert validate(spec, req(first_frame="a.png")).warnings == ()
    warnings = validate(spec, req(first_frame="a.png", aspect_ratio="9:16")).warnings
    assert len(warnings) == 1 and "9:16 is ignored" in warnings[0]


# -- rules -------------------------------------------------------------------------------


def test_rule_with_list_values():
    spec = spec_from(
        rules=[{"when": {"resolution": ["1080p"]}, "require": {"duration": [8]}, "message": "1080p needs 8 s."}]
    )
    err = refused(spec, req(resolution="1080p", duration=4))
    assert err.user_message == "1080p needs 8 s."
    assert err.field == "duration"
    assert err.allowed == [8]
    assert validate(spec, req(resolution="1080p", duration=8)).duration == 8.0
    assert validate(spec, req(resolution="720p", duration=4)).duration == 4.0


def test_rule_with_present_and_absent():
    spec = spec_from(
        rules=[
            {"when": {"last_frame": "present"}, "require": {"duration": [8]}, "message": "Bridging needs 8 s."},
            {"when": {"first_frame": "absent"}, "require": {"audio": [True]}, "message": "Text-to-video needs sound."},
        ]
    )
    err = refused(spec, req(first_frame="a.png", last_frame="b.png", duration=4))
    assert err.user_message == "Bridging needs 8 s."
    validate(spec, req(first_frame="a.png", duration=4, audio=False))
    err = refused(spec, req(audio=False))
    assert err.field == "audio" and err.user_message == "Text-to-video needs sound."


def test_rule_require_present():
    spec = spec_from(
        rules=[{"when": {"resolution": ["1080p"]}, "require": {"first_frame": "present"}, "message": "Needs image."}]
    )
    err = refused(spec, req(resolution="1080p"))
    assert err.field == "first_frame" and err.allowed is None
    validate(spec, req(resolution="1080p", first_frame="a.png"))


def test_rule_ignored_is_a_warning_not_an_error():
    spec = spec_from(
        rules=[
            {
                "when": {"first_frame": "present"},
                "require": {"negative_prompt": "ignored"},
                "message": "The negative prompt is ignored with a first frame.",
            }
        ]
    )
    result = validate(spec, req(first_frame="a.png", negative_prompt="blur"))
    assert result.warnings == ("The negative prompt is ignored with a first frame.",)
    assert validate(spec, req(first_frame="a.png")).warnings == ()
    assert validate(spec, req(negative_prompt="blur")).warnings == ()


# -- status ------------------------------------------------------------------------------


def test_retired_model_is_unavailable_unless_allowed():
    spec = spec_from(status={"state": "retired", "date": "2025-09-01", "replacement": "acme:vid2"})
    with pytest.raises(ModelUnavailable) as info:
        validate(spec, req())
    assert "retired since 2025-09-01" in info.value.user_message
    assert "acme:vid2" in info.value.user_message
    assert validate(spec, req(), allow_retired=True).duration == 8.0


def test_paused_model_is_unavailable_unless_the_person_sends_it_anyway():
    # Kie paused its Sora models; "--allow-retired" lets a person try whether they are back.
    spec = spec_from(status={"state": "paused", "note": "maintenance"})
    with pytest.raises(ModelUnavailable) as info:
        validate(spec, req())
    assert "paused" in info.value.user_message
    assert validate(spec, req(), allow_retired=True).duration == 8.0


# -- cost --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        (dict(resolution="1080p", audio=True, duration=8), 8 * 0.5),
        (dict(resolution="1080p", audio=False, duration=8), 8 * 0.1),
        (dict(resolution="720p", audio=False, duration=4), 4 * 0.1),
        (dict(resolution="720p", audio=True, duration=6), 6 * 0.2),
    ],
)
def test_cost_quote_by_price_rows(kwargs, expected):
    result = validate(spec_from(), req(**kwargs))
    assert result.cost == pytest.approx(expected)
    assert quote(spec_from(), req(**kwargs)) == pytest.approx(expected)


def test_cost_unknown_without_price():
    assert validate(spec_from(price=None), req()).cost is None


def test_quote_is_none_for_invalid_and_works_for_retired_and_paused():
    assert quote(spec_from(), req(duration=5)) is None
    assert quote(spec_from(status={"state": "paused"}), req(duration=4)) == pytest.approx(0.8)
    assert quote(spec_from(status={"state": "retired"}), req(duration=4)) == pytest.approx(0.8)


# -- extra params ------------------------------------------------------------------------


EXTRA = [
    {"name": "style", "type": "string", "choices": ["anime", "film"]},
    {"name": "guidance", "type": "number", "minimum": 1, "maximum": 10},
    {"name": "steps", "type": "integer", "minimum": 10},
]


def test_extra_param_choices():
    spec = spec_from(extra_params=EXTRA)
    err = refused(spec, req(extra={"style": "oil"}))
    assert err.field == "style"
    assert err.allowed == ["anime", "film"]
    assert validate(spec, req(extra={"style": "film"})).request.extra == {"style": "film"}


@pytest.mark.parametrize("value", [0.5, 10.5, -3])
def test_extra_param_range(value):
    spec = spec_from(extra_params=EXTRA)
    err = refused(spec, req(extra={"guidance": value}))
    assert err.field == "guidance"
    assert "between 1 and 10" in err.user_message


def test_extra_param_range_bounds_and_one_sided():
    spec = spec_from(extra_params=EXTRA)
    validate(spec, req(extra={"guidance": 1, "steps": 10_000}))
    validate(spec, req(extra={"guidance": 10.0}))
    assert refused(spec, req(extra={"steps": 9})).field == "steps"


def test_unknown_extra_keys_are_refused_naming_the_known_ones():
    spec = spec_from(extra_params=EXTRA)
    with pytest.raises(InvalidRequest) as err:
        validate(spec, req(extra={"other": 1}))
    assert err.value.field == "other" and err.value.allowed == sorted(p["name"] for p in EXTRA)


@pytest.mark.parametrize("name", ["openai_api_key", "token", "upstream_secret", "Password"])
def test_credentials_never_travel_as_parameters(name):
    spec = spec_from(extra_params=[*EXTRA, {"name": name, "type": "string"}])
    with pytest.raises(InvalidRequest, match="credential"):
        validate(spec, req(extra={name: "value"}))


# -- the request itself ------------------------------------------------------------------


def test_request_dict_round_trip_and_unknown_keys():
    r = req(duration=4, first_frame="a.png", reference_images=("b.png", "c.png"), extra={"k": 1}, seed=3)
    data = r.to_dict()
    assert data["reference_images"] == ["b.png", "c.png"]
    assert GenerationRequest.from_dict(data) == r
    assert GenerationRequest.from_dict({**data, "future_field": 1}) == r


def test_image_inputs_lists_only_set_slots():
    assert req().image_inputs() == {}
    r = req(first_frame="a.png", reference_images=("b.png",))
    assert r.image_inputs() == {"first_frame": ["a.png"], "reference_images": ["b.png"]}


# -- the real catalog entry --------------------------------------------------------------


@pytest.fixture(scope="module")
def kenburns() -> ModelSpec:
    from studio.services.catalog import Catalog

    return Catalog().get("animatic:kenburns")


def test_kenburns_defaults(kenburns):
    result = validate(kenburns, GenerationRequest("animatic:kenburns", "A title card"))
    assert result.request.duration == 4.0
    assert result.request.aspect_ratio == "16:9"
    assert result.request.resolution == "720p"
    assert result.request.audio is True
    assert result.size == (1280, 720)
    assert result.cost == 0.0


def test_kenburns_refusals(kenburns):
    with pytest.raises(InvalidRequest) as info:
        validate(kenburns, GenerationRequest("animatic:kenburns", "x", duration=0))
    assert info.value.field == "duration"
    with pytest.raises(InvalidRequest) as info:
        validate(kenburns, GenerationRequest("animatic:kenburns", "x", duration=61))
    assert info.value.field == "duration"
    with pytest.raises(InvalidRequest) as info:
        validate(kenburns, GenerationRequest("animatic:kenburns", "x", aspect_ratio="21:9"))
    assert info.value.field == "aspect_ratio"
    with pytest.raises(InvalidRequest) as info:
        validate(kenburns, GenerationRequest("animatic:kenburns", "x", seed=1))
    assert info.value.field == "seed"
    with pytest.raises(InvalidRequest) as info:
        validate(kenburns, GenerationRequest("animatic:kenburns", "x", last_frame="a.png"))
    assert info.value.field == "last_frame"
    with pytest.raises(InvalidRequest) as info:
        validate(kenburns, GenerationRequest("animatic:kenburns", "x" * 4001))
    assert info.value.field == "prompt"


def test_kenburns_vertical_1080p_with_a_bmp(kenburns):
    result = validate(
        kenburns,
        GenerationRequest("animatic:kenburns", "", first_frame="me.bmp", aspect_ratio="9:16", resolution="1080p"),
    )
    assert result.size == (1080, 1920)
