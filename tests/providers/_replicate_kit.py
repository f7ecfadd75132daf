"""Shared helpers for the Replicate provider tests."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from studio.core.modelspec import ModelSpec
from studio.core.request import GenerationRequest, ValidatedRequest, validate
from studio.providers.base import RemoteRef, RemoteState, RemoteStatus

CATALOG = Path(__file__).resolve().parents[2] / "studio" / "resources" / "models" / "replicate.json"


def catalog() -> dict[str, ModelSpec]:
    """The built-in Replicate catalog, keyed by model id."""
    data = json.loads(CATALOG.read_text("utf-8"))
    return {spec.id: spec for spec in (ModelSpec.from_dict(m) for m in data["models"])}


def spec(model: str) -> ModelSpec:
    return catalog()[f"replicate:{model}"]


def validated(model: str, **fields) -> tuple[ModelSpec, ValidatedRequest]:
    s = spec(model)
    fields.setdefault("prompt", "a lighthouse at dusk, waves crashing")
    return s, validate(s, GenerationRequest(model_id=s.id, **fields))


async def poll_until_done(provider, ref: RemoteRef, timeout: float = 10.0) -> RemoteStatus:
    """Poll as the runner would, honouring poll_after, until a terminal state."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        status = await provider.poll(ref)
        if status.state.terminal:
            return status
        assert asyncio.get_running_loop().time() < deadline, f"still {status.raw_status}"
        await asyncio.sleep(status.poll_after or 0.05)


def write_png(path: Path, size_bytes: int) -> Path:
    """A file with a PNG signature padded to ``size_bytes`` (the emulator does not decode it)."""
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(i % 251 for i in range(max(0, size_bytes - 8))))
    return path


__all__ = ["RemoteState", "catalog", "poll_until_done", "spec", "validated", "write_png"]
