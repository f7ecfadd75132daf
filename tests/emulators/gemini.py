"""A loopback emulator of Gemini Omni Flash through the Interactions API (PROVIDERS.md §8).

Real HTTP on 127.0.0.1, speaking the wire format of google-genai 3.x's interactions client
(``_gaos/interactions.py`` and ``types/interactions/*``), so both Studio's adapter and the SDK
itself can be pointed at it:

- ``POST /v1beta/interactions`` (``x-goog-api-key``): ``{model, input, response_format:
  {type: "video", aspect_ratio, resolution, duration}, generation_config: {video_config:
  {task}, seed}, previous_interaction_id, background, store}`` → an Interaction, ``in_progress``.
- ``GET /v1beta/interactions/{id}`` → the Interaction; after ``latency`` seconds ``completed``
  with ``steps[-1] = {type: "model_output", content: [{type: "video", uri | data, mime_type}]}``,
  or ``failed`` (``errors``), ``incomplete``, ``budget_exceeded`` or ``cancelled``.
- ``GET /v1beta/files/{id}:download?alt=media`` (with the key): the MP4, 404 once expired.

Control: ``POST /_emulator/faults`` (counters apply to the next N matching requests)::

    {"create_429": 1, "retry_after": 3, "create_5xx": 1, "poll_5xx": 2, "auth_401": 1,
     "blocked": 1,        # the next interaction fails on a safety block
     "incomplete": 1, "budget_exceeded": 1, "cancelled_upstream": 1,
     "inline": 1,         # the next result comes as base64 data instead of a URI
     "expire": 1,         # the next video download is gone (404)
     "latency": 0.3}

``GET /_emulator/stats`` counts ``create_requests``, ``poll_requests`` and, per interaction,
``creates``, ``polls``, ``downloads``; ``GET /_emulator/requests`` lists the create bodies.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import re
import time
import uuid
from typing import Any
from urllib.parse import urlparse

from tests.emulators._loopback import JsonHandler, LoopbackEmulator
from tests.emulators._mp4 import make_mp4

DEFAULT_KEY = "test-key-gemini"
COUNTER_FAULTS = (
    "create_429", "create_5xx", "poll_5xx", "auth_401", "blocked", "incomplete", "budget_exceeded",
    "cancelled_upstream", "inline", "expire",
)  # fmt: skip
BLOCK_MESSAGE = (
    "The request was blocked because the input image appears to contain a real, identifiable person "
    "(RAI filter: PERSON_IDENTIFIABLE)."
)
_ITEM = re.compile(r"^/(v1|v1beta|v1alpha)/interactions/(?P<id>[^/:]+)$")
_FILE = re.compile(r"^/(v1|v1beta)/files/(?P<id>[^/:]+):download$")
_ALLOWED_TASKS = {"text_to_video", "image_to_video", "reference_to_video", "edit"}


class GeminiEmulator(LoopbackEmulator):
    """``with GeminiEmulator() as emu:``; ``emu.url`` is the API root (no version)."""

    counter_faults = COUNTER_FAULTS

    def __init__(self, *, key: str = DEFAULT_KEY, latency: float = 0.3, port: int = 0):
        super().__init__(_Handler, port=port, settings={"latency": latency, "retry_after": 3})
        self.key = key
        self.interactions: dict[str, dict[str, Any]] = {}
        self.files: dict[str, dict[str, Any]] = {}
        self.requests: list[dict[str, Any]] = []
        self.stats: dict[str, Any] = {"create_requests": 0, "poll_requests": 0, "items": {}}

    def item_stats(self, item_id: str) -> dict[str, int]:
        with self.lock:
            return self.stats["items"].setdefault(item_id, {"creates": 0, "polls": 0, "downloads": 0})


class _Handler(JsonHandler):

    def _authorized(self) -> bool:
        if self.headers.get("x-goog-api-key") != self.emu.key or self.emu.take_fault("auth_401"):
            self.send_rpc_error(400 if self.headers.get("x-goog-api-key") else 403, "INVALID_ARGUMENT",
                        "API key not valid. Please pass a valid API key.")  # fmt: skip
            return False
        return True

    def _body(self) -> dict[str, Any]:
        return json.loads(self.read_body() or b"{}")

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        path = urlparse(self.path).path
        if path == "/_emulator/stats":
            with self.emu.lock:
                return self.send_json(200, self.emu.stats)
        if path == "/_emulator/requests":
            with self.emu.lock:
                return self.send_json(200, self.emu.requests)
        if not self._authorized():
            return
        if re.match(r"^/(v1|v1beta)/models$", path):
            return self.send_json(200, {"models": [
                {"name": "models/gemini-omni-flash-preview"}, {"name": "models/gemini-omni-1.1-flash"},
                {"name": "models/gemini-3.5-flash"}]})  # fmt: skip
        match = _ITEM.match(path)
        if match:
            return self._get(match["id"])
        match = _FILE.match(path)
        if match:
            return self._download(match["id"])
        self.send_rpc_error(404, "NOT_FOUND", f"Method not found: {path}")

    def do_POST(self) -> None:  # noqa: N802
        path = urlparse(self.path).path
        body = self._body()
        if path == "/_emulator/faults":
            self.emu.set_faults(**body)
            return self.send_json(200, {"faults": self.emu.faults})
        if not self._authorized():
            return
        if re.match(r"^/(v1|v1beta|v1alpha)/interactions$", path):
            return self._create(body)
        match = re.match(r"^/(v1|v1beta|v1alpha)/interactions/(?P<id>[^/]+)/cancel$", path)
        if match and match["id"] in self.emu.interactions:
            with self.emu.lock:
                item = self.emu.interactions[match["id"]]
                if time.time() - item["created"] < float(self.emu.settings["latency"]):
                    item["outcome"] = "cancelled"
                    item["created"] = 0.0
                self.emu.stats.setdefault("cancels", 0)
                self.emu.stats["cancels"] += 1
            return self.send_json(200, self._render(match["id"]))
        self.send_rpc_error(404, "NOT_FOUND", f"Method not found: {path}")

    # -- interactions -------------------------------------------------------------------------

    def _create(self, body: dict[str, Any]) -> None:
        with self.emu.lock:
            self.emu.stats["create_requests"] += 1
            self.emu.requests.append(body)
        if self.emu.take_fault("create_429"):
            return self.send_rpc_error(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).",
                               {"Retry-After": str(self.emu.settings["retry_after"])})  # fmt: skip
        if self.emu.take_fault("create_5xx"):
            return self.send_rpc_error(503, "UNAVAILABLE", "The model is overloaded. Please try again later.")
        model = str(body.get("model") or "")
        if not model.startswith("gemini-omni"):
            return self.send_rpc_error(404, "NOT_FOUND", f"models/{model} is not found for API version v1beta.")
        fmt = body.get("response_format") or {}
        if isinstance(fmt, list):
            fmt = fmt[0] if fmt else {}
        if fmt.get("type") != "video":
            return self.send_rpc_error(400, "INVALID_ARGUMENT", "response_format.type must be video for this model.")
        task = ((body.get("generation_config") or {}).get("video_config") or {}).get("task")
        if task is not None and task not in _ALLOWED_TASKS:
            return self.send_rpc_error(400, "INVALID_ARGUMENT", f"Unsupported video_config.task: {task}.")
        previous = body.get("previous_interaction_id")
        if previous and previous not in self.emu.interactions:
            return self.send_rpc_error(404, "NOT_FOUND", f"Interaction {previous} was not found.")
        if previous:  # an edit keeps the length and shape of what it edits
            with self.emu.lock:
                base = self.emu.interactions[previous]
            if task not in (None, "edit"):
                return self.send_rpc_error(400, "INVALID_ARGUMENT", f"previous_interaction_id needs task edit, not {task}.")
            finished = time.time() - base["created"] >= float(self.emu.settings["latency"])
            if not finished or base["outcome"] != "completed":
                return self.send_rpc_error(
                    400, "FAILED_PRECONDITION", f"Interaction {previous} has no finished video to edit."
                )
            seconds, fmt = base["seconds"], {**fmt, "aspect_ratio": base["aspect"]}
        else:
            seconds = float(str(fmt.get("duration") or "8s").rstrip("s") or 8)
        if not 3 <= seconds <= 10:
            return self.send_rpc_error(400, "INVALID_ARGUMENT", "response_format.duration must be between 3s and 10s.")
        outcome = "completed"
        for fault, status in (("blocked", "failed"), ("incomplete", "incomplete"),
                              ("budget_exceeded", "budget_exceeded"), ("cancelled_upstream", "cancelled")):  # fmt: skip
            if self.emu.take_fault(fault):
                outcome = status
                break
        item_id = "v1_" + uuid.uuid4().hex
        now = time.time()
        inline = self.emu.take_fault("inline") or fmt.get("delivery") == "inline"
        with self.emu.lock:
            self.emu.interactions[item_id] = {
                "id": item_id, "model": model, "created": now, "seconds": seconds,
                "aspect": fmt.get("aspect_ratio") or "16:9", "outcome": outcome,
                "inline": inline, "input": body.get("input"),
            }  # fmt: skip
        self.emu.item_stats(item_id)["creates"] += 1
        self.send_json(200, self._render(item_id))

    def _render(self, item_id: str) -> dict[str, Any]:
        with self.emu.lock:
            item = dict(self.emu.interactions[item_id])
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(item["created"]))
        data: dict[str, Any] = {"id": item_id, "model": item["model"], "created": stamp, "updated": stamp,
                                "object": "interaction"}  # fmt: skip
        if time.time() - item["created"] < float(self.emu.settings["latency"]):
            data["status"] = "in_progress"
            return data
        data["status"] = item["outcome"]
        if item["outcome"] == "failed":
            data["errors"] = [{"code": "SAFETY", "message": BLOCK_MESSAGE}]
            return data
        if item["outcome"] != "completed":
            return data
        width, height = (256, 144) if item["aspect"] == "16:9" else (144, 256)
        clip = make_mp4(item["seconds"], width=width, height=height)
        video: dict[str, Any] = {"type": "video", "mime_type": "video/mp4"}
        if item["inline"]:
            video["data"] = base64.b64encode(clip).decode()
        else:
            file_id = item_id.removeprefix("v1_")
            with self.emu.lock:
                self.emu.files.setdefault(file_id, {"data": clip, "item": item_id})
            video["uri"] = f"{self.emu.url}/v1beta/files/{file_id}:download?alt=media"
        data["steps"] = [
            {"type": "user_input", "content": [{"type": "text", "text": "(input)"}]},
            {"type": "model_output", "content": [video]},
        ]
        data["usage"] = {"total_output_tokens": int(5792 * item["seconds"])}
        return data

    def _get(self, item_id: str) -> None:
        with self.emu.lock:
            self.emu.stats["poll_requests"] += 1
        if self.emu.take_fault("poll_5xx"):
            return self.send_rpc_error(503, "UNAVAILABLE", "The service is currently unavailable.")
        if item_id not in self.emu.interactions:
            return self.send_rpc_error(404, "NOT_FOUND", f"Interaction {item_id} was not found.")
        self.emu.item_stats(item_id)["polls"] += 1
        self.send_json(200, self._render(item_id))

    def _download(self, file_id: str) -> None:
        with self.emu.lock:
            entry = self.emu.files.get(file_id)
        if entry is None or self.emu.take_fault("expire"):
            with self.emu.lock:
                self.emu.files.pop(file_id, None)
            return self.send_rpc_error(404, "NOT_FOUND", f"File {file_id} does not exist or has expired.")
        data = entry["data"]
        self.send_response(200)
        self.send_header("Content-Type", "video/mp4")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.emu.item_stats(entry["item"])["downloads"] += 1


def start_emulator_process(*, latency: float = 0.3, key: str = DEFAULT_KEY):
    """Run the emulator as its own process (it outlives a killed client); returns (process, url)."""
    from tests.emulators._process import start_module

    return start_module("tests.emulators.gemini", "--latency", str(latency), "--key", key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Gemini Interactions API emulator on 127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.3)
    parser.add_argument("--key", default=DEFAULT_KEY)
    args = parser.parse_args(argv)
    emu = GeminiEmulator(key=args.key, latency=args.latency, port=args.port)
    return emu.serve_as_process()


if __name__ == "__main__":
    sys.exit(main())
