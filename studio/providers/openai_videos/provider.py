"""OpenAI's Videos API (Sora 2): create, poll, download, remix and list, over our transport.

Why not the ``openai`` SDK's ``videos`` resource: its retry on create *can* be turned off
(``max_retries=0`` per call), but the rest of what the money rules need it does not give.
Its connection errors fold "the connection never opened" (safe to send again) and "the
answer was lost after sending" (must be reconciled) into one ``APIConnectionError``; its
``download_content`` reads the whole MP4 into memory and cannot resume a broken download
with ``Range``; the ``openai-poll-after-ms`` hint needs raw responses anyway; and every
``videos.*`` method has warned of the 2026-09-24 shutdown since openai 3.1.0. Our
transport (:mod:`studio.providers._http`) already draws exactly those lines for every
provider (:func:`~studio.providers._http.send_once` for the paid create and remix,
retried idempotent calls for polls and lists, resumable atomic downloads), scopes the key
to the API's origin and scrubs it from errors. The HTTP contract is small (PROVIDERS.md
§1) and tested against ``tests/emulators/openai_videos.py``.

Remix (``POST /videos/{id}/remix``) makes a new take of a finished video. It is reached
as a request parameter, so the runner, the job store and the CLI need nothing new:
``studio-cli generate -m openai:sora-2 --allow-retired -p "same shot, 85 mm lens"
--param remix_video_id=video_… -o take2.mp4`` (the id is the job's ``remote_id``, shown
by ``studio-cli jobs show``). :meth:`OpenAIVideosProvider.remix` is the direct call.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any

import httpx

from studio.core.errors import AuthError, InvalidRequest, LostSubmission, TransientError
from studio.core.modelspec import ModelSpec
from studio.core.request import ValidatedRequest
from studio.providers import _http
from studio.providers._prompt import prompt_asked, prompt_to_send
from studio.providers.base import DownloadProgress, RemoteRecord, RemoteRef, RemoteState, RemoteStatus

from .errors import LABEL, SHUTDOWN_SENTENCE, error_mapper, video_error
from .reference import fit_reference

log = logging.getLogger("studio.providers.openai_videos")

DEFAULT_BASE_URL = "https://api.openai.com/v1"
BASE_URL_ENV = "STUDIO_OPENAI_BASE_URL"
REMIX_PARAM = "remix_video_id"
FIT_PARAM = "image_fit"

_STATES = {
    "queued": RemoteState.QUEUED,
    "in_progress": RemoteState.RUNNING,
    "completed": RemoteState.SUCCEEDED,
    "failed": RemoteState.FAILED,
}
_MAX_LIST_PAGES = 20
_PAGE_SIZE = 100


class OpenAIVideosProvider:
    """OpenAI's Videos API (or a compatible gateway) behind the Provider protocol.

    ``api_key`` comes from the secrets service (keyring secret ``openai``, else
    ``OPENAI_API_KEY``), shared with the prompt assistant. ``base_url`` is the API root
    including ``/v1``; it defaults to ``$STUDIO_OPENAI_BASE_URL``, else OpenAI's own.
    ``poll_interval`` is used when the server sends no ``openai-poll-after-ms`` hint.
    """

    name = "openai"
    supports_idempotency = False  # the Videos API takes no idempotency key: a create is sent once
    #: No way to stop a job: once created it finishes (and is billed) at the provider.
    cancellable = False

    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str | None = None,
        max_concurrency: int = 2,
        poll_interval: float = 5.0,
        policy: _http.RetryPolicy | None = None,
        timeout: httpx.Timeout | float | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
        self.max_concurrency = max_concurrency
        self.poll_interval = poll_interval
        self.policy = policy or _http.RetryPolicy()
        self._has_key = bool(api_key)
        self._client = _http.make_client(self.base_url, api_key, timeout=timeout or _http.DEFAULT_TIMEOUT, transport=transport)

    def __repr__(self) -> str:
        return f"OpenAIVideosProvider(base_url={self.base_url!r}, key={'set' if self._has_key else 'missing'})"

    # -- plumbing -----------------------------------------------------------------------

    def _require_key(self) -> None:
        if not self._has_key:
            raise AuthError("No OpenAI API key is set; add one in Settings (or set OPENAI_API_KEY).")

    async def _get(self, url: str, *, context: str = "call", **kwargs: Any) -> httpx.Response:
        return await _http.request_idempotent(
            self._client, "GET", url, map_error=error_mapper(context=context), policy=self.policy,
            provider_label=LABEL, **kwargs,
        )  # fmt: skip

    @staticmethod
    def _json(response: httpx.Response) -> dict[str, Any]:
        return _http.json_object(response, LABEL)

    def _created(self, response: httpx.Response, spec: ModelSpec, idempotency_key: str, images: list[str]) -> RemoteRef:
        try:
            body = self._json(response)
        except TransientError as exc:
            body = {"unreadable": exc.detail}
        video_id = body.get("id")
        if not video_id:
            # Created (2xx) but we cannot tell which video it is: reconcile, never resend.
            raise LostSubmission(
                "OpenAI accepted the request but its answer could not be read; "
                "Studio will check its list of videos before sending it again.",
                detail=str(body)[:200],
            )
        log.info("openai video %s created for %s", video_id, spec.model)
        return RemoteRef(
            provider=self.name,
            remote_id=str(video_id),
            data={
                "model": spec.model,
                "idempotency_key": idempotency_key,
                "created_at": body.get("created_at"),
                "size": body.get("size"),
                "seconds": body.get("seconds"),
                "images": images,
            },
        )

    # -- Provider protocol ----------------------------------------------------------------

    async def submit(self, spec: ModelSpec, request: ValidatedRequest, idempotency_key: str) -> RemoteRef:
        """``POST /videos`` (multipart), or a remix when the request names ``remix_video_id``.

        Never sent twice unless the connection never opened; raises
        :class:`~studio.providers.base.SubmitNotSent`, :class:`LostSubmission` (reconcile
        with :meth:`list_recent`) or the mapped refusal (nothing was created).
        """
        self._require_key()
        asked = request.request
        remix_of = str(asked.extra.get(REMIX_PARAM) or "").strip()
        if remix_of:
            if asked.first_frame or asked.last_frame or asked.reference_images:
                raise InvalidRequest("A remix takes no images: it changes a finished video by the prompt alone.",
                                     field="first_frame")  # fmt: skip
            return await self.remix(remix_of, asked.prompt, spec=spec, idempotency_key=idempotency_key)
        width, height = request.size
        fields: dict[str, Any] = {
            "prompt": (None, prompt_to_send(request)),
            "model": (None, spec.model),
            "seconds": (None, _seconds(request.duration)),
            "size": (None, f"{width}x{height}"),
        }
        images: list[str] = []
        if asked.first_frame:
            mode = str(asked.extra.get(FIT_PARAM) or "crop")
            data, mime, filename = await asyncio.to_thread(fit_reference, asked.first_frame, (width, height), mode)
            fields["input_reference"] = (filename, data, mime)
            images.append("first_frame")
        response = await _http.send_once(
            self._client, "POST", "videos", files=fields,
            map_error=error_mapper(context="create", model=spec.model), policy=self.policy, provider_label=LABEL,
        )  # fmt: skip
        return self._created(response, spec, idempotency_key, images)

    async def remix(self, video_id: str, prompt: str, *, spec: ModelSpec, idempotency_key: str = "") -> RemoteRef:
        """``POST /videos/{id}/remix``: a new, paid take of a finished video, changed by ``prompt``."""
        self._require_key()
        prompt = (prompt or "").strip()
        if not prompt:
            raise InvalidRequest("A remix needs a prompt that says what to change (one thing at a time works best).",
                                 field="prompt")  # fmt: skip
        response = await _http.send_once(
            self._client, "POST", f"videos/{video_id}/remix", json={"prompt": prompt},
            map_error=error_mapper(context="remix", model=spec.model), policy=self.policy, provider_label=LABEL,
        )  # fmt: skip
        return self._created(response, spec, idempotency_key, [])

    async def poll(self, ref: RemoteRef) -> RemoteStatus:
        """``GET /videos/{id}``: status, ``progress`` and the ``openai-poll-after-ms`` hint."""
        response = await self._get(f"videos/{ref.remote_id}", context="poll")
        hint = _poll_after(response)
        return self.status_from_json(self._json(response), images=ref.data.get("images", ()), poll_after=hint)

    def status_from_json(self, body: dict[str, Any], *, images: Any = (), poll_after: float | None = None) -> RemoteStatus:
        """Map one video object to a :class:`RemoteStatus`."""
        raw = str(body.get("status") or "")
        state = _STATES.get(raw)
        if state is None:
            log.warning("unknown OpenAI video status %r; treating it as running", raw)
            state = RemoteState.RUNNING
        progress = body.get("progress")
        fraction = max(0.0, min(1.0, float(progress) / 100.0)) if isinstance(progress, (int, float)) else None
        result = error = None
        if state is RemoteState.SUCCEEDED:
            fraction = 1.0
            result = {"url": f"videos/{body.get('id')}/content", "expires_at": body.get("expires_at")}
        elif state is RemoteState.FAILED:
            error = video_error(body.get("error"), images_given=images)
        return RemoteStatus(
            state=state,
            progress=fraction,
            poll_after=None if state.terminal else (poll_after if poll_after is not None else self.poll_interval),
            error=error,
            result=result,
            raw_status=raw,
        )

    async def download(
        self, ref: RemoteRef, status: RemoteStatus, dest: Path, progress: DownloadProgress | None = None
    ) -> None:
        """``GET /videos/{id}/content`` to ``dest`` (atomically, resuming); :class:`Expired` once gone."""
        url = (status.result or {}).get("url") or f"videos/{ref.remote_id}/content"
        await _http.download_to_file(
            self._client, url, Path(dest), map_error=error_mapper(context="download"), progress=progress,
            policy=self.policy, provider_label=LABEL,
        )  # fmt: skip

    async def cancel(self, ref: RemoteRef) -> None:
        """The Videos API has no cancel; ``DELETE`` would destroy a paid result, so nothing is sent."""
        log.info("openai video %s: the Videos API cannot cancel a job; it will finish remotely", ref.remote_id)

    async def check_credentials(self) -> str:
        """``GET /videos?limit=1``: checks the key and that the Videos API answers at the base URL."""
        self._require_key()
        try:
            body = self._json(await self._get("videos", params={"limit": 1}))
        except InvalidRequest as exc:  # a 404: no Videos API here
            raise type(exc)(f"There is no Videos API at {self.base_url}: {SHUTDOWN_SENTENCE}.",
                            detail=exc.detail) from None  # fmt: skip
        count = len(body.get("data") or [])
        return f"The OpenAI Videos API answers at {self.base_url}" + (" (recent videos found)" if count else "")

    async def list_recent(self, since: float) -> list[RemoteRecord] | None:
        """Videos created at or after ``since`` (epoch seconds), newest first, following ``after`` cursors."""
        self._require_key()
        records: list[RemoteRecord] = []
        after: str | None = None
        for _ in range(_MAX_LIST_PAGES):
            params: dict[str, Any] = {"limit": _PAGE_SIZE, "order": "desc"}
            if after:
                params["after"] = after
            body = self._json(await self._get("videos", params=params))
            reached_older = False
            for item in body.get("data") or ():
                created = item.get("created_at")
                if not isinstance(created, (int, float)):
                    continue
                if created < since:
                    reached_older = True
                    continue
                records.append(
                    RemoteRecord(
                        remote_id=str(item.get("id")),
                        model=str(item.get("model") or ""),
                        created_at=float(created),
                        input={"prompt": prompt_asked(item.get("prompt"))},
                        raw_status=str(item.get("status") or ""),
                        data={"model": item.get("model"), "size": item.get("size"), "seconds": item.get("seconds")},
                    )
                )
            after = body.get("last_id")
            if reached_older or not body.get("has_more") or not after:
                break
        return records

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()


def _seconds(duration: float) -> str:
    """The API wants ``seconds`` as a string: "4", "8", "12" …"""
    return str(int(duration)) if float(duration).is_integer() else f"{duration:g}"


def _poll_after(response: httpx.Response) -> float | None:
    value = response.headers.get("openai-poll-after-ms")
    try:
        return max(0.0, float(value) / 1000.0) if value else None
    except ValueError:
        return None

