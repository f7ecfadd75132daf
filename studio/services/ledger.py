"""The spend ledger: what actually ran, per job, per project and per day, read from the job store.

Each job falls in one of four columns, decided from its row (state, remote id, send time):

* **billed** — the job finished (``done``): the provider delivered a clip it charges for.
* **in flight** — the job has not ended (queued … downloading, ``stalled``, or ``unknown``,
  a send whose answer was lost): counted at its quote until it ends.
* **may be billed** — the provider took the job (it has a remote id or a send time) and it
  then failed or was cancelled. Providers differ on charging such runs, so it is counted.
* **not billed** — the job ended before the provider took it: refused at submit (moderation,
  a bad request, a refused key or credit), never reached the provider, or cancelled before it
  was sent. It is shown with its reason and costs nothing.

The first three together are exactly what the 24-hour cap and the project budgets count
(``JobStore.spent_since`` / ``spent_on_project``), so the ledger and the refusals agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from studio.core.jobs import Job, JobState

from .jobstore import JobStore

BILLED = "billed"
IN_FLIGHT = "in flight"
MAY_BE_BILLED = "may be billed"
NOT_BILLED = "not billed"
STATUSES = (BILLED, IN_FLIGHT, MAY_BE_BILLED, NOT_BILLED)

NO_PROJECT = ""  # jobs made outside a project (``studio-cli generate``, the editor with no project)


def billing_status(job: Job) -> tuple[str, str]:
    """The job's ledger column and the reason shown beside it (see the module's rule)."""
    taken = job.remote_id is not None or job.submitted_at is not None
    reason = job.error_message or ""
    if job.state is JobState.DONE:
        return BILLED, ""
    if not job.state.terminal:
        if job.state is JobState.UNKNOWN:
            return IN_FLIGHT, reason or "The answer to its send was lost; it may be running."
        if job.state is JobState.STALLED:
            return IN_FLIGHT, reason or "Waiting for the provider; paid work is kept."
        return IN_FLIGHT, ""
    if taken:
        if job.state is JobState.CANCELLED:
            return MAY_BE_BILLED, "Cancelled after the provider took it."
        return MAY_BE_BILLED, reason or "Failed after the provider took it."
    if job.state is JobState.CANCELLED:
        return NOT_BILLED, "Cancelled before it was sent."
    return NOT_BILLED, reason or "Failed before it was sent."


@dataclass(frozen=True)
class LedgerLine:
    """One job in the ledger."""

    job_id: str
    created_at: float
    day: str  # local date, 2026-11-21
    project_dir: str
    shot_id: str | None
    model_id: str
    state: str
    status: str
    cost: Decimal | None  # the quote recorded when the job was admitted
    currency: str
    reason: str
    prompt: str

    @property
    def counted(self) -> Decimal:
        """What this job adds to the totals (and the budgets): its quote unless not billed."""
        if self.status == NOT_BILLED or self.cost is None:
            return Decimal(0)
        return self.cost

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.job_id,
            "created": datetime.fromtimestamp(self.created_at).isoformat(timespec="seconds"),
            "day": self.day,
            "project": self.project_dir or None,
            "shot": self.shot_id,
            "model": self.model_id,
            "state": self.state,
            "billing": self.status,
            "cost": None if self.cost is None else float(self.cost),
            "currency": self.currency,
            "reason": self.reason or None,
        }


@dataclass
class Totals:
    """Sums of one group of jobs (a day, a project, everything)."""

    billed: Decimal = Decimal(0)
    in_flight: Decimal = Decimal(0)
    may_be_billed: Decimal = Decimal(0)
    not_billed_jobs: int = 0
    unpriced_jobs: int = 0  # counted jobs whose quote was unknown
    jobs: int = 0

    @property
    def counted(self) -> Decimal:
        """Billed, in flight and may be billed: what a budget sees."""
        return self.billed + self.in_flight + self.may_be_billed

    def add(self, line: LedgerLine) -> None:
        self.jobs += 1
        if line.status == NOT_BILLED:
            self.not_billed_jobs += 1
            return
        if line.cost is None:
            self.unpriced_jobs += 1
            return
        if line.status == BILLED:
            self.billed += line.cost
        elif line.status == IN_FLIGHT:
            self.in_flight += line.cost
        else:
            self.may_be_billed += line.cost

    def to_json(self) -> dict[str, Any]:
        return {
            "billed": float(self.billed),
            "in_flight": float(self.in_flight),
            "may_be_billed": float(self.may_be_billed),
            "counted": float(self.counted),
            "jobs": self.jobs,
            "not_billed_jobs": self.not_billed_jobs,
            "unpriced_jobs": self.unpriced_jobs,
        }


@dataclass
class Ledger:
    """Every job line plus totals per day (newest first), per project and overall."""

    lines: list[LedgerLine]
    days: dict[str, Totals] = field(default_factory=dict)
    projects: dict[str, Totals] = field(default_factory=dict)
    total: Totals = field(default_factory=Totals)
    budgets: dict[str, float | None] = field(default_factory=dict)  # project folder → its budget

    def to_json(self) -> dict[str, Any]:
        return {
            "currency": "USD",
            "total": self.total.to_json(),
            "days": [{"day": day, **totals.to_json()} for day, totals in self.days.items()],
            "projects": [
                {"project": folder or None, "budget": self.budgets.get(folder), **totals.to_json()}
                for folder, totals in self.projects.items()
            ],
            "jobs": [line.to_json() for line in self.lines],
        }


def project_label(folder: str) -> str:
    """A project's short name in the ledger: its folder's name, or "no project"."""
    return Path(folder).name if folder else "no project"


def ledger_from_jobs(jobs: Iterable[Job]) -> Ledger:
    """The ledger of ``jobs`` (any order); lines newest first."""
    lines = [_line(job) for job in sorted(jobs, key=lambda j: j.created_at, reverse=True)]
    ledger = Ledger(lines)
    for line in lines:
        ledger.days.setdefault(line.day, Totals()).add(line)
        ledger.projects.setdefault(line.project_dir, Totals()).add(line)
        ledger.total.add(line)
    return ledger


def build_ledger(store: JobStore, *, project_dir: str | None = None, since: float | None = None) -> Ledger:
    """The ledger of every job in ``store`` (or one project's), with each project's budget (blocking I/O)."""
    from .budgets import project_budget

    jobs = store.list(project_dir=project_dir, since=since, limit=1_000_000)
    ledger = ledger_from_jobs(jobs)
    for folder in ledger.projects:
        try:
            budget = project_budget(folder) if folder else None
        except Exception:  # noqa: BLE001 - a moved or damaged project still has its spending shown
            budget = None
        ledger.budgets[folder] = budget.limit if budget else None
    return ledger


def _line(job: Job) -> LedgerLine:
    status, reason = billing_status(job)
    return LedgerLine(
        job_id=job.id,
        created_at=job.created_at,
        day=datetime.fromtimestamp(job.created_at).date().isoformat(),
        project_dir=job.project_dir or NO_PROJECT,
        shot_id=job.shot_id,
        model_id=job.model_id,
        state=job.state.value,
        status=status,
        cost=None if job.cost_quote is None else Decimal(str(job.cost_quote)),
        currency=job.currency or "USD",
        reason=reason,
        prompt=job.prompt,
    )
