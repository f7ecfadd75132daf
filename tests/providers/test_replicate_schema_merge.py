"""``models add`` of a model the catalog already knows refreshes it instead of replacing it."""

from __future__ import annotations

import pytest

from studio.core.modelmerge import merge_schema
from studio.core.modelspec import ModelSpec
from studio.core.request import GenerationRequest, quote, validate
from studio.providers.replicate import spec_from_model_json
from studio.services.catalog import Catalog
from tests.emulators._replicate_models import openapi_model
from tests.emulators._replicate_real import REAL_MODELS
from tests.providers._replicate_kit import spec as curated


def published(model: str) -> ModelSpec:
    return spec_from_model_json(openapi_model(model, REAL_MODELS[model]))


def test_veo_keeps_its_price_notes_and_rules_and_takes_the_schemas_fields():
    known = curated("google/veo-3.1")
    merged = merge_schema(known, published("google/veo-3.1"))
    assert merged.price == known.price and merged.price_summary() == known.price_summary() != "price unknown"
    assert merged.status == known.status and merged.rules == known.rules and merged.label == known.label
    assert merged.inputs["reference_images"].max_count == 3
    assert merged.inputs["last_frame"].requires == ("first_frame",) and merged.inputs["last_frame"].note
    assert {f.name for f in merged.schema_fields} == set(REAL_MODELS["google/veo-3.1"]["fields"])
    assert merged.user_defined and ModelSpec.from_dict(merged.to_dict()) == merged
    request = GenerationRequest(merged.id, "a lighthouse", duration=8, audio=True)
    assert quote(merged, request) == pytest.approx(3.20)


def test_kling_keeps_its_end_image_while_the_schema_declares_it():
    known = curated("kwaivgi/kling-v2.5-turbo-pro")
    fetched = spec_from_model_json(openapi_model("kwaivgi/kling-v2.5-turbo-pro"))
    merged = merge_schema(known, fetched)
    assert merged.inputs["last_frame"].param == "end_image" and merged.inputs["last_frame"].note
    assert merged.aspect_ignored_with_first_frame and merged.price_summary() == "$0.07/s"


def test_an_input_the_schema_no_longer_declares_is_dropped_and_said():
    # The published schema of this Kling version has no end_image: sending it would be a 422.
    known = curated("kwaivgi/kling-v2.5-turbo-pro")
    merged = merge_schema(known, published("kwaivgi/kling-v2.5-turbo-pro"))
    assert "last_frame" not in merged.inputs and "end_image" in merged.description
    assert merged.inputs["first_frame"].param == "start_image"
    assert [p.name for p in merged.extra_params] == []  # the deprecated "image" alias is not offered
    validate(merged, GenerationRequest(merged.id, "a dancer", first_frame="me.png"))


def test_the_catalog_merges_on_add_and_keeps_a_users_price(tmp_path):
    catalog = Catalog(tmp_path)
    fetched = published("bytedance/seedance-1-lite")
    spec = catalog.add_user_spec(fetched)
    assert spec.price_summary() == "price unknown"
    priced = catalog.set_price(spec.id, 0.036, resolution="720p")
    priced = catalog.set_price(spec.id, 0.018, resolution="480p")
    assert priced.price_summary() == "$0.018–0.036/s"
    assert quote(priced, GenerationRequest(spec.id, "x", duration=5, resolution="480p")) == pytest.approx(0.09)
    assert quote(priced, GenerationRequest(spec.id, "x", duration=5, resolution="1080p")) is None
    again = catalog.add_user_spec(merge_schema(catalog.get(spec.id), published("bytedance/seedance-1-lite")))
    assert again.price == priced.price
    assert Catalog(tmp_path).get(spec.id).price == priced.price  # saved, not just in memory


def test_a_built_in_model_can_be_priced_by_the_user(tmp_path):
    catalog = Catalog(tmp_path)
    spec = catalog.set_price("replicate:kwaivgi/kling-v2.6", 0.1, audio=False)
    assert spec.price_per_second(None, False) == 0.1 and spec.price_per_second(None, True) == 0.14
    with pytest.raises(Exception) as info:
        catalog.set_price("replicate:kwaivgi/kling-v2.6", float("nan"))
    assert "number" in str(info.value)
