"""The model catalog: built-in JSON under ``studio/resources/models`` plus the user's own."""

from __future__ import annotations

import difflib
import json
import logging
import math
from dataclasses import replace
from importlib import resources
from pathlib import Path

from studio.core.errors import InvalidRequest
from studio.core.modelspec import ModelSpec, PriceRow

from .atomic import atomic_write_json

log = logging.getLogger(__name__)

USER_CATALOG = "user.json"


class Catalog:
    """Every known model, keyed ``provider:model``; user entries override built-in ones."""

    def __init__(self, user_dir: Path | None = None):
        self.user_dir = Path(user_dir) if user_dir else None
        self._specs: dict[str, ModelSpec] = {}
        self.reload()

    def reload(self) -> None:
        specs: dict[str, ModelSpec] = {}
        package = resources.files("studio.resources").joinpath("models")
        for entry in sorted(package.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".json"):
                for spec in _parse(entry.read_text("utf-8"), entry.name, user=False):
                    specs[spec.id] = spec
        if self.user_dir and self.user_dir.exists():
            for path in sorted(self.user_dir.glob("*.json")):
                try:
                    text = path.read_text("utf-8")
                except (OSError, UnicodeDecodeError) as exc:
                    log.error("catalog file %s is unreadable and was skipped: %s", path.name, exc)
                    continue
                for spec in _parse(text, path.name, user=True):
                    specs[spec.id] = spec
        self._specs = specs

    def all(self) -> list[ModelSpec]:
        """Every model: offline animatic first, then live, then paused and retired."""
        order = {"live": 0, "paused": 1, "retired": 2}
        return sorted(
            self._specs.values(),
            key=lambda s: (not s.is_offline, order.get(s.status.state, 3), s.provider, s.name.lower()),
        )

    def providers(self) -> list[str]:
        seen: list[str] = []
        for spec in self.all():
            if spec.provider not in seen:
                seen.append(spec.provider)
        return seen

    def get(self, model_id: str) -> ModelSpec:
        """The spec for ``model_id``; raises InvalidRequest with close matches when unknown."""
        if model_id in self._specs:
            return self._specs[model_id]
        if model_id.startswith("replicate:") and model_id.count("/") == 1:
            name = model_id.split(":", 1)[1]
            raise InvalidRequest(
                f"{name} is not in the catalog yet; add it from its Replicate schema with "
                f"'studio-cli models add {name}' (or the model picker's Add… in the window).",
                field="model",
            )
        usable = [i for i, s in self._specs.items() if s.status.usable]
        close = difflib.get_close_matches(model_id, usable, n=3, cutoff=0.5)
        hint = f" Did you mean {' or '.join(close)}?" if close else " Run 'studio-cli models' to list them."
        raise InvalidRequest(f"There is no model called {model_id!r}.{hint}", field="model", allowed=close or None)

    def __contains__(self, model_id: str) -> bool:
        return model_id in self._specs

    def add_user_spec(self, spec: ModelSpec) -> ModelSpec:
        """Save a spec to the user catalog (replacing one with the same id) and load it."""
        if not self.user_dir:
            raise InvalidRequest("This catalog has no user folder to save models in.")
        path = self.user_dir / USER_CATALOG
        existing: list[dict] = []
        if path.exists():
            try:
                existing = json.loads(path.read_text("utf-8")).get("models", [])
            except (ValueError, AttributeError):
                log.warning("the user catalog was unreadable; starting it again")
            if not isinstance(existing, list):
                existing = []
        # entries that no longer parse would make the whole file be skipped on reload
        existing = [m for m in existing if _parses(m) and m.get("id") != spec.id]
        data = spec.to_dict()
        data["user_defined"] = True
        existing.append(data)
        atomic_write_json(path, {"models": existing})
        self.reload()
        return self._specs[spec.id]


    def set_price(
        self, model_id: str, per_second: float, *, resolution: str | None = None, audio: bool | None = None,
        currency: str | None = None,
    ) -> ModelSpec:
        """Record the price the person entered for a model (per second of video) in the user catalog.

        A row for the same resolution and audio replaces the old one; other rows stay, so a
        model can be priced per resolution. Works for built-in models too (saved as an override).
        """
        spec = self.get(model_id)
        if not (isinstance(per_second, (int, float)) and math.isfinite(per_second) and per_second >= 0):
            raise InvalidRequest("The price per second must be a number of zero or more.", field="per_second")
        if resolution is not None and spec.resolutions and resolution not in spec.resolutions:
            raise InvalidRequest(
                f"{spec.name} has no resolution {resolution}; it has {', '.join(spec.resolutions)}.",
                field="resolution",
                allowed=list(spec.resolutions),
            )
        rows = [r for r in spec.price if (r.resolution, r.audio) != (resolution, audio)]
        rows.append(PriceRow(per_second=float(per_second), resolution=resolution, audio=audio))
        return self.add_user_spec(replace(spec, price=tuple(rows), currency=currency or spec.currency))


def _parses(entry: object) -> bool:
    try:
        ModelSpec.from_dict(entry)  # type: ignore[arg-type]
    except (ValueError, KeyError, TypeError, AttributeError, InvalidRequest):
        return False
    return True


def _parse(text: str, name: str, *, user: bool) -> list[ModelSpec]:
    try:
        data = json.loads(text)
        return [ModelSpec.from_dict(entry, user_defined=user) for entry in data.get("models", [])]
    except (ValueError, KeyError, TypeError, AttributeError, InvalidRequest) as exc:
        log.error("catalog file %s is malformed and was skipped: %s", name, exc)
        return []
