"""The runner's last step: fetch a finished result and deliver it, never deleting paid bytes.

A download resumes from its partial file (the transport retries; a later resume continues
it). A clip that plays but differs from the request becomes the job's clip with warnings;
one that cannot be played is moved to the quarantine folder and the job says where. A full
disk or an outage leaves the job ``stalled``, waiting for what it names.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import time
from pathlib import Path

from studio.core.errors import AuthError, Expired, MediaError, StudioError
from studio.core.jobs import Job, JobState
from studio.core.modelspec import ModelSpec
from studio.providers.base import Provider, RemoteRef, RemoteState, RemoteStatus

from .clip_check import inspect_clip
from .crashpoints import crash_point
from .job_text import provider_label
from .provenance import write_sidecar

log = logging.getLogger("studio.services.runner")


class DeliveryMixin:
    """Download, check and deliver; mixed into :class:`~studio.services.runner.Runner`."""

    async def _download(self, job: Job, spec: ModelSpec, provider: Provider) -> Job:
        """Fetch the result (resuming any partial file), then deliver it; never deletes paid bytes."""
        ref = RemoteRef.from_dict(job.remote)
        status = RemoteStatus(state=RemoteState.SUCCEEDED, result=job.remote.get("result"))
        final = self.clips_dir / f"{job.id}.mp4"
        partial = self.clips_dir / f".{job.id}.part.mp4"
        if final.exists():
            # A crash after the rename but before "done" was committed: the clip is here already
            # (and the provider may have deleted its copy by now).
            await asyncio.to_thread(os.replace, final, partial)
            return await self._finish_download(job, spec, partial, final)
        if partial.exists():
            return await self._finish_download(job, spec, partial, final)  # fetched, not yet checked
        last_emit = 0.0

        def on_progress(done: int, total: int | None) -> None:
            nonlocal last_emit
            if done and (total is None or done < total):
                crash_point("download")
            now = time.monotonic()
            if total and now - last_emit > 0.2:
                last_emit = now
                self._set(self._current(job.id).updated(progress=done / total))

        try:
            await asyncio.to_thread(self.clips_dir.mkdir, parents=True, exist_ok=True)
            await provider.download(ref, status, partial, on_progress)
        except Expired as error:
            return await self._commit(self._current(job.id).transition(JobState.FAILED, error=error.to_dict()))
        except StudioError as error:
            return await self._stall(job, error, waiting_for=None if isinstance(error, AuthError) else "the download to work")
        except OSError as exc:
            return await self._stall_on_disk(job, exc)
        return await self._finish_download(job, spec, partial, final)

    async def _stall_on_disk(self, job: Job, exc: OSError) -> Job:
        full = exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG)
        why = "the disk is full" if full else "it could not be written"
        error = StudioError(f"The clip could not be saved: {why}.", detail=f"{type(exc).__name__}: {exc.strerror or exc}")
        return await self._stall(
            job,
            error,
            waiting_for="free disk space" if full else f"{self.clips_dir} to be writable",
            what=f"The finished clip could not be saved in {self.clips_dir}: {why}",
        )

    async def _finish_download(self, job: Job, spec: ModelSpec, partial: Path, final: Path) -> Job:
        """Deliver the fetched clip: differences become warnings, an unplayable one is quarantined."""
        try:
            info, warnings = await asyncio.to_thread(
                inspect_clip, partial, job.request, tolerance=self.timing.duration_tolerance
            )
        except MediaError as error:
            return await self._quarantine(job, spec, partial, error)
        try:
            await asyncio.to_thread(os.replace, partial, final)
            crash_point("rename")
            current = self._current(job.id)
            remote = {**current.remote, "warnings": warnings} if warnings else current.remote
            done = current.transition(JobState.DONE, output_path=str(final), progress=1.0, remote=remote)
            await asyncio.to_thread(write_sidecar, final, done, spec, info)
        except OSError as exc:
            return await self._stall_on_disk(job, exc)
        for warning in warnings:
            log.warning("job %s delivered with a difference: %s", job.id, warning)
        return await self._commit(done)

    async def _quarantine(self, job: Job, spec: ModelSpec, partial: Path, error: MediaError) -> Job:
        kept = self.quarantine_dir / f"{job.id}.mp4"

        def move() -> None:
            self.quarantine_dir.mkdir(parents=True, exist_ok=True)
            os.replace(partial, kept)

        try:
            await asyncio.to_thread(move)
            await asyncio.to_thread(write_sidecar, kept, self._current(job.id), spec, None)
        except OSError as exc:
            return await self._stall_on_disk(job, exc)
        message = (
            f"The clip {provider_label(job)} delivered cannot be played ({error.user_message.rstrip('.')}). "
            f"It was paid for, so Studio kept it in {kept}."
        )
        failed = {"kind": "media", "message": message, "detail": error.detail, "quarantine": str(kept)}
        return await self._commit(self._current(job.id).transition(JobState.FAILED, error=failed))
