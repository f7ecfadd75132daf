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
``GET /v1/models/{owner}/{name}``, ``GET /v1/account``. The models it knows and their input
schemas are ``models=`` (default: the emulated ones in ``_replicate_models``; the published
schemas are in ``_replicate_real.REAL_MODELS``); a create request is checked against the
schema and answered 422 for an undeclared or invalid field. Results at
``/_emulator/output/{id}.mp4`` (real H.264+AAC MP4, ``Range`` supported, gone after
``retention`` seconds).

Control: ``POST /_emulator/faults`` with JSON (counters apply to the next N matching
requests; settings stay until changed)::

    {"create_429": 1, "retry_after": 2,     # 429 + Retry-After + "resets in ~2s" detail
     "create_5xx": 1, "create_reset": 1,    # 503 without creating / create, then TCP reset
     "create_401": 1, "create_402": 1, "auth_401": 1,
     "poll_5xx": 2, "download_reset": 1,    # 503 on GET prediction / reset mid-body
     "download_429": 1,                     # 429 + Retry-After on the output URL
     "list_5xx": 1, "list_hang": 1,         # 503 on GET /v1/predictions / no answer for list_hang_seconds
     "short_output": 1,                     # the next prediction's clip is 2 s shorter than asked
     "corrupt_output": 1,                   # the next prediction's "clip" is bytes nothing can decode
     "upload_5xx": 1,                       # 503 on POST /v1/files
     "moderation": 1, "moderation_error": "E005 ...",  # the next prediction fails so
     "fail": 1, "fail_error": "...",
     "slow": 1, "slow_latency": 30,         # the next prediction takes 30 s
     "list_output": 1,                      # output as a one-element list
     "latency": 0.3, "retention": 3600, "page_size": 5, "create_delay": 0,
     "download_chunk_delay": 0,             # seconds between 4 KiB pieces of an output body
     "list_hang_seconds": 3600}

``GET /_emulator/faults`` shows them, ``GET /_emulator/stats`` returns the counters
(``create_requests``, ``poll_requests``, ``uploads``, ``list_requests``, and per prediction
id ``creates``, ``polls``, ``downloads`` (complete bodies), ``download_requests``,
``ranged_downloads``, ``cancels``), ``POST /_emulator/reset`` clears all.
"""

from __future__ import annotations

import re
import time
import uuid
from pathlib import Path
from typing import Any

from tests.emulators._base import Emulator, main, start_emulator_process as _start_process
from tests.emulators._replicate_http import ReplicateHandler, iso_time
from tests.emulators._replicate_models import MODELS

DEFAULT_TOKEN = "test-key-replicate"
COUNTER_FAULTS = (
    "create_429", "create_5xx", "create_reset", "create_401", "create_402", "auth_401",
    "poll_5xx", "upload_5xx", "download_reset", "moderation", "fail", "slow", "list_output",
    "download_429", "list_5xx", "list_hang", "short_output", "corrupt_output",
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
    "download_chunk_delay": 0.0,
    "list_hang_seconds": 3600.0,
}


class ReplicateEmulator(Emulator):
    """The emulator's state and server; thread-safe, usable as a context manager."""

    handler = ReplicateHandler
    default_token = DEFAULT_TOKEN
    counter_faults = COUNTER_FAULTS
    default_settings = DEFAULT_SETTINGS

    def __init__(self, *, models: dict[str, dict[str, Any]] | None = None, **kwargs: Any) -> None:
        self.models = models if models is not None else MODELS
        super().__init__(**kwargs)

    @property
    def predictions(self) -> dict[str, dict[str, Any]]:
        return self.jobs

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
        return {**Emulator._empty_stats(), "cancels": {}}

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
                "output_fault": "short" if self._take("short_output") else "corrupt" if self._take("corrupt_output") else "",
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
        asked = None
        for key in ("duration", "seconds"):
            if isinstance(data.get(key), (int, float)):
                asked = float(data[key])
                break
        if asked is None:
            asked = float(self.models[pred["model"]]["fields"].get("duration", {}).get("default", 5))
        return max(1.0, asked - 2.0) if pred.get("output_fault") == "short" else asked

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
            "created_at": iso_time(pred["created_at"]),
            "started_at": iso_time(pred["created_at"] + pred["latency"] * 0.2) if status != "starting" else None,
            "completed_at": iso_time(completed) if completed else None,
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


# -- starting it ----------------------------------------------------------------------------


def start_emulator_process(
    state_path: str | Path, *, port: int = 0, token: str = DEFAULT_TOKEN, **settings: Any
) -> tuple:
    """Run the emulator as its own process; returns (process, base URL). Stop it with ``.terminate()``."""
    return _start_process("tests.emulators.replicate", state_path, port=port, token=token, **settings)


if __name__ == "__main__":
    main(ReplicateEmulator, "A loopback emulator of Replicate's HTTP API.")
