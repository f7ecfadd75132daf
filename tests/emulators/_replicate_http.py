"""The HTTP side of the Replicate emulator: routing, problem details, faults on the wire.

State and lifecycle live in :mod:`tests.emulators.replicate`; this module only speaks HTTP.
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

from tests.emulators._base import EmulatorHandler, Route
from tests.emulators._mp4 import make_mp4
from tests.emulators._replicate_models import GONE, openapi_model, validate_input


def iso_time(ts: float) -> str:
    """Replicate's timestamp format: ISO 8601 UTC with microseconds and a Z."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + f".{int(ts % 1 * 1e6):06d}Z"


def _problem(status: int, title: str, detail: str, **extra: Any) -> dict[str, Any]:
    return {"type": f"https://replicate.com/docs/reference/http#{status}", "title": title, "detail": detail,
            "status": status, **extra}  # fmt: skip


class ReplicateHandler(EmulatorHandler):
    """One request against the emulator (a thread per connection)."""

    server_version = "replicate-emulator/1.0"

    def open_routes(self) -> list[Route]:
        return [
            ("GET", r"/_emulator/output/(?P<pid>[^/]+)\.mp4", self._output),
            ("GET", r"/v1/files/(?P<fid>[^/]+)/download", self._file_download),
        ]

    def routes(self) -> list[Route]:
        return [
            ("POST", r"/v1/models/(?P<model>[^/]+/[^/]+)/predictions", self._create),
            ("GET", r"/v1/models/(?P<model>[^/]+/[^/]+)", self._model),
            ("GET", r"/v1/predictions", self._list),
            ("GET", r"/v1/predictions/(?P<pid>[^/]+)", self._get),
            ("POST", r"/v1/predictions/(?P<pid>[^/]+)/cancel", self._cancel),
            ("POST", r"/v1/files", self._upload),
            ("GET", r"/v1/files/(?P<fid>[^/]+)", self._file_meta),
            ("GET", r"/v1/account", self._account),
        ]

    def not_found(self) -> None:
        self._send(404, _problem(404, "Not found", "Not found."))

    def unauthorized(self) -> None:
        self._send(401, _problem(401, "Unauthenticated", "You did not pass a valid authentication token"))

    # -- predictions --------------------------------------------------------------------

    def _create(self, model: str) -> None:
        emu = self.emu
        emu._count("create_requests")
        if emu._take("create_401"):
            self._send(401, _problem(401, "Unauthenticated", "You did not pass a valid authentication token"))
            return
        if emu._take("create_402"):
            self._send(402, _problem(402, "Billing required", "You need to set up billing to run this model. "
                                     "Go to https://replicate.com/account/billing and set up billing."))  # fmt: skip
            return
        if emu._take("create_429"):
            wait = emu.faults["retry_after"]
            detail = f"Request was throttled. Your rate limit resets in ~{wait}s."
            self._send(429, _problem(429, "Too Many Requests", detail), headers={"Retry-After": str(wait)})
            return
        if emu._take("create_5xx"):
            self._send(503, _problem(503, "Service Unavailable", "The service is temporarily unavailable."))
            return
        if model in GONE or model not in emu.models:
            self._send(404, _problem(404, "Not found", f"Model {model} not found."))
            return
        try:
            payload = json.loads(self._raw or b"{}")
        except ValueError:
            self._send(400, _problem(400, "Bad request", "The request body is not valid JSON."))
            return
        problems = validate_input(emu.models[model], payload.get("input"), known_file=emu._file_exists)
        if problems:
            detail = "".join(f"- {p['field']}: {p['description']}\n" for p in problems)
            self._send(422, _problem(422, "Input validation failed", detail, invalid_fields=problems))
            return
        view = emu._create(model, payload["input"])
        if emu.faults["create_delay"]:
            time.sleep(float(emu.faults["create_delay"]))
        if emu._take("create_reset"):
            self._reset()  # created and billed, but the answer never arrives
            return
        self._send(201, view)

    def _get(self, pid: str) -> None:
        emu = self.emu
        emu._count("poll_requests")
        if pid in emu.predictions:
            emu._count("polls", pid)
        if emu._take("poll_5xx"):
            self._send(503, b"<html><body>503 Service Temporarily Unavailable</body></html>")
            return
        view = emu.view(pid)
        if view is None:
            self._send(404, _problem(404, "Not found", "Prediction not found."))
            return
        self._send(200, view)

    def _cancel(self, pid: str) -> None:
        emu = self.emu
        with emu._lock:
            pred = emu.predictions.get(pid)
            if pred is None:
                self._send(404, _problem(404, "Not found", "Prediction not found."))
                return
            emu._count("cancels", pid)
            status, _, _ = emu._status(pred, time.time())
            if status in ("starting", "processing"):
                pred["canceled_at"] = time.time()
                emu._save()
            view = emu._view(pred)
        self._send(200, view)

    def _list(self) -> None:
        """Newest first, in pages; the cursor names the last item seen, so pages stay stable
        while predictions are created (as Replicate's opaque cursors do)."""
        emu = self.emu
        emu._count("list_requests")
        if emu._take("list_hang"):
            time.sleep(float(emu.faults["list_hang_seconds"]))  # a list endpoint that never answers
            self.close_connection = True
            return
        if emu._take("list_5xx"):
            self._send(503, _problem(503, "Service Unavailable", "The service is temporarily unavailable."))
            return
        size = int(emu.faults["page_size"])
        after = self._query.get("cursor", [None])[0]
        with emu._lock:
            ordered = sorted(emu.predictions.values(), key=lambda p: (p["created_at"], p["id"]), reverse=True)
            start = 0
            if after:
                ids = [p["id"] for p in ordered]
                start = ids.index(after) + 1 if after in ids else len(ids)
            page = [emu._view(p) for p in ordered[start : start + size]]
        more = start + size < len(ordered)
        nxt = f"{emu.url}/v1/predictions?cursor={page[-1]['id']}" if page and more else None
        self._send(200, {"next": nxt, "previous": None, "results": page})

    def _output(self, pid: str) -> None:
        emu = self.emu
        with emu._lock:
            pred = emu.predictions.get(pid)
            emu._count("download_requests", pid)
            state = emu._status(pred, time.time()) if pred else None
        if pred is None or state is None or state[0] != "succeeded" or emu._gone(pred, state[1], time.time()):
            self._send(404, b"Not found")
            return
        if pred.get("output_fault") == "corrupt":
            data = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 64  # an MP4 header, then noise
        else:
            data = make_mp4(emu._duration(pred))
        if emu._take("download_429"):
            wait = emu.faults["retry_after"]
            self._send(429, _problem(429, "Too Many Requests", f"Slow down; try again in {wait}s."),
                       headers={"Retry-After": str(wait)})  # fmt: skip
            return
        self._serve_video(pid, data, chunk_delay=float(emu.faults["download_chunk_delay"]))

    # -- files, models, account ---------------------------------------------------------------

    def _upload(self) -> None:
        if self.emu._take("upload_5xx"):
            self._send(503, _problem(503, "Service Unavailable", "The service is temporarily unavailable."))
            return
        content = self._multipart().get("content")
        if content is None:
            self._send(422, _problem(422, "Invalid file", "The multipart field 'content' is missing."))
            return
        fid = uuid.uuid4().hex[:24]
        data = content.get_payload(decode=True) or b""
        emu = self.emu
        with emu._lock:
            emu.files[fid] = {
                "id": fid,
                "name": content.get_filename() or "file",
                "content_type": content.get_content_type(),
                "size": len(data),
                "bytes": data,
                "created_at": iso_time(time.time()),
            }
            emu._stats["uploads"] += 1
            emu._save()
        self._send(201, self._file_json(fid))

    def _file_json(self, fid: str) -> dict[str, Any]:
        meta = self.emu.files[fid]
        return {
            **{k: v for k, v in meta.items() if k != "bytes"},
            "etag": f'"{fid}"',
            "checksums": {},
            "metadata": {},
            "expires_at": None,
            "urls": {"get": f"{self.emu.url}/v1/files/{fid}"},
        }

    def _file_meta(self, fid: str) -> None:
        if fid not in self.emu.files:
            self._send(404, _problem(404, "Not found", "File not found."))
            return
        self._send(200, self._file_json(fid))

    def _file_download(self, fid: str) -> None:
        meta = self.emu.files.get(fid)
        if meta is None:
            self._send(404, b"Not found", content_type="text/plain")
            return
        self._send(200, meta["bytes"], content_type=meta["content_type"])

    def _model(self, model: str) -> None:
        if model not in self.emu.models:
            self._send(404, _problem(404, "Not found", f"Model {model} not found."))
            return
        self._send(200, openapi_model(model, self.emu.models[model]))

    def _account(self) -> None:
        self._send(200, {"type": "user", "username": "emulator", "name": "Emulator User", "github_url": None})
