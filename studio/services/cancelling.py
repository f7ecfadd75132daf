"""Cancelling jobs: the rules that say when a job may be cancelled, and cancelling it.

The rules live here, with the runner, so the window and every CLI process give the same
answer: a job another live process runs is cancelled there; a submit whose answer may have
been lost (``submitting`` with nobody waiting here, or ``unknown``) is not cancelled blind; a
started job at a provider that cannot stop one (Vertex, the Videos API, Kie) is kept, since it
is billed anyway; a download in progress is left to finish, since the clip is paid for.

:class:`Cancelling` is a part of :class:`~studio.services.runner.Runner` (it uses the runner's
store, tasks, writer thread and commit); it lives here to keep the engine's file about driving
jobs.
"""

from __future__ import annotations

import asyncio
import logging

from studio.core.errors import NotCancellable, StudioError
from studio.core.jobs import Job, JobState
from studio.providers.base import RemoteRef

log = logging.getLogger("studio.services.runner")


class Cancelling:
    """The runner's cancel rules and cancel."""

    def cancel_refusal(self, job: Job, *, owned_elsewhere: bool) -> str | None:
        """Why ``job`` cannot be cancelled now (one sentence for the window and the CLI), or None.

        A job whose submit may have reached the provider without Studio learning its id
        (``submitting`` with nobody here waiting for the answer, or ``unknown``) may be billed:
        cancelling it blind would abandon a paid job that reconciling can still find.
        """
        if job.state.terminal:
            return None
        if owned_elsewhere:
            return (
                f"Job {job.id} is being run by another Studio process (the window or another studio-cli); "
                "cancel it there."
            )
        if job.state is JobState.UNKNOWN or (job.state is JobState.SUBMITTING and not self._runs_here(job.id)):
            return (
                f"Job {job.id} may already be running (and billed) at the provider, but Studio has not found its id "
                "there yet; it can be cancelled once Studio finds it (it checks on its own, and again on "
                "'studio-cli jobs resume' or when the window opens)."
            )
        return None

    async def cancel(self, job_id: str) -> Job:
        """Cancel a job here and at the provider (a provider that is already done keeps its result).

        While the job's task runs, only the task changes the job's state: it notices the
        request at its next step, and a submit already on the wire is first recorded (so the
        remote job can be cancelled too) rather than forgotten. Raises :class:`NotCancellable`
        with :meth:`cancel_refusal`'s sentence when the job cannot be cancelled from here.
        A job whose owner is gone is taken over first.
        """
        job = self._current(job_id)
        if job.state.terminal:
            return job
        elsewhere = await asyncio.to_thread(self.store.owned_elsewhere, job_id)
        reason = self.cancel_refusal(job, owned_elsewhere=elsewhere)
        if reason:
            raise NotCancellable(reason)
        if job.remote_id and not await self._provider_can_cancel(job):
            # Marking it cancelled here would abandon a video the provider bills anyway.
            raise NotCancellable(
                f"{self._model_name(job)} cannot be stopped once it has started at the provider: it will finish "
                "and be billed, and Studio keeps the video when it arrives."
            )
        task = self._tasks.get(job_id)
        if task is None or task.done():
            claimed = await asyncio.get_running_loop().run_in_executor(self._writer, self.store.claim, job_id)
            if claimed is None:
                job = self._jobs[job_id] = await asyncio.to_thread(self.store.get, job_id) or job
                if job.state.terminal:
                    return job
                raise NotCancellable(self.cancel_refusal(job, owned_elsewhere=True) or "")
            job = self._jobs[job_id] = claimed
        self._cancel_requested.setdefault(job_id, asyncio.Event()).set()
        task = self._tasks.get(job_id)
        if task and not task.done():
            if job_id not in self._submitting and job.state is JobState.QUEUED:
                task.cancel()  # waiting for a slot or backing off: nothing is lost
            # A download is left to finish: the clip is paid for, so it becomes a take.
            try:
                await asyncio.shield(task)
            except asyncio.CancelledError:
                current = asyncio.current_task()
                if current is not None and current.cancelling():
                    raise
            except Exception:
                log.exception("job %s ended badly while being cancelled", job_id)
        job = self._current(job_id)
        if not job.state.terminal:
            await self._cancel_remote(job)
            job = self._current(job_id)
            if not job.state.terminal:
                job = await self._commit(job.transition(JobState.CANCELLED))
        return job

    async def _provider_can_cancel(self, job: Job) -> bool:
        """Whether the job's provider can stop a remote job (Vertex, the Videos API and Kie cannot)."""
        try:
            spec = self.catalog.get(job.model_id)
            provider = await asyncio.to_thread(self.providers, spec.provider)
        except StudioError:
            return True  # no provider to ask (no key, say): cancelling here loses nothing more
        return getattr(provider, "cancellable", True) is not False

    def _model_name(self, job: Job) -> str:
        try:
            return self.catalog.get(job.model_id).name
        except StudioError:
            return job.model_id

    async def _cancel_remote(self, job: Job) -> None:
        if not job.remote_id:
            return  # never reached the provider (or not known to have): nothing to cancel there
        try:
            spec = self.catalog.get(job.model_id)
            provider = await asyncio.to_thread(self.providers, spec.provider)
            await provider.cancel(RemoteRef.from_dict(job.remote))
        except StudioError as error:
            log.warning("cancel at the provider failed for %s: %s", job.id, error.user_message)
        except Exception:
            log.exception("cancel at the provider failed for %s", job.id)
