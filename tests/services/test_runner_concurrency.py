"""The runner's money rules under concurrent callers, on the offline animatic provider.

Parallel submits against the budget, two storyboard runs of one project, following (and
taking over) a job another owner runs, and the cancel rules for jobs that may be billed.
"""

from __future__ import annotations

import asyncio

import pytest

from studio.core.errors import NotCancellable, QuotaError
from studio.core.jobs import Job, JobState
from studio.core.modelspec import ModelSpec
from studio.core.project import Project, ProjectSettings, Shot
from studio.core.request import GenerationRequest
from studio.services.context import build_services
from studio.services.jobstore import JobStore
from studio.services.projects import ProjectStore
from studio.services.runner import Timing
from studio.services.storyboard import run_storyboard

pytestmark = pytest.mark.concurrency

FAST = Timing(
    poll_first=0.05, poll_max=0.2, retry_base=0.05, retry_max=0.2, reconcile_grace=0.3,
    follow_interval=0.05, follow_patience=1.0,
)  # fmt: skip


@pytest.fixture
def services(studio_home):
    svc = build_services(studio_home, timing=FAST, log_to_file=False)
    svc.settings.set("animatic.queue_seconds", 0.3)
    yield svc


def add_priced_model(services, per_second: float) -> str:
    """The animatic model with a price, so the budget has something to count."""
    priced = services.catalog.get("animatic:kenburns").to_dict() | {"id": "animatic:priced", "model": "priced"}
    priced["price"] = {"rows": [{"per_second": per_second}]}
    services.catalog.add_user_spec(ModelSpec.from_dict(priced))
    return "animatic:priced"


def request(prompt="A red kite over green hills", model="animatic:kenburns", **kw):
    kw.setdefault("duration", 1.0)
    kw.setdefault("resolution", "480p")
    return GenerationRequest(model, prompt, **kw)


def three_shot_project(folder, *, titles=("Shot 0", "Shot 1", "Shot 2")) -> Project:
    project = Project("Kites", ProjectSettings(width=854, height=480, fps=24))
    for index, title in enumerate(titles):
        project.add_shot(Shot(title=title, prompt=f"kite {index}", model_id="animatic:kenburns", duration=1.0,
                              resolution="480p"))  # fmt: skip
    ProjectStore().save(project, folder)
    return project


async def test_five_parallel_submits_against_a_one_dollar_cap_let_two_through(services):
    services.settings.set("budget_cap", 1.0)
    model = add_priced_model(services, 0.40)
    results = await asyncio.gather(
        *(services.runner.submit(request(f"kite {i}", model=model)) for i in range(5)), return_exceptions=True
    )
    passed = [r for r in results if isinstance(r, Job)]
    refused = [r for r in results if isinstance(r, QuotaError)]
    assert len(passed) == 2 and len(refused) == 3, results
    assert "budget cap of $1.00" in refused[0].user_message
    assert len(services.jobstore.list()) == 2  # nothing was written (or sent) for the refused three
    for job in passed:
        assert (await services.runner.wait(job.id)).state is JobState.DONE
    await services.aclose()


async def test_two_runs_of_one_storyboard_make_one_job_per_shot(services, tmp_path):
    folder = tmp_path / "kites"
    three_shot_project(folder)
    first = services.projects.load(folder)
    second = services.projects.load(folder)
    notes: list[str] = []
    await asyncio.gather(
        run_storyboard(services, first, folder, on_note=notes.append),
        run_storyboard(services, second, folder, on_note=notes.append),
    )
    jobs = services.jobstore.list()
    assert len(jobs) == 3 and {j.shot_id for j in jobs} == {s.id for s in first.shots}
    assert all(j.state is JobState.DONE for j in jobs)
    for project in (first, second):
        assert all(len(shot.takes) == 1 for shot in project.shots)
    saved = services.projects.load(folder)
    assert all(len(shot.takes) == 1 and shot.chosen_take for shot in saved.shots)
    # each shot was adopted by whichever run came second to it
    assert len(notes) == 3 and all("already being generated" in n for n in notes)
    await services.aclose()


async def test_a_job_in_flight_for_a_shot_is_followed_then_taken_over_when_its_owner_goes(services, tmp_path):
    other = JobStore(services.paths.db)  # another live process's store
    spec, validated = services.runner.prepare(request("kite 0"))
    theirs = other.save(
        Job.new(spec.id, validated.request.to_dict(), project_dir=str(tmp_path), shot_id="s1")
    )  # queued there: that process would send it
    seen: list[JobState] = []
    services.runner.job_changed.connect(lambda job: seen.append(job.state) if job.id == theirs.id else None)

    admission = await services.runner.admit(request("kite 0"), project_dir=str(tmp_path), shot_id="s1")
    assert admission.adopted and admission.job.id == theirs.id
    await asyncio.sleep(0.3)
    assert services.jobstore.owned_elsewhere(theirs.id)
    with pytest.raises(NotCancellable, match="another Studio process"):
        await services.runner.cancel(theirs.id)

    other.close()  # that process is gone before it sent anything
    final = await asyncio.wait_for(services.runner.wait(theirs.id), timeout=30)
    assert final.state is JobState.DONE and final.output_path
    assert JobState.QUEUED in seen and JobState.DONE in seen
    assert len(services.jobstore.list()) == 1
    await services.aclose()


@pytest.mark.parametrize("state", [JobState.UNKNOWN, JobState.SUBMITTING])
async def test_a_job_that_may_be_billed_without_an_id_cannot_be_cancelled_blind(services, state):
    spec, validated = services.runner.prepare(request())
    job = Job.new(spec.id, validated.request.to_dict()).transition(JobState.SUBMITTING)
    if state is JobState.UNKNOWN:
        job = job.transition(JobState.UNKNOWN)
    services.jobstore.save(job)
    with pytest.raises(NotCancellable) as refused:
        await services.runner.cancel(job.id)
    assert "may already be running (and billed)" in refused.value.user_message
    assert refused.value.exit_code == 2
    assert services.jobstore.get(job.id).state is state
    await services.aclose()


async def test_a_job_whose_owner_is_gone_can_be_cancelled(services):
    other = JobStore(services.paths.db)
    spec, validated = services.runner.prepare(request())
    job = other.save(
        Job.new(spec.id, validated.request.to_dict()).transition(JobState.SUBMITTING).transition(
            JobState.SUBMITTED, remote_id="anim-gone", remote={"provider": "animatic", "remote_id": "anim-gone"}
        )
    )
    other.close()
    cancelled = await services.runner.cancel(job.id)
    assert cancelled.state is JobState.CANCELLED
    assert services.jobstore.get(job.id).state is JobState.CANCELLED
    await services.aclose()


async def test_a_shot_without_a_take_is_named_plainly(services, tmp_path):
    """Was: "Shot 1 (Shot 0) ended queued." when a second run followed another run's job."""
    from studio.services.storyboard import _job_error

    project = three_shot_project(tmp_path / "kites", titles=("Shot 0", "Keeper", ""))
    cancelled = Job.new("animatic:kenburns", {"prompt": "x"}).transition(JobState.CANCELLED)
    assert str(_job_error(cancelled, project, project.shots[0])) == "Shot 1 was cancelled; it has no take."
    queued = Job.new("animatic:kenburns", {"prompt": "x"})
    assert str(_job_error(queued, project, project.shots[1])).startswith("Shot 2 (Keeper) is still being generated")
    failed = Job.new("animatic:kenburns", {"prompt": "x"}).transition(JobState.FAILED)
    assert str(_job_error(failed, project, project.shots[2])).startswith("Shot 3 failed without a reason")
    await services.aclose()
