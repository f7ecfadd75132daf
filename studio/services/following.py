"""Following a job another process runs, and taking it over when that process is gone.

A second storyboard run, a second click or a retry may find its shot's generation already in
flight (the job store adopts it instead of paying again). When that job belongs to another
live process, this runner mirrors its row into its own ``job_changed`` events until it ends,
so callers can :meth:`~studio.services.runner.Runner.wait` on it as on their own; the moment
its owner is gone, the job is claimed and driven here.

:class:`Following` is a part of :class:`~studio.services.runner.Runner` (it uses the
runner's store, writer thread, tasks and ``_drive``); it lives here to keep the engine's
file about driving jobs.
"""

from __future__ import annotations

import asyncio
import logging
import time

from studio.core.jobs import Job, JobState

log = logging.getLogger("studio.services.runner")


class Following:
    """The runner's follow-and-take-over behaviour for adopted jobs."""

    def _runs_here(self, job_id: str) -> bool:
        """True while a task of this runner drives the job (not merely follows another process's)."""
        task = self._tasks.get(job_id)
        return task is not None and not task.done() and job_id not in self._following

    def _follow(self, job: Job) -> None:
        """Watch an adopted job until it ends; run it here if nobody else does."""
        task = self._tasks.get(job.id)
        if task is not None and not task.done():
            return  # this process runs it already
        self._jobs[job.id] = job
        self._tasks[job.id] = asyncio.get_running_loop().create_task(self._follow_elsewhere(job.id), name=f"follow-{job.id}")

    async def _follow_elsewhere(self, job_id: str) -> None:
        """Mirror another process's job into this one's events; take it over if that process is gone."""
        loop = asyncio.get_running_loop()
        last: Job | None = None
        unchanged_since = time.monotonic()
        self._following.add(job_id)
        try:
            while True:
                if not await asyncio.to_thread(self.store.owned_elsewhere, job_id):
                    claimed = await loop.run_in_executor(self._writer, self.store.claim, job_id)
                    if claimed is not None:
                        break
                job = await asyncio.to_thread(self.store.get, job_id)
                if job is None:
                    return
                if job != last:
                    last = job
                    unchanged_since = time.monotonic()
                    self._jobs[job_id] = job
                    self.job_changed.emit(job)
                if job.state.terminal or job.state is JobState.STALLED:
                    return  # ended, or its owner waits for the outage to pass: as wait() does
                if job.state is JobState.UNKNOWN and time.monotonic() - unchanged_since > self.timing.follow_patience:
                    return  # its owner is waiting for a person too
                await asyncio.sleep(self.timing.follow_interval)
        finally:
            self._following.discard(job_id)
        log.info("job %s: its owner is gone; running it here", job_id)
        self._jobs[job_id] = claimed
        self._jobs[job_id] = await self._after_claim(claimed)
        await self._drive(job_id)
