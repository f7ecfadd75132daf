"""Kie.ai's market jobs API: one ``createTask``/``recordInfo`` contract for many video models.

All calls are raw ``httpx`` through :mod:`studio.providers._http` (Kie publishes no Python
SDK). Kie answers with a body ``code`` as well as the HTTP status, so every answer is read
for both (:mod:`.errors`). Images go through Kie's file upload API first (stream upload,
then base64 upload if that fails), because ``createTask`` takes URLs only.

Kie has no list endpoint, so a create whose answer was lost cannot be reconciled here:
the job stays ``unknown`` and the person is told to look at Kie's dashboard. Kie has no
cancel either; a cancelled job finishes remotely. Polling follows Kie's advice (every 2–3 s
for the first 30 s, then 5–10 s, then 15–30 s after two minutes) and stops after
``poll_deadline`` of waiting with a sentence naming the task; the runner keeps such a job
(stalled), and resuming it watches again (Kie keeps a finished video for about a day).

Hosts: ``$STUDIO_KIE_BASE_URL`` (or Settings) replaces both the API host and the upload
host, unless ``$STUDIO_KIE_UPLOAD_BASE_URL`` names the upload host separately.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import mimetypes
import os
import time
from pathlib import Path
from typing import Any

import httpx

from studio.core.errors import (
    AuthError,
    Expired,
    LostSubmission,
    QuotaError,
    StudioError,
    TransientError,
)
from studio.core.modelspec import ModelSpec
from studio.core.request import ValidatedRequest, mime_for_path
from studio.providers import _http
from studio.providers.base import DownloadProgress, RemoteRecord, RemoteRef, RemoteState, RemoteStatus, SubmitNotSent

from .errors import LABEL, answer_status, body_code, body_message, code_error, error_mapper, is_paused, task_error
from .inputs import build_input, field_names

log = logging.getLogger("studio.providers.kie")

DEFAULT_BASE_URL = "https://api.kie.ai"
DEFAULT_UPLOAD_BASE_URL = "https://kieai.redpandaai.co"
BASE_URL_ENV = "STUDIO_KIE_BASE_URL"
UPLOAD_BASE_URL_ENV = "STUDIO_KIE_UPLOAD_BASE_URL"
UPLOAD_PATH = "studio"

_STATES = {
    "waiting": RemoteState.QUEUED,
    "queuing": RemoteState.QUEUED,
    "generating": RemoteState.RUNNING,
    "success": RemoteState.SUCCEEDED,
    "fail": RemoteState.FAILED,
}


class KieProvider:
    """Kie.ai behind the :class:`~studio.providers.base.Provider` protocol.

    ``api_key`` comes from the secrets service (keyring secret ``kie``, else ``KIE_API_KEY``).
    ``poll_first`` is the first poll interval (Kie advises 2–3 s); later ones grow to 3× and
    8× of it after 30 s and 2 min. ``poll_deadline`` (seconds since submit) ends the wait.
    """

    name = "kie"
    supports_idempotency = False  # createTask takes no idempotency key: a create is sent once
    #: No way to stop a job: once created it finishes (and is billed) at the provider.
    cancellable = False

    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str | None = None,
        upload_base_url: str | None = None,
        max_concurrency: int = 2,
        poll_first: float = 2.5,
        poll_deadline: float = 20 * 60,
        policy: _http.RetryPolicy | None = None,
        timeout: httpx.Timeout | float | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        custom = base_url or os.environ.get(BASE_URL_ENV)
        self.base_url = (custom or DEFAULT_BASE_URL).rstrip("/")
        upload = upload_base_url or os.environ.get(UPLOAD_BASE_URL_ENV) or custom or DEFAULT_UPLOAD_BASE_URL
        self.upload_base_url = upload.rstrip("/")
        self.max_concurrency = max_concurrency
        self.poll_first = poll_first
        self.poll_deadline = poll_deadline
        self.policy = policy or _http.RetryPolicy()
        self._has_key = bool(api_key)
        self._watching: dict[str, float] = {}  # task id → when this wait for it began
        timeout = timeout or _http.DEFAULT_TIMEOUT
        self._client = _http.make_client(self.base_url, api_key, timeout=timeout, transport=transport)
        self._upload_client = (
            self._client
            if self.upload_base_url == self.base_url
            else _http.make_client(self.upload_base_url, api_key, timeout=timeout, transport=transport)
        )

    def __repr__(self) -> str:
        return f"KieProvider(base_url={self.base_url!r}, key={'set' if self._has_key else 'missing'})"

    # -- plumbing -----------------------------------------------------------------------

    def _require_key(self) -> None:
        if not self._has_key:
            raise AuthError("No Kie.ai API key is set; add one in Settings (or set KIE_API_KEY).")

    @staticmethod
    def _body(response: httpx.Response) -> dict[str, Any]:
        return _http.json_object(response, LABEL)

    def _checked(self, response: httpx.Response, *, context: str, model: str | None = None,
                 fields: dict[str, str] | None = None) -> dict[str, Any]:  # fmt: skip
        """The body's ``data`` when its ``code`` says 200; else the mapped error."""
        body = self._body(response)
        code = body_code(body)
        if code not in (None, 200) or body.get("success") is False:
            raise code_error(code or 500, body_message(body), context=context, model=model, fields=fields,
                             wait=_http.retry_after(response))  # fmt: skip
        data = body.get("data")
        return data if isinstance(data, dict) else {"value": data}

    def poll_interval(self, elapsed: float) -> float:
        """Kie's advice: 2–3 s for the first 30 s, 5–10 s until 2 min, then 15–30 s."""
        if elapsed < 30:
            return self.poll_first
        if elapsed < 120:
            return self.poll_first * 3
        return self.poll_first * 8

    # -- Provider protocol ----------------------------------------------------------------

    async def submit(self, spec: ModelSpec, request: ValidatedRequest, idempotency_key: str) -> RemoteRef:
        """Upload the images, then ``createTask`` once (never resent unless it never left here)."""
        self._require_key()
        try:
            data = await build_input(spec, request, self._upload)
        except (SubmitNotSent, AuthError, QuotaError):
            raise
        except TransientError as exc:
            # An upload failed before the paid create was sent: nothing to reconcile.
            raise SubmitNotSent(exc.user_message, detail=exc.detail) from None
        fields = field_names(spec)
        response = await _http.send_once(
            self._client, "POST", "api/v1/jobs/createTask", json={"model": spec.model, "input": data},
            map_error=error_mapper(context="create", model=spec.name, fields=fields), policy=self.policy,
            provider_label=LABEL, definite_refusal=lambda r: self._create_refusal(r, spec), status_of=answer_status,
        )  # fmt: skip
        try:
            body = self._body(response)
        except TransientError as exc:
            raise LostSubmission(
                "Kie.ai accepted the request but its answer could not be read; check Kie's dashboard before "
                "generating again.", detail=exc.detail,
            ) from None  # fmt: skip
        code = body_code(body)
        if code not in (None, 200):
            refusal = self._code_refusal(code, body_message(body), spec, fields)
            raise refusal
        task_id = (body.get("data") or {}).get("taskId") if isinstance(body.get("data"), dict) else None
        if not task_id:
            raise LostSubmission(
                "Kie.ai accepted the request but sent no task id; check Kie's dashboard before generating again.",
                detail=str(body)[:200],
            )
        log.info("kie task %s created for %s", task_id, spec.model)
        return RemoteRef(
            provider=self.name,
            remote_id=str(task_id),
            data={
                "model": spec.model,
                "idempotency_key": idempotency_key,
                "submitted_at": time.time(),
                "images": sorted(request.request.image_inputs()),
            },
        )

    def _create_refusal(self, response: httpx.Response, spec: ModelSpec) -> StudioError | None:
        """An HTTP 5xx to createTask that documents a refusal (paused, maintenance), else None."""
        body = _http.error_body(response)
        message = body_message(body) or _http.error_detail(response)
        code = body_code(body) or response.status_code
        if is_paused(message) or code == 455:
            return self._code_refusal(code, message, spec, field_names(spec))
        return None

    def _code_refusal(self, code: int, message: str, spec: ModelSpec, fields: dict[str, str]) -> StudioError:
        """The error for a createTask body ``code``; raising it must never hide a created task."""
        if code >= 500 and not is_paused(message) and code != 505 and code != 501:
            return LostSubmission(
                f"Kie.ai answered code {code} to the request; the video may or may not have started. Kie cannot "
                "list its tasks, so check Kie's dashboard before generating again.",
                detail=message,
            )
        return code_error(code, message, context="create", model=spec.name, fields=fields)

    async def poll(self, ref: RemoteRef) -> RemoteStatus:
        """``GET /api/v1/jobs/recordInfo?taskId=…``: the task's state, result URL or failure."""
        response = await _http.request_idempotent(
            self._client, "GET", "api/v1/jobs/recordInfo", params={"taskId": ref.remote_id},
            map_error=error_mapper(context="poll"), policy=self.policy, provider_label=LABEL, status_of=answer_status,
        )  # fmt: skip
        data = self._checked(response, context="poll")
        now = time.time()
        submitted = ref.data.get("submitted_at")
        elapsed = now - float(submitted) if isinstance(submitted, (int, float)) else 0.0
        status = self.status_from_record(data, ref=ref, elapsed=elapsed)
        # The deadline bounds one stretch of waiting, not the task's life: after it the job is
        # kept (stalled) and a resume watches again from then.
        watched_since = max(self._watching.setdefault(ref.remote_id, now), now - elapsed)
        if status.state.terminal:
            self._watching.pop(ref.remote_id, None)
        elif now - watched_since > self.poll_deadline:
            self._watching.pop(ref.remote_id, None)
            minutes = max(1, round(self.poll_deadline / 60))
            raise TransientError(
                f"Kie.ai has not finished task {ref.remote_id} after {minutes} minutes of waiting, longer than Kie "
                "advises, so Studio stopped asking; resume the job to check again (Kie keeps a finished video "
                "for about a day)",
                detail=f"state {status.raw_status} after {round(elapsed)} s",
            )
        return status

    def status_from_record(self, data: dict[str, Any], *, ref: RemoteRef, elapsed: float) -> RemoteStatus:
        """Map one ``recordInfo`` ``data`` object to a :class:`RemoteStatus`."""
        raw = str(data.get("state") or "")
        state = _STATES.get(raw)
        if state is None:
            log.warning("unknown Kie state %r; treating it as running", raw)
            state = RemoteState.RUNNING
        result = error = None
        progress = None
        if state is RemoteState.SUCCEEDED:
            progress = 1.0
            url = _result_url(data.get("resultJson"))
            if url:
                result = {"url": url}
            else:
                error = Expired("Kie.ai finished this task but gave no video address; generate it again.",
                                detail=str(data.get("resultJson"))[:200])  # fmt: skip
        elif state is RemoteState.FAILED:
            error = task_error(data.get("failCode"), data.get("failMsg"), images_given=ref.data.get("images", ()))
        return RemoteStatus(
            state=state,
            progress=progress,
            poll_after=None if state.terminal else self.poll_interval(elapsed),
            error=error,
            result=result,
            raw_status=raw,
        )

    async def download(
        self, ref: RemoteRef, status: RemoteStatus, dest: Path, progress: DownloadProgress | None = None
    ) -> None:
        """Fetch ``resultUrls[0]`` (a CDN address: the key is not sent there) to ``dest`` atomically."""
        url = (status.result or {}).get("url")
        if not url:
            raise status.error or Expired("Kie.ai has no video for this task; generate it again.")
        await _http.download_to_file(
            self._client, url, Path(dest), map_error=error_mapper(context="download"), progress=progress,
            policy=self.policy, provider_label=LABEL,
        )  # fmt: skip

    async def cancel(self, ref: RemoteRef) -> None:
        """Kie has no cancel endpoint: the task finishes remotely (and is charged if it succeeds)."""
        log.info("kie task %s: Kie cannot cancel a task; it will finish remotely", ref.remote_id)

    async def check_credentials(self) -> str:
        """``GET /api/v1/chat/credit``: checks the key and reports the credits left."""
        self._require_key()
        response = await _http.request_idempotent(
            self._client, "GET", "api/v1/chat/credit", map_error=error_mapper(), policy=self.policy,
            provider_label=LABEL, status_of=answer_status,
        )  # fmt: skip
        credits = self._checked(response, context="call").get("value")
        return f"Kie.ai account: {credits} credits left" if credits is not None else "Kie.ai accepted the key"

    async def list_recent(self, since: float) -> list[RemoteRecord] | None:
        """Kie has no endpoint that lists tasks."""
        return None

    async def aclose(self) -> None:
        """Close the connection pools."""
        await self._client.aclose()
        if self._upload_client is not self._client:
            await self._upload_client.aclose()

    # -- uploads --------------------------------------------------------------------------

    async def _upload(self, path: Path) -> str:
        """Upload a local image (free, so retried); returns the URL to send as ``image_urls``."""
        content = await asyncio.to_thread(path.read_bytes)
        mime = mime_for_path(str(path)) or mimetypes.guess_type(str(path))[0] or "application/octet-stream"
        try:
            response = await _http.request_idempotent(
                self._upload_client, "POST", "api/file-stream-upload",
                files={"file": (path.name, content, mime)}, data={"uploadPath": UPLOAD_PATH, "fileName": path.name},
                map_error=error_mapper(context="upload"), policy=self.policy, provider_label=LABEL,
                status_of=answer_status,
            )  # fmt: skip
            return self._upload_url(response)
        except (AuthError, QuotaError):
            raise
        except StudioError as error:
            log.info("kie stream upload of %s failed (%s); trying the base64 upload", path.name, error.user_message)
        encoded = base64.b64encode(content).decode("ascii")
        response = await _http.request_idempotent(
            self._upload_client, "POST", "api/file-base64-upload",
            json={"base64Data": f"data:{mime};base64,{encoded}", "uploadPath": UPLOAD_PATH, "fileName": path.name},
            map_error=error_mapper(context="upload"), policy=self.policy, provider_label=LABEL,
            status_of=answer_status,
        )  # fmt: skip
        return self._upload_url(response)

    def _upload_url(self, response: httpx.Response) -> str:
        data = self._checked(response, context="upload")
        url = data.get("downloadUrl") or data.get("fileUrl")
        if not url:
            raise TransientError("Kie.ai stored the image but sent no address for it; try again.")
        return str(url)


def _result_url(result_json: Any) -> str | None:
    """``resultUrls[0]`` from ``resultJson`` (a JSON *string*, or already an object)."""
    if isinstance(result_json, str):
        try:
            result_json = json.loads(result_json) if result_json.strip() else {}
        except ValueError:
            return None
    if not isinstance(result_json, dict):
        return None
    for key in ("resultUrls", "result_urls"):
        urls = result_json.get(key)
        if isinstance(urls, list) and urls and isinstance(urls[0], str):
            return urls[0]
    return None
