"""Veo 3.1 on Vertex AI, through google-genai in Vertex mode, signed by a service account.

Why the SDK: google-genai 3.x is Google's maintained client for Veo and the only one whose
``generate_videos`` still works (on Vertex; PROVIDERS.md §0/§4b). It owns the request shape
(``instances``/``parameters``), the long-running operation (``:predictLongRunning``, then
``:fetchPredictOperation`` with the operation's name) and OAuth through google-auth.

Retries live in one layer: the SDK's own HTTP retry (``HttpRetryOptions``) for polls, which
are safe to repeat, and none at all for the paid create. A create whose connection never
opened (or whose token could not be fetched) raises :class:`SubmitNotSent`; any other lost
answer raises :class:`LostSubmission`. Vertex lists no recent Veo jobs, so such a job waits
for a person rather than being sent twice.

Results come back inline (base64 bytes in the finished operation) or, when an output bucket
is set, as a ``gs://`` URI fetched with the same credentials through the Cloud Storage JSON
API (``Range`` resumes a broken download). Inline bytes are written from the poll that
delivered them, or fetched again from the operation after a restart; they never enter the
job row.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from studio.core.errors import AuthError, Expired, InvalidRequest, LostSubmission, StudioError
from studio.core.modelspec import ModelSpec
from studio.core.request import ValidatedRequest
from studio.providers import _google, _http
from studio.providers.base import DownloadProgress, RemoteRecord, RemoteRef, RemoteState, RemoteStatus, SubmitNotSent

from .credentials import ServiceAccount, google_credentials
from .errors import LABEL, from_status, map_sdk_error, operation_error

log = logging.getLogger("studio.providers.vertex")

BASE_URL_ENV = "STUDIO_VERTEX_BASE_URL"
CHECK_MODEL = "veo-3.1-fast-generate-001"
STORAGE_BASE_URL_ENV = "STUDIO_VERTEX_STORAGE_BASE_URL"
DEFAULT_STORAGE_BASE_URL = "https://storage.googleapis.com"
DEFAULT_LOCATION = "us-central1"
_POLL_STATUSES = [408, 429, 500, 502, 503, 504]
_PLACE = re.compile(r"^projects/(?P<project>[^/]+)/locations/(?P<location>[^/]+)/")
#: Inline video for an extension travels as base64 JSON; past this, a bucket is the way.
MAX_INLINE_EXTEND_BYTES = 20 * 1024 * 1024


class VertexVeoProvider:
    """Vertex AI Veo behind the :class:`~studio.providers.base.Provider` protocol.

    ``account`` is the parsed service-account JSON; ``project`` and ``location`` default to
    the account's project and ``us-central1``. ``base_url`` (or ``$STUDIO_VERTEX_BASE_URL``)
    replaces the regional endpoint for proxies and tests; Cloud Storage downloads go to
    ``storage_base_url`` (or ``$STUDIO_VERTEX_STORAGE_BASE_URL``, else the same host as a
    custom ``base_url``, else Google's). ``output_gcs_uri`` (``gs://bucket/prefix``) makes
    Vertex write results there instead of returning them inline.
    """

    name = "vertex"
    supports_idempotency = False
    #: Vertex has no way to stop a Veo job: once created it finishes and is billed.
    cancellable = False

    def __init__(
        self,
        account: ServiceAccount,
        *,
        project: str | None = None,
        location: str | None = None,
        base_url: str | None = None,
        storage_base_url: str | None = None,
        output_gcs_uri: str | None = None,
        max_concurrency: int = 2,
        poll_interval: float = 10.0,
        policy: _http.RetryPolicy | None = None,
    ) -> None:
        self.account = account
        self.project = project or account.project_id
        self.location = location or DEFAULT_LOCATION
        self.base_url = (base_url or os.environ.get(BASE_URL_ENV) or "").rstrip("/") or None
        self.storage_base_url = (
            storage_base_url or os.environ.get(STORAGE_BASE_URL_ENV) or self.base_url or DEFAULT_STORAGE_BASE_URL
        ).rstrip("/")
        self.output_gcs_uri = output_gcs_uri or None
        self.max_concurrency = max_concurrency
        self.poll_interval = poll_interval
        self.policy = policy or _http.RetryPolicy()
        self._credentials = google_credentials(account)
        self._clients: dict[tuple[str, str], Any] = {}
        self._inline: dict[str, bytes] = {}

    def __repr__(self) -> str:
        return f"VertexVeoProvider(project={self.project!r}, location={self.location!r})"

    # -- plumbing -------------------------------------------------------------------------

    def _genai(self, project: str | None = None, location: str | None = None):
        """The SDK client for a project and region (a job is polled where it was created).

        Its own retries are off (one attempt): that also stops the SDK's silent resend on a
        dropped aiohttp connection, which would pay for a create twice. Polls pass their own
        retry options per call.
        """
        place = (project or self.project, location or self.location)
        if place not in self._clients:
            from google import genai
            from google.genai import types

            options = types.HttpOptions(
                base_url=self.base_url + "/" if self.base_url else None,
                timeout=120_000,
                retry_options=types.HttpRetryOptions(attempts=1),
            )
            self._clients[place] = genai.Client(
                vertexai=True, project=place[0], location=place[1], credentials=self._credentials, http_options=options
            )
        return self._clients[place]

    def _client_for(self, ref: RemoteRef):
        """The client for the region in the job's operation name, whatever the settings say now."""
        match = _PLACE.match(ref.remote_id)
        return self._genai(match["project"], match["location"]) if match else self._genai()

    def _poll_options(self):
        from google.genai import types

        retry = types.HttpRetryOptions(
            attempts=self.policy.attempts,
            initial_delay=self.policy.base_delay,
            max_delay=self.policy.max_delay,
            http_status_codes=_POLL_STATUSES,
        )
        return types.GetOperationConfig(http_options=types.HttpOptions(retry_options=retry))

    async def _token(self) -> str:
        """A fresh OAuth access token (refreshed off the event loop when it has expired)."""

        def refresh() -> str:
            from google.auth.transport.requests import Request

            if not self._credentials.valid:
                self._credentials.refresh(Request())
            return str(self._credentials.token)

        try:
            return await asyncio.to_thread(refresh)
        except Exception as exc:  # noqa: BLE001 - google-auth errors become one sentence, never the key
            raise map_sdk_error(exc) from None

    # -- Provider protocol ----------------------------------------------------------------

    async def submit(self, spec: ModelSpec, request: ValidatedRequest, idempotency_key: str) -> RemoteRef:
        """Start one Veo operation; its name is the remote id. Never sent twice."""
        source, config = await asyncio.to_thread(self._build, spec, request)
        try:
            await self._token()  # a refused key or an unreachable sign-in: nothing was sent
        except StudioError as exc:
            if exc.kind == "transient":
                raise SubmitNotSent(exc.user_message, detail=exc.detail) from None
            raise
        try:
            operation = await self._genai().aio.models.generate_videos(model=spec.model, source=source, config=config)
        except Exception as exc:  # noqa: BLE001 - every SDK failure becomes one Studio error
            raise _google.create_failure(exc, LABEL, "your output bucket or the Cloud billing report", map_sdk_error) from None
        if not operation.name:
            raise LostSubmission(f"{LABEL} accepted the request but sent no job name.")
        log.info("vertex operation started for %s", spec.model)
        return RemoteRef(
            provider=self.name,
            remote_id=operation.name,
            data={"model": spec.model, "idempotency_key": idempotency_key, "images": sorted(request.request.image_inputs())},
        )

    def _build(self, spec: ModelSpec, validated: ValidatedRequest):
        """The SDK's source and config for a validated request (blocking: reads the images)."""
        from google.genai import types

        req = validated.request
        config: dict[str, Any] = {
            "number_of_videos": 1,
            "duration_seconds": int(round(validated.duration)),
            "aspect_ratio": req.aspect_ratio,
            "resolution": req.resolution,
        }
        if spec.audio_param and req.audio is not None:
            config["generate_audio"] = bool(req.audio)
        if spec.seed_param and req.seed is not None:
            config["seed"] = int(req.seed)
        if spec.negative_prompt_param and req.negative_prompt:
            config["negative_prompt"] = req.negative_prompt
        if req.last_frame and not req.reference_images:
            config["last_frame"] = _image(req.last_frame)
        if req.reference_images:
            config["reference_images"] = [
                types.VideoGenerationReferenceImage(image=_image(path), reference_type="ASSET")
                for path in req.reference_images
            ]
        if self.output_gcs_uri:
            config["output_gcs_uri"] = self.output_gcs_uri
        source: dict[str, Any] = {"prompt": req.prompt or None}
        if req.first_frame:
            source["image"] = _image(req.first_frame)
        extend = req.extra.get("extend_video")
        if extend:
            if req.resolution != "720p":
                raise InvalidRequest("Veo extends clips only at 720p; pick 720p to extend this take.", field="resolution")
            source["video"] = _video(str(extend))
        return types.GenerateVideosSource(**source), types.GenerateVideosConfig(**config)

    async def poll(self, ref: RemoteRef) -> RemoteStatus:
        """The operation's state; when done, where the video is (or why there is none)."""
        operation = await self._fetch(ref)
        if not operation.get("done"):
            return RemoteStatus(state=RemoteState.RUNNING, poll_after=self.poll_interval, raw_status="running")
        error = operation_error(operation)
        if error is not None:
            return RemoteStatus(state=RemoteState.FAILED, error=error, raw_status="done")
        video = operation["response"]["videos"][0]
        if video.get("gcsUri"):
            result = {"gcs_uri": video["gcsUri"]}
        else:
            self._inline[ref.remote_id] = video["bytes"]
            result = {"inline": True}
        return RemoteStatus(state=RemoteState.SUCCEEDED, progress=1.0, result=result, raw_status="done")

    async def _fetch(self, ref: RemoteRef) -> dict[str, Any]:
        """The operation as a plain dict (Vertex's field names; bytes decoded under ``bytes``)."""
        from google.genai import types

        try:
            op = await self._client_for(ref).aio.operations.get(
                types.GenerateVideosOperation(name=ref.remote_id), config=self._poll_options()
            )
        except Exception as exc:  # noqa: BLE001 - every SDK failure becomes one Studio error
            raise map_sdk_error(exc, context="poll") from None
        plain: dict[str, Any] = {"name": op.name, "done": bool(op.done)}
        if op.error:
            plain["error"] = dict(op.error)
        if op.response is not None:
            videos = []
            for generated in op.response.generated_videos or []:
                video = generated.video
                if video is None:
                    continue
                videos.append({"gcsUri": video.uri, "bytes": video.video_bytes})
            plain["response"] = {
                "videos": [v for v in videos if v["gcsUri"] or v["bytes"]],
                "raiMediaFilteredCount": op.response.rai_media_filtered_count,
                "raiMediaFilteredReasons": op.response.rai_media_filtered_reasons,
            }
        return plain

    async def download(
        self, ref: RemoteRef, status: RemoteStatus, dest: Path, progress: DownloadProgress | None = None
    ) -> None:
        """Write the video to ``dest``: inline bytes, or the ``gs://`` object with the same credentials."""
        result = status.result or {}
        dest = Path(dest)
        if result.get("gcs_uri"):
            await self._download_gcs(str(result["gcs_uri"]), dest, progress)
            return
        data = self._inline.pop(ref.remote_id, None)
        if data is None:  # after a restart: the finished operation still holds the bytes
            operation = await self._fetch(ref)
            error = operation_error(operation) if operation.get("done") else None
            if error is not None:
                raise error
            videos = (operation.get("response") or {}).get("videos") or []
            data = videos[0].get("bytes") if videos else None
            if not data:
                raise Expired(f"{LABEL} no longer holds this video; generate it again.")
        await asyncio.to_thread(_google.write_atomically, dest, data)
        if progress:
            progress(len(data), len(data))

    async def _download_gcs(self, uri: str, dest: Path, progress: DownloadProgress | None) -> None:
        bucket, _, obj = uri.removeprefix("gs://").partition("/")
        if not bucket or not obj or not uri.startswith("gs://"):
            raise Expired(f"{LABEL} named its result in a form Studio cannot fetch.", detail=uri[:200])
        url = f"{self.storage_base_url}/storage/v1/b/{quote(bucket, safe='')}/o/{quote(obj, safe='')}?alt=media"
        client = _http.make_client(self.storage_base_url, await self._token())
        try:
            await _http.download_to_file(
                client,
                url,
                dest,
                map_error=_storage_error,
                progress=progress,
                policy=self.policy,
                provider_label=LABEL,
            )
        finally:
            await client.aclose()

    async def cancel(self, ref: RemoteRef) -> None:
        """Vertex offers no way to stop a Veo job: it runs, and is billed, to the end.

        Raises a StudioError saying so; the runner keeps the job and its video.
        """
        raise StudioError(
            "Vertex AI cannot stop a Veo job once it has started; it will finish and be billed, and Studio keeps "
            "the video when it arrives."
        )

    async def check_credentials(self) -> str:
        """Sign in, then ask Vertex for a Veo model in the chosen project and region (free)."""
        await self._token()
        try:
            await self._genai().aio.models.get(model=CHECK_MODEL)
        except Exception as exc:  # noqa: BLE001 - every SDK failure becomes one Studio error
            raise map_sdk_error(exc, context="create") from None
        return f"Vertex AI: {self.account.client_email} in project {self.project} ({self.location})"

    async def list_recent(self, since: float) -> list[RemoteRecord] | None:
        """Vertex keeps no list of Veo jobs to reconcile with."""
        return None

    async def aclose(self) -> None:
        """Close the SDK's connections."""
        await _google.close_clients(self._clients, log)


def _image(path: str):
    from google.genai import types

    data, mime = _google.read_image(path)
    return types.Image(image_bytes=data, mime_type=mime)


def _video(path: str):
    from google.genai import types

    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_INLINE_EXTEND_BYTES:
            raise InvalidRequest(
                f"{file.name} is {size / 1e6:.0f} MB; Vertex takes a clip to extend inline only up to 20 MB.",
                field="extend_video",
            )
        data = file.read_bytes()
    except OSError as exc:
        raise InvalidRequest(f"Cannot read the clip to extend, {file.name}: {exc.strerror or exc}.",
                             field="extend_video") from None
    return types.Video(video_bytes=data, mime_type="video/mp4")



def _storage_error(response) -> StudioError:
    body = _http.error_body(response)
    error = body.get("error") if isinstance(body.get("error"), dict) else {}
    message = str(error.get("message") or response.reason_phrase or "")
    if response.status_code in (404, 410):
        return Expired(f"The video is gone from Cloud Storage ({message}); generate it again.")
    if response.status_code in (401, 403):
        return AuthError(
            "The service account may not read the output bucket; give it Storage Object Viewer on that bucket, "
            "then resume the job.",
            detail=message[:200],
        )
    return from_status(response.status_code, error.get("status"), message, retry_after=_http.retry_after(response))
