"""The HTTP side of the Replicate emulator: routing, problem details, faults on the wire.

State and lifecycle live in :mod:`tests.emulators.replicate`; this module only speaks HTTP.
"""

from __future__ import annotations

import json
import os
import re
import socket
import struct
import time
import uuid
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from tests.emulators._mp4 import make_mp4
from tests.emulators._replicate_models import GONE, openapi_model, validate_input

if TYPE_CHECKING:
    from tests.emulators.replicate import ReplicateEmulator

def iso_time(ts: float) -> str:
    """Replicate's timestamp format: ISO 8601 UTC with microseconds and a Z."""
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + f".{int(ts % 1 * 1e6):06d}Z"




def _problem(status: int, title: str, detail: str, **extra: Any) -> dict[str, Any]:
    return {"type": f"https://replicate.com/docs/reference/http#{status}", "title": title, "detail": detail,
            "status": status, **extra}  # fmt: skip


class ReplicateHandler(BaseHTTPRequestHandler):
    """One request against the emulator (a thread per connection)."""

    protocol_version = "HTTP/1.1"
    server_version = "replicate-emulator/1.0"

    @property
    def emu(self) -> ReplicateEmulator:
        return self.server.emulator  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if os.environ.get("EMULATOR_VERBOSE"):
            super().log_message(format, *args)

    # -- plumbing ---------------------------------------------------------------------

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(
        self, status: int, body: Any = None, *, headers: dict[str, str] | None = None, content_type: str | None = None
    ) -> None:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        ctype = content_type or ("video/mp4" if isinstance(body, bytes) else "application/json")
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(raw)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(raw)

    def _reset(self, *, hard: bool = True) -> None:
        """Drop the connection: a RST as a crashed proxy sends, or (``hard=False``) a bare FIN.

        A RST can make the peer discard data it has not read yet, so a mid-body cut uses
        FIN: the client then reliably holds half a body and must resume.
        """
        self.wfile.flush()
        if hard:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            self.connection.shutdown(socket.SHUT_WR)
        self.connection.close()
        self.close_connection = True

    def _authorized(self) -> bool:
        if self.headers.get("Authorization") != f"Bearer {self.emu.token}" or self.emu._take("auth_401"):
            self._send(401, _problem(401, "Unauthenticated", "You did not pass a valid authentication token"))
            return False
        return True

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._route("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._route("POST")

    def _route(self, method: str) -> None:
        try:
            self._dispatch(method)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away (a timeout test, say)

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        path, query = url.path.rstrip("/"), parse_qs(url.query)
        body = self._body() if method == "POST" else b""
        routes = [
            ("POST", r"/_emulator/faults", self._faults_set),
            ("GET", r"/_emulator/faults", lambda: self._send(200, self.emu.faults)),
            ("GET", r"/_emulator/stats", lambda: self._send(200, self.emu.stats())),
            ("POST", r"/_emulator/reset", lambda: (self.emu.reset(), self._send(200, {"ok": True}))),
            ("GET", r"/_emulator/output/(?P<pid>[^/]+)\.mp4", self._output),
            ("GET", r"/v1/files/(?P<fid>[^/]+)/download", self._file_download),
        ]
        authed = [
            ("POST", r"/v1/models/(?P<model>[^/]+/[^/]+)/predictions", self._create),
            ("GET", r"/v1/models/(?P<model>[^/]+/[^/]+)", self._model),
            ("GET", r"/v1/predictions", self._list),
            ("GET", r"/v1/predictions/(?P<pid>[^/]+)", self._get),
            ("POST", r"/v1/predictions/(?P<pid>[^/]+)/cancel", self._cancel),
            ("POST", r"/v1/files", self._upload),
            ("GET", r"/v1/files/(?P<fid>[^/]+)", self._file_meta),
            ("GET", r"/v1/account", self._account),
        ]
        self._query, self._raw = query, body
        for needs_auth, table in ((False, routes), (True, authed)):
            for verb, pattern, handler in table:
                match = re.fullmatch(pattern, path)
                if verb == method and match:
                    if needs_auth and not self._authorized():
                        return
                    handler(**match.groupdict())
                    return
        self._send(404, _problem(404, "Not found", "Not found."))

    # -- control ----------------------------------------------------------------------

    def _faults_set(self) -> None:
        try:
            self.emu.set_faults(**json.loads(self._raw or b"{}"))
        except (ValueError, TypeError) as exc:
            self._send(400, {"detail": str(exc)})
            return
        self._send(200, self.emu.faults)

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
        start = 0
        match = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
        if match:
            emu._count("ranged_downloads", pid)
            start = int(match.group(1))
            if start >= len(data):
                self._send(416, b"", headers={"Content-Range": f"bytes */{len(data)}"})
                return
        chunk = data[start:]
        headers = {"Accept-Ranges": "bytes"}
        if match:
            headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
        if emu._take("download_reset"):
            self.send_response(206 if match else 200)
            self.send_header("Content-Type", "video/mp4")
            self.send_header("Content-Length", str(len(chunk)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(chunk[: len(chunk) // 2])
            self._reset(hard=False)
            return
        delay = float(emu.faults["download_chunk_delay"])
        if delay:
            self._send_slowly(206 if match else 200, chunk, headers, delay)
        else:
            self._send(206 if match else 200, chunk, headers=headers)
        emu._count("downloads", pid)

    def _send_slowly(self, status: int, body: bytes, headers: dict[str, str], delay: float) -> None:
        """A slow CDN: the body in 4 KiB pieces; a client that leaves mid-body raises here."""
        self.send_response(status)
        self.send_header("Content-Type", "video/mp4")
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        for offset in range(0, len(body), 4096):
            if offset:
                time.sleep(delay)
            self.wfile.write(body[offset : offset + 4096])
            self.wfile.flush()

    # -- files, models, account ---------------------------------------------------------------

    def _upload(self) -> None:
        if self.emu._take("upload_5xx"):
            self._send(503, _problem(503, "Service Unavailable", "The service is temporarily unavailable."))
            return
        ctype = self.headers.get("Content-Type", "")
        message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {ctype}\r\n\r\n".encode() + self._raw)
        content = None
        for part in message.iter_parts() if message.is_multipart() else ():
            if part.get_param("name", header="content-disposition") == "content":
                content = part
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
