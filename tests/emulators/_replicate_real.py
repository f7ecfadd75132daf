"""Published Replicate input schemas (tests/data/replicate_schemas) as emulator models.

Each file holds a model's ``Input`` schema exactly as Replicate publishes it (see SOURCE.md
beside them). :data:`REAL_MODELS` turns each into the emulator's model entry, so an emulator
built with ``ReplicateEmulator(models=REAL_MODELS)`` describes the model with that very
schema and validates create requests against it (undeclared fields, types, enums, bounds,
required fields), the way Replicate answers 422.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "data" / "replicate_schemas"


def _entry(path: Path) -> tuple[str, dict[str, Any]]:
    owner, name = path.stem.split("__", 1)
    input_schema = json.loads(path.read_text("utf-8"))
    return f"{owner}/{name}", {
        "description": f"{owner}/{name} (published input schema)",
        "required": list(input_schema.get("required") or ()),
        "fields": dict(input_schema["properties"]),
        "input_schema": input_schema,
    }


REAL_MODELS: dict[str, dict[str, Any]] = dict(_entry(p) for p in sorted(SCHEMA_DIR.glob("*__*.json")))
"""``owner/name`` → emulator model entry, one per published schema file."""
