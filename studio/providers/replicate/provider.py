"""The Replicate provider: official models through ``/v1/models/{owner}/{name}/predictions``.

Every call is raw ``httpx`` through :mod:`studio.providers._http`; the ``replicate`` SDK is
not used. Reasons: the SDK does not retry a 429 on create (we must, and only safely); its
pydantic status ``Literal`` lacks ``aborted``, so a prediction past its ``Cancel-After``
deadline fails to parse; and we need our own transport for a configurable base URL, key
redaction, origin-scoped auth and loopback tests against ``tests/emulators/replicate.py``.
The HTTP API is small and documented (PROVIDERS.md §2), so owning it costs little.

Replicate deletes API outputs after an hour, so ``download`` is meant to run as soon as a
poll says ``succeeded``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from studio.core.errors import AuthError, Expired, InvalidRequest, LostSubmission, StudioError, TransientError
from studio.core.modelspec import ModelSpec
from studio.core.request import ValidatedRequest
from studio.providers import _http
from studio.providers.base import (
    DownloadProgress,
    RemoteRecord,
    RemoteRef,
    RemoteState,
    RemoteStatus,
    SubmitNotSent,
)

from .errors import LABEL, error_mapper, prediction_error
from .inputs import build_input, field_namer

log = logging.getLogger("studio.providers.replicate")

DEFAULT_BASE_URL = "https://api.replicate.com"
BASE_URL_ENV = "STUDIO_REPLICATE_BASE_URL"

_STATES = {
    "starting": RemoteState.QUEUED,
    "processing": RemoteState.RUNNING,
    "succeeded": RemoteState.SUCCEEDED,
    "failed": RemoteState.FAILED,
    "canceled": RemoteState.CANCELLED,
    "aborted": RemoteState.CANCELLED,  # deadline passed before it started; not billed
}
_TQDM = re.compile(r"(\d{1,3})%\|")
_MAX_LIST_PAGES = 20


class ReplicateProvider:
    """Replicate behind the :class:`~studio.providers.base.Provider` protocol.

    ``api_key`` comes from the secrets service (keyring, else ``REPLICATE_API_TOKEN``).
    ``base_url`` defaults to ``$STUDIO_REPLICATE_BASE_URL``, else the public API.
    ``poll_interval`` is the hint returned with each status (Replicate gives none).
    ``policy`` tunes retries; ``transport`` is for tests that need an in-memory transport.
    """

    name = "replicate"
    supports_idempotency = False  # Replicate has no idempotency key: a create is sent once

    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str | None = None,
        max_concurrency: int = 4,
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
        self._client = _http.make_client(
            self.base_url, api_key, timeout=timeout or _http.DEFAULT_TIMEOUT, transport=transport
        )

    @property
    def http_client(self) -> httpx.AsyncClient:
        """The configured client (base URL, key, timeouts), for :func:`.schema.fetch_model_spec`."""
        return self._client

    def __repr__(self) -> str:
        return f"ReplicateProvider(base_url={self.base_url!r}, key={'set' if self._has_key else 'missing'})"

    # -- plumbing -----------------------------------------------------------------------

    async def _get(self, url: str, *, context: str = "call", **kwargs: Any) -> httpx.Response:
        return await _http.request_idempotent(
            self._client,
            "GET",
            url,
            map_error=error_mapper(context=context),
            policy=self.policy,
            provider_label=LABEL,
            **kwargs,
        )

    def _require_key(self) -> None:
        if not self._has_key:
            raise AuthError("No Replicate API key is set; add one in Settings (or set REPLICATE_API_TOKEN).")

    @staticmethod
    def _json(response: httpx.Response) -> dict[str, Any]:
        try:
            data = response.json()
        except ValueError:
            raise TransientError(
                "Replicate sent an answer Studio could not read; try again.", detail=response.text[:200]
            ) from None
        if not isinstance(data, dict):
            raise TransientError("Replicate sent an answer Studio could not read; try again.")
        return data

    # -- Provider protocol ----------------------------------------------------------------

    async def submit(self, spec: ModelSpec, request: ValidatedRequest, idempotency_key: str) -> RemoteRef:
        """Create one prediction; never sent twice unless the connection never opened.

        Raises :class:`~studio.providers.base.SubmitNotSent` (safe to retry),
        :class:`~studio.core.errors.LostSubmission` (reconcile with :meth:`list_recent`),
        or the mapped error (nothing was created).
        """
        self._require_key()
        if "/" not in spec.model:
            raise InvalidRequest(f"{spec.model!r} is not a Replicate model name like owner/name.", field="model")
        try:
            data = await build_input(spec, request, self._upload)
        except SubmitNotSent:
            raise
        except TransientError as exc:
            # An image upload failed before the paid create was sent: nothing to reconcile.
            raise SubmitNotSent(exc.user_message, detail=exc.detail) from None
        response = await _http.send_once(
            self._client,
            "POST",
            f"v1/models/{spec.model}/predictions",
            json={"input": data},
            map_error=error_mapper(context="create", model=spec.model, field_names=field_namer(spec)),
            policy=self.policy,
            provider_label=LABEL,
        )
        try:
            body = self._json(response)
        except TransientError as exc:
            body = {"unreadable": exc.detail}
        remote_id = body.get("id")
        if not remote_id:
            # Created (2xx) but we cannot tell which prediction it is: reconcile, never resend.
            raise LostSubmission(
                "Replicate accepted the request but its answer could not be read; "
                "Studio will check its list before sending it again.",
                detail=str(body)[:200],
            )
        log.info("replicate prediction %s created for %s", remote_id, spec.model)
        return RemoteRef(
            provider=self.name,
            remote_id=str(remote_id),
            data={
                "model": spec.model,
                "idempotency_key": idempotency_key,
                "created_at": body.get("created_at"),
                "images": sorted(request.request.image_inputs()),
            },
        )

    async def poll(self, ref: RemoteRef) -> RemoteStatus:
        """The prediction's state, progress (from tqdm-style log lines) and output URL."""
        response = await self._get(f"v1/predictions/{ref.remote_id}", context="poll")
        return self.status_from_json(self._json(response), images=ref.data.get("images", ()))

    def status_from_json(self, body: dict[str, Any], *, images: Any = ()) -> RemoteStatus:
        """Map one prediction object to a :class:`RemoteStatus` (public for reconciling)."""
        raw = str(body.get("status") or "")
        state = _STATES.get(raw)
        if state is None:
            # An unknown new status: keep polling rather than give up on a paid job.
            log.warning("unknown Replicate status %r; treating it as running", raw)
            state = RemoteState.RUNNING
        error: StudioError | None = None
        result = None
        progress = parse_progress(body.get("logs"))
        if state is RemoteState.SUCCEEDED:
            progress = 1.0
            url = output_url(body.get("output"))
            if url:
                result = {"url": url}
            else:
                error = Expired(
                    "Replicate has already deleted this result (outputs last about an hour); generate it again.",
                    detail="data_removed" if body.get("data_removed") else "no output URL",
                )
        elif state is RemoteState.FAILED:
            error = prediction_error(body.get("error"), images_given=images)
        elif raw == "aborted":
            error = StudioError("Replicate stopped this before it started (its deadline passed); nothing was charged.")
        return RemoteStatus(
            state=state,
            progress=progress,
            poll_after=None if state.terminal else self.poll_interval,
            error=error,
            result=result,
            raw_status=raw,
        )

    async def download(
        self, ref: RemoteRef, status: RemoteStatus, dest: Path, progress: DownloadProgress | None = None
    ) -> None:
        """Fetch the output to ``dest`` (atomically); :class:`Expired` when it is gone."""
        url = (status.result or {}).get("url")
        if not url:
            if status.error:
                raise status.error
            raise Expired("Replicate has no result to download for this prediction; generate it again.")
        await _http.download_to_file(
            self._client,
            url,
            Path(dest),
            map_error=error_mapper(context="download"),
            progress=progress,
            policy=self.policy,
            provider_label=LABEL,
        )

    async def cancel(self, ref: RemoteRef) -> None:
        """Ask Replicate to stop the prediction (harmless if it already finished)."""
        await _http.request_idempotent(
            self._client,
            "POST",
            f"v1/predictions/{ref.remote_id}/cancel",
            map_error=error_mapper(context="poll"),
            policy=self.policy,
            provider_label=LABEL,
        )

    async def check_credentials(self) -> str:
        """``GET /v1/account``; returns e.g. "Replicate account: alice"."""
        self._require_key()
        body = self._json(await self._get("v1/account"))
        who = body.get("username") or body.get("name") or "unknown"
        return f"Replicate account: {who}"

    async def list_recent(self, since: float) -> list[RemoteRecord] | None:
        """Predictions created at or after ``since`` (epoch seconds), newest first.

        Follows ``next`` links (at most 20 pages) until a page reaches older predictions.
        """
        self._require_key()
        records: list[RemoteRecord] = []
        url: str | None = "v1/predictions"
        for _ in range(_MAX_LIST_PAGES):
            if not url:
                break
            body = self._json(await self._get(url))
            reached_older = False
            for item in body.get("results") or ():
                created = parse_time(item.get("created_at"))
                if created is None:
                    continue
                if created < since:
                    reached_older = True
                    continue
                records.append(
                    RemoteRecord(
                        remote_id=str(item.get("id")),
                        model=str(item.get("model") or ""),
                        created_at=created,
                        input=dict(item.get("input") or {}),
                        raw_status=str(item.get("status") or ""),
                        data={"output": item.get("output"), "error": item.get("error")},
                    )
                )
            url = None if reached_older else body.get("next")
        return records

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._client.aclose()

    async def fetch_model_spec(self, model: str) -> ModelSpec:
        """Read any Replicate model's schema and build a user-defined ModelSpec for it."""
        from .schema import fetch_model_spec  # local: schema is only needed for "add a model"

        self._require_key()
        return await fetch_model_spec(self, model)

    # -- uploads --------------------------------------------------------------------------

    async def _upload(self, path: Path, mime: str) -> str:
        """``POST /v1/files`` (multipart ``content``); returns ``urls.get``. Free, so retried."""
        content = await asyncio.to_thread(path.read_bytes)
        response = await _http.request_idempotent(
            self._client,
            "POST",
            "v1/files",
            files={"content": (path.name, content, mime)},
            map_error=error_mapper(context="upload"),
            policy=self.policy,
            provider_label=LABEL,
        )
        body = self._json(response)
        url = (body.get("urls") or {}).get("get")
        if not url:
            raise TransientError("Replicate stored the image but sent no URL for it; try again.")
        return str(url)


def parse_progress(logs: Any) -> float | None:
    """0..1 from the last tqdm-style ``NN%|`` line in the logs, else None."""
    if not isinstance(logs, str):
        return None
    matches = _TQDM.findall(logs)
    if not matches:
        return None
    return min(100, int(matches[-1])) / 100.0


def output_url(output: Any) -> str | None:
    """The result URL: a URI string, or the first string of a list."""
    if isinstance(output, str) and output:
        return output
    if isinstance(output, list):
        for item in output:
            if isinstance(item, str) and item:
                return item
    return None


def parse_time(value: Any) -> float | None:
    """Epoch seconds from Replicate's ISO 8601 timestamps (``…Z``, any fraction length)."""
    if not isinstance(value, str) or not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    # Python 3.10's fromisoformat wants 3 or 6 fraction digits; normalise to 6.
    text = re.sub(r"\.(\d+)", lambda m: "." + (m.group(1) + "000000")[:6], text)
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        return None
