"""The project budget: stored in the project file, checked in the job store's admit transaction.

Nothing is sent past it: not when a storyboard's shots are submitted together, not when
two processes admit at the same instant; jobs in flight count at their quote.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.core.errors import ProjectError, QuotaError
from studio.core.jobs import Job, JobState
from studio.core.modelspec import ModelSpec
from studio.core.project import Project, ProjectSettings, Shot
from studio.core.request import GenerationRequest
from studio.services.budgets import ProjectBudget, project_budget
from studio.services.context import build_services
from studio.services.jobstore import JobStore
from studio.services.projects import ProjectStore
from studio.services.runner import Timing
from studio.services.storyboard import run_storyboard

pytestmark = pytest.mark.concurrency

FAST = Timing(poll_first=0.05, poll_max=0.2, retry_base=0.05, retry_max=0.2, follow_interval=0.05)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def services(studio_home):
    svc = build_services(studio_home, timing=FAST, log_to_file=False)
    svc.settings.set("animatic.queue_seconds", 0.3)
    priced = svc.catalog.get("animatic:kenburns").to_dict() | {"id": "animatic:priced", "model": "priced"}
    priced["price"] = {"rows": [{"per_second": 0.40}]}
    svc.catalog.add_user_spec(ModelSpec.from_dict(priced))
    return svc


def write_project(folder: Path, shots: int, *, budget: float | None, model: str = "animatic:priced") -> Project:
    project = Project("Kites", ProjectSettings(width=256, height=144, budget=budget))
    for index in range(shots):
        project.add_shot(Shot(title=f"Shot {index}", prompt=f"kite {index}", model_id=model, duration=1.0,
                              resolution="480p"))  # fmt: skip
    ProjectStore().save(project, folder)
    return project


def test_the_budget_is_a_checked_project_field(tmp_path):
    folder = tmp_path / "p"
    write_project(folder, 1, budget=5.0)
    assert project_budget(folder) == ProjectBudget(limit=5.0, title="Kites")
    assert ProjectStore().load(folder).settings.budget == 5.0
    data = json.loads((folder / "project.json").read_text())
    for bad in (-1, "5 dollars", True, float("inf")):
        data["settings"]["budget"] = bad
        (folder / "project.json").write_text(json.dumps(data) if bad != float("inf") else json.dumps(data).replace("Infinity", "1e999"))
        with pytest.raises(ProjectError, match="The project's budget must be a number of US dollars"):
            ProjectStore().load(folder)
        with pytest.raises(ProjectError, match="budget"):
            project_budget(folder)  # a damaged budget refuses rather than lifting the limit
    data["settings"]["budget"] = None
    (folder / "project.json").write_text(json.dumps(data))
    assert project_budget(folder) is None


async def test_five_shots_submitted_together_stop_at_the_project_budget(services, tmp_path):
    folder = tmp_path / "kites"
    project = write_project(folder, 5, budget=1.0)
    project_dir = str(folder.resolve())
    results = await asyncio.gather(
        *(services.runner.submit(GenerationRequest("animatic:priced", f"kite {i}", duration=1.0, resolution="480p"),
                                 project_dir=project_dir, shot_id=shot.id)
          for i, shot in enumerate(project.shots)),
        return_exceptions=True,
    )  # fmt: skip
    passed = [r for r in results if isinstance(r, Job)]
    refused = [r for r in results if isinstance(r, QuotaError)]
    assert len(passed) == 2 and len(refused) == 3, results
    assert refused[0].user_message == (
        "This shot ($0.40) would take the project \u201cKites\u201d over its budget of $1.00: "
        "$0.80 is already spent or in flight."
    )
    assert len(services.jobstore.list()) == 2  # nothing written (or sent) for the refused three
    for job in passed:
        assert (await services.runner.wait(job.id)).state is JobState.DONE
    assert services.jobstore.spent_on_project(project_dir) == pytest.approx(0.80)
    await services.aclose()


async def test_a_storyboard_run_stops_at_the_budget_and_keeps_what_was_paid(services, tmp_path):
    folder = tmp_path / "kites"
    project = write_project(folder, 5, budget=1.0)
    with pytest.raises(QuotaError, match="over its budget of \\$1.00"):
        await run_storyboard(services, project, folder)
    jobs = services.jobstore.list()
    assert len(jobs) == 2 and all(j.state is JobState.DONE for j in jobs)
    assert sum(1 for s in services.projects.load(folder).shots if s.takes) == 2
    # Raising the budget lets the rest through; the paid shots are not paid again.
    saved = services.projects.load(folder)
    saved.set_settings(budget=2.0)
    services.projects.save(saved, folder)
    await run_storyboard(services, saved, folder)
    assert len(services.jobstore.list()) == 5
    await services.aclose()


async def test_the_budget_counts_only_this_projects_jobs_and_the_daily_cap_still_applies(services, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    write_project(first, 2, budget=0.40)
    write_project(second, 2, budget=None)
    await run_storyboard(services, services.projects.load(second), second)  # no budget: both shots run
    assert services.jobstore.spent_on_project(str(second.resolve())) == pytest.approx(0.80)
    project = services.projects.load(first)
    with pytest.raises(QuotaError, match="over its budget of \\$0.40"):
        await run_storyboard(services, project, first)
    assert services.jobstore.spent_on_project(str(first.resolve())) == pytest.approx(0.40)
    services.settings.set("budget_cap", 1.20)  # 1.20 already spent in 24 hours
    other = tmp_path / "c"
    write_project(other, 1, budget=None)
    with pytest.raises(QuotaError, match="over your budget cap of \\$1.20"):
        await run_storyboard(services, services.projects.load(other), other)
    await services.aclose()


def test_five_processes_admitting_at_once_stop_at_the_project_budget(tmp_path):
    folder = tmp_path / "kites"
    write_project(folder, 1, budget=1.0)
    db = tmp_path / "home" / "studio.db"
    JobStore(db).close()
    at = time.time() + 2.0  # time for every interpreter to start on a loaded machine
    procs = [
        subprocess.Popen([sys.executable, "-m", "tests.services._budget_worker", str(db), str(folder.resolve()),
                          "--at", str(at), "--cost", "0.40"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)  # fmt: skip
        for _ in range(5)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    assert sum(1 for r in results if "id" in r) == 2, results
    refusals = [r["refused"] for r in results if "refused" in r]
    assert len(refusals) == 3 and all("over its budget of $1.00: $0.80 is already spent" in r for r in refusals)
    store = JobStore(db)
    try:
        assert store.spent_on_project(str(folder.resolve())) == pytest.approx(0.80)
    finally:
        store.close()


def test_cli_budget_shows_sets_and_clears_the_project_budget(studio_home, tmp_path, capsys):
    from studio.cli import main

    folder = tmp_path / "kites"
    write_project(folder, 1, budget=None)
    home = ["--home", str(studio_home)]
    assert main([*home, "storyboard", "budget", str(folder)]) == 0
    assert "“Kites” has no budget; $0.00 spent or in flight so far." in capsys.readouterr().err
    assert main([*home, "storyboard", "budget", str(folder), "$5"]) == 0
    assert "The budget of “Kites” is now $5.00; $0.00 spent or in flight, $5.00 left." in capsys.readouterr().err
    assert json.loads((folder / "project.json").read_text())["settings"]["budget"] == 5.0
    for bad in ("-1", "five", "nan"):
        assert main([*home, "storyboard", "budget", str(folder), bad]) == 2
        assert "A budget is an amount in dollars like 5.00, or 'none'" in capsys.readouterr().err
    assert main([*home, "storyboard", "budget", str(folder), "none"]) == 0
    assert json.loads((folder / "project.json").read_text())["settings"]["budget"] is None
