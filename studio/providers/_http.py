"""The shared async HTTP transport for every cloud provider.

One place decides how a call is retried, so that the rule "never pay twice" holds for all
providers alike:

This is the only retry layer: the runner above never repeats a call the transport gave
up on; it keeps the job (``stalled``) for the next resume instead.

* :func:`request_idempotent` is for calls that are safe to repeat (status polls, lists,
  cancels, free uploads). It retries 429 (honouring ``Retry-After`` or a "resets in ~30s"
  detail), 5xx and dropped connections with exponential backoff and jitter, a bounded
  number of times.
* :func:`send_once` is for paid creates. It sends again only when the request provably
  never created anything: the connection could not be opened (:class:`SubmitNotSent` when
  it gives up), or the server refused with 429 (:class:`RateLimited` when it gives up).
  Any failure after the request may have reached the server (a read timeout, a reset, a
  5xx) raises :class:`~studio.core.errors.LostSubmission`, so the runner marks the job
  ``unknown`` and reconciles instead of resubmitting.
* :func:`download_to_file` streams a result to a ``.part`` file beside the destination,
  resumes with ``Range`` after a reset — and across calls, from the ``.part`` file an
  earlier, interrupted call left — fsyncs and renames.

Every wait a server asks for (``Retry-After``) is capped at :attr:`RetryPolicy.max_wait`,
for every kind of call, and a 429 slows every later call on the same client (that
provider), not the others.

The API key lives only inside :class:`BearerAuth`, is registered with
:func:`studio.core.errors.register_secret` so every error text is scrubbed of it, and is
sent only to the API's own origin (result URLs on CDNs never see it).
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import os
import random
import re
import time
import weakref
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from studio.core.errors import (
    AuthError,
    Expired,
    InvalidRequest,
    LostSubmission,
    QuotaError,
    RateLimited,
    StudioError,
    TransientError,
    redact,
    register_secret,
)
from studio.providers.base import DownloadProgress, SubmitNotSent
from studio.fs import fsync_dir

log = logging.getLogger("studio.providers.http")

ErrorMapper = Callable[[httpx.Response], StudioError]
"""Turns an error response (status >= 400) into the taxonomy; each provider supplies one."""

Sleep = Callable[[float], Awaitable[None]]

StatusReader = Callable[[httpx.Response], int]
"""The status an answer really carries, for APIs that wrap it in a 200 body (Kie's ``code``)."""

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=60.0, write=60.0, pool=30.0)

# Statuses that say "try the same thing again later" for a call that is safe to repeat.
_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently idempotent calls are retried.

    ``attempts`` counts every try, the first included. ``max_wait`` caps any wait a server
    asks for (``Retry-After``), for every kind of call.
    """

    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 20.0
    max_wait: float = 60.0
    jitter: float = 0.25
    connect_attempts: int = 3

    def backoff(self, attempt: int) -> float:
        """Delay before retry number ``attempt`` (0-based): exponential, capped, jittered."""
        delay = min(self.max_delay, self.base_delay * (2**attempt))
        return max(0.0, delay * random.uniform(1.0 - self.jitter, 1.0 + self.jitter))

    def delay(self, attempt: int, asked: float | None) -> float:
        """The wait before retry ``attempt``: what the server asked (capped), else the backoff."""
        return min(self.max_wait, asked) if asked is not None else self.backoff(attempt)


# When each client (one per provider) may send again after a 429: a rate limit slows that
# provider down for every call, and leaves the others alone.
_not_before: "weakref.WeakKeyDictionary[httpx.AsyncClient, float]" = weakref.WeakKeyDictionary()


def _hold_off(client: httpx.AsyncClient, seconds: float) -> None:
    _not_before[client] = max(_not_before.get(client, 0.0), time.monotonic() + seconds)


async def _wait_turn(client: httpx.AsyncClient, sleep: Sleep) -> None:
    wait = _not_before.get(client, 0.0) - time.monotonic()
    if wait > 0:
        await sleep(wait)


class BearerAuth(httpx.Auth):
    """Adds ``Authorization: Bearer <key>`` to requests for the API origin only.

    Result URLs (CDNs, signed storage) are other origins: they must never receive the key.
    """

    def __init__(self, key: str, origin: httpx.URL, *, header: str = "Authorization", scheme: str = "Bearer"):
        register_secret(key)
        self._key = key
        self._origin = (origin.scheme, origin.host, origin.port)
        self._header = header
        self._scheme = scheme

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if (request.url.scheme, request.url.host, request.url.port) == self._origin:
            request.headers[self._header] = f"{self._scheme} {self._key}".strip()
        yield request

    def __repr__(self) -> str:  # never show the key, even in a debugger or a traceback
        return "BearerAuth(***)"


def make_client(
    base_url: str,
    api_key: str | None,
    *,
    timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    auth_header: str = "Authorization",
    auth_scheme: str = "Bearer",
    headers: dict[str, str] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` for one provider: base URL, timeouts, key on its origin only."""
    base = httpx.URL(base_url.rstrip("/") + "/")
    auth = BearerAuth(api_key, base, header=auth_header, scheme=auth_scheme) if api_key else None
    return httpx.AsyncClient(
        base_url=base,
        auth=auth,
        timeout=timeout,
        headers={"User-Agent": "Studio/0.1", **(headers or {})},
        transport=transport,
        follow_redirects=True,
    )


# -- reading error responses --------------------------------------------------------------

_RESETS_IN = re.compile(r"resets in\s*~?\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|seconds?|m|min|minutes?)?\b", re.I)


def retry_after(response: httpx.Response) -> float | None:
    """Seconds to wait, from ``Retry-After`` (seconds or a date) or a "resets in ~30s" detail."""
    header = response.headers.get("retry-after-ms")
    if header:
        try:
            return max(0.0, float(header) / 1000.0)
        except ValueError:
            pass
    header = response.headers.get("retry-after")
    if header:
        try:
            return max(0.0, float(header))
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(header)
                return max(0.0, when.timestamp() - time.time())
            except (TypeError, ValueError):
                pass
    match = _RESETS_IN.search(error_detail(response) or "")
    if match:
        value = float(match.group(1))
        unit = (match.group(2) or "s").lower()
        if unit == "ms":
            value /= 1000.0
        elif unit.startswith("m"):
            value *= 60.0
        return value
    return None


def error_body(response: httpx.Response) -> dict[str, Any]:
    """The JSON error body, or ``{}`` when there is none (HTML from a proxy, say)."""
    try:
        data = response.json()
    except (ValueError, UnicodeDecodeError, httpx.ResponseNotRead):
        return {}
    return data if isinstance(data, dict) else {}


def error_detail(response: httpx.Response) -> str:
    """The provider's own words: RFC 7807 ``detail``/``title``, an OpenAI-style ``error.message``, or text."""
    body = error_body(response)
    for key in ("detail", "message", "title"):
        value = body.get(key)
        if isinstance(value, str) and value.strip():
            return redact(value.strip())
    err = body.get("error")
    if isinstance(err, dict) and isinstance(err.get("message"), str):
        return redact(err["message"])
    if isinstance(err, str) and err.strip():
        return redact(err.strip())
    try:
        text = response.text.strip()
    except (UnicodeDecodeError, httpx.ResponseNotRead):
        text = ""
    return redact(text[:300])


def json_object(response: httpx.Response, provider_label: str = "The provider") -> dict[str, Any]:
    """A successful answer's JSON object; :class:`TransientError` when it is not one."""
    try:
        data = response.json()
    except (ValueError, UnicodeDecodeError):
        raise TransientError(
            f"{provider_label} sent an answer Studio could not read; try again.", detail=redact(response.text[:200])
        ) from None
    if not isinstance(data, dict):
        raise TransientError(f"{provider_label} sent an answer Studio could not read; try again.")
    return data


def default_error_mapper(provider_label: str) -> ErrorMapper:
    """A mapper good enough for any REST API; providers wrap it for their specifics."""

    def mapper(response: httpx.Response) -> StudioError:
        status = response.status_code
        detail = error_detail(response)
        said = f" {provider_label} said: {detail}" if detail else ""
        if status in (401, 403):
            return AuthError(f"{provider_label} did not accept the API key; check it in Settings.", detail=detail)
        if status == 402:
            return QuotaError(f"{provider_label} refused to run this for billing reasons.{said}", detail=detail)
        if status == 429:
            return RateLimited(
                f"{provider_label} asked us to slow down; Studio will retry on its own.",
                retry_after=retry_after(response),
                detail=detail,
            )
        if status in (400, 422):
            return InvalidRequest(f"{provider_label} rejected the request.{said}", detail=detail)
        if status >= 500 or status == 408:
            return TransientError(
                f"{provider_label} had a temporary problem (HTTP {status}); try again shortly.", detail=detail
            )
        return StudioError(f"{provider_label} answered HTTP {status}.{said}", detail=detail)

    return mapper


def _transport_error(provider_label: str, exc: Exception) -> TransientError:
    return TransientError(
        f"Could not reach {provider_label}; check the network and try again.",
        detail=redact(f"{type(exc).__name__}: {exc}"),
    )


# -- idempotent calls ---------------------------------------------------------------------


async def request_idempotent(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    map_error: ErrorMapper,
    policy: RetryPolicy = RetryPolicy(),
    provider_label: str = "The provider",
    sleep: Sleep = asyncio.sleep,
    status_of: StatusReader | None = None,
    **kwargs: Any,
) -> httpx.Response:
    """Send a call that is safe to repeat, retrying 429, 5xx and dropped connections.

    Returns the first response below 400; raises the mapped error for any other status,
    or :class:`TransientError` when the network kept failing. Extra keyword arguments go
    to ``client.request`` (``json=``, ``params=``, ``files=`` …). ``status_of`` reads the
    status a provider really meant when it wraps it in a 200 body (Kie's ``code``).
    """
    last_error: StudioError | None = None
    for attempt in range(max(1, policy.attempts)):
        final = attempt == policy.attempts - 1
        await _wait_turn(client, sleep)
        try:
            response = await client.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            last_error = _transport_error(provider_label, exc)
            if final:
                raise last_error from None
            delay = policy.backoff(attempt)
            log.info("%s %s failed (%s); retry %d in %.2fs", method, _safe_url(url), type(exc).__name__, attempt + 1, delay)
            await sleep(delay)
            continue
        status = status_of(response) if status_of else response.status_code
        if status < 400:
            return response
        error = map_error(response)
        if status not in _RETRY_STATUSES or final:
            raise error
        wait = retry_after(response) if status in (429, 503) else None
        delay = policy.delay(attempt, wait)
        if status == 429:
            _hold_off(client, delay)
        log.info("%s %s answered %d; retry %d in %.2fs", method, _safe_url(url), status, attempt + 1, delay)
        last_error = error
        await sleep(delay)
    assert last_error is not None  # the loop either returned or raised
    raise last_error


# -- paid creates -------------------------------------------------------------------------


async def send_once(
    client: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    map_error: ErrorMapper,
    policy: RetryPolicy = RetryPolicy(),
    provider_label: str = "The provider",
    sleep: Sleep = asyncio.sleep,
    definite_refusal: Callable[[httpx.Response], StudioError | None] | None = None,
    status_of: StatusReader | None = None,
    **kwargs: Any,
) -> httpx.Response:
    """Send a paid create at most once as far as the server can tell.

    Only a connection that could not be opened (``ConnectError``/``ConnectTimeout``, or no
    free pooled connection) proves nothing was sent; those are retried up to
    ``policy.connect_attempts`` times, then :class:`SubmitNotSent` is raised. A 429 is a
    refusal (nothing was created): it is sent again after the wait the server asked for
    (capped), up to ``policy.attempts`` tries, then the mapped :class:`RateLimited` is
    raised. Any other 4xx raises the mapped error. Everything else — a read timeout, a
    reset after sending, a 5xx — raises :class:`LostSubmission`: the job may exist remotely
    and must be reconciled, never silently sent again, unless ``definite_refusal`` recognises
    the 5xx as a documented refusal (Kie's "this interface is temporarily paused", say) and
    returns the error to raise instead.
    """
    connects = 0
    refusals = 0
    while True:
        await _wait_turn(client, sleep)
        try:
            response = await client.request(method, url, **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            connects += 1
            if connects >= max(1, policy.connect_attempts):
                raise SubmitNotSent(
                    f"Could not connect to {provider_label}; nothing was sent, so it is safe to try again.",
                    detail=redact(f"{type(exc).__name__}: {exc}"),
                ) from None
            delay = policy.backoff(connects - 1)
            log.info("connect to %s failed (%s); nothing sent, retry in %.2fs", _safe_url(url), type(exc).__name__, delay)
            await sleep(delay)
            continue
        except httpx.HTTPError as exc:  # transport failures, undecodable bodies, redirect loops
            raise LostSubmission(
                f"The connection to {provider_label} broke after the request was sent; "
                "the video may or may not have started, so Studio will check before sending it again.",
                detail=redact(f"{type(exc).__name__}: {exc}"),
            ) from None
        status = status_of(response) if status_of else response.status_code
        if status < 400:
            return response
        if status >= 500:
            refused = definite_refusal(response) if definite_refusal else None
            if refused is not None:
                raise refused
            raise LostSubmission(
                f"{provider_label} answered {'HTTP ' if status == response.status_code else 'code '}{status} to the request; "
                "the video may or may not have started, so Studio will check before sending it again.",
                detail=error_detail(response),
            )
        error = map_error(response)
        if status != 429 or not isinstance(error, RateLimited):
            raise error  # a 429 that means "out of quota" (OpenAI's insufficient_quota) is no reason to wait
        refusals += 1
        if refusals >= max(1, policy.attempts):
            raise RateLimited(
                f"{provider_label} kept asking Studio to slow down, so this job was not sent and nothing "
                "was charged; try again in a few minutes.",
                retry_after=getattr(error, "retry_after", None),
                detail=error.detail,
            )
        delay = policy.delay(refusals - 1, retry_after(response))
        _hold_off(client, delay)
        log.info("%s refused the create with HTTP 429 (nothing created); retry in %.2fs", provider_label, delay)
        await sleep(delay)


# -- downloads ----------------------------------------------------------------------------


def _parse_total(response: httpx.Response, offset: int) -> int | None:
    """The full size of the resource from Content-Range or Content-Length."""
    content_range = response.headers.get("content-range", "")
    match = re.match(r"bytes\s+\d+-\d+/(\d+)", content_range)
    if match:
        return int(match.group(1))
    length = response.headers.get("content-length")
    if length and length.isdigit():
        return int(length) + (offset if response.status_code == 206 else 0)
    return None


async def download_to_file(
    client: httpx.AsyncClient,
    url: str,
    dest: Path,
    *,
    map_error: ErrorMapper,
    progress: DownloadProgress | None = None,
    policy: RetryPolicy = RetryPolicy(),
    provider_label: str = "The provider",
    sleep: Sleep = asyncio.sleep,
) -> int:
    """Stream ``url`` to ``dest`` safely and return its size in bytes.

    Writes ``dest`` + ``.part`` in the same folder and resumes it with ``Range`` — after a
    reset within this call, and from what an earlier interrupted call (or process) left —
    starting again only when the server ignores the range. Fsyncs, then renames into place,
    so ``dest`` is either absent or complete. The ``.part`` file is kept when the download
    fails for a temporary reason (the bytes are paid for); it is removed only when the
    result is gone (404/410 raise :class:`Expired`). Other failures raise the mapped error
    or :class:`TransientError`.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = partial_path(dest)
    try:
        have = await _stream_with_resume(
            client,
            url,
            part,
            map_error=map_error,
            progress=progress,
            policy=policy,
            provider_label=provider_label,
            sleep=sleep,
        )
    except Expired:
        part.unlink(missing_ok=True)  # the provider no longer has the rest of it
        raise
    await asyncio.to_thread(_move_into_place, part, dest)  # an fsync: never on the event loop
    return have


def _move_into_place(part: Path, dest: Path) -> None:
    os.replace(part, dest)
    fsync_dir(dest.parent)


def partial_path(dest: Path) -> Path:
    """Where :func:`download_to_file` keeps the bytes received so far for ``dest``."""
    dest = Path(dest)
    return dest.with_name(dest.name + ".part")


async def _stream_with_resume(
    client: httpx.AsyncClient,
    url: str,
    part: Path,
    *,
    map_error: ErrorMapper,
    progress: DownloadProgress | None,
    policy: RetryPolicy,
    provider_label: str,
    sleep: Sleep,
) -> int:
    """The retry loop of :func:`download_to_file`; returns the bytes written to ``part``."""
    total: int | None = None
    last_error: StudioError | None = None
    with open(part, "ab") as fh:  # noqa: ASYNC230 - opening for append; each chunk is a small buffered write
        have = fh.tell()

        def restart() -> None:
            nonlocal have
            fh.seek(0)
            fh.truncate()
            have = 0

        for attempt in range(max(1, policy.attempts)):
            # identity: byte ranges must count the bytes we store, not a compressed form.
            headers = {"Accept-Encoding": "identity"}
            if have:
                headers["Range"] = f"bytes={have}-"
            await _wait_turn(client, sleep)
            try:
                async with client.stream("GET", url, headers=headers) as response:
                    if response.status_code in (404, 410):
                        await response.aread()
                        raise Expired(
                            f"{provider_label} no longer has this result (it deletes outputs after a while); "
                            "generate it again.",
                            detail=error_detail(response),
                        )
                    if response.status_code == 416:
                        await response.aread()
                        size = _parse_unsatisfied(response)
                        if size is not None and have == size:
                            break  # an earlier call had already received every byte
                        restart()
                        last_error = TransientError(f"The download from {provider_label} had to start again.")
                        continue
                    if response.status_code >= 400:
                        await response.aread()
                        error = map_error(response)
                        if response.status_code not in _RETRY_STATUSES or attempt == policy.attempts - 1:
                            raise error
                        last_error = error
                        delay = policy.delay(attempt, retry_after(response))
                        if response.status_code == 429:
                            _hold_off(client, delay)
                        await sleep(delay)
                        continue
                    if response.status_code != 206 and have:
                        restart()  # the server ignored Range: start over rather than corrupt the file
                    total = _parse_total(response, have) or total
                    # No chunk_size here: httpx would hold back a partial chunk, and a reset
                    # would then lose bytes we had already received.
                    async for chunk in response.aiter_bytes():
                        fh.write(chunk)
                        fh.flush()  # handed to the OS at once: bytes received survive a crash of this process
                        have += len(chunk)
                        if progress:
                            progress(have, total)
                if total is None or have >= total:
                    break
                last_error = TransientError(
                    f"The download from {provider_label} stopped early.",
                    detail=f"got {have} of {total} bytes",
                )
            except httpx.TransportError as exc:
                last_error = _transport_error(provider_label, exc)
            fh.flush()
            if attempt == policy.attempts - 1:
                raise last_error
            delay = policy.backoff(attempt)
            log.info("download of %s interrupted at %d bytes; retry %d in %.2fs", _safe_url(url), have, attempt + 1, delay)
            await sleep(delay)
        else:
            raise last_error or TransientError(f"The download from {provider_label} did not finish.")
        fh.flush()
        await asyncio.to_thread(os.fsync, fh.fileno())
    return have


def _parse_unsatisfied(response: httpx.Response) -> int | None:
    """The resource size from a 416's ``Content-Range: bytes */SIZE``."""
    match = re.match(r"bytes\s+\*/(\d+)", response.headers.get("content-range", ""))
    return int(match.group(1)) if match else None


def _safe_url(url: str) -> str:
    """A URL for logs: no query string (signed URLs carry credentials there)."""
    return redact(str(url).split("?", 1)[0])
