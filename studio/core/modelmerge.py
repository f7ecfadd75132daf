"""Refresh a known model from its freshly read input schema without losing what was curated.

Reading a model's schema says which fields it takes today; the catalog entry says what
Studio knows beyond that: the price, the status and notes, the rules between parameters,
the notes on each image input, and how some fields are really used. :func:`merge_schema`
keeps all of that and takes from the schema only what the schema is the authority on:
the declared fields, durations, aspect ratios and resolutions, and the parameters Studio
has no control for. A curated mapping of an input stays as long as the schema still
declares its field, even where the importer would not have recognised it; one whose field
the schema no longer declares is dropped (it would be refused) and said so in the notes.
"""

from __future__ import annotations

from typing import Any

from .modelspec import ModelSpec

_FROM_SCHEMA = ("durations", "default_duration", "schema_fields", "fps", "max_prompt_length")


def merge_schema(known: ModelSpec, fetched: ModelSpec) -> ModelSpec:
    """``known`` (curated or saved earlier) brought up to date with ``fetched`` (read from the schema)."""
    if not fetched.schema_fields:
        return known
    base, new = known.to_dict(), fetched.to_dict()
    merged: dict[str, Any] = dict(base)
    declared = {f.name for f in fetched.schema_fields}
    notes: list[str] = []

    for key in _FROM_SCHEMA:
        if new.get(key) is not None:
            merged[key] = new[key]

    params = dict(new["params"])
    for concept, name in base["params"].items():
        if concept not in params and (name in declared or concept.startswith("duration_")):
            params[concept] = name  # e.g. a resolution spelled standard/high that only the catalog maps
    merged["params"] = params

    aliases = {**base.get("value_aliases", {}), **new.get("value_aliases", {})}
    if aliases:
        merged["value_aliases"] = aliases
    else:
        merged.pop("value_aliases", None)

    if "aspect_ratio" in new["params"] or "aspect_ratio" not in base["params"]:
        merged["aspect_ratios"], merged["default_aspect"] = new["aspect_ratios"], new["default_aspect"]
    elif base["params"]["aspect_ratio"] not in declared:
        params.pop("aspect_ratio", None)
        merged["aspect_ratios"], merged["default_aspect"] = new["aspect_ratios"], new["default_aspect"]
        notes.append("The schema no longer has an aspect ratio field; the shape comes from the image.")

    merged["resolutions"], merged["default_resolution"] = _resolutions(base, new, params)

    merged["inputs"] = _inputs(base["inputs"], new["inputs"], declared, fetched.required_fields, notes)
    mapped = {slot["param"] for slot in merged["inputs"].values()}

    for concept in ("audio", "seed", "negative_prompt"):
        curated = base.get(concept) or {}
        param = curated.get("param")
        if param and param in declared:
            mapped.add(param)
            continue  # the curated mapping (and audio's default and "always") stays
        if concept == "audio" and curated.get("always") and not new["audio"].get("param"):
            continue  # sound the model always makes needs no field
        merged[concept] = new.get(concept)
        if param and param not in declared:
            notes.append(f"The schema no longer has {param}; {concept.replace('_', ' ')} is off.")

    mapped |= set(params.values())
    merged["extra_params"] = [p for p in new["extra_params"] if p["name"] not in mapped]

    if notes:
        merged["description"] = (merged.get("description", "") + "\n" + " ".join(notes)).strip()
    return ModelSpec.from_dict(merged, user_defined=True)


def _resolutions(base: dict[str, Any], new: dict[str, Any], params: dict[str, str]) -> tuple[dict, str | None]:
    if "resolution" not in new["params"]:
        if "resolution" in params and base["resolutions"]:
            return base["resolutions"], base["default_resolution"]
        return new["resolutions"], new["default_resolution"]
    sizes: dict[str, dict[str, list[int]]] = {}
    for name, by_aspect in new["resolutions"].items():
        curated = base["resolutions"].get(name, {})
        sizes[name] = {aspect: curated.get(aspect, size) for aspect, size in by_aspect.items()}
    return sizes, new["default_resolution"]


def _inputs(
    base: dict[str, Any], new: dict[str, Any], declared: set[str], required: tuple[str, ...], notes: list[str]
) -> dict[str, Any]:
    inputs = dict(new)
    for slot, curated in base.items():
        if curated["param"] in declared:
            inputs[slot] = {**curated, "required": curated["param"] in required}
        else:
            if slot in new:
                continue  # the schema names the slot's field differently now: take the schema's
            notes.append(f"The schema no longer has {curated['param']}, so the {slot.replace('_', ' ')} is off.")
    return inputs
