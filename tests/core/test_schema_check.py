"""Values checked against a model's declared fields before anything is sent."""

from __future__ import annotations

import pytest

from studio.core.errors import InvalidRequest
from studio.core.modelspec import ExtraParam, ModelSpec
from studio.core.schema_check import check_input, coerce_value


@pytest.mark.parametrize(
    ("param", "value", "expected"),
    [
        (ExtraParam("steps", "integer", minimum=1, maximum=50), "30", 30),
        (ExtraParam("steps", "integer"), 7.0, 7),
        (ExtraParam("guidance", "number", minimum=0, maximum=1), "0.5", 0.5),
        (ExtraParam("loop", "boolean"), "False", False),
        (ExtraParam("fps", "integer", choices=(24,)), "24", 24),
        (ExtraParam("duration", "string", choices=("5", "10")), 10, "10"),  # typed as a number, sent as the text
        (ExtraParam("style", "string", choices=("anime", "noir")), "noir", "noir"),
    ],
)
def test_values_become_the_declared_type(param, value, expected):
    result = coerce_value(param, value)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize(
    ("param", "value", "needle"),
    [
        (ExtraParam("steps", "integer"), "thirty", "whole number"),
        (ExtraParam("steps", "integer"), 2.5, "whole number"),
        (ExtraParam("steps", "integer"), True, "whole number"),
        (ExtraParam("guidance", "number"), float("nan"), "a number"),
        (ExtraParam("guidance", "number", minimum=0, maximum=1), 1.5, "between 0 and 1"),
        (ExtraParam("steps", "integer", minimum=1), 0, "at least 1"),
        (ExtraParam("loop", "boolean"), "yes", "true or false"),
        (ExtraParam("style", "string", choices=("anime", "noir")), "baroque", "one of anime, noir"),
        (ExtraParam("prompt", "string"), ["x"], "text"),
    ],
)
def test_wrong_values_are_refused_naming_the_field(param, value, needle):
    with pytest.raises(InvalidRequest) as info:
        coerce_value(param, value)
    assert info.value.field == param.name and needle in info.value.user_message


def _spec(**fields) -> ModelSpec:
    return ModelSpec.from_dict(
        {
            "provider": "replicate",
            "model": "acme/i2v",
            "name": "acme/i2v",
            "schema_fields": [
                {"name": "prompt", "type": "string", "required": True},
                {"name": "image", "type": "string", "required": True},
                {"name": "duration", "type": "integer", "choices": [5, 10]},
            ],
            **fields,
        }
    )


def test_the_input_object_holds_only_declared_valid_fields():
    spec = _spec()
    check_input(spec, {"prompt": "x", "image": "data:image/png;base64,AA==", "duration": 5})
    with pytest.raises(InvalidRequest) as info:
        check_input(spec, {"prompt": "x", "image": "https://e/x.png", "aspect_ratio": "16:9"})
    assert "no input called 'aspect_ratio'" in info.value.user_message
    with pytest.raises(InvalidRequest) as info:
        check_input(spec, {"prompt": "x", "image": "https://e/x.png", "duration": 8})
    assert info.value.field == "duration"
    with pytest.raises(InvalidRequest) as info:
        check_input(spec, {"prompt": "x"}, namer=lambda name: {"image": "first_frame"}.get(name, name))
    assert info.value.field == "first_frame" and "from an image" in info.value.user_message


def test_a_model_without_a_known_schema_is_not_second_guessed():
    spec = ModelSpec.from_dict({"provider": "replicate", "model": "acme/old"})
    check_input(spec, {"anything": object()})
    assert spec.declares("anything") and not spec.has_schema


def test_an_enum_duration_without_default_starts_at_the_shortest():
    spec = ModelSpec.from_dict({"provider": "replicate", "model": "acme/x", "durations": [10, 5, 15]})
    assert spec.default_duration == 5


def test_a_required_field_studio_never_sends_refuses_the_model_up_front():
    from studio.core.request import GenerationRequest, validate

    spec = _spec(
        inputs={"first_frame": {"param": "image", "required": True}},
        durations=[5, 10],
        params={"duration": "duration"},
        schema_fields=[
            {"name": "prompt", "type": "string", "required": True},
            {"name": "image", "type": "string", "required": True},
            {"name": "duration", "type": "integer", "choices": [5, 10]},
            {"name": "openai_api_key", "type": "string", "required": True},
        ],
    )
    with pytest.raises(InvalidRequest) as info:
        validate(spec, GenerationRequest(spec.id, "x", first_frame="me.png"))
    assert info.value.field == "openai_api_key" and "does not send" in info.value.user_message
