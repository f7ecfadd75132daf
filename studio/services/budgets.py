"""The two spending limits a job must pass before it is sent: the 24-hour cap and the project budget.

The cap is a setting (every project, the last 24 hours); the budget is a field of one
project's file (everything that project has spent since it began). Both are checked by the
job store inside the transaction that inserts the job's row, with jobs in flight counted at
their quote, so shots submitted together or from two processes cannot all pass one check.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from studio.core.errors import ProjectError, QuotaError
from studio.core.project_fields import SETTINGS_FIELDS, check_fields

from .projects import PROJECT_FILE

log = logging.getLogger(__name__)

# Quotes are rounded to 1/10000 of a dollar; a sum of them may carry float noise.
_SLACK = 1e-9


def check_daily_cap(cap: float | None, cost: float | None, spent: float) -> None:
    """Refuse a job of ``cost`` that would take the last 24 hours' spending (``spent``) over ``cap``."""
    if cap is None or not cost:
        return
    if spent + cost > cap + _SLACK:
        raise QuotaError(
            f"This job (${cost:.2f}) would bring the last 24 hours' spending to "
            f"${spent + cost:.2f}, over your budget cap of ${cap:.2f}."
        )


@dataclass(frozen=True)
class ProjectBudget:
    """One project's budget as its file says it, with the title that names it in a refusal."""

    limit: float
    title: str

    def check(self, cost: float | None, spent: float) -> None:
        """Refuse a job of ``cost`` that would take the project's spending (``spent``) over the budget."""
        if not cost:
            return
        if spent + cost > self.limit + _SLACK:
            raise QuotaError(
                f"This shot (${cost:.2f}) would take the project \u201c{self.title}\u201d over its budget of "
                f"${self.limit:.2f}: ${spent:.2f} is already spent or in flight."
            )


def project_budget(project_dir: str | Path | None) -> ProjectBudget | None:
    """The budget stored in ``project_dir``'s project file, or None (no project, no budget).

    Blocking (reads the file). The file is the one every process shares, so the window and
    each CLI run enforce the same number. A budget that fails its check is refused with the
    project's own sentence rather than ignored: a damaged limit must not lift the limit.
    """
    if not project_dir:
        return None
    path = Path(project_dir) / PROJECT_FILE
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ProjectError(f"{PROJECT_FILE} in {Path(project_dir).name} cannot be read, so its budget is unknown ({exc}).") from None
    settings = data.get("settings") if isinstance(data, dict) else None
    if not isinstance(settings, dict) or settings.get("budget") is None:
        return None
    budget = check_fields({"budget": SETTINGS_FIELDS["budget"]}, {"budget": settings["budget"]}, "The project's ")["budget"]
    title = data.get("title") if isinstance(data.get("title"), str) else Path(project_dir).name
    return ProjectBudget(limit=float(budget), title=title[:80] or Path(project_dir).name)


@dataclass(frozen=True)
class Spending:
    """Where a project stands against both limits (for the quote dialog and the ledger)."""

    project_budget: float | None
    project_spent: float
    daily_cap: float | None
    spent_today: float

    def project_left(self) -> float | None:
        return None if self.project_budget is None else max(0.0, self.project_budget - self.project_spent)

    def cap_left(self) -> float | None:
        return None if self.daily_cap is None else max(0.0, self.daily_cap - self.spent_today)


def spending(store, settings, folder: str | Path | None) -> Spending:
    """The project's budget and spend and the 24-hour cap and spend (blocking: SQLite and the project file)."""
    import time

    resolved = str(Path(folder).resolve()) if folder else None
    budget = project_budget(resolved) if resolved else None
    return Spending(
        project_budget=budget.limit if budget else None,
        project_spent=store.spent_on_project(resolved) if resolved else 0.0,
        daily_cap=settings.budget_cap,
        spent_today=store.spent_since(time.time() - 24 * 3600),
    )
