"""What every loopback provider emulator shares: state, faults, counters, persistence, HTTP.

An emulator subclasses :class:`Emulator` (its jobs and how they age) and
:class:`EmulatorHandler` (its routes). Both run in-process as a context manager, or as
their own process (``python -m tests.emulators.<name> --port 0 --state FILE``) that keeps
its state in a JSON file, so a client can be SIGKILLed and restarted against it.

Every emulator answers ``POST /_emulator/faults`` (arm counters, change settings),
``GET /_emulator/faults``, ``GET /_emulator/stats`` and ``POST /_emulator/reset``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import struct
import subprocess
import threading
import time
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit

from tests.emulators._process import start_module

Route = tuple[str, str, Callable[..., None]]


class Emulator:
    """Thread-safe state and server of one emulator; subclasses set the class attributes."""

    handler: type[BaseHTTPRequestHandler]
    counter_faults: tuple[str, ...] = ()
    default_settings: dict[str, Any] = {}
    default_token = "test-key"

    def __init__(
        self,
        *,
        token: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        state_path: str | Path | None = None,
        **settings: Any,
    ) -> None:
        self.token = token or self.default_token
        self._lock = threading.RLock()
        self._state_path = Path(state_path) if state_path else None
        self.jobs: dict[str, dict[str, Any]] = {}
        self.files: dict[str, dict[str, Any]] = {}
        self.faults: dict[str, Any] = self._fresh_faults()
        self._stats = self._empty_stats()
        self._load()
        self.set_faults(**settings)
        self._server = ThreadingHTTPServer((host, port), self.handler)
        self._server.daemon_threads = True
        self._server.emulator = self  # type: ignore[attr-defined]
        self.url = f"http://{host}:{self._server.server_address[1]}"
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------

    def start(self) -> str:
        """Serve in a daemon thread; returns the base URL."""
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name=type(self).__name__, daemon=True
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

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- control ----------------------------------------------------------------------

    def _fresh_faults(self) -> dict[str, Any]:
        return {**json.loads(json.dumps(self.default_settings)), **{k: 0 for k in self.counter_faults}}

    def set_faults(self, **faults: Any) -> None:
        """Arm fault counters or change settings (see the emulator's docstring)."""
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
        """Forget jobs, files, faults and counters."""
        with self._lock:
            self.jobs.clear()
            self.files.clear()
            self.faults = self._fresh_faults()
            self._stats = self._empty_stats()
            self._save()

    @staticmethod
    def _empty_stats() -> dict[str, Any]:
        return {
            "create_requests": 0,
            "creates": {},
            "poll_requests": 0,
            "polls": {},
            "downloads": {},
            "download_requests": {},
            "ranged_downloads": {},
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

    def _count(self, key: str, job_id: str | None = None) -> None:
        """Bump a counter (kept in memory; saved with the next change of state)."""
        with self._lock:
            if job_id is None:
                self._stats[key] = self._stats.get(key, 0) + 1
            else:
                bucket = self._stats.setdefault(key, {})
                bucket[job_id] = bucket.get(job_id, 0) + 1

    # -- persistence (standalone process) -------------------------------------------------

    def _save(self) -> None:
        if not self._state_path:
            return
        import base64

        data = {
            "jobs": self.jobs,
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
        import base64

        data = json.loads(self._state_path.read_text("utf-8"))
        self.jobs = data.get("jobs", {})
        self.files = {k: {**v, "bytes": base64.b64decode(v["bytes"])} for k, v in data.get("files", {}).items()}
        self.faults.update(data.get("faults", {}))
        self._stats.update(data.get("stats", {}))


class EmulatorHandler(BaseHTTPRequestHandler):
    """One request (a thread per connection); subclasses list their routes."""

    protocol_version = "HTTP/1.1"

    def routes(self) -> list[Route]:
        """(method, path regex, handler) for routes that need the key."""
        return []

    def open_routes(self) -> list[Route]:
        """Routes that need no key (results on a "CDN", say)."""
        return []

    def not_found(self) -> None:
        self._send(404, {"error": "not found"})

    def unauthorized(self) -> None:
        self._send(401, {"error": "unauthorized"})

    @property
    def emu(self) -> Any:
        return self.server.emulator  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if os.environ.get("EMULATOR_VERBOSE"):
            super().log_message(format, *args)

    # -- plumbing ---------------------------------------------------------------------

    def _read_body(self) -> bytes:
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
        """Drop the connection: a RST (``hard``) as a crashed proxy sends, or a bare FIN mid-body."""
        self.wfile.flush()
        if hard:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            self.connection.shutdown(socket.SHUT_WR)
        self.connection.close()
        self.close_connection = True

    def _json_body(self) -> Any:
        try:
            return json.loads(self._raw or b"{}")
        except ValueError:
            return None

    def _multipart(self) -> dict[str, Message]:
        """The parts of a multipart/form-data body by field name."""
        ctype = self.headers.get("Content-Type", "")
        message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {ctype}\r\n\r\n".encode() + self._raw)
        parts: dict[str, Message] = {}
        for part in message.iter_parts() if message.is_multipart() else ():
            name = part.get_param("name", header="content-disposition")
            if name:
                parts[str(name)] = part
        return parts

    @staticmethod
    def _text(part: Message | None) -> str | None:
        if part is None:
            return None
        return (part.get_payload(decode=True) or b"").decode("utf-8", "replace")

    def _bearer_ok(self) -> bool:
        return self.headers.get("Authorization") == f"Bearer {self.emu.token}" and not self.emu._take("auth_401")

    def do_GET(self) -> None:
        self._route("GET")

    def do_POST(self) -> None:
        self._route("POST")

    def do_DELETE(self) -> None:
        self._route("DELETE")

    def _route(self, method: str) -> None:
        try:
            self._dispatch(method)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away (a timeout test, say)

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        path = url.path.rstrip("/")
        self._query = parse_qs(url.query)
        self._raw = self._read_body() if method == "POST" else b""
        control: list[Route] = [
            ("POST", r"/_emulator/faults", self._faults_set),
            ("GET", r"/_emulator/faults", lambda: self._send(200, self.emu.faults)),
            ("GET", r"/_emulator/stats", lambda: self._send(200, self.emu.stats())),
            ("POST", r"/_emulator/reset", lambda: (self.emu.reset(), self._send(200, {"ok": True}))),
        ]
        for needs_auth, table in ((False, control + self.open_routes()), (True, self.routes())):
            for verb, pattern, handler in table:
                match = re.fullmatch(pattern, path)
                if verb == method and match:
                    if needs_auth and not self._bearer_ok():
                        self.unauthorized()
                        return
                    handler(**match.groupdict())
                    return
        self.not_found()

    def _faults_set(self) -> None:
        try:
            self.emu.set_faults(**json.loads(self._raw or b"{}"))
        except (ValueError, TypeError) as exc:
            self._send(400, {"error": str(exc)})
            return
        self._send(200, self.emu.faults)

    def _serve_video(self, job_id: str, data: bytes, *, chunk_delay: float = 0.0) -> None:
        """Serve an MP4 with ``Range`` support, honouring the ``download_reset`` fault.

        ``chunk_delay`` plays a slow CDN: the body goes out in 4 KiB pieces that far apart.
        """
        emu = self.emu
        start = 0
        match = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
        if match:
            emu._count("ranged_downloads", job_id)
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
        if chunk_delay:
            self._send_slowly(206 if match else 200, chunk, headers, chunk_delay)
        else:
            self._send(206 if match else 200, chunk, headers=headers)
        emu._count("downloads", job_id)

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


def small_size(size: tuple[int, int], short: int = 144) -> tuple[int, int]:
    """The requested shape at a small, even size, so test videos encode in a blink."""
    width, height = size
    scale = short / min(width, height)
    return max(2, int(width * scale) // 2 * 2), max(2, int(height * scale) // 2 * 2)


# -- as a process ---------------------------------------------------------------------------


def start_emulator_process(
    module: str, state_path: str | Path, *, port: int = 0, token: str, **settings: Any
) -> tuple[subprocess.Popen, str]:
    """Run ``python -m <module>`` as its own process; returns (process, base URL)."""
    args = ["--port", str(port), "--state", str(state_path), "--token", token]
    for key, value in settings.items():
        args += ["--set", f"{key}={json.dumps(value)}"]
    return start_module(module, *args)


def main(emulator_cls: type[Emulator], description: str, argv: list[str] | None = None) -> None:
    """``python -m tests.emulators.<name> --port 0 --state FILE``: print the URL, then serve."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--state", help="JSON file to keep jobs and counters in across restarts")
    parser.add_argument("--token", default=emulator_cls.default_token)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=JSON", help="a fault or setting")
    args = parser.parse_args(argv)
    settings = {}
    for item in args.set:
        key, _, value = item.partition("=")
        settings[key] = json.loads(value)
    emu = emulator_cls(token=args.token, host=args.host, port=args.port, state_path=args.state, **settings)
    print(emu.url, flush=True)
    try:
        emu.serve_forever()
    except KeyboardInterrupt:
        pass
