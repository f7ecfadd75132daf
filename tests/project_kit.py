"""Helpers for tests that feed Studio hostile project folders and check where it wrote.

The layout every such test uses::

    tmp/world/project/      the project under test (project.json, assets/)
    tmp/world/elsewhere/    a folder outside it, holding a "secret" image
    tmp/home/               the data folder

``snapshot`` records every file under a root (path → size and mtime) so a test can assert
that nothing outside the project folder and the data folder was created or changed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import cv2
import numpy as np

from tests.emulators._mp4 import make_mp4


def write_png(path: Path, colour: tuple[int, int, int] = (40, 120, 200), size: tuple[int, int] = (64, 48)) -> Path:
    """A real PNG image (OpenCV-encoded) at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ok, data = cv2.imencode(".png", np.full((size[1], size[0], 3), colour, np.uint8))
    assert ok
    path.write_bytes(data.tobytes())
    return path


def write_clip(path: Path, duration: float = 1.0) -> Path:
    """A real H.264 + AAC MP4 at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(make_mp4(duration))
    return path


def shot(shot_id: str, **fields) -> dict:
    """A project.json shot on the offline animatic model, with ``fields`` over the defaults."""
    data = {
        "id": shot_id,
        "title": shot_id,
        "prompt": f"shot {shot_id}: a lighthouse at dawn",
        "model_id": "animatic:kenburns",
        "duration": 1.0,
        "resolution": "480p",
        "continuity": "independent",
        "takes": [],
        "chosen_take_id": None,
    }
    data.update(fields)
    return data


def with_take(folder: Path, data: dict, take_id: str = "t1", duration: float = 1.0) -> dict:
    """``data`` (a shot) with a real clip in ``assets/`` as its chosen take."""
    rel = f"assets/{data['id']}-{take_id}.mp4"
    write_clip(folder / rel, duration)
    take = {"id": take_id, "path": rel, "model_id": "animatic:kenburns", "duration": duration,
            "width": 256, "height": 144, "has_audio": True}
    return {**data, "takes": [take], "chosen_take_id": take_id}


def write_project(folder: Path, shots: list[dict], **top) -> Path:
    """Write ``project.json`` (schema 2) with ``shots`` into ``folder``; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {"schema_version": 2, "id": "p1", "title": "Hostile", "created_at": 1.0,
            "settings": {"width": 256, "height": 144, "fps": 24.0, "style": ""}, "shots": shots}
    data.update(top)
    path = folder / "project.json"
    path.write_text(json.dumps(data), "utf-8")
    return path


def snapshot(root: Path, *, skip: tuple[Path, ...] = ()) -> dict[str, tuple[int, int]]:
    """Every file and link under ``root`` (links not followed; folders in ``skip`` left out) → (size, mtime_ns)."""
    seen: dict[str, tuple[int, int]] = {}
    skipped = {str(s) for s in skip}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if os.path.join(dirpath, d) not in skipped]
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            path = Path(dirpath) / name
            info = path.lstat()
            seen[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns)
    return seen


def world(tmp_path: Path) -> tuple[Path, Path, Path]:
    """``(project, elsewhere, secret)``: an empty project folder, a folder beside it, an image there."""
    project = tmp_path / "world" / "project"
    elsewhere = tmp_path / "world" / "elsewhere"
    project.mkdir(parents=True)
    secret = write_png(elsewhere / "secret.png", (200, 30, 30))
    return project, elsewhere, secret
