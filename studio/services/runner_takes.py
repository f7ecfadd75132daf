"""Several takes of one shot admitted at once: exactly as many as asked for, never twice.

Mixed into :class:`~studio.services.runner.Runner`. The shot's jobs already in flight count
towards the takes asked for (adopted and followed, as a single submit adopts), and the rest
are inserted in the same job-store transaction as the budget check.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial

from studio.core.jobs import Job
from studio.core.request import GenerationRequest, ValidatedRequest

from .budgets import project_budget
from .crashpoints import crash_point
from .jobstore import Admission

log = logging.getLogger("studio.services.runner")


class TakesMixin:
    """``admit_takes``: the many-takes form of :meth:`Runner.admit`."""

    async def _new_job(
        self, request: GenerationRequest, *, project_dir: str | None, shot_id: str | None, allow_retired: bool
    ) -> tuple[Job, ValidatedRequest]:
        """A job for ``request``, checked fully (model, parameters, images, key) but not yet stored."""
        spec, validated = await asyncio.to_thread(self.prepare, request, allow_retired=allow_retired)
        # A missing key or unknown provider fails here, before a row (and a price) exists.
        await asyncio.to_thread(self.providers, spec.provider)
        job = Job.new(
            spec.id,
            validated.request.to_dict(),
            cost_quote=validated.cost,
            currency=validated.currency,
            project_dir=project_dir,
            shot_id=shot_id,
        )
        return job, validated

    async def admit_takes(
        self,
        requests: list[GenerationRequest],
        *,
        project_dir: str,
        shot_id: str,
        allow_retired: bool = False,
    ) -> list[Admission]:
        """One admission per request: each a new job, or one of the shot's jobs already in flight.

        ``len(requests)`` is how many generations of the shot may be in flight; asking again
        while they run adopts them all. Every request is checked (model, parameters, images,
        key) before any row exists; when the takes would pass the 24-hour cap or the project's
        budget, none is inserted.
        """
        prepared = [
            await self._new_job(request, project_dir=project_dir, shot_id=shot_id, allow_retired=allow_retired)
            for request in requests
        ]
        checks = {job.id: validated for job, validated in prepared}

        def check_budget(job: Job, spent: float) -> None:
            self._check_budget(checks[job.id], spent)

        budget = await asyncio.to_thread(project_budget, project_dir)

        def check_project_budget(job: Job, spent: float) -> None:
            if budget is not None:
                budget.check(job.cost_quote, spent)

        admit = partial(self.store.admit_takes, [job for job, _ in prepared], check_budget=check_budget,
                        check_project_budget=check_project_budget)  # fmt: skip
        crash_point("commit:queued")
        admissions = await asyncio.get_running_loop().run_in_executor(self._writer, admit)
        result = []
        for admission in admissions:
            if admission.adopted:
                log.info("job %s adopted as a take of shot %s", admission.job.id, shot_id)
                self._follow(admission.job)
                result.append(Admission(self._current(admission.job.id), adopted=True))
            else:
                self._publish(admission.job)
                self._launch(admission.job)
                result.append(admission)
        return result
