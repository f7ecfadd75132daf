"""The async job engine: submit, poll, download, validate, resume — never pay twice.

Every job is a row in the :class:`~studio.services.jobstore.JobStore` before its provider
is called; the remote id is committed the moment it arrives. On start, every unfinished
job this process can adopt resumes from its row. A submit whose answer was lost becomes
``unknown`` and is reconciled against the provider's list of recent jobs; it is never
resubmitted silently.

A temporary problem never ends a paid job: retries live in the transport only, and when it
gives up the job becomes ``stalled`` (with what it waits for) and resumes on the next start.
A delivered clip is never deleted: one that differs from the request is kept with warnings,
one that cannot be played goes to the quarantine folder.

A shot has at most one generation in flight (unless more takes are asked for) across every
process sharing the job store: a second submit for it adopts the job in flight, and follows
it here until it ends, taking it over if its owner goes away.

``job_changed(job)`` fires for every change; the window and the CLI listen to it.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from studio.core.errors import (
    AuthError,
    Cancelled,
    ContentRejected,
    Expired,
    InvalidRequest,
    LostSubmission,
    ModelUnavailable,
    QuotaError,
    RateLimited,
    StudioError,
    TransientError,
)
from studio.core.events import Signal
from studio.core.jobs import Job, JobState
from studio.core.modelspec import ModelSpec
from studio.core.request import GenerationRequest, ValidatedRequest, validate
from studio.providers.base import (
    Provider,
    RemoteRef,
    RemoteState,
    RemoteStatus,
    SubmitNotSent,
)

from .budgets import check_daily_cap, project_budget
from .cancelling import Cancelling
from .catalog import Catalog
from .crashpoints import crash_point
from .following import Following
from .inputs import check_image_inputs
from .job_slots import JobSlots
from .job_text import RESUME_HINT, provider_label, short_reason
from .jobstore import Admission, JobStore
from .reconcile import ReconcileMixin
from .runner_delivery import DeliveryMixin
from .runner_takes import TakesMixin
from .settings import Settings

log = logging.getLogger(__name__)

ProviderFactory = Callable[[str], Provider]

UNFINISHED = (
    JobState.QUEUED,
    JobState.SUBMITTING,
    JobState.SUBMITTED,
    JobState.RUNNING,
    JobState.DOWNLOADING,
    JobState.UNKNOWN,
    JobState.STALLED,
)



@dataclass
class Timing:
    """Poll pacing and reconcile limits; tests shrink these.

    There are no retry counts here on purpose: the transport is the one retry layer.
    """

    # Polls follow the provider's hint (``RemoteStatus.poll_after``) and back off as a job
    # ages: the pause is ``poll_share`` of the job's age, at least the hint (else
    # ``poll_first``) and at most ``poll_max``, so a result is noticed within about a tenth
    # of its running time. A running job without a hint is polled at most every
    # ``poll_running_floor`` seconds (capped by ``poll_max``, which tests shrink).
    poll_first: float = 1.0
    poll_max: float = 20.0
    poll_share: float = 0.1
    poll_running_floor: float = 5.0
    # Pause between two looks at the provider's list while a lost submit may still land.
    retry_base: float = 1.0
    retry_max: float = 5.0
    # After this many sends the provider never recorded, a job is failed (nothing was charged).
    max_submit_retries: int = 5
    # How long after a lost submit the provider's list must still not show it before we
    # conclude it never arrived (a request already on the wire may land late).
    reconcile_grace: float = 60.0
    # Reconciling always ends: past this, the job waits for a person (``unknown``).
    reconcile_deadline: float = 180.0
    # How far a delivered clip's length may stray before the job carries a warning.
    duration_tolerance: float = 1.5
    # Following a job another process runs: how often its row is read, and how long a job
    # left ``unknown`` there may stay unchanged before the follower reports it needs a person.
    follow_interval: float = 0.5
    follow_patience: float = 10.0


class Runner(TakesMixin, DeliveryMixin, ReconcileMixin, Following, Cancelling):
    """Runs generation jobs against providers with per-provider concurrency limits."""

    def __init__(
        self,
        store: JobStore,
        catalog: Catalog,
        providers: ProviderFactory,
        settings: Settings,
        clips_dir: Path,
        *,
        timing: Timing | None = None,
        quarantine_dir: Path | None = None,
    ):
        self.store = store
        self.catalog = catalog
        self.providers = providers
        self.settings = settings
        self.clips_dir = Path(clips_dir)
        # Clips that cannot be played are paid for too: they are kept here, never deleted.
        self.quarantine_dir = Path(quarantine_dir) if quarantine_dir else self.clips_dir.parent / "quarantine"
        self.timing = timing or Timing()
        self.job_changed = Signal()
        self._tasks: dict[str, asyncio.Task] = {}
        self._cancel_requested: dict[str, asyncio.Event] = {}
        self._slots: dict[str, JobSlots] = {}
        self._jobs: dict[str, Job] = {}
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jobstore")
        self._submitting: set[str] = set()
        self._following: set[str] = set()
        self._started = False

    # -- public API ------------------------------------------------------------------

    def prepare(self, request: GenerationRequest, *, allow_retired: bool = False) -> tuple[ModelSpec, ValidatedRequest]:
        """Check a request fully (model, parameters, image files) without spending anything."""
        spec = self.catalog.get(request.model_id)
        validated = validate(spec, request, allow_retired=allow_retired)
        check_image_inputs(validated.request, spec)
        return spec, validated

    async def start(self) -> list[Job]:
        """Adopt and resume every unfinished job whose owning process is gone (once per runner).

        Finished results are fetched first (the provider deletes them after a while), then
        jobs running remotely, then lost submits; new submits come last.
        """
        if self._started:
            return []
        self._started = True
        resumed = await asyncio.get_running_loop().run_in_executor(self._writer, self.store.claim_orphans, UNFINISHED)
        for job in sorted(resumed, key=_resume_order):
            self._launch(await self._after_claim(job))
        return resumed

    async def _after_claim(self, job: Job) -> Job:
        """A job just taken over from a process that is gone, ready to drive."""
        if job.state is JobState.SUBMITTING:
            # Its owner stopped between committing the row and hearing the answer.
            job = await self._commit(
                job.transition(
                    JobState.UNKNOWN,
                    error=LostSubmission(
                        "Studio stopped while this job was being sent; checking whether the provider received it."
                    ).to_dict(),
                )
            )
        return job

    async def resume(self, job_id: str) -> Job:
        """Pick a stalled (or waiting) job of this process up again; the window's "Resume"."""
        job = self._current(job_id)
        task = self._tasks.get(job_id)
        if job.state.terminal or (task is not None and not task.done()):
            return job
        if job.state not in UNFINISHED:
            return job
        self._cancel_requested.pop(job_id, None)
        self._launch(job)
        return job

    async def submit(self, request: GenerationRequest, **options) -> Job:
        """Validate, commit the job row, and start it. Returns the queued job, or the adopted one (see :meth:`admit`)."""
        return (await self.admit(request, **options)).job

    async def admit(
        self,
        request: GenerationRequest,
        *,
        project_dir: str | None = None,
        shot_id: str | None = None,
        allow_retired: bool = False,
        takes: int = 1,
        adopts: Callable[[Job], bool] | None = None,
    ) -> Admission:
        """Submit, unless the shot already has ``takes`` generations in flight: then adopt the oldest.

        The in-flight check, the 24-hour cap, the project's budget and the row insert are one transaction
        in the job store, shared by the window and every CLI process; an adopted job is
        followed (and taken over if its owner goes away) so :meth:`wait` sees it end.
        Raises :class:`QuotaError` over the cap or the budget, before anything is sent.
        """
        job, validated = await self._new_job(
            request, project_dir=project_dir, shot_id=shot_id, allow_retired=allow_retired
        )
        budget = await asyncio.to_thread(project_budget, project_dir) if validated.cost else None
        admit = partial(self.store.admit, job, takes=takes, check_budget=partial(self._check_budget, validated),
                        check_project_budget=budget and partial(budget.check, validated.cost), adopts=adopts)  # fmt: skip
        crash_point("commit:queued")  # before the job's first row (the crash suite kills here)
        admission = await asyncio.get_running_loop().run_in_executor(self._writer, admit)
        if admission.adopted:
            log.info("job %s adopted for shot %s instead of a new generation", admission.job.id, shot_id)
            self._follow(admission.job)
            return Admission(self._current(admission.job.id), adopted=True)
        self._publish(admission.job)
        self._launch(admission.job)
        return admission

    async def retry(self, job_id: str) -> Job:
        """A new job with the same request (the old one stays in the history).

        A stalled job is resumed instead: it is paid for, and sending it again would pay twice.
        Retrying a job left ``unknown`` is the person's explicit choice to pay for another
        generation of its shot even though the lost one may be running: it is let through.
        Otherwise a generation already in flight for the shot is adopted, as for any submit.
        """
        job = self._current(job_id)
        if job.state is JobState.STALLED:
            return await self.resume(job_id)
        request = GenerationRequest.from_dict(job.request)
        takes = 2 if job.state is JobState.UNKNOWN else 1
        return await self.submit(
            request, project_dir=job.project_dir, shot_id=job.shot_id, allow_retired=True, takes=takes
        )

    async def wait(self, job_id: str) -> Job:
        """Wait until the job ends (done, failed, cancelled), needs a person (unknown) or stalls."""
        task = self._tasks.get(job_id)
        if task:
            try:
                await asyncio.shield(task)
            except asyncio.CancelledError:
                if asyncio.current_task() and asyncio.current_task().cancelling():
                    raise
        return self._current(job_id)

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id) or self.store.get(job_id)

    def active(self) -> list[Job]:
        return [self._jobs[jid] for jid, t in self._tasks.items() if not t.done() and jid in self._jobs]

    async def stop(self) -> None:
        """Stop working (jobs stay unfinished in the store and resume next start)."""
        tasks = [t for t in self._tasks.values() if not t.done()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()
        # Let queued commits land, then start a fresh writer in case the runner starts again.
        await asyncio.get_running_loop().run_in_executor(None, self._writer.shutdown, True)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jobstore")

    # -- internals -------------------------------------------------------------------

    def _current(self, job_id: str) -> Job:
        job = self._jobs.get(job_id) or self.store.get(job_id)
        if job is None:
            raise KeyError(job_id)
        return job

    def _set(self, job: Job, *, persist: bool = False) -> Job:
        """Publish a change that need not be durable (progress, notes): memory and event only."""
        if persist:
            raise ValueError("durable changes go through _commit")
        self._jobs[job.id] = job
        self.job_changed.emit(job)
        return job

    async def _commit(self, job: Job) -> Job:
        """Make a change durable (committed row, fsync'd) off the event loop, then publish it.

        One writer thread keeps each job's writes in order; callers await the commit, so a
        paid call never starts before its row is on disk.
        """
        self._jobs[job.id] = job
        crash_point(f"commit:{job.state.value}")  # e.g. commit:queued — before the job's first row
        await asyncio.get_running_loop().run_in_executor(self._writer, self.store.save, job)
        return self._publish(job)

    def _publish(self, job: Job) -> Job:
        """Announce a committed change: memory, log and event."""
        self._jobs[job.id] = job
        log.info(
            "job %s %s %s%s", job.id, job.model_id, job.state.value, f": {job.error_message}" if job.error_message else ""
        )
        self.job_changed.emit(job)
        return job

    def _launch(self, job: Job) -> None:
        self._jobs[job.id] = job
        running = self._tasks.get(job.id)
        if running is not None and not running.done():
            return  # already driven (or followed, and taken over) by a task of this runner
        task = asyncio.get_running_loop().create_task(self._drive(job.id), name=f"job-{job.id}")
        self._tasks[job.id] = task

    def _provider_slots(self, provider: str) -> JobSlots:
        if provider not in self._slots:
            self._slots[provider] = JobSlots(self.settings.concurrency(provider))
        return self._slots[provider]

    def _check_budget(self, validated: ValidatedRequest, spent: float) -> None:
        """Refuse a job that would take the last 24 hours' spending (``spent``, jobs in flight included) over the cap.

        Called by the job store inside the transaction that inserts the row.
        """
        check_daily_cap(self.settings.budget_cap, validated.cost, spent)

    async def _drive(self, job_id: str) -> None:
        job = self._current(job_id)
        slots: JobSlots | None = None
        holding = False
        try:
            spec = self.catalog.get(job.model_id)
            if job.state is JobState.STALLED:
                job = await self._commit(
                    job.transition(JobState.DOWNLOADING if job.remote.get("result") else JobState.SUBMITTED, error=None)
                )
            provider = await asyncio.to_thread(self.providers, spec.provider)  # may read the keyring
            slots = self._provider_slots(spec.provider)
            while True:
                job = self._current(job_id)
                if job.state is JobState.QUEUED:
                    if not holding:
                        await slots.acquire()
                        holding = True
                    job = await self._submit(job, spec, provider)
                elif job.state is JobState.UNKNOWN:
                    job = await self._reconcile(job, spec, provider)
                    if job.state is JobState.UNKNOWN:
                        return  # a person decides
                elif job.state in (JobState.SUBMITTED, JobState.RUNNING):
                    if not holding:
                        slots.take_now()  # already at the provider: never wait behind new submits
                        holding = True
                    job = await self._poll_until_done(job, spec, provider)
                elif job.state is JobState.DOWNLOADING:
                    if holding:
                        slots.release()  # a finished result needs no slot to be fetched
                        holding = False
                    job = await self._download(job, spec, provider)
                else:
                    return  # done, failed, cancelled, or stalled until the next resume
        except asyncio.CancelledError:
            job = self._current(job_id)
            if self._cancel_requested.get(job_id, asyncio.Event()).is_set() and not job.state.terminal:
                if job.state in (JobState.QUEUED,):
                    await self._commit(job.transition(JobState.CANCELLED))
            raise
        except Cancelled:
            job = self._current(job_id)
            if not job.state.terminal:
                await self._cancel_remote(job)
                await self._commit(self._current(job_id).transition(JobState.CANCELLED))
        except StudioError as error:
            job = self._current(job_id)
            log.info("job %s stopped: %s", job_id, error.user_message)
            await self._after_error(job, error)
        except Exception as exc:  # a bug must still leave the job explained, not stuck
            log.exception("job %s failed unexpectedly", job_id)
            job = self._current(job_id)
            error = StudioError("Something went wrong inside Studio; the job stopped.", detail=repr(exc))
            await self._after_error(job, error)
        finally:
            if holding and slots is not None:
                slots.release()

    async def _after_error(self, job: Job, error: StudioError) -> None:
        """Leave a job that hit ``error`` explained: paid work is kept, unpaid work fails."""
        if job.state is JobState.SUBMITTING:
            await self._lost_in_submit(job, error)  # it may have been created (and billed)
        elif job.state.remote and job.state is not JobState.STALLED:
            await self._stall(job, error)
        elif not job.state.terminal and job.state not in (JobState.UNKNOWN, JobState.STALLED):
            await self._commit(job.transition(JobState.FAILED, error=error.to_dict()))

    async def _stall(
        self, job: Job, error: StudioError, *, waiting_for: str | None = None, what: str | None = None
    ) -> Job:
        """Keep a paid job that a temporary problem holds up, saying what it waits for."""
        job = self._current(job.id)
        label = provider_label(job)
        if waiting_for is None:
            waiting_for = "a working API key" if isinstance(error, AuthError) else f"{label} to answer"
        if what is not None:
            pass
        elif isinstance(error, AuthError):
            what = f"{label} did not accept the API key while this job was running ({error.user_message})"
        elif job.state is JobState.DOWNLOADING:
            what = f"The finished clip could not be fetched from {label} yet ({short_reason(error)})"
        elif error.kind == "error" and "inside Studio" in error.user_message:
            what = "Something went wrong inside Studio while this paid job was running"
        else:
            what = f"{label} is not answering about this job right now ({short_reason(error)})"
        sentence = (
            f"{what}. The job is kept, paid work included; it is waiting for {waiting_for}, and {RESUME_HINT}."
        )
        stalled = {
            "kind": "stalled",
            "message": sentence,
            "detail": error.detail or error.user_message,
            "waiting_for": waiting_for,
            "cause": error.kind,
        }
        log.warning("job %s stalled: %s", job.id, sentence)
        return await self._commit(job.transition(JobState.STALLED, error=stalled, progress=None))

    async def _lost_in_submit(self, job: Job, error: StudioError) -> None:
        lost = LostSubmission(
            "Something failed while this job was being sent; it may be running. Studio will check with the "
            "provider before sending it again.",
            detail=error.detail or error.user_message,
        )
        await self._commit(job.transition(JobState.UNKNOWN, error=lost.to_dict()))

    def _check_cancel(self, job_id: str) -> None:
        event = self._cancel_requested.get(job_id)
        if event and event.is_set():
            raise Cancelled("Cancelled.")

    async def _sleep(self, job_id: str, seconds: float) -> None:
        event = self._cancel_requested.setdefault(job_id, asyncio.Event())
        try:
            await asyncio.wait_for(event.wait(), timeout=max(0.0, seconds))
        except asyncio.TimeoutError:
            return
        raise Cancelled("Cancelled.")

    def _pause(self) -> float:
        """A short jittered pause between two looks at the provider's list."""
        return min(self.timing.retry_max, self.timing.retry_base) * (0.75 + random.random() / 2)

    async def _submit(self, job: Job, spec: ModelSpec, provider: Provider) -> Job:
        """Send the paid create once; the transport alone retries what provably created nothing."""
        validated = validate(spec, GenerationRequest.from_dict(job.request), allow_retired=True)
        self._check_cancel(job.id)
        # The row says "submitting" (committed) before the paid call goes out.
        current = self._current(job.id)
        job = await self._commit(
            current.transition(
                JobState.SUBMITTING, attempts=current.attempts + 1, remote={**current.remote, "attempt_at": time.time()}
            )
        )
        sending = asyncio.ensure_future(provider.submit(spec, validated, job.idempotency_key))
        self._submitting.add(job.id)
        try:
            ref = await asyncio.shield(sending)
        except asyncio.CancelledError:
            await self._record_late_answer(job, sending)
            raise
        except SubmitNotSent as error:
            refused = SubmitNotSent(
                f"Studio could not reach {provider_label(job)} to send this job, so nothing was sent and nothing was "
                "charged; check the network and generate it again.",
                detail=error.detail or error.user_message,
            )
            return await self._commit(self._current(job.id).transition(JobState.FAILED, error=refused.to_dict()))
        except RateLimited as error:
            # The transport already waited and sent again; nothing retries after this.
            refused = TransientError(error.user_message, detail=error.detail)
            return await self._commit(self._current(job.id).transition(JobState.FAILED, error=refused.to_dict()))
        except (AuthError, QuotaError, InvalidRequest, ContentRejected, ModelUnavailable, Expired) as error:
            # The provider answered and refused (Expired: the source of a remix or edit is gone):
            # nothing was created, nothing is owed.
            return await self._commit(self._current(job.id).transition(JobState.FAILED, error=error.to_dict()))
        except Exception as exc:  # noqa: BLE001 - a reset, a timeout, an unreadable answer, a bug: outcome unknown
            error = exc if isinstance(exc, StudioError) else LostSubmission(
                "Something failed while this job was being sent.", detail=repr(exc)
            )
            lost = LostSubmission(
                "The provider's answer to this job was lost; it may be running. Studio is checking, "
                "and will not send it again on its own.",
                detail=error.detail or error.user_message,
            )
            return await self._commit(self._current(job.id).transition(JobState.UNKNOWN, error=lost.to_dict()))
        finally:
            self._submitting.discard(job.id)
        crash_point("submitted")  # created (and billed) at the provider; its id not yet stored
        return await self._commit(
            self._current(job.id).transition(JobState.SUBMITTED, remote_id=ref.remote_id, remote=ref.to_dict(), error=None)
        )

    async def _record_late_answer(self, job: Job, sending: asyncio.Future) -> None:
        """Stopping mid-submit: give the answer a few seconds so its remote id is not lost."""
        try:
            ref = await asyncio.wait_for(asyncio.shield(sending), timeout=10)
        except BaseException:  # noqa: BLE001 - the row stays submitting; the next start reconciles it
            return  # the row stays "submitting"; the next start reconciles it
        current = self._current(job.id)
        if current.state is JobState.SUBMITTING:
            await self._commit(current.transition(JobState.SUBMITTED, remote_id=ref.remote_id, remote=ref.to_dict()))

    async def _poll_until_done(self, job: Job, spec: ModelSpec, provider: Provider) -> Job:
        ref = RemoteRef.from_dict(job.remote)
        # The job's age counts from its send, so a job resumed after a restart starts slow.
        sent_at = float(job.remote.get("attempt_at") or time.time())
        while True:
            self._check_cancel(job.id)
            try:
                status = await provider.poll(ref)
            except Expired as error:
                return await self._commit(self._current(job.id).transition(JobState.FAILED, error=error.to_dict()))
            except StudioError as error:
                # The transport already retried: keep the job for the next resume.
                return await self._stall(job, error)
            crash_point("poll")
            job = self._current(job.id)
            if status.state is RemoteState.SUCCEEDED:
                return await self._commit(job.transition(JobState.DOWNLOADING, remote=_with_result(job, status), progress=None))
            if status.state is RemoteState.FAILED:
                error = status.error or StudioError("The provider says the job failed without a reason.")
                return await self._commit(job.transition(JobState.FAILED, error=error.to_dict()))
            if status.state is RemoteState.CANCELLED:
                return await self._commit(job.transition(JobState.CANCELLED))
            if status.state is RemoteState.RUNNING and job.state is JobState.SUBMITTED:
                job = await self._commit(job.transition(JobState.RUNNING, progress=status.progress))
            elif status.progress != job.progress:
                job = self._set(job.updated(progress=status.progress))
            delay = poll_delay(
                self.timing, hint=status.poll_after, running=status.state is RemoteState.RUNNING,
                age=time.time() - sent_at,
            )
            # Jitter only lengthens the pause, so the hint and the floor stay minimums.
            await self._sleep(job.id, delay * (1.0 + random.random() * 0.1))

def poll_delay(timing: Timing, *, hint: float | None, running: bool, age: float) -> float:
    """Seconds until the next look at a job ``age`` seconds after it was sent.

    A share of the job's age (longer jobs are looked at less often), from the provider's
    hint (else ``poll_first``) up to ``poll_max``; never sooner than the hint, even past
    ``poll_max``. A running job without a hint waits at least ``poll_running_floor``.
    """
    lowest = hint if hint is not None else timing.poll_first
    backoff = min(timing.poll_max, max(lowest, max(0.0, age) * timing.poll_share))
    if running and hint is None:
        backoff = max(backoff, min(timing.poll_running_floor, timing.poll_max))
    return max(hint or 0.0, backoff)


def _resume_order(job: Job) -> int:
    """Results first (they expire), then remote work, then lost submits, then new submits."""
    if job.state is JobState.DOWNLOADING or (job.state is JobState.STALLED and job.remote.get("result")):
        return 0
    if job.state.remote:
        return 1
    if job.state in (JobState.UNKNOWN, JobState.SUBMITTING):
        return 2
    return 3


def _with_result(job: Job, status: RemoteStatus) -> dict:
    remote = dict(job.remote)
    remote["result"] = status.result
    return remote
