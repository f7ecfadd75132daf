"""Gemini Omni Flash through the Interactions API, with a Gemini API key (PROVIDERS.md §8).

What this relies on (google-genai 3.6's interactions client, ``_gaos/interactions.py`` and
``_gaos/types/interactions/*``; PROVIDERS.md §8 marks the contract UNCERTAIN, and these are
the SDK's own types, not a published REST reference):

- ``POST /v1beta/interactions`` with ``model``, ``input`` (content blocks: images as
  ``{"type": "image", "data": <base64>, "mime_type"}``, then ``{"type": "text"}``),
  ``response_format = {"type": "video", "aspect_ratio", "resolution", "duration": "<n>s"}``,
  ``generation_config = {"video_config": {"task"}, "seed"}``, ``previous_interaction_id`` for
  an edit, ``background`` and ``store`` so the job runs detached and can be fetched later.
  Tasks: ``text_to_video``, ``image_to_video``, ``reference_to_video`` (up to 3 images), ``edit``.
- ``GET /v1beta/interactions/{id}``: ``status`` is ``queued``/``in_progress`` until a terminal
  ``completed``, ``failed``, ``cancelled``, ``incomplete`` or ``budget_exceeded``. The video is
  the last ``model_output`` step's ``video`` block (the SDK's ``output_video``): a ``uri`` fetched
  with the key, or base64 ``data``.
- The duration's string form (``"8s"``) follows the type's ``str``; third-party pages give
  3–10 s at 24 fps, 720p, 16:9 or 9:16, sound always on, about $0.10 per second.

Retries live in one layer, the SDK's: the client that creates runs with one attempt (a paid
POST is never resent blindly; the interactions client would otherwise retry 429/5xx four
times), the client that polls retries as usual. A create that never connected raises
:class:`SubmitNotSent`; any other lost answer :class:`LostSubmission` (no list to reconcile).
"""

from __future__ import annotations

import asyncio
import base64
import logging
import os
from pathlib import Path
from typing import Any

from studio.core.errors import AuthError, Expired, LostSubmission, ModelUnavailable
from studio.core.modelspec import ModelSpec
from studio.core.request import ValidatedRequest
from studio.providers import _google, _http
from studio.providers.base import DownloadProgress, RemoteRecord, RemoteRef, RemoteState, RemoteStatus

from .errors import LABEL, finished_error, from_http, map_sdk_error

log = logging.getLogger("studio.providers.gemini")

BASE_URL_ENV = "STUDIO_GEMINI_BASE_URL"
DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com"
API_VERSION = "v1beta"
_RUNNING = {"queued": RemoteState.QUEUED, "in_progress": RemoteState.RUNNING, "requires_continuation": RemoteState.RUNNING}
_TERMINAL_WITHOUT_VIDEO = {"failed", "cancelled", "incomplete", "budget_exceeded"}


class GeminiOmniProvider:
    """Gemini Omni Flash behind the :class:`~studio.providers.base.Provider` protocol.

    ``api_key`` comes from the keyring (``gemini``) or ``GEMINI_API_KEY``; ``base_url`` from
    settings or ``$STUDIO_GEMINI_BASE_URL`` (the API root, without the version).
    """

    name = "gemini"
    supports_idempotency = False

    def __init__(
        self,
        api_key: str | None,
        *,
        base_url: str | None = None,
        max_concurrency: int = 2,
        poll_interval: float = 8.0,
        policy: _http.RetryPolicy | None = None,
    ) -> None:
        self.base_url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
        self.max_concurrency = max_concurrency
        self.poll_interval = poll_interval
        self.policy = policy or _http.RetryPolicy()
        self._key = api_key
        self._clients: dict[int, Any] = {}
        self._inline: dict[str, bytes] = {}

    def __repr__(self) -> str:
        return f"GeminiOmniProvider(base_url={self.base_url!r}, key={'set' if self._key else 'missing'})"

    def _client(self, attempts: int):
        """A google-genai client whose HTTP layer tries each call ``attempts`` times."""
        if not self._key:
            raise AuthError("No Gemini API key is set: add it in Settings → Gemini, or set GEMINI_API_KEY.")
        if attempts not in self._clients:
            from google import genai
            from google.genai import types

            retry = types.HttpRetryOptions(
                attempts=attempts, initial_delay=self.policy.base_delay, max_delay=self.policy.max_delay
            )
            options = types.HttpOptions(base_url=self.base_url, api_version=API_VERSION, retry_options=retry)
            self._clients[attempts] = genai.Client(api_key=self._key, http_options=options)
        return self._clients[attempts]

    # -- Provider protocol ----------------------------------------------------------------

    async def submit(self, spec: ModelSpec, request: ValidatedRequest, idempotency_key: str) -> RemoteRef:
        """Start one interaction in the background; its id is the remote id. Never sent twice."""
        if not spec.model.startswith("gemini-omni"):
            raise ModelUnavailable(
                f"{spec.name} is not an Interactions API model; Studio speaks to Gemini through Gemini Omni only."
            )
        body = await asyncio.to_thread(build_body, spec, request)
        try:
            interaction = await self._client(1).aio.interactions.create(**body)
        except Exception as exc:  # noqa: BLE001 - every SDK failure becomes one Studio error
            mapper = _edit_mapper if "previous_interaction_id" in body else map_sdk_error
            raise _google.create_failure(exc, LABEL, "Google AI Studio", mapper) from None
        if not getattr(interaction, "id", None):
            raise LostSubmission(f"{LABEL} accepted the request but sent no job id.")
        log.info("gemini interaction %s started for %s", interaction.id, spec.model)
        return RemoteRef(
            provider=self.name,
            remote_id=str(interaction.id),
            data={"model": spec.model, "idempotency_key": idempotency_key, "task": body["generation_config"]["video_config"]["task"]},
        )

    async def poll(self, ref: RemoteRef) -> RemoteStatus:
        """The interaction's status; when completed, where its video is."""
        interaction = await self._get(ref)
        status = str(interaction.status or "")
        if status in _RUNNING:
            return RemoteStatus(state=_RUNNING[status], poll_after=self.poll_interval, raw_status=status)
        if status == "requires_action":
            return RemoteStatus(
                state=RemoteState.FAILED,
                error=finished_error("requires_action", [{"message": "it asked for an action Studio cannot take"}]),
                raw_status=status,
            )
        if status in _TERMINAL_WITHOUT_VIDEO:
            errors = [dict(e) if isinstance(e, dict) else e.model_dump() for e in interaction.errors or []]
            state = RemoteState.CANCELLED if status == "cancelled" else RemoteState.FAILED
            return RemoteStatus(state=state, error=finished_error(status, errors), raw_status=status)
        if status != "completed":
            log.warning("unknown Gemini interaction status %r; still waiting", status)
            return RemoteStatus(state=RemoteState.RUNNING, poll_after=self.poll_interval, raw_status=status)
        video = interaction.output_video
        if video is not None and video.uri:
            return RemoteStatus(state=RemoteState.SUCCEEDED, progress=1.0, result={"uri": video.uri}, raw_status=status)
        if video is not None and video.data:
            self._inline[ref.remote_id] = await asyncio.to_thread(_decode, video.data)
            return RemoteStatus(state=RemoteState.SUCCEEDED, progress=1.0, result={"inline": True}, raw_status=status)
        return RemoteStatus(
            state=RemoteState.FAILED,
            error=finished_error("failed", [{"message": "the finished job holds no video"}]),
            raw_status=status,
        )

    async def _get(self, ref: RemoteRef):
        try:
            return await self._client(self.policy.attempts).aio.interactions.get(ref.remote_id)
        except Exception as exc:  # noqa: BLE001 - every SDK failure becomes one Studio error
            raise map_sdk_error(exc, context="poll") from None

    async def download(
        self, ref: RemoteRef, status: RemoteStatus, dest: Path, progress: DownloadProgress | None = None
    ) -> None:
        """Write the video to ``dest``: fetched from its URI with the key, or the inline bytes."""
        result = status.result or {}
        dest = Path(dest)
        if result.get("uri"):
            client = _http.make_client(self.base_url, self._key, auth_header="x-goog-api-key", auth_scheme="")
            try:
                await _http.download_to_file(
                    client, str(result["uri"]), dest, map_error=_download_error, progress=progress,
                    policy=self.policy, provider_label=LABEL,
                )  # fmt: skip
            finally:
                await client.aclose()
            return
        data = self._inline.pop(ref.remote_id, None)
        if data is None:  # after a restart: the stored interaction still holds the bytes
            fresh = await self.poll(ref)
            if fresh.state is not RemoteState.SUCCEEDED:
                raise fresh.error or Expired(f"{LABEL} no longer holds this video; generate it again.")
            if fresh.result and fresh.result.get("uri"):
                await self.download(ref, fresh, dest, progress)
                return
            data = self._inline.pop(ref.remote_id)
        await asyncio.to_thread(_google.write_atomically, dest, data)
        if progress:
            progress(len(data), len(data))

    async def cancel(self, ref: RemoteRef) -> None:
        """Ask Gemini to stop the interaction (harmless when it already ended)."""
        try:
            await self._client(self.policy.attempts).aio.interactions.cancel(ref.remote_id)
        except Exception as exc:  # noqa: BLE001 - a cancel that fails is only logged
            log.info("gemini cancel of %s failed: %s", ref.remote_id, map_sdk_error(exc).user_message)

    async def check_credentials(self) -> str:
        """List the key's models (free) to prove the key works."""
        try:
            pager = await self._client(self.policy.attempts).aio.models.list(config={"page_size": 100})
            names = [m.name async for m in pager if m.name]
        except Exception as exc:  # noqa: BLE001 - every SDK failure becomes one Studio error
            raise map_sdk_error(exc) from None
        omni = sorted(n.removeprefix("models/") for n in names if "omni" in n)
        return f"Gemini API key works; video models: {', '.join(omni) or 'none listed for this key'}"

    async def list_recent(self, since: float) -> list[RemoteRecord] | None:
        """The Interactions API offers no list to reconcile with."""
        return None

    async def aclose(self) -> None:
        """Close the SDK clients' connections."""
        await _google.close_clients(self._clients, log)


def build_body(spec: ModelSpec, validated: ValidatedRequest) -> dict[str, Any]:
    """The keyword arguments of ``interactions.create`` for a validated request (reads images)."""
    req = validated.request
    blocks: list[dict[str, Any]] = []
    images = ([req.first_frame] if req.first_frame else []) + list(req.reference_images)
    for path in images:
        data, mime = _google.read_image(path)
        blocks.append({"type": "image", "data": base64.b64encode(data).decode(), "mime_type": mime})
    if req.prompt:
        blocks.append({"type": "text", "text": req.prompt})
    edit_of = req.extra.get("edit_interaction")
    if edit_of:
        task = "edit"
    elif req.reference_images:
        task = "reference_to_video"
    elif req.first_frame:
        task = "image_to_video"
    else:
        task = "text_to_video"
    # A URI keeps large videos out of the JSON the SDK parses on the event loop.
    response_format: dict[str, Any] = {"type": "video", "delivery": "uri"}
    if task != "edit":  # an edit keeps the shape and length of what it edits
        response_format.update(
            aspect_ratio=req.aspect_ratio, resolution=req.resolution, duration=f"{int(round(validated.duration))}s"
        )
    generation: dict[str, Any] = {"video_config": {"task": task}}
    if spec.seed_param and req.seed is not None:
        generation["seed"] = int(req.seed)
    body: dict[str, Any] = {
        "model": spec.model,
        "input": blocks,
        "response_format": response_format,
        "generation_config": generation,
        "background": True,
        "store": True,
    }
    if edit_of:
        body["previous_interaction_id"] = str(edit_of)
    return body


def _edit_mapper(exc: BaseException, *, context: str = "call"):
    """Errors of an edit's create: a missing source interaction is an expired take, not a missing model."""
    return map_sdk_error(exc, context="edit" if context == "create" else context)


def _decode(data: Any) -> bytes:
    return data if isinstance(data, bytes) else base64.b64decode(data)


def _download_error(response) -> Any:
    return from_http(response.status_code, _http.error_body(response), retry_after=_http.retry_after(response), context="download")
