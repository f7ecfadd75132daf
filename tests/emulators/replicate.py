"""A loopback emulator of Replicate's HTTP API (PROVIDERS.md §2), failures included.

Speaks real HTTP/1.1 on 127.0.0.1 so the real adapter, its transport and its retries are
exercised end to end. In-process::

    with ReplicateEmulator(latency=0.3) as emu:
        provider = ReplicateProvider(api_key=emu.token, base_url=emu.url)

As a process that outlives its client (the runner's SIGKILL test)::

    python -m tests.emulators.replicate --port 0 --state /tmp/emu.json
    # prints "http://127.0.0.1:PORT" on the first line of stdout, then serves

or :func:`start_emulator_process`. With ``--state`` the predictions, files, faults and
counters are saved after every change and loaded on start.

Endpoints: ``POST /v1/models/{owner}/{name}/predictions``, ``GET /v1/predictions[/{id}]``
(paginated ``{next, previous, results}``), ``POST /v1/predictions/{id}/cancel``,
``POST /v1/files`` (multipart ``content``), ``GET /v1/files/{id}[/download]``,
``GET /v1/models/{owner}/{name}``, ``GET /v1/account``; results at
``/_emulator/output/{id}.mp4`` (real H.264+AAC MP4, ``Range`` supported, gone after
``retention`` seconds).

Control: ``POST /_emulator/faults`` with JSON (counters apply to the next N matching
requests; settings stay until changed)::

    {"create_429": 1, "retry_after": 2,     # 429 + Retry-After + "resets in ~2s" detail
     "create_5xx": 1, "create_reset": 1,    # 503 without creating / create, then TCP reset
     "create_401": 1, "create_402": 1, "auth_401": 1,
     "poll_5xx": 2, "download_reset": 1,    # 503 on GET prediction / reset mid-body
     "moderation": 1, "moderation_error": "E005 ...",  # the next prediction fails so
     "fail": 1, "fail_error": "...",
     "slow": 1, "slow_latency": 30,         # the next prediction takes 30 s
     "list_output": 1,                      # output as a one-element list
     "latency": 0.3, "retention": 3600, "page_size": 5, "create_delay": 0}

``GET /_emulator/faults`` shows them, ``GET /_emulator/stats`` returns the counters
(``create_requests``, ``poll_requests``, ``uploads``, ``list_requests``, and per prediction
id ``creates``, ``polls``, ``downloads`` (complete bodies), ``download_requests``,
``ranged_downloads``, ``cancels``), ``POST /_emulator/reset`` clears all.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.emulators._mp4 import make_mp4
from tests.emulators._replicate_models import GONE, MODELS, openapi_model, validate_input

DEFAULT_TOKEN = "test-key-replicate"
COUNTER_FAULTS = (
    "create_429", "create_5xx", "create_reset", "create_401", "create_402", "auth_401",
    "poll_5xx", "download_reset", "moderation", "fail", "slow", "list_output",
)  # fmt: skip
DEFAULT_SETTINGS: dict[str, Any] = {
    "retry_after": 2,
    "moderation_error": (
        "E005: The input image was flagged as sensitive. Please try again with different inputs."
    ),
    "fail_error": "Prediction failed: the model crashed (CUDA out of memory).",
    "slow_latency": 30.0,
    "latency": 0.3,
    "retention": 3600.0,
    "page_size": 5,
    "create_delay": 0.0,
}


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + f".{int(ts % 1 * 1e6):06d}Z"


class ReplicateEmulator:
    """The emulator's state and server; thread-safe, usable as a context manager."""

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        host: str = "127.0.0.1",
        port: int = 0,
        state_path: str | Path | None = None,
        **settings: Any,
    ) -> None:
        self.token = token
        self._lock = threading.RLock()
        self._state_path = Path(state_path) if state_path else None
        self.predictions: dict[str, dict[str, Any]] = {}
        self.files: dict[str, dict[str, Any]] = {}
        self.faults: dict[str, Any] = {**DEFAULT_SETTINGS, **{k: 0 for k in COUNTER_FAULTS}}
        self._stats = self._empty_stats()
        self._load()
        self.set_faults(**settings)
        self._server = ThreadingHTTPServer((host, port), _Handler)
        self._server.daemon_threads = True
        self._server.emulator = self  # type: ignore[attr-defined]
        self.url = f"http://{host}:{self._server.server_address[1]}"
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------

    def start(self) -> str:
        """Serve in a daemon thread; returns the base URL."""
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="replicate-emulator", daemon=True
        )
        self._thread.start()
        return self.url

    def serve_forever(self) -> None:
        """Serve on the calling thread (the standalone process)."""
        self._server.serve_forever()

    def stop(self) -> None:
        """Stop serving and free the port."""
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "ReplicateEmulator":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- control ----------------------------------------------------------------------

    def set_faults(self, **faults: Any) -> None:
        """Arm fault counters or change settings (see the module docstring)."""
        unknown = set(faults) - set(self.faults)
        if unknown:
            raise ValueError(f"unknown emulator faults/settings: {sorted(unknown)}")
        with self._lock:
            self.faults.update(faults)
            self._save()

    def stats(self) -> dict[str, Any]:
        """A copy of the counters."""
        with self._lock:
            return json.loads(json.dumps(self._stats))

    def reset(self) -> None:
        """Forget predictions, files, faults and counters."""
        with self._lock:
            self.predictions.clear()
            self.files.clear()
            self.faults = {**DEFAULT_SETTINGS, **{k: 0 for k in COUNTER_FAULTS}}
            self._stats = self._empty_stats()
            self._save()

    def view(self, prediction_id: str) -> dict[str, Any] | None:
        """The prediction as ``GET /v1/predictions/{id}`` would show it now."""
        with self._lock:
            pred = self.predictions.get(prediction_id)
            return self._view(pred) if pred else None

    def expire(self, prediction_id: str) -> None:
        """Make a finished prediction's output disappear now, as if the hour had passed."""
        with self._lock:
            self.predictions[prediction_id]["expired"] = True
            self._save()

    # -- internals used by the handler --------------------------------------------------

    @staticmethod
    def _empty_stats() -> dict[str, Any]:
        return {
            "create_requests": 0,
            "creates": {},
            "polls": {},
            "poll_requests": 0,
            "downloads": {},
            "download_requests": {},
            "ranged_downloads": {},
            "cancels": {},
            "uploads": 0,
            "list_requests": 0,
        }

    def _take(self, fault: str) -> bool:
        """Consume one armed fault counter."""
        with self._lock:
            if self.faults.get(fault, 0) > 0:
                self.faults[fault] -= 1
                return True
            return False

    def _count(self, key: str, pid: str | None = None) -> None:
        with self._lock:
            if pid is None:
                self._stats[key] += 1
            else:
                self._stats[key][pid] = self._stats[key].get(pid, 0) + 1

    def _create(self, model: str, data: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            latency = float(self.faults["latency"])
            fate = "succeed"
            if self._take("slow"):
                latency = float(self.faults["slow_latency"])
            if self._take("moderation"):
                fate = "fail:" + self.faults["moderation_error"]
            elif self._take("fail"):
                fate = "fail:" + self.faults["fail_error"]
            pid = uuid.uuid4().hex[:26]
            self.predictions[pid] = {
                "id": pid,
                "model": model,
                "input": data,
                "created_at": time.time(),
                "latency": latency,
                "fate": fate,
                "list_output": self._take("list_output"),
                "canceled_at": None,
                "expired": False,
            }
            self._stats["creates"][pid] = self._stats["creates"].get(pid, 0) + 1
            self._save()
            return self._view(self.predictions[pid])

    def _status(self, pred: dict[str, Any], now: float) -> tuple[str, float | None, float]:
        """(status, completed_at, fraction done) at time ``now``."""
        if pred["canceled_at"] is not None:
            return "canceled", pred["canceled_at"], 0.0
        elapsed = now - pred["created_at"]
        starting = pred["latency"] * 0.2
        if elapsed < starting:
            return "starting", None, 0.0
        if elapsed < pred["latency"]:
            return "processing", None, (elapsed - starting) / max(1e-6, pred["latency"] - starting)
        done = pred["created_at"] + pred["latency"]
        return ("failed" if pred["fate"].startswith("fail:") else "succeeded"), done, 1.0

    def _duration(self, pred: dict[str, Any]) -> float:
        data = pred["input"]
        for key in ("duration", "seconds"):
            if isinstance(data.get(key), (int, float)):
                return float(data[key])
        return float(MODELS[pred["model"]]["fields"].get("duration", {}).get("default", 5))

    def _gone(self, pred: dict[str, Any], completed: float | None, now: float) -> bool:
        return pred["expired"] or (completed is not None and now > completed + float(self.faults["retention"]))

    def _view(self, pred: dict[str, Any]) -> dict[str, Any]:
        now = time.time()
        status, completed, fraction = self._status(pred, now)
        pid = pred["id"]
        output: Any = None
        error = None
        logs = ""
        if status == "processing":
            pct = int(fraction * 100)
            logs = f"Generating video...\n {pct:3d}%|{'#' * (pct // 10):<10}| {pct}/100 [00:01<00:02]\n"
        if status == "succeeded":
            url = f"{self.url}/_emulator/output/{pid}.mp4"
            output = [url] if pred["list_output"] else url
            logs = "Generating video...\n100%|##########| 100/100\nDone.\n"
        if status == "failed":
            error = pred["fate"][5:]
        gone = self._gone(pred, completed, now)
        return {
            "id": pid,
            "model": pred["model"],
            "version": "hidden",
            "input": {} if gone else pred["input"],
            "logs": "" if gone else logs,
            "output": None if gone else output,
            "data_removed": gone,
            "error": error,
            "status": status,
            "source": "api",
            "created_at": _iso(pred["created_at"]),
            "started_at": _iso(pred["created_at"] + pred["latency"] * 0.2) if status != "starting" else None,
            "completed_at": _iso(completed) if completed else None,
            "metrics": {"predict_time": pred["latency"]} if completed else {},
            "urls": {
                "get": f"{self.url}/v1/predictions/{pid}",
                "cancel": f"{self.url}/v1/predictions/{pid}/cancel",
                "web": f"https://replicate.com/p/{pid}",
            },
        }

    def _file_exists(self, url: str) -> bool:
        match = re.search(r"/v1/files/([^/]+)", url)
        return bool(match and match.group(1) in self.files)

    # -- persistence (standalone process) -------------------------------------------------

    def _save(self) -> None:
        if not self._state_path:
            return
        data = {
            "predictions": self.predictions,
            "files": {k: {**v, "bytes": base64.b64encode(v["bytes"]).decode()} for k, v in self.files.items()},
            "faults": self.faults,
            "stats": self._stats,
        }
        tmp = self._state_path.with_name(self._state_path.name + ".tmp")
        tmp.write_text(json.dumps(data), "utf-8")
        os.replace(tmp, self._state_path)

    def _load(self) -> None:
        if not self._state_path or not self._state_path.exists() or not self._state_path.stat().st_size:
            return
        data = json.loads(self._state_path.read_text("utf-8"))
        self.predictions = data.get("predictions", {})
        self.files = {k: {**v, "bytes": base64.b64decode(v["bytes"])} for k, v in data.get("files", {}).items()}
        self.faults.update(data.get("faults", {}))
        self._stats.update(data.get("stats", {}))


def _problem(status: int, title: str, detail: str, **extra: Any) -> dict[str, Any]:
    return {"type": f"https://replicate.com/docs/reference/http#{status}", "title": title, "detail": detail,
            "status": status, **extra}  # fmt: skip


class _Handler(BaseHTTPRequestHandler):
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
        if model in GONE or model not in MODELS:
            self._send(404, _problem(404, "Not found", f"Model {model} not found."))
            return
        try:
            payload = json.loads(self._raw or b"{}")
        except ValueError:
            self._send(400, _problem(400, "Bad request", "The request body is not valid JSON."))
            return
        problems = validate_input(model, payload.get("input"), known_file=emu._file_exists)
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
        emu = self.emu
        emu._count("list_requests")
        size = int(emu.faults["page_size"])
        offset = int(self._query.get("cursor", ["0"])[0])
        with emu._lock:
            ordered = sorted(emu.predictions.values(), key=lambda p: p["created_at"], reverse=True)
            page = [emu._view(p) for p in ordered[offset : offset + size]]
        nxt = f"{emu.url}/v1/predictions?cursor={offset + size}" if offset + size < len(ordered) else None
        prev = f"{emu.url}/v1/predictions?cursor={max(0, offset - size)}" if offset else None
        self._send(200, {"next": nxt, "previous": prev, "results": page})

    def _output(self, pid: str) -> None:
        emu = self.emu
        with emu._lock:
            pred = emu.predictions.get(pid)
            emu._count("download_requests", pid)
            state = emu._status(pred, time.time()) if pred else None
        if pred is None or state is None or state[0] != "succeeded" or emu._gone(pred, state[1], time.time()):
            self._send(404, b"Not found")
            return
        data = make_mp4(emu._duration(pred))
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
        self._send(206 if match else 200, chunk, headers=headers)
        emu._count("downloads", pid)

    # -- files, models, account ---------------------------------------------------------------

    def _upload(self) -> None:
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
                "created_at": _iso(time.time()),
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
        if model not in MODELS:
            self._send(404, _problem(404, "Not found", f"Model {model} not found."))
            return
        self._send(200, openapi_model(model))

    def _account(self) -> None:
        self._send(200, {"type": "user", "username": "emulator", "name": "Emulator User", "github_url": None})


# -- starting it ----------------------------------------------------------------------------


def start_emulator_process(
    state_path: str | Path, *, port: int = 0, token: str = DEFAULT_TOKEN, **settings: Any
) -> tuple[subprocess.Popen, str]:
    """Run the emulator as its own process; returns (process, base URL). Stop it with ``.terminate()``."""
    cmd = [sys.executable, "-m", "tests.emulators.replicate", "--port", str(port), "--state", str(state_path)]
    cmd += ["--token", token]
    for key, value in settings.items():
        cmd += ["--set", f"{key}={json.dumps(value)}"]
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if not line.startswith("http"):
        proc.kill()
        raise RuntimeError(f"the Replicate emulator did not start (got {line!r})")
    return proc, line


def main(argv: list[str] | None = None) -> None:
    """``python -m tests.emulators.replicate --port 0 --state FILE``: print the URL, then serve."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--state", help="JSON file to keep predictions and counters in across restarts")
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=JSON", help="a fault or setting")
    args = parser.parse_args(argv)
    settings = {}
    for item in args.set:
        key, _, value = item.partition("=")
        settings[key] = json.loads(value)
    emu = ReplicateEmulator(token=args.token, host=args.host, port=args.port, state_path=args.state, **settings)
    print(emu.url, flush=True)
    try:
        emu.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
