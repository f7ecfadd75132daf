"""A loopback emulator of Kie.ai's market jobs API and file upload API (PROVIDERS.md §3).

One server plays both hosts (``STUDIO_KIE_BASE_URL`` covers both):

* ``POST /api/v1/jobs/createTask`` JSON ``{model, input, callBackUrl?}`` → ``{code, msg, data{taskId}}``.
  Inputs are checked per model (Sora: ``prompt`` ≤ 10000, ``n_frames`` "10"/"15" as strings,
  ``aspect_ratio`` portrait/landscape, ``image_urls`` required for image-to-video and
  fetched from this server's uploads; Kling 2.6 and 2.5 Turbo Pro fields as documented).
  A bad field is code 422 naming it.
* ``GET /api/v1/jobs/recordInfo?taskId=`` → ``data{taskId, model, state, param, resultJson,
  failCode, failMsg, costTime, completeTime, createTime, updateTime}`` with states
  waiting → queuing → generating → success | fail; ``resultJson`` is a JSON *string*.
* ``POST /api/file-stream-upload`` (multipart ``file``, ``uploadPath``, ``fileName``) and
  ``POST /api/file-base64-upload`` (JSON ``base64Data`` data URI) → ``data{downloadUrl …}``.
* ``GET /api/v1/chat/credit`` → ``data: <credits>``.
* Results at ``/_emulator/result/{taskId}.mp4`` (real MP4, ``Range``; 404 after ``retention``),
  uploads at ``/_emulator/files/{name}``.

Kie answers HTTP 200 with the verdict in the body ``code``; with ``http_codes: true`` the
HTTP status mirrors the code instead (both are seen in the wild).

Faults (``POST /_emulator/faults``)::

    {"create_429": 1, "create_402": 1, "create_455": 1, "auth_401": 1,
     "create_5xx": 1,          # HTTP 500, no task created
     "create_reset": 1,        # task created, then the connection is reset
     "paused": ["sora-2-image-to-video", ...] or true for every sora-2* model
                               # code 500 "This interface is temporarily paused"
     "moderation": 1, "fail": 1, "slow": 1, "slow_latency": 30,
     "poll_5xx": 1, "poll_455": 1, "download_reset": 1,
     "stream_upload_broken": 1,  # the stream upload answers 404: the base64 upload must be used
     "create_delay": 2,          # create, then wait before answering (a kill lands mid-create)
     "latency": 0.5, "retention": 86400, "credits": 1234.5, "http_codes": false}
"""

from __future__ import annotations

import base64
import json
import re
import time
import uuid
from pathlib import Path
from typing import Any

from tests.emulators._base import Emulator, EmulatorHandler, Route, main, small_size, start_emulator_process
from tests.emulators._mp4 import make_mp4

DEFAULT_TOKEN = "test-key-kie"
MODULE = "tests.emulators.kie"

_SORA = {"sora-2-text-to-video": (False, False), "sora-2-image-to-video": (True, False),
         "sora-2-pro-text-to-video": (False, True), "sora-2-pro-image-to-video": (True, True)}  # fmt: skip
MODELS = {*_SORA, "kling-2.6/image-to-video", "kling/v2-5-turbo-image-to-video-pro"}


def validate_input(model: str, data: Any, file_known) -> str | None:
    """The first problem with ``input`` as Kie's validator would word it, or None."""
    if not isinstance(data, dict):
        return "input is required"
    prompt = data.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        return "prompt is required"
    if model in _SORA:
        i2v, pro = _SORA[model]
        if len(prompt) > 10000:
            return "prompt must be at most 10000 characters"
        if data.get("n_frames", "10") not in ("10", "15"):
            return "n_frames must be one of '10', '15' (a string)"
        if data.get("aspect_ratio", "landscape") not in ("portrait", "landscape"):
            return "aspect_ratio must be portrait or landscape"
        if pro and data.get("size", "standard") not in ("standard", "high"):
            return "size must be standard or high"
        if not pro and "size" in data:
            return "size is not a parameter of this model"
        urls = data.get("image_urls")
        if i2v and not (isinstance(urls, list) and len(urls) == 1):
            return "image_urls is required: a list with one public image URL"
        if not i2v and urls:
            return "image_urls is not a parameter of this model"
    elif model == "kling-2.6/image-to-video":
        if data.get("duration") not in ("5", "10"):
            return "duration must be '5' or '10'"
        urls = data.get("image_urls")
        if not (isinstance(urls, list) and len(urls) == 1):
            return "image_urls is required: a list with one image URL"
    else:  # kling/v2-5-turbo-image-to-video-pro
        if data.get("duration") not in ("5", "10"):
            return "duration must be '5' or '10'"
        if not isinstance(data.get("image_url"), str):
            return "image_url is required"
        urls = [data["image_url"]] + ([data["tail_image_url"]] if data.get("tail_image_url") else [])
    for url in urls or ():
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            return "image_urls must be public http(s) URLs"
        if not file_known(url):
            return f"image_urls: the file {url} could not be downloaded"
    return None


class KieHandler(EmulatorHandler):
    server_version = "kie-emulator/1.0"

    def routes(self) -> list[Route]:
        return [
            ("POST", r"/api/v1/jobs/createTask", self._create),
            ("GET", r"/api/v1/jobs/recordInfo", self._record),
            ("GET", r"/api/v1/chat/credit", lambda: self._answer(200, "success", self.emu.faults["credits"])),
            ("POST", r"/api/file-stream-upload", self._stream_upload),
            ("POST", r"/api/file-base64-upload", self._base64_upload),
        ]

    def open_routes(self) -> list[Route]:
        return [
            ("GET", r"/_emulator/result/(?P<tid>[^/]+)\.mp4", self._result),
            ("GET", r"/_emulator/files/(?P<name>[^/]+)", self._file),
        ]

    def _answer(self, code: int, msg: str, data: Any = None, *, headers: dict[str, str] | None = None) -> None:
        status = code if self.emu.faults["http_codes"] and code != 200 else 200
        self._send(status, {"code": code, "msg": msg, "data": data}, headers=headers)

    def not_found(self) -> None:
        self._send(404, {"code": 404, "msg": "Not Found", "data": None})

    def unauthorized(self) -> None:
        self._answer(401, "You do not have access permissions")

    # -- jobs -------------------------------------------------------------------------------

    def _create(self) -> None:
        emu = self.emu
        emu._count("create_requests")
        if emu._take("create_402"):
            return self._answer(402, "Credits insufficient")
        if emu._take("create_429"):
            return self._answer(429, "Rate limited: too many requests, please slow down",
                                headers={"Retry-After": str(emu.faults["retry_after"])})  # fmt: skip
        if emu._take("create_455"):
            return self._answer(455, "Service unavailable: system maintenance")
        if emu._take("create_5xx"):
            self._send(500, b"<html><body>500 Internal Server Error</body></html>", content_type="text/html")
            return
        payload = self._json_body()
        if not isinstance(payload, dict):
            return self._answer(422, "The request body is not valid JSON")
        model = payload.get("model")
        if model not in MODELS:
            return self._answer(422, f"model {model!r} is not supported")
        paused = emu.faults["paused"]
        if paused is True and str(model).startswith("sora-2") or isinstance(paused, list) and model in paused:
            return self._answer(500, "This interface is temporarily paused")
        problem = validate_input(model, payload.get("input"), emu.file_known)
        if problem:
            return self._answer(422, problem)
        task = emu.create_task(model, payload)
        if emu.faults["create_delay"]:
            time.sleep(float(emu.faults["create_delay"]))  # created; the answer is slow to come
        if emu._take("create_reset"):
            self._reset()  # created and billed, but the answer never arrives
            return
        self._answer(200, "success", {"taskId": task["id"]})

    def _record(self) -> None:
        emu = self.emu
        emu._count("poll_requests")
        tid = self._query.get("taskId", [""])[0]
        if tid in emu.jobs:
            emu._count("polls", tid)
        if emu._take("poll_5xx"):
            self._send(502, b"<html><body>502 Bad Gateway</body></html>", content_type="text/html")
            return
        if emu._take("poll_455"):
            return self._answer(455, "Service unavailable: system maintenance")
        if tid not in emu.jobs:
            return self._answer(404, "recordInfo is null: task not found")
        self._answer(200, "success", emu.record(tid))

    def _result(self, tid: str) -> None:
        emu = self.emu
        emu._count("download_requests", tid)
        task = emu.jobs.get(tid)
        if task is None or emu.record(tid)["state"] != "success" or emu.result_gone(task):
            self._send(404, b"<Error><Code>NoSuchKey</Code></Error>", content_type="application/xml")
            return
        seconds = float(task["input"].get("n_frames") or task["input"].get("duration") or 10)
        portrait = task["input"].get("aspect_ratio") == "portrait"
        width, height = small_size((720, 1280) if portrait else (1280, 720))
        self._serve_video(tid, make_mp4(seconds, width=width, height=height))

    # -- uploads ----------------------------------------------------------------------------

    def _stream_upload(self) -> None:
        emu = self.emu
        if emu._take("stream_upload_broken"):
            self._send(404, {"timestamp": int(time.time() * 1000), "status": 404, "error": "Not Found",
                             "path": "/api/file-stream-upload"})  # fmt: skip
            return
        parts = self._multipart()
        file = parts.get("file")
        if file is None:
            return self._answer(400, "file is required")
        data = file.get_payload(decode=True) or b""
        self._stored(data, file.get_content_type(), self._text(parts.get("fileName")) or file.get_filename() or "file",
                     self._text(parts.get("uploadPath")) or "", "stream")  # fmt: skip

    def _base64_upload(self) -> None:
        body = self._json_body() or {}
        match = re.fullmatch(r"data:([\w/+.-]+);base64,(.*)", str(body.get("base64Data") or ""), re.S)
        if not match:
            return self._answer(400, "base64Data must be a data URI")
        data = base64.b64decode(match.group(2))
        self._stored(data, match.group(1), body.get("fileName") or "file", body.get("uploadPath") or "", "base64")

    def _stored(self, data: bytes, mime: str, name: str, folder: str, how: str) -> None:
        emu = self.emu
        if len(data) > 10_000_000:
            return self._answer(413, "file too large")
        key = f"{uuid.uuid4().hex[:12]}-{re.sub(r'[^A-Za-z0-9._-]', '_', name)}"
        with emu._lock:
            emu.files[key] = {"bytes": data, "mime": mime, "folder": folder, "how": how, "name": name}
            emu._stats["uploads"] += 1
            emu._stats.setdefault("upload_kinds", []).append(how)
            emu._save()
        self._answer(200, "File uploaded successfully", {
            "fileName": name, "filePath": f"{folder}/{key}", "downloadUrl": f"{emu.url}/_emulator/files/{key}",
            "fileSize": len(data), "mimeType": mime, "uploadedAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        })  # fmt: skip

    def _file(self, name: str) -> None:
        meta = self.emu.files.get(name)
        if meta is None:
            self._send(404, b"Not found", content_type="text/plain")
            return
        self._send(200, meta["bytes"], content_type=meta["mime"])


class KieEmulator(Emulator):
    """The emulator's state; tasks live in ``self.jobs``, uploads in ``self.files``."""

    handler = KieHandler
    default_token = DEFAULT_TOKEN
    counter_faults = (
        "create_429", "create_402", "create_455", "create_5xx", "create_reset", "auth_401",
        "moderation", "fail", "slow", "poll_5xx", "poll_455", "download_reset", "stream_upload_broken",
    )  # fmt: skip
    default_settings = {
        "retry_after": 2,
        "create_delay": 0.0,
        "paused": [],
        "moderation_message": "Your content was flagged by the content policy: the image shows a real person.",
        "fail_message": "Internal error, please try again later.",
        "slow_latency": 30.0,
        "latency": 0.5,
        "retention": 86400.0,
        "credits": 1234.5,
        "http_codes": False,
    }

    @property
    def tasks(self) -> dict[str, dict[str, Any]]:
        return self.jobs

    def file_known(self, url: str) -> bool:
        """Whether a URL is fetchable: this server's uploads must exist; other hosts are trusted."""
        match = re.match(re.escape(self.url) + r"/_emulator/files/([^/?]+)", url)
        return match is None or match.group(1) in self.files

    def create_task(self, model: str, payload: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            latency = float(self.faults["slow_latency"] if self._take("slow") else self.faults["latency"])
            fate = "moderation" if self._take("moderation") else "fail" if self._take("fail") else "succeed"
            tid = f"task_{model.split('/')[0]}_{int(time.time() * 1000)}{uuid.uuid4().hex[:6]}"
            self.jobs[tid] = {"id": tid, "model": model, "input": payload["input"], "payload": payload,
                              "created_at": time.time(), "latency": latency, "fate": fate, "expired": False}  # fmt: skip
            self._stats["creates"][tid] = self._stats["creates"].get(tid, 0) + 1
            self._save()
            return self.jobs[tid]

    def expire(self, tid: str) -> None:
        with self._lock:
            self.jobs[tid]["expired"] = True
            self._save()

    def result_gone(self, task: dict[str, Any]) -> bool:
        done = task["created_at"] + task["latency"]
        return task["expired"] or time.time() > done + float(self.faults["retention"])

    def record(self, tid: str) -> dict[str, Any]:
        """The ``data`` object of ``recordInfo`` for a task, as of now."""
        with self._lock:
            task = self.jobs[tid]
            elapsed = time.time() - task["created_at"]
            latency = task["latency"]
            fail_code = fail_msg = None
            result = ""
            complete = None
            if elapsed < latency * 0.1:
                state = "waiting"
            elif elapsed < latency * 0.3:
                state = "queuing"
            elif elapsed < latency:
                state = "generating"
            else:
                complete = int((task["created_at"] + latency) * 1000)
                if task["fate"] == "succeed":
                    state = "success"
                    url = f"{self.url}/_emulator/result/{tid}.mp4"
                    result = json.dumps({"resultUrls": [url], "resultWaterMarkUrls": [url]})
                else:
                    state = "fail"
                    fail_code = "400" if task["fate"] == "moderation" else "500"
                    fail_msg = self.faults["moderation_message" if task["fate"] == "moderation" else "fail_message"]
            return {
                "taskId": tid, "model": task["model"], "state": state, "param": json.dumps(task["payload"]),
                "resultJson": result, "failCode": fail_code, "failMsg": fail_msg,
                "costTime": int(latency * 1000) if complete else None, "completeTime": complete,
                "createTime": int(task["created_at"] * 1000), "updateTime": int(time.time() * 1000),
            }  # fmt: skip


def start_kie_emulator_process(state_path: str | Path, *, port: int = 0, token: str = DEFAULT_TOKEN, **settings: Any):
    """Run the emulator as its own process; returns (process, base URL)."""
    return start_emulator_process(MODULE, state_path, port=port, token=token, **settings)


if __name__ == "__main__":
    main(KieEmulator, "A loopback emulator of Kie.ai's market jobs and file upload APIs.")
