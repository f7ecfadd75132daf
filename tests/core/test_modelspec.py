"""ModelSpec: parsing catalog data, derived values, JSON round trip, sizes and prices."""

from __future__ import annotations

import pytest

from studio.core.errors import InvalidRequest
from studio.core.modelspec import DurationRule, ModelSpec, ModelStatus, PriceRow, size_from_aspect


def rich_dict() -> dict:
    return {
        "provider": "acme",
        "model": "vid/one",
        "name": "Acme One",
        "label": "fast",
        "description": "A test model.",
        "status": {"state": "retired", "date": "2025-01-01", "note": "gone", "replacement": "acme:vid/two"},
        "durations": [4, 6, 8],
        "default_duration": 6,
        "aspect_ratios": ["16:9", "9:16"],
        "resolutions": {"720p": {"16:9": [1280, 720], "9:16": [720, 1280]}, "1080p": {"16:9": [1920, 1080]}},
        "default_resolution": "1080p",
        "fps": 30,
        "inputs": {
            "first_frame": {"param": "image", "max": 1},
            "last_frame": {"param": "end_image", "requires": ["first_frame"], "note": "needs a first frame"},
            "reference_images": {"param": "refs", "max": 3},
        },
        "image_formats": ["image/png"],
        "max_image_bytes": 10_000_000,
        "audio": {"supported": True, "default": False, "param": "generate_audio"},
        "seed": {"param": "seed"},
        "negative_prompt": {"param": "negative_prompt"},
        "max_prompt_length": 500,
        "aspect_ignored_with_first_frame": True,
        "params": {"duration": "seconds"},
        "extra_params": [
            {"name": "style", "type": "string", "choices": ["a", "b"], "default": "a", "description": "look"},
            {"name": "guidance", "type": "number", "minimum": 1, "maximum": 10},
        ],
        "rules": [{"when": {"resolution": ["1080p"]}, "require": {"duration": [8]}, "message": "1080p needs 8 s."}],
        "price": {
            "currency": "EUR",
            "rows": [
                {"resolution": "1080p", "audio": True, "per_second": 0.6},
                {"resolution": "1080p", "per_second": 0.4},
                {"audio": False, "per_second": 0.1},
                {"per_second": 0.2},
            ],
        },
    }


def test_from_dict_reads_every_field():
    spec = ModelSpec.from_dict(rich_dict())
    assert spec.id == "acme:vid/one"
    assert spec.status == ModelStatus("retired", "2025-01-01", "gone", "acme:vid/two")
    assert not spec.status.usable
    assert spec.durations.choices == (4.0, 6.0, 8.0)
    assert spec.default_duration == 6.0
    assert spec.default_aspect == "16:9"
    assert spec.resolutions["720p"]["9:16"] == (720, 1280)
    assert spec.default_resolution == "1080p"
    assert spec.fps == 30.0
    assert spec.inputs["last_frame"].requires == ("first_frame",)
    assert spec.inputs["last_frame"].param == "end_image"
    assert spec.max_reference_images == 3
    assert spec.supports_first_frame and spec.supports_last_frame
    assert spec.audio_supported and not spec.audio_default and spec.audio_param == "generate_audio"
    assert spec.seed_param == "seed" and spec.negative_prompt_param == "negative_prompt"
    assert spec.param_name("duration") == "seconds"
    assert spec.param_name("aspect_ratio") == "aspect_ratio"
    assert spec.extra_params[0].choices == ("a", "b")
    assert spec.currency == "EUR"
    assert len(spec.price) == 4
    assert not spec.is_offline
    assert not spec.user_defined


def test_minimal_dict_gets_defaults():
    spec = ModelSpec.from_dict({"provider": "p", "model": "m"})
    assert spec.id == "p:m"
    assert spec.name == "p:m"
    assert spec.status.state == "live" and spec.status.usable
    assert spec.durations.choices == (8.0,)
    assert spec.default_duration == 8.0
    assert spec.aspect_ratios == ("16:9",)
    assert spec.resolutions == {} and spec.default_resolution is None
    assert spec.max_reference_images == 0
    assert not spec.supports_first_frame
    assert not spec.audio_supported
    assert spec.price == ()
    assert spec.price_summary() == "price unknown"


def test_audio_default_follows_supported_when_not_given():
    assert ModelSpec.from_dict({"provider": "p", "model": "m", "audio": {"supported": True}}).audio_default is True


def test_default_duration_for_a_range_is_its_minimum():
    spec = ModelSpec.from_dict({"provider": "p", "model": "m", "durations": {"min": 2, "max": 10, "step": 2}})
    assert spec.durations == DurationRule(minimum=2, maximum=10, step=2.0)
    assert spec.default_duration == 2.0


@pytest.mark.parametrize("missing", ["provider", "model"])
def test_missing_required_field_names_it(missing):
    data = {"provider": "p", "model": "m"}
    del data[missing]
    with pytest.raises(InvalidRequest) as info:
        ModelSpec.from_dict(data)
    assert info.value.field == missing


def test_round_trip_rich_spec():
    spec = ModelSpec.from_dict(rich_dict())
    again = ModelSpec.from_dict(spec.to_dict())
    assert again == spec


def test_round_trip_minimal_range_and_user_defined():
    for data in (
        {"provider": "p", "model": "m"},
        {"provider": "p", "model": "m", "durations": {"min": 0.5, "max": 60, "step": 0.5}, "user_defined": True},
    ):
        spec = ModelSpec.from_dict(data)
        assert ModelSpec.from_dict(spec.to_dict()) == spec
    user = ModelSpec.from_dict({"provider": "p", "model": "m"}, user_defined=True)
    assert user.to_dict()["user_defined"] is True
    assert ModelSpec.from_dict(user.to_dict()) == user


def test_to_dict_is_json_serialisable():
    import json

    spec = ModelSpec.from_dict(rich_dict())
    assert ModelSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec


# -- durations ---------------------------------------------------------------------------


def test_duration_choices():
    rule = DurationRule(choices=(4.0, 8.0))
    assert rule.allows(4) and rule.allows(8.0)
    assert not rule.allows(5) and not rule.allows(0)
    assert rule.describe() == "4, 8 s"


def test_duration_range_bounds_inclusive():
    rule = DurationRule(minimum=0.5, maximum=60, step=0.5)
    assert rule.allows(0.5) and rule.allows(60) and rule.allows(10)
    assert not rule.allows(0.4) and not rule.allows(60.5)
    assert rule.describe() == "0.5–60 s in steps of 0.5 s"
    assert not rule.allows(3.3) and rule.allows(3.5)


# -- sizes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "aspect, short, expected",
    [
        ("16:9", 720, (1280, 720)),
        ("9:16", 720, (720, 1280)),
        ("1:1", 480, (480, 480)),
        ("4:3", 720, (960, 720)),
        ("21:9", 1080, (2520, 1080)),
        ("16:9", 1080, (1920, 1080)),
        ("16:9", 480, (852, 480)),  # 853.33 rounds to 853, made even
        ("2.39:1", 720, (1720, 720)),
        ("1:1", 721, (720, 720)),
    ],
)
def test_size_from_aspect_is_even(aspect, short, expected):
    size = size_from_aspect(aspect, short)
    assert size == expected
    assert size[0] % 2 == 0 and size[1] % 2 == 0


@pytest.mark.parametrize("bad", ["wide", "16x9", "16:9:1", "", "16:0", "0:9", "-16:9"])
def test_size_from_aspect_rejects_non_ratios(bad):
    with pytest.raises(InvalidRequest) as info:
        size_from_aspect(bad)
    assert info.value.field == "aspect_ratio"


def test_size_for_uses_table_then_falls_back():
    spec = ModelSpec.from_dict(rich_dict())
    assert spec.size_for("720p", "9:16") == (720, 1280)
    # 1080p lists no 9:16 size: computed from the resolution's short side
    assert spec.size_for("1080p", "9:16") == (1080, 1920)
    assert spec.size_for(None, "16:9") == (1280, 720)
    assert spec.size_for("480p", "16:9") == (852, 480)
    assert spec.size_for("weird", "1:1") == (720, 720)


# -- prices ------------------------------------------------------------------------------


def test_price_rows_most_specific_first():
    spec = ModelSpec.from_dict(rich_dict())
    assert spec.price_per_second("1080p", True) == 0.6
    assert spec.price_per_second("1080p", False) == 0.4
    assert spec.price_per_second("720p", False) == 0.1
    assert spec.price_per_second("720p", True) == 0.2


def test_specific_price_row_wins_even_when_listed_after_a_general_one():
    spec = ModelSpec.from_dict(
        {
            "provider": "p",
            "model": "m",
            "price": {"rows": [{"per_second": 0.1}, {"resolution": "1080p", "per_second": 0.3}]},
        }
    )
    assert spec.price_per_second("720p", False) == 0.1
    assert spec.price_per_second("1080p", False) == 0.3


def test_no_matching_row_gives_none():
    spec = ModelSpec(id="p:m", name="m", provider="p", model="m", price=(PriceRow(0.5, resolution="720p"),))
    assert spec.price_per_second("1080p", False) is None
    assert spec.price_per_second("720p", True) == 0.5


def test_price_summary():
    def with_rows(*values, provider="p"):
        return ModelSpec(
            id=f"{provider}:m", name="m", provider=provider, model="m", price=tuple(PriceRow(v) for v in values)
        )

    assert with_rows(0.0).price_summary() == "free"
    assert with_rows(0.05).price_summary() == "$0.05/s"
    assert with_rows(0.4, 0.1, 0.2).price_summary() == "$0.10–0.40/s"
    assert with_rows(0.015).price_summary() == "$0.015/s"  # not rounded down to a cent
    assert with_rows(0.042, 0.11).price_summary() == "$0.042–0.11/s"
    assert with_rows(provider="animatic").price_summary() == "free"


def test_status_describe():
    assert ModelStatus().describe() == "live"
    text = ModelStatus("retired", "2025-01-01", "gone", "acme:two").describe()
    assert text == "retired since 2025-01-01: gone (try acme:two)"
    assert ModelStatus("paused").describe() == "paused"
