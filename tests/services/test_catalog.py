"""The model catalog: built-in entries, the user's own, lookups with suggestions."""

from __future__ import annotations

import json
import logging

import pytest

from studio.core.errors import InvalidRequest
from studio.core.modelspec import ModelSpec
from studio.services.catalog import USER_CATALOG, Catalog


def user_spec(model="acme/vid", **extra) -> ModelSpec:
    return ModelSpec.from_dict(
        {"provider": "replicate", "model": model, "name": "Acme Vid", "durations": [5, 10], **extra}
    )


def test_built_in_entries_load():
    catalog = Catalog()
    assert "animatic:kenburns" in catalog
    spec = catalog.get("animatic:kenburns")
    assert spec.is_offline
    assert spec.status.usable
    assert not spec.user_defined
    assert spec.default_duration == 4.0
    assert set(spec.aspect_ratios) == {"16:9", "9:16", "1:1"}
    assert spec.price_per_second("720p", True) == 0.0
    assert catalog.all()[0].id == "animatic:kenburns"
    assert catalog.providers()[0] == "animatic"


def test_unknown_id_suggests_a_close_match():
    catalog = Catalog()
    with pytest.raises(InvalidRequest) as info:
        catalog.get("animatic:kenburn")
    err = info.value
    assert err.field == "model"
    assert "animatic:kenburns" in err.user_message
    assert "Did you mean" in err.user_message
    assert err.allowed and "animatic:kenburns" in err.allowed


def test_unknown_id_without_a_close_match_points_to_the_list():
    with pytest.raises(InvalidRequest) as info:
        Catalog().get("zzzzzzzz")
    assert "studio-cli models" in info.value.user_message
    assert info.value.allowed is None


def test_add_user_spec_persists_and_survives_reload(tmp_path):
    catalog = Catalog(tmp_path / "models")
    added = catalog.add_user_spec(user_spec())
    assert added.user_defined
    assert catalog.get("replicate:acme/vid") == added
    path = tmp_path / "models" / USER_CATALOG
    assert [m["id"] for m in json.loads(path.read_text("utf-8"))["models"]] == ["replicate:acme/vid"]
    fresh = Catalog(tmp_path / "models")
    assert fresh.get("replicate:acme/vid") == added
    assert fresh.get("replicate:acme/vid").durations.choices == (5.0, 10.0)
    assert "animatic:kenburns" in fresh


def test_add_user_spec_replaces_the_same_id_and_keeps_others(tmp_path):
    catalog = Catalog(tmp_path)
    catalog.add_user_spec(user_spec())
    catalog.add_user_spec(user_spec(model="acme/other"))
    catalog.add_user_spec(user_spec(durations=[6]))
    data = json.loads((tmp_path / USER_CATALOG).read_text("utf-8"))
    assert sorted(m["id"] for m in data["models"]) == ["replicate:acme/other", "replicate:acme/vid"]
    assert Catalog(tmp_path).get("replicate:acme/vid").durations.choices == (6.0,)


def test_user_entry_overrides_a_built_in(tmp_path):
    catalog = Catalog(tmp_path)
    base = catalog.get("animatic:kenburns")
    override = ModelSpec.from_dict({**base.to_dict(), "name": "My animatic"})
    catalog.add_user_spec(override)
    spec = Catalog(tmp_path).get("animatic:kenburns")
    assert spec.name == "My animatic"
    assert spec.user_defined


def test_add_user_spec_without_a_user_folder():
    with pytest.raises(InvalidRequest):
        Catalog().add_user_spec(user_spec())


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[]",
        b'"just a string"',
        b'{"models": 5}',
        b'{"models": ["not an entry"]}',
        b'{"models": [{"provider": "x"}]}',
        b'{"models": [{"provider": "x", "model": "y", "durations": "soon"}]}',
        b'{"models": [{"provider": "x", "model": "y", "status": {"mood": "happy"}}]}',
        b"\xff\xfe\x00garbage",
    ],
    ids=["truncated", "list", "string", "models-int", "entry-str", "no-model", "bad-durations", "bad-status", "binary"],
)
def test_a_malformed_user_catalog_is_skipped_not_fatal(tmp_path, caplog, content):
    good = tmp_path / "a_good.json"
    good.write_text(json.dumps({"models": [user_spec().to_dict()]}))
    (tmp_path / "b_bad.json").write_bytes(content)
    with caplog.at_level(logging.ERROR):
        catalog = Catalog(tmp_path)
    assert "animatic:kenburns" in catalog
    assert "replicate:acme/vid" in catalog
    assert "b_bad.json" in caplog.text


def test_adding_to_a_damaged_user_catalog_starts_it_again(tmp_path):
    (tmp_path / USER_CATALOG).write_text("{damaged")
    catalog = Catalog(tmp_path)
    catalog.add_user_spec(user_spec())
    assert Catalog(tmp_path).get("replicate:acme/vid").user_defined


def test_all_orders_offline_then_live_then_paused_then_retired(tmp_path):
    catalog = Catalog(tmp_path)
    catalog.add_user_spec(user_spec(model="z/retired", status={"state": "retired"}))
    catalog.add_user_spec(user_spec(model="a/paused", status={"state": "paused"}))
    catalog.add_user_spec(user_spec(model="m/live"))
    order = [s.id for s in catalog.all() if s.provider == "replicate" and s.user_defined]
    assert order == ["replicate:m/live", "replicate:a/paused", "replicate:z/retired"]
    assert catalog.all()[0].is_offline


@pytest.mark.parametrize("content", ["[]", '{"models": 3}', '{"models": ["junk", {"id": "x"}]}'])
def test_adding_to_a_user_catalog_of_the_wrong_shape(tmp_path, content):
    (tmp_path / USER_CATALOG).write_text(content)
    catalog = Catalog(tmp_path)
    catalog.add_user_spec(user_spec())
    assert Catalog(tmp_path).get("replicate:acme/vid").user_defined
