"""Provenance sidecars: what made each clip (request, remote id, model, seed, cost, timings,
and anything in the clip that differs from the request).

Written beside the clip as ``<clip>.json``; never holds a key (requests refuse credential-like
parameters, and the provider's own keys never enter a job).
"""

from __future__ import annotations

import json
from pathlib import Path

from studio.core.jobs import Job
from studio.core.modelspec import ModelSpec

from .atomic import atomic_write_json


def write_sidecar(clip: Path, job: Job, spec: ModelSpec, info) -> None:
    """Provenance next to the clip: request, remote id, model, seed, cost, timings (no keys)."""
    atomic_write_json(
        clip.with_suffix(".json"),
        {
            "job_id": job.id,
            "model_id": job.model_id,
            "model_name": spec.name,
            "label": spec.label,
            "provider": spec.provider,
            "remote_id": job.remote_id,
            "request": job.request,
            "seed": job.request.get("seed"),
            "cost": job.cost_quote,
            "currency": job.currency,
            "created_at": job.created_at,
            "submitted_at": job.submitted_at,
            "finished_at": job.finished_at,
            "duration": getattr(info, "duration", None),
            # what differs from the request (a clip is delivered, never deleted, for these)
            "warnings": job.warnings,
        },
    )


def read_sidecar(clip: Path) -> dict | None:
    """The provenance stored beside ``clip``, or None."""
    try:
        return json.loads(Path(clip).with_suffix(".json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
