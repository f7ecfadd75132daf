"""What every loopback provider emulator shares: a threaded HTTP server, faults, JSON answers."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class LoopbackEmulator:
    """A server on 127.0.0.1 (random port) with counter faults and sticky settings.

    Subclasses set ``counter_faults`` and pass their handler class; ``with Emulator() as emu:`` serves.
    """

    counter_faults: tuple[str, ...] = ()

    def __init__(
        self, handler: type[BaseHTTPRequestHandler], *, port: int = 0, settings: dict[str, Any] | None = None
    ) -> None:
        self.lock = threading.RLock()
        self.settings: dict[str, Any] = dict(settings or {})
        self.faults: dict[str, int] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.server.daemon_threads = True
        self.server.emulator = self  # type: ignore[attr-defined]

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def set_faults(self, **values: Any) -> None:
        """Counters (the next N matching requests fail) or settings (kept until changed)."""
        with self.lock:
            for name, value in values.items():
                if name in self.counter_faults:
                    self.faults[name] = int(value)
                else:
                    self.settings[name] = value

    def take_fault(self, name: str) -> bool:
        with self.lock:
            if self.faults.get(name, 0) > 0:
                self.faults[name] -= 1
                return True
            return False

    def serve_forever(self) -> None:
        self.server.serve_forever()

    def serve_as_process(self) -> int:
        """Print the URL on the first line (what ``_process.start_module`` reads), then serve."""
        print(self.url, flush=True)
        try:
            self.serve_forever()
        except KeyboardInterrupt:
            pass
        return 0

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()


class JsonHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 keep-alive handler with quiet logs and JSON replies."""

    protocol_version = "HTTP/1.1"

    @property
    def emu(self) -> Any:
        return self.server.emulator  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def send_json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def send_rpc_error(self, code: int, status: str, message: str, headers: dict[str, str] | None = None) -> None:
        """A ``google.rpc.Status`` error body, as Google's APIs send."""
        self.send_json(code, {"error": {"code": code, "message": message, "status": status}}, headers)
