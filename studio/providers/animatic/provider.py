"""The offline animatic provider: a Ken Burns move over the first frame, or a title card.

It is labelled "offline animatic, not AI" everywhere. It behaves like a cloud provider —
submit returns a remote id at once, the work waits in a short simulated queue, then renders
in a worker thread; poll reports progress; download hands the finished file over — so the
runner, the CLI and the window exercise their real paths with no key and no network.

Its "remote side" is a folder per job under ``work_dir``; a job whose render was
interrupted by a crash is rendered again on the next poll (it is free and deterministic).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studio.core.errors import Cancelled, Expired, StudioError
from studio.core.modelspec import ModelSpec
from studio.core.request import ValidatedRequest
from studio.providers.base import DownloadProgress, RemoteRecord, RemoteRef, RemoteState, RemoteStatus

OUTPUT = "out.mp4"
REQUEST = "request.json"
CANCELLED = "cancelled"
FAILED = "error.json"
RETENTION_SECONDS = 24 * 3600

Renderer = Callable[..., Any]
"""Writes one animatic clip to a path (blocking); see :class:`AnimaticProvider`."""


class AnimaticProvider:
    """Renders animatics locally with PyAV; see the module docstring."""

    name = "animatic"
    supports_idempotency = True
    max_concurrency = 2

    def __init__(self, work_dir: Path, render: Renderer, *, queue_seconds: float = 0.5):
        """``render(out, width=, height=, fps=, duration=, prompt=, image=, tone=, progress=, cancel=)``
        writes the clip (blocking); the services layer passes its media renderer in."""
        self.work_dir = Path(work_dir)
        self.render = render
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.queue_seconds = queue_seconds
        self._renders: dict[str, asyncio.Task] = {}
        self._progress: dict[str, float] = {}
        self._cancel: dict[str, threading.Event] = {}
        self._sweep_old()

    async def submit(self, spec: ModelSpec, request: ValidatedRequest, idempotency_key: str) -> RemoteRef:
        remote_id = f"anim-{idempotency_key[:20]}"
        folder = self.work_dir / remote_id
        if not (folder / REQUEST).exists():  # same key, same job: never rendered twice
            folder.mkdir(parents=True, exist_ok=True)
            req = request.request
            order = {
                "model": spec.model,
                "prompt": req.prompt,
                "image": req.first_frame,
                "width": request.size[0],
                "height": request.size[1],
                "fps": request.fps,
                "duration": request.duration,
                "tone": bool(req.audio),
                "idempotency_key": idempotency_key,
                "created_at": time.time(),
            }
            tmp = folder / (REQUEST + ".tmp")
            tmp.write_text(json.dumps(order), "utf-8")
            tmp.replace(folder / REQUEST)
        self._ensure_render(remote_id)
        return RemoteRef(provider=self.name, remote_id=remote_id)

    async def poll(self, ref: RemoteRef) -> RemoteStatus:
        folder = self.work_dir / ref.remote_id
        if not (folder / REQUEST).exists():
            return RemoteStatus(
                state=RemoteState.FAILED,
                error=Expired("This animatic's work folder is gone; generate it again."),
                raw_status="missing",
            )
        if (folder / OUTPUT).exists():
            return RemoteStatus(RemoteState.SUCCEEDED, progress=1.0, result={"path": str(folder / OUTPUT)}, raw_status="succeeded")
        if (folder / CANCELLED).exists():
            return RemoteStatus(RemoteState.CANCELLED, raw_status="cancelled")
        if (folder / FAILED).exists():
            data = json.loads((folder / FAILED).read_text("utf-8"))
            return RemoteStatus(
                RemoteState.FAILED, error=StudioError(data["message"], detail=data.get("detail")), raw_status="failed"
            )
        self._ensure_render(ref.remote_id)
        progress = self._progress.get(ref.remote_id)
        state = RemoteState.RUNNING if progress is not None else RemoteState.QUEUED
        return RemoteStatus(state, progress=progress, poll_after=0.25, raw_status=state.value)

    async def download(
        self, ref: RemoteRef, status: RemoteStatus, dest: Path, progress: DownloadProgress | None = None
    ) -> None:
        source = self.work_dir / ref.remote_id / OUTPUT
        if not source.exists():
            raise Expired("This animatic's file is gone; generate it again.")
        part = Path(dest).with_name(Path(dest).name + ".part")
        await asyncio.to_thread(shutil.copyfile, source, part)
        await asyncio.to_thread(os.replace, part, dest)  # ``dest`` is absent or whole, as for every provider
        if progress:
            size = (await asyncio.to_thread(dest.stat)).st_size
            progress(size, size)

    async def cancel(self, ref: RemoteRef) -> None:
        folder = self.work_dir / ref.remote_id
        if folder.exists() and not (folder / OUTPUT).exists():
            (folder / CANCELLED).touch()
        self._cancel.setdefault(ref.remote_id, threading.Event()).set()

    async def check_credentials(self) -> str:
        return "The offline animatic needs no key and no network."

    async def list_recent(self, since: float) -> list[RemoteRecord]:
        records = []
        for request_file in self.work_dir.glob(f"*/{REQUEST}"):
            try:
                order = json.loads(request_file.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            if order.get("created_at", 0) >= since:
                records.append(
                    RemoteRecord(
                        remote_id=request_file.parent.name,
                        model=order.get("model", ""),
                        created_at=order["created_at"],
                        input={"prompt": order.get("prompt", "")},
                        data={"idempotency_key": order.get("idempotency_key")},
                    )
                )
        return records

    async def aclose(self) -> None:
        for event in self._cancel.values():
            event.set()
        tasks = [t for t in self._renders.values() if not t.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # -- rendering -------------------------------------------------------------------

    def _ensure_render(self, remote_id: str) -> None:
        task = self._renders.get(remote_id)
        if task is None or task.done():
            self._renders[remote_id] = asyncio.get_running_loop().create_task(self._render(remote_id))

    async def _render(self, remote_id: str) -> None:
        folder = self.work_dir / remote_id
        order = json.loads((folder / REQUEST).read_text("utf-8"))
        cancel = self._cancel.setdefault(remote_id, threading.Event())
        await asyncio.sleep(self.queue_seconds)  # the simulated queue
        if cancel.is_set() or (folder / CANCELLED).exists():
            return
        self._progress[remote_id] = 0.0

        def on_progress(fraction: float) -> None:
            self._progress[remote_id] = fraction

        try:
            await asyncio.to_thread(
                self.render,
                folder / OUTPUT,
                width=int(order["width"]),
                height=int(order["height"]),
                fps=float(order["fps"]),
                duration=float(order["duration"]),
                prompt=order.get("prompt", ""),
                image=Path(order["image"]) if order.get("image") else None,
                tone=bool(order.get("tone", True)),
                progress=on_progress,
                cancel=cancel,
            )
        except Cancelled:
            (folder / CANCELLED).touch()
        except StudioError as error:
            (folder / FAILED).write_text(json.dumps(error.to_dict()), "utf-8")
        except Exception as exc:  # noqa: BLE001 - any render failure must reach poll as a sentence
            (folder / FAILED).write_text(
                json.dumps({"message": "The animatic could not be rendered.", "detail": repr(exc)}), "utf-8"
            )
        finally:
            self._progress.pop(remote_id, None)

    def _sweep_old(self) -> None:
        cutoff = time.time() - RETENTION_SECONDS
        for folder in self.work_dir.iterdir():
            try:
                if folder.is_dir() and folder.stat().st_mtime < cutoff:
                    shutil.rmtree(folder, ignore_errors=True)
            except OSError:
                continue
