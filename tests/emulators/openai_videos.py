"""A loopback emulator of OpenAI's Videos API (Sora 2, PROVIDERS.md §1), failures included.

Routes under ``/v1`` (base URL ``<emu.url>/v1``, as ``STUDIO_OPENAI_BASE_URL`` takes it):

* ``POST /v1/videos`` multipart: ``prompt``, ``model``, ``seconds`` (string), ``size``
  (``WxH``), ``input_reference`` (an image file that must be exactly ``size``, as the real
  API demands: a mismatch is a 400 naming ``input_reference``).
* ``GET /v1/videos/{id}``: ``status`` queued → in_progress (``progress`` 0–100) →
  completed | failed, with an ``openai-poll-after-ms`` header.
* ``GET /v1/videos/{id}/content``: a real H.264+AAC MP4 of the requested seconds and
  shape (small), ``Range`` supported; 404 once ``expires_at`` has passed.
* ``POST /v1/videos/{id}/remix`` JSON ``{prompt}``: a new video of the same size/seconds;
  404 ``video_not_found`` for an unknown (or deleted) source, 404 ``video_expired`` once the
  source has expired, 400 while the source is not completed.
* ``GET /v1/videos?limit&after&order``: the cursor page ``{data, first_id, last_id, has_more}``.
* ``DELETE /v1/videos/{id}``.

Errors use OpenAI's envelope ``{"error": {"message", "type", "param", "code"}}``.

Faults (``POST /_emulator/faults``; counters apply to the next N matching requests)::

    {"create_429": 1, "retry_after": 2,     # 429 rate_limit_exceeded + Retry-After
     "create_quota": 1,                     # 429 insufficient_quota (billing)
     "create_5xx": 1, "create_reset": 1,    # 500 without creating / create, then TCP reset
     "create_401": 1, "create_403": 1, "auth_401": 1,
     "create_moderation": 1,                # 400 moderation_blocked on the prompt
     "moderation": 1, "moderation_message": "...",   # the next video fails moderation
     "fail": 1, "slow": 1, "slow_latency": 30,
     "poll_5xx": 2, "poll_429": 1, "download_reset": 1,
     "shut_down": false,                    # every model answers 404 model_not_found
     "seconds": ["4", "8", "12"],           # what this server allows (a gateway lagging behind 16/20)
     "create_delay": 2,                     # create, then wait before answering (a kill lands mid-create)
     "latency": 0.3, "retention": 3600, "poll_after_ms": 200, "page_size": 20}

``GET /_emulator/stats``: ``create_requests``, ``creates``/``polls``/``downloads``/
``download_requests`` per video id, ``remixes``, ``list_requests``; the form fields of each
create are kept in ``emu.jobs[id]["form"]`` (with ``input_reference`` as ``{width, height,
content_type, bytes}``).
"""

from __future__ import annotations

import io
import time
import uuid
from pathlib import Path
from typing import Any

from tests.emulators._base import Emulator, EmulatorHandler, Route, main, small_size, start_emulator_process
from tests.emulators._mp4 import make_mp4

DEFAULT_TOKEN = "test-key-openai"
MODULE = "tests.emulators.openai_videos"

SIZES = {
    "sora-2": {"1280x720", "720x1280"},
    "sora-2-pro": {"1280x720", "720x1280", "1792x1024", "1024x1792", "1920x1080", "1080x1920"},
}
SNAPSHOTS = {"sora-2-2025-10-06": "sora-2", "sora-2-2025-12-08": "sora-2", "sora-2-pro-2025-10-06": "sora-2-pro"}


def _error(message: str, *, type_: str = "invalid_request_error", param: str | None = None,
           code: str | None = None) -> dict[str, Any]:  # fmt: skip
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


class OpenAIVideosHandler(EmulatorHandler):
    server_version = "openai-videos-emulator/1.0"

    def routes(self) -> list[Route]:
        return [
            ("POST", r"/v1/videos", self._create),
            ("GET", r"/v1/videos", self._list),
            ("GET", r"/v1/videos/(?P<vid>[^/]+)", self._get),
            ("DELETE", r"/v1/videos/(?P<vid>[^/]+)", self._delete),
            ("GET", r"/v1/videos/(?P<vid>[^/]+)/content", self._content),
            ("POST", r"/v1/videos/(?P<vid>[^/]+)/remix", self._remix),
        ]

    def not_found(self) -> None:
        self._send(404, _error("Invalid URL (the route does not exist).", code="unknown_url"))

    def unauthorized(self) -> None:
        self._send(401, _error("Incorrect API key provided: sk-***. You can find your API key at "
                               "https://platform.openai.com/account/api-keys.", code="invalid_api_key"))  # fmt: skip

    # -- create -----------------------------------------------------------------------------

    def _refuse_create(self) -> bool:
        emu = self.emu
        if emu._take("create_401"):
            self.unauthorized()
        elif emu._take("create_403"):
            self._send(403, _error("Your organization must be verified to use the model `sora-2`.",
                                   type_="invalid_request_error", code="unsupported_country_region_territory"))  # fmt: skip
        elif emu._take("create_quota"):
            self._send(429, _error("You exceeded your current quota, please check your plan and billing details.",
                                   type_="insufficient_quota", code="insufficient_quota"))  # fmt: skip
        elif emu._take("create_429"):
            wait = emu.faults["retry_after"]
            self._send(429, _error("Rate limit reached for videos per minute. Please try again in "
                                   f"{wait}s.", type_="requests", code="rate_limit_exceeded"),
                       headers={"Retry-After": str(wait)})  # fmt: skip
        elif emu._take("create_5xx"):
            self._send(500, _error("The server had an error while processing your request.", type_="server_error"))
        elif emu._take("create_moderation"):
            self._send(400, _error("Your request was blocked by our moderation system: the prompt depicts a "
                                   "real public figure.", code="moderation_blocked", param="prompt"))  # fmt: skip
        else:
            return False
        return True

    def _create(self) -> None:
        emu = self.emu
        emu._count("create_requests")
        if self._refuse_create():
            return
        if not self.headers.get("Content-Type", "").startswith("multipart/form-data"):
            self._send(400, _error("Expected multipart/form-data.", param=None))
            return
        parts = self._multipart()
        form = {name: self._text(part) for name, part in parts.items() if name != "input_reference"}
        model = form.get("model") or "sora-2"
        prompt, seconds, size = form.get("prompt"), form.get("seconds") or "4", form.get("size") or "720x1280"
        base = SNAPSHOTS.get(model, model)
        if emu.faults["shut_down"] or base not in SIZES:
            self._send(404, _error(f"The model `{model}` does not exist or you do not have access to it.",
                                   param="model", code="model_not_found"))  # fmt: skip
            return
        if not prompt:
            self._send(400, _error("Missing required parameter: 'prompt'.", param="prompt", code="missing_required_parameter"))
            return
        if seconds not in emu.faults["seconds"]:
            allowed = ", ".join(f"'{v}'" for v in emu.faults["seconds"])
            self._send(400, _error(f"Invalid value: '{seconds}'. Supported values are: {allowed}.",
                                   param="seconds", code="invalid_value"))  # fmt: skip
            return
        if size not in SIZES[base]:
            allowed = ", ".join(sorted(SIZES[base]))
            self._send(400, _error(f"Invalid value: '{size}'. Supported values for {base} are: {allowed}.",
                                   param="size", code="invalid_value"))  # fmt: skip
            return
        reference = None
        if "input_reference" in parts:
            reference = self._reference(parts["input_reference"], size)
            if reference is None:
                return
        video = emu.create_video(model=model, prompt=prompt, seconds=seconds, size=size, form=form, reference=reference)
        if emu.faults["create_delay"]:
            time.sleep(float(emu.faults["create_delay"]))  # created; the answer is slow to come
        if emu._take("create_reset"):
            self._reset()  # created and billed, but the answer never arrives
            return
        self._send(200, emu.view(video["id"]))

    def _reference(self, part: Any, size: str) -> dict[str, Any] | None:
        from PIL import Image, UnidentifiedImageError

        data = part.get_payload(decode=True) or b""
        ctype = part.get_content_type()
        if ctype not in ("image/jpeg", "image/png", "image/webp"):
            self._send(400, _error(f"Invalid file format {ctype}. Supported formats are: image/jpeg, image/png, "
                                   "image/webp.", param="input_reference", code="invalid_value"))  # fmt: skip
            return None
        try:
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
        except (UnidentifiedImageError, OSError):
            self._send(400, _error("The image could not be decoded.", param="input_reference", code="invalid_image"))
            return None
        if f"{width}x{height}" != size:
            self._send(400, _error("Inpaint image must match the requested width and height",
                                   param="input_reference", code="invalid_value"))  # fmt: skip
            return None
        return {"width": width, "height": height, "content_type": ctype, "bytes": len(data)}

    def _remix(self, vid: str) -> None:
        emu = self.emu
        emu._count("create_requests")
        if self._refuse_create():
            return
        body = self._json_body() or {}
        source = emu.jobs.get(vid)
        if source is None:
            self._send(404, _error(f"Video with id '{vid}' not found.", param="video_id", code="video_not_found"))
            return
        if source["expired"]:  # assumed: OpenAI documents no remix answer for a source past its expiry
            self._send(404, _error(f"Video with id '{vid}' has expired.", param="video_id", code="video_expired"))
            return
        if emu.view(vid)["status"] != "completed":
            self._send(400, _error("Only completed videos can be remixed.", param="video_id", code="invalid_value"))
            return
        if not body.get("prompt"):
            self._send(400, _error("Missing required parameter: 'prompt'.", param="prompt", code="missing_required_parameter"))
            return
        video = emu.create_video(model=source["model"], prompt=body["prompt"], seconds=source["seconds"],
                                 size=source["size"], form={"prompt": body["prompt"]}, reference=None,
                                 remixed_from=vid)  # fmt: skip
        emu._count("remixes")
        self._send(200, emu.view(video["id"]))

    # -- read -------------------------------------------------------------------------------

    def _get(self, vid: str) -> None:
        emu = self.emu
        emu._count("poll_requests")
        if vid in emu.jobs:
            emu._count("polls", vid)
        if emu._take("poll_5xx"):
            self._send(502, b"<html><body>502 Bad Gateway</body></html>", content_type="text/html")
            return
        if emu._take("poll_429"):
            self._send(429, _error("Rate limit reached for requests.", type_="requests", code="rate_limit_exceeded"),
                       headers={"Retry-After": "0.2"})  # fmt: skip
            return
        if vid not in emu.jobs:
            self._send(404, _error(f"Video with id '{vid}' not found.", param="video_id", code="video_not_found"))
            return
        view = emu.view(vid)
        headers = {}
        if view["status"] in ("queued", "in_progress"):
            headers["openai-poll-after-ms"] = str(int(emu.faults["poll_after_ms"]))
        self._send(200, view, headers=headers)

    def _list(self) -> None:
        emu = self.emu
        emu._count("list_requests")
        limit = min(100, int(self._query.get("limit", [emu.faults["page_size"]])[0]))
        after = self._query.get("after", [None])[0]
        order = self._query.get("order", ["desc"])[0]
        with emu._lock:
            ordered = sorted(emu.jobs.values(), key=lambda v: (v["created_at"], v["id"]), reverse=order != "asc")
            ids = [v["id"] for v in ordered]
            start = ids.index(after) + 1 if after in ids else (len(ids) if after else 0)
            page = [emu.view(v["id"]) for v in ordered[start : start + limit]]
        self._send(200, {
            "object": "list", "data": page,
            "first_id": page[0]["id"] if page else None, "last_id": page[-1]["id"] if page else None,
            "has_more": start + limit < len(ordered),
        })  # fmt: skip

    def _delete(self, vid: str) -> None:
        with self.emu._lock:
            found = self.emu.jobs.pop(vid, None) is not None
            self.emu._save()
        if not found:
            self._send(404, _error(f"Video with id '{vid}' not found.", param="video_id", code="video_not_found"))
            return
        self._send(200, {"id": vid, "object": "video.deleted", "deleted": True})

    def _content(self, vid: str) -> None:
        emu = self.emu
        emu._count("download_requests", vid)
        if vid not in emu.jobs:
            self._send(404, _error(f"Video with id '{vid}' not found.", param="video_id", code="video_not_found"))
            return
        view = emu.view(vid)
        if view["status"] != "completed":
            self._send(400, _error("Video is not ready yet; wait for status completed.", code="video_not_ready"))
            return
        if view["expires_at"] is not None and time.time() > view["expires_at"]:
            self._send(404, _error("The video's downloadable assets have expired.", code="video_expired"))
            return
        video = emu.jobs[vid]
        width, height = (int(x) for x in video["size"].split("x"))
        self._serve_video(vid, make_mp4(float(video["seconds"]), width=small_size((width, height))[0],
                                        height=small_size((width, height))[1]))  # fmt: skip


class OpenAIVideosEmulator(Emulator):
    """The emulator's state; videos live in ``self.jobs``."""

    handler = OpenAIVideosHandler
    default_token = DEFAULT_TOKEN
    counter_faults = (
        "create_429", "create_quota", "create_5xx", "create_reset", "create_401", "create_403", "auth_401",
        "create_moderation", "moderation", "fail", "slow", "poll_5xx", "poll_429", "download_reset",
    )  # fmt: skip
    default_settings = {
        "retry_after": 2,
        "create_delay": 0.0,
        "moderation_message": "Your video was blocked by our moderation system: it may depict a real person.",
        "fail_message": "Video generation failed due to an internal error.",
        "slow_latency": 30.0,
        "latency": 0.3,
        "retention": 3600.0,
        "poll_after_ms": 200,
        "page_size": 20,
        "shut_down": False,
        "seconds": ["4", "8", "12", "16", "20"],
    }

    @property
    def videos(self) -> dict[str, dict[str, Any]]:
        return self.jobs

    def create_video(self, *, model: str, prompt: str, seconds: str, size: str, form: dict, reference: Any,
                     remixed_from: str | None = None) -> dict[str, Any]:  # fmt: skip
        with self._lock:
            latency = float(self.faults["slow_latency"] if self._take("slow") else self.faults["latency"])
            fate = "succeed"
            if self._take("moderation"):
                fate = "moderation"
            elif self._take("fail"):
                fate = "fail"
            vid = "video_" + uuid.uuid4().hex[:24]
            self.jobs[vid] = {
                "id": vid, "model": model, "prompt": prompt, "seconds": seconds, "size": size,
                "created_at": time.time(), "latency": latency, "fate": fate, "form": form,
                "input_reference": reference, "remixed_from": remixed_from, "expired": False,
            }  # fmt: skip
            self._stats["creates"][vid] = self._stats["creates"].get(vid, 0) + 1
            self._save()
            return self.jobs[vid]

    def expire(self, vid: str) -> None:
        """Make a finished video's assets expire now."""
        with self._lock:
            self.jobs[vid]["expired"] = True
            self._save()

    def view(self, vid: str) -> dict[str, Any]:
        """The video object as ``GET /v1/videos/{id}`` shows it now."""
        with self._lock:
            video = self.jobs[vid]
            now = time.time()
            elapsed = now - video["created_at"]
            queued_for = video["latency"] * 0.2
            error = None
            completed_at = expires_at = None
            progress = 0
            if elapsed < queued_for:
                status = "queued"
            elif elapsed < video["latency"]:
                status = "in_progress"
                progress = min(99, int(100 * (elapsed - queued_for) / max(1e-6, video["latency"] - queued_for)))
            else:
                completed_at = int(video["created_at"] + video["latency"])
                progress = 100
                if video["fate"] == "moderation":
                    status = "failed"
                    error = {"code": "moderation_blocked", "message": self.faults["moderation_message"]}
                elif video["fate"] == "fail":
                    status = "failed"
                    error = {"code": "internal_error", "message": self.faults["fail_message"]}
                else:
                    status = "completed"
                    expires_at = (now - 1) if video["expired"] else int(completed_at + float(self.faults["retention"]))
            return {
                "id": vid, "object": "video", "model": video["model"], "status": status, "progress": progress,
                "created_at": int(video["created_at"]), "completed_at": completed_at, "expires_at": expires_at,
                "prompt": video["prompt"], "seconds": video["seconds"], "size": video["size"],
                "remixed_from_video_id": video["remixed_from"], "error": error,
            }  # fmt: skip


def start_openai_emulator_process(state_path: str | Path, *, port: int = 0, token: str = DEFAULT_TOKEN, **settings: Any):
    """Run the emulator as its own process; returns (process, base URL without ``/v1``)."""
    return start_emulator_process(MODULE, state_path, port=port, token=token, **settings)


if __name__ == "__main__":
    main(OpenAIVideosEmulator, "A loopback emulator of OpenAI's Videos API.")
