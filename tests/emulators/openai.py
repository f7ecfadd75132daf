"""A loopback OpenAI-compatible text endpoint: the Responses API and Chat Completions.

It answers structured-output requests the way a model following a strict JSON schema does:
it builds an object that conforms to the request's schema (``$defs``/``$ref``, ``anyOf``
with null, objects, arrays, enums), echoing the user's own text into the string fields so
tests can see a language survive the round trip. Arrays have two items, except where the
instructions say "exactly N" (a model following the instruction).

Failures, queued with :meth:`OpenAIEmulator.inject` and used one per request:
``"refusal"``, ``"malformed"`` (cut-off JSON), ``"violating"`` (valid JSON, wrong shape),
``"quota"`` (429 insufficient_quota), ``"model_missing"`` (404 model_not_found), and
``(status, {headers})`` such as ``(429, {"Retry-After": "0.3"})`` or ``(503, {})``.
``without_responses=True`` makes it a local server whose router has no ``/responses``
(404 with a plain-text body, as Ollama's and llama.cpp's routers answer).
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DEFAULT_KEY = "sk-test-emulator-key-0000"


class OpenAIEmulator:
    """Serve on 127.0.0.1 (random port); ``url`` is the API root including ``/v1``."""

    def __init__(self, *, key: str | None = DEFAULT_KEY, without_responses: bool = False, integer: int = 5) -> None:
        self.key = key
        self.without_responses = without_responses
        self.integer = integer
        self.requests: list[dict[str, Any]] = []
        self._faults: list[Any] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.emulator = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def inject(self, *faults: Any) -> None:
        """Queue failures for the next requests, one each."""
        with self._lock:
            self._faults.extend(faults)

    def next_fault(self) -> Any:
        with self._lock:
            return self._faults.pop(0) if self._faults else None

    def paths(self) -> list[str]:
        return [r["path"] for r in self.requests]

    def __enter__(self) -> "OpenAIEmulator":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


# -- answering by schema ------------------------------------------------------------------


def conforming(schema: dict, *, text: str, instructions: str = "", integer: int = 5) -> Any:
    """An object that satisfies the strict JSON ``schema``, its strings echoing ``text``."""
    defs = schema.get("$defs", {})
    wanted = re.search(r"exactly (\d+)", instructions or "")
    excerpt = " ".join(text.split())[:80]

    def build(node: dict, name: str, index: int) -> Any:
        if "$ref" in node:
            return build(defs[node["$ref"].rsplit("/", 1)[-1]], name, index)
        if "anyOf" in node:
            branch = next((b for b in node["anyOf"] if b.get("type") != "null"), node["anyOf"][0])
            return build(branch, name, index)
        if "enum" in node:
            return node["enum"][0]
        kind = node.get("type")
        if kind == "object":
            return {key: build(sub, key, index) for key, sub in node.get("properties", {}).items()}
        if kind == "array":
            count = int(wanted.group(1)) if wanted and name == "shots" else (3 if name == "palette" else 2)
            return [build(node.get("items", {}), name, i) for i in range(count)]
        if kind == "string":
            return f"{name} {index + 1}: {excerpt}"
        if kind == "integer":
            return integer
        if kind == "number":
            return float(integer)
        if kind == "boolean":
            return index % 2 == 1
        if kind == "null":
            return None
        return None

    return build(schema, "root", 0)


def strict_problem(schema: dict) -> str | None:
    """What the real API would reject in a strict schema: an object allowing extra keys or with optional keys."""

    def walk(node: Any, where: str) -> str | None:
        if isinstance(node, dict):
            if node.get("type") == "object":
                if node.get("additionalProperties") is not False:
                    return f"In context={where}, 'additionalProperties' is required to be supplied and to be false."
                missing = set(node.get("properties", {})) - set(node.get("required", []))
                if missing:
                    return f"In context={where}, 'required' is required to include every key; missing {sorted(missing)}."
            for key, value in node.items():
                problem = walk(value, f"{where}/{key}")
                if problem:
                    return problem
        elif isinstance(node, list):
            for i, value in enumerate(node):
                problem = walk(value, f"{where}/{i}")
                if problem:
                    return problem
        return None

    return walk(schema, "")


def _user_text(body: dict) -> tuple[str, list[str]]:
    """The user's text and any image URLs in a Responses or Chat Completions body."""
    texts: list[str] = []
    images: list[str] = []
    items = body.get("input") if "input" in body else body.get("messages", [])
    if isinstance(items, str):
        return items, images
    for item in items or []:
        if item.get("role") not in ("user", None):
            continue
        content = item.get("content")
        if isinstance(content, str):
            texts.append(content)
            continue
        for part in content or []:
            if part.get("type") in ("input_text", "text"):
                texts.append(part.get("text", ""))
            elif part.get("type") == "input_image":
                images.append(part.get("image_url", ""))
            elif part.get("type") == "image_url":
                images.append((part.get("image_url") or {}).get("url", ""))
    return "\n".join(texts), images


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    @property
    def emu(self) -> OpenAIEmulator:
        return self.server.emulator  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None, *, plain: bool = False) -> None:
        raw = body.encode() if plain else json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8" if plain else "application/json")
        self.send_header("Content-Length", str(len(raw)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(raw)

    def _error(self, status: int, message: str, code: str | None, kind: str, headers: dict | None = None) -> None:
        self._send(status, {"error": {"message": message, "type": kind, "param": None, "code": code}}, headers)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        path = self.path.split("?", 1)[0]
        try:
            body = json.loads(raw.decode("utf-8")) if raw else {}
        except ValueError:
            self._error(400, "We could not parse the JSON body of your request.", None, "invalid_request_error")
            return
        text, images = _user_text(body)
        self.emu.requests.append({"path": path, "body": body, "text": text, "images": images, "time": time.monotonic(),
                                  "headers": dict(self.headers)})  # fmt: skip
        if path.endswith("/responses"):
            if self.emu.without_responses:
                self._send(404, "404 page not found", plain=True)
                return
            api = "responses"
        elif path.endswith("/chat/completions"):
            api = "chat"
        else:
            self._send(404, "404 page not found", plain=True)
            return
        if self.emu.key and self.headers.get("Authorization") != f"Bearer {self.emu.key}":
            self._error(401, "Incorrect API key provided: sk-***.", "invalid_api_key", "invalid_request_error")
            return
        fault = self.emu.next_fault()
        if isinstance(fault, tuple):
            status, headers = fault
            if status == 429:
                self._error(429, "Rate limit reached for requests.", "rate_limit_exceeded", "requests", headers)
            else:
                self._error(status, "The server had an error while processing your request.", None, "server_error", headers)
            return
        if fault == "quota":
            self._error(429, "You exceeded your current quota, please check your plan and billing details.",
                        "insufficient_quota", "insufficient_quota")  # fmt: skip
            return
        if fault == "model_missing":
            self._error(404, f"The model `{body.get('model')}` does not exist or you do not have access to it.",
                        "model_not_found", "invalid_request_error")  # fmt: skip
            return
        schema_info = self._schema(body, api)
        if schema_info is None:
            self._error(400, "Structured output needs a strict json_schema format.", None, "invalid_request_error")
            return
        name, schema = schema_info
        problem = strict_problem(schema)
        if problem:
            self._error(400, f"Invalid schema for response_format '{name}': {problem}", "invalid_json_schema", "invalid_request_error")
            return
        instructions = body.get("instructions") or "".join(
            m.get("content", "") for m in body.get("messages", []) if m.get("role") == "system" and isinstance(m.get("content"), str)
        )
        refusal = None
        answer = ""
        if fault == "refusal":
            refusal = "I'm sorry, but I can't help with that request."
        else:
            obj = conforming(schema, text=text, instructions=instructions, integer=self.emu.integer)
            if fault == "violating":
                obj.pop(next(iter(obj)), None)
                obj["unexpected"] = True
            answer = json.dumps(obj, ensure_ascii=False)
            if fault == "malformed":
                answer = answer[: len(answer) // 2]
        model = body.get("model", "")
        if api == "responses":
            self._send(200, _response_object(model, body, answer, refusal))
        else:
            self._send(200, _chat_object(model, answer, refusal))

    @staticmethod
    def _schema(body: dict, api: str) -> tuple[str, dict] | None:
        if api == "responses":
            fmt = (body.get("text") or {}).get("format") or {}
        else:
            rf = body.get("response_format") or {}
            fmt = rf.get("json_schema") or {} if rf.get("type") == "json_schema" else {}
            fmt = {"type": "json_schema", **fmt} if fmt else {}
        if fmt.get("type") != "json_schema" or not fmt.get("strict") or not isinstance(fmt.get("schema"), dict):
            return None
        return fmt.get("name", "answer"), fmt["schema"]


def _response_object(model: str, body: dict, answer: str, refusal: str | None) -> dict:
    part = {"type": "refusal", "refusal": refusal} if refusal else {"type": "output_text", "text": answer, "annotations": [], "logprobs": []}
    return {
        "id": f"resp_{uuid.uuid4().hex}",
        "object": "response",
        "created_at": int(time.time()),
        "status": "completed",
        "model": model,
        "output": [{"type": "message", "id": f"msg_{uuid.uuid4().hex}", "status": "completed", "role": "assistant", "content": [part]}],
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "temperature": 1.0,
        "top_p": 1.0,
        "error": None,
        "incomplete_details": None,
        "instructions": body.get("instructions"),
        "metadata": {},
        "text": body.get("text"),
        "usage": {"input_tokens": 10, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 20,
                  "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 30},  # fmt: skip
    }


def _chat_object(model: str, answer: str, refusal: str | None) -> dict:
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                     "message": {"role": "assistant", "content": None if refusal else answer, "refusal": refusal}}],  # fmt: skip
        "usage": {"prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30},
    }
