"""Takes of one shot in the services: exactly N admitted however often they are asked for, the
budget counted across them, variations fitted to each model, deleted takes not attached again."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from studio.core.errors import InvalidRequest, ProjectError, QuotaError
from studio.core.jobs import JobState
from studio.core.project import Project, Shot, Take
from studio.core.request import GenerationRequest
from studio.services.storyboard import finished_unattached, run_storyboard
from studio.services.takes import admit_shot_takes, finished_unattached_takes, request_for_model, take_plan
from tests.services import test_runner_concurrency as kit
from tests.services.test_runner_concurrency import add_priced_model, three_shot_project

services = kit.services  # the same fixture: a fresh data folder and fast polls


def shot_jobs(services, shot_id):
    return services.jobstore.list(shot_id=shot_id)


async def test_asking_for_n_takes_twice_at_once_admits_n(services, tmp_path):
    project = three_shot_project(tmp_path / "board")
    services.settings.set("animatic.queue_seconds", 2.0)  # still in flight when the second ask lands
    shot_id = project.shots[0].id
    first, second = await asyncio.gather(
        admit_shot_takes(services, project, tmp_path / "board", shot_id, takes=3),
        admit_shot_takes(services, project, tmp_path / "board", shot_id, takes=3),
    )
    assert len(first) == len(second) == 3
    assert len(shot_jobs(services, shot_id)) == 3
    assert {a.job.id for a in first} == {a.job.id for a in second}
    assert sum(a.adopted for a in first + second) == 3  # one of the two asks adopted all three
    for admission in first:
        assert (await services.runner.wait(admission.job.id)).state is JobState.DONE
    await services.aclose()


async def test_the_budget_counts_every_take_of_the_batch(services, tmp_path):
    services.settings.set("budget_cap", 1.0)
    model = add_priced_model(services, 0.40)
    project = three_shot_project(tmp_path / "board")
    with pytest.raises(QuotaError, match="budget cap"):
        await admit_shot_takes(services, project, tmp_path / "board", project.shots[0].id, takes=3, models=[model])
    assert services.jobstore.list() == []  # none of the three was written, so none was sent
    admitted = await admit_shot_takes(services, project, tmp_path / "board", project.shots[0].id, takes=2,
                                      models=[model])  # fmt: skip
    assert len(admitted) == 2 and not any(a.adopted for a in admitted)
    for admission in admitted:
        await services.runner.wait(admission.job.id)
    await services.aclose()


async def test_a_run_with_takes_across_models_chooses_the_first_finished(services, tmp_path):
    folder = tmp_path / "board"
    project = three_shot_project(folder)
    model = add_priced_model(services, 0.0)
    jobs = await run_storyboard(services, project, folder, takes=2, models=["animatic:kenburns", model])
    assert len(jobs) == 12 and all(j.state is JobState.DONE for j in jobs)
    for shot in project.shots:
        assert len(shot.takes) == 4 and shot.chosen_take is not None
        assert sorted(t.model_id for t in shot.takes) == sorted(["animatic:kenburns"] * 2 + [model] * 2)
    await services.aclose()


def test_a_variation_is_fitted_to_the_other_model(services):
    veo = services.catalog.get("replicate:google/veo-3.1-fast")
    kling = services.catalog.get("replicate:kwaivgi/kling-v2.5-turbo-pro")
    request = GenerationRequest(veo.id, "a kite", duration=8.0, aspect_ratio="16:9", resolution="1080p",
                                audio=True, extra={"negative_prompt": "rain"})  # fmt: skip
    fitted = request_for_model(request, kling)
    assert fitted.model_id == kling.id and fitted.duration == 10.0 and fitted.aspect_ratio == "16:9"
    assert fitted.extra == {} and fitted.resolution in (None, *kling.resolutions)
    assert request_for_model(request, veo) is request


def test_take_plan_repeats_each_model_and_refuses_silly_counts():
    shot = Shot(model_id="a:x")
    assert take_plan(shot, 2) == ["a:x", "a:x"]
    assert take_plan(shot, 1, ["b:y", "c:z", "b:y"]) == ["b:y", "c:z"]
    for bad in (0, 9):
        with pytest.raises(InvalidRequest, match="1 to 8 takes"):
            take_plan(shot, bad)


async def test_a_deleted_take_is_not_attached_again(services, tmp_path):
    folder = tmp_path / "board"
    project = three_shot_project(folder)
    await run_storyboard(services, project, folder, takes=2)
    shot = project.shots[0]
    doomed = shot.takes[1]
    project.remove_take(shot.id, doomed.id)
    assert shot.removed_take_jobs == [doomed.job_id]
    job = services.jobstore.get(doomed.job_id)
    assert Path(job.output_path).exists() and (folder / doomed.path).exists()  # a paid file stays
    assert doomed.job_id not in {j.id for j in finished_unattached(services, project, folder)}
    assert finished_unattached_takes(services, folder, shot, 5) == []
    reopened = Project.from_dict(project.to_dict())
    assert reopened.shot(shot.id).removed_take_jobs == [doomed.job_id]
    project.add_take(shot.id, doomed)  # undo brings it back
    assert shot.removed_take_jobs == []
    await services.aclose()


def test_removed_take_jobs_are_checked_like_every_field():
    data = Project(shots=[Shot(takes=[Take(job_id="j1")])]).to_dict()
    data["shots"][0]["removed_take_jobs"] = "j1"
    with pytest.raises(ProjectError, match="removed_take_jobs"):
        Project.from_dict(data)
    with pytest.raises(ProjectError):
        Project(shots=[Shot(id="s1")]).update_shot("s1", removed_take_jobs=["x"])


async def test_the_project_budget_counts_every_take_of_the_batch(services, tmp_path):
    from studio.services.projects import ProjectStore

    model = add_priced_model(services, 0.40)
    folder = tmp_path / "board"
    project = three_shot_project(folder)
    project.set_settings(budget=1.0)
    ProjectStore().save(project, folder)
    with pytest.raises(QuotaError, match="over its budget of \\$1.00"):
        await admit_shot_takes(services, project, folder, project.shots[0].id, takes=3, models=[model])
    assert services.jobstore.list() == []
    admitted = await admit_shot_takes(services, project, folder, project.shots[0].id, takes=2, models=[model])
    assert len(admitted) == 2
    for admission in admitted:
        await services.runner.wait(admission.job.id)
    await services.aclose()
