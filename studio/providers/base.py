"""The Provider protocol every video provider implements, and the values it exchanges.

A provider is one API contract (Replicate, the offline animatic, …); a model is one
catalog entry (:class:`~studio.core.modelspec.ModelSpec`). Providers raise only the
error taxonomy of :mod:`studio.core.errors`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from studio.core.errors import (  # re-exported: the provider boundary's error types
    AuthError,
    ContentRejected,
    Expired,
    InvalidRequest,
    ModelUnavailable,
    QuotaError,
    RateLimited,
    StudioError,
    TransientError,
)
from studio.core.modelspec import ModelSpec
from studio.core.request import ValidatedRequest

__all__ = [
    "AuthError",
    "ContentRejected",
    "Expired",
    "InvalidRequest",
    "ModelSpec",
    "ModelUnavailable",
    "Provider",
    "QuotaError",
    "RateLimited",
    "RemoteRecord",
    "RemoteRef",
    "RemoteState",
    "RemoteStatus",
    "StudioError",
    "SubmitNotSent",
    "TransientError",
    "DownloadProgress",
]

DownloadProgress = Callable[[int, "int | None"], None]
"""Called with (bytes so far, total bytes or None)."""


class RemoteState(str, Enum):
    """The provider's view of a job, mapped from its own status words."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def terminal(self) -> bool:
        return self in (RemoteState.SUCCEEDED, RemoteState.FAILED, RemoteState.CANCELLED)


@dataclass(frozen=True)
class RemoteRef:
    """Enough to find a job at the provider again after a restart (stored in the job row)."""

    provider: str
    remote_id: str
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"provider": self.provider, "remote_id": self.remote_id, "data": dict(self.data)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RemoteRef":
        return cls(provider=data["provider"], remote_id=data["remote_id"], data=dict(data.get("data") or {}))


@dataclass(frozen=True)
class RemoteStatus:
    """One poll's answer.

    ``progress`` is 0..1 when the provider reports one, else None (show elapsed time).
    ``poll_after`` is the provider's hint in seconds. ``result`` locates the output
    (a URL, say) when ``state`` is SUCCEEDED; ``error`` explains FAILED.
    """

    state: RemoteState
    progress: float | None = None
    poll_after: float | None = None
    error: StudioError | None = None
    result: dict[str, Any] | None = None
    raw_status: str = ""


@dataclass(frozen=True)
class RemoteRecord:
    """One entry of a provider's list of recent jobs, for reconciling lost submits."""

    remote_id: str
    model: str
    created_at: float
    input: dict[str, Any]
    raw_status: str = ""
    data: dict[str, Any] = field(default_factory=dict)


class SubmitNotSent(TransientError):
    """The submit provably never reached the provider (connect failed): safe to send again."""


@runtime_checkable
class Provider(Protocol):
    """An async video provider.

    ``submit`` must not retry its own POST unless the request provably never reached
    the server (raise :class:`SubmitNotSent` for that) or ``supports_idempotency`` is true.
    Polls and downloads may retry transient failures themselves.
    """

    name: str
    supports_idempotency: bool
    max_concurrency: int

    async def submit(self, spec: ModelSpec, request: ValidatedRequest, idempotency_key: str) -> RemoteRef: ...

    async def poll(self, ref: RemoteRef) -> RemoteStatus: ...

    async def download(
        self, ref: RemoteRef, status: RemoteStatus, dest: Path, progress: DownloadProgress | None = None
    ) -> None: ...

    async def cancel(self, ref: RemoteRef) -> None: ...

    async def check_credentials(self) -> str: ...

    async def list_recent(self, since: float) -> list[RemoteRecord] | None:
        """Recent jobs at the provider, or None when it has no list endpoint."""
        ...

    async def aclose(self) -> None: ...
