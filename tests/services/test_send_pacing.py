"""Many shots at once reach the runner a few per turn, and each is still admitted once."""

from __future__ import annotations

import asyncio

import pytest

from studio.core.jobs import JobState
from studio.core.project import Project, ProjectSettings, Shot
from studio.services import send_pacing
from studio.services.context import build_services
from studio.services.projects import ProjectStore
from studio.services.runner import Timing
from studio.services.send_pacing import SendPacer
from studio.services.storyboard import run_storyboard

FAST = Timing(poll_first=0.05, poll_max=0.2, retry_base=0.05, retry_max=0.2, follow_interval=0.05)


async def test_a_burst_goes_per_turn_in_arrival_order_and_the_next_burst_starts_afresh():
    pacer = SendPacer(per_turn=3, turn_seconds=0.2)
    loop = asyncio.get_running_loop()
    start = loop.time()
    went: list[tuple[int, float]] = []

    async def caller(index: int) -> None:
        await pacer.wait_turn()
        went.append((index, loop.time() - start))

    await asyncio.gather(*(caller(i) for i in range(7)))
    turns = [int(at // 0.2 + 0.5) for _, at in sorted(went)]  # generous: a loaded machine wakes late
    assert [index for index, _ in sorted(went, key=lambda w: w[1])][:3] == [0, 1, 2]
    assert [at < 0.15 for _, at in sorted(went)] == [True] * 3 + [False] * 4
    assert all(turn >= 1 for turn in turns[3:6]) and turns[6] >= 2
    await asyncio.sleep(0.25)  # every turn handed out has passed
    begun = loop.time()
    await pacer.wait_turn()
    assert loop.time() - begun < 0.15


def test_a_pacer_refuses_a_turn_of_no_shots():
    with pytest.raises(ValueError):
        SendPacer(per_turn=0)


@pytest.fixture
def services(studio_home):
    svc = build_services(studio_home, timing=FAST, log_to_file=False)
    svc.settings.set("animatic.queue_seconds", 0.3)
    svc.settings.set("providers.animatic.concurrency", 12)
    yield svc


def many_shot_project(folder, count: int) -> Project:
    project = Project("Harbour", ProjectSettings(width=854, height=480, fps=24))
    for index in range(count):
        project.add_shot(Shot(title=f"Shot {index + 1}", prompt=f"boats {index}", model_id="animatic:kenburns",
                              duration=1.0, resolution="480p"))  # fmt: skip
    ProjectStore().save(project, folder)
    return project


def record_admissions(services, monkeypatch) -> list[tuple[str, float]]:
    """When each shot was handed to the runner (loop time), in order."""
    seen: list[tuple[str, float]] = []
    admit_takes = services.runner.admit_takes

    async def recorded(requests, **kwargs):
        seen.append((kwargs["shot_id"], asyncio.get_running_loop().time()))
        return await admit_takes(requests, **kwargs)

    monkeypatch.setattr(services.runner, "admit_takes", recorded)
    return seen


async def test_a_run_of_many_shots_is_handed_over_in_turns_and_admits_each_shot_once(services, tmp_path, monkeypatch):
    pacer = SendPacer(per_turn=4, turn_seconds=0.1)
    monkeypatch.setattr(send_pacing, "send_pacer", lambda: pacer)
    seen = record_admissions(services, monkeypatch)
    folder = tmp_path / "harbour"
    many_shot_project(folder, 10)
    project = services.projects.load(folder)

    jobs = await run_storyboard(services, project, folder)

    assert sorted(shot for shot, _ in seen) == sorted(s.id for s in project.shots)  # each handed over once
    first = seen[0][1]
    assert sum(1 for _, at in seen if at - first < 0.05) <= 4  # not all in one turn
    assert seen[-1][1] - first >= 0.15  # three turns: 4, 4, 2
    stored = services.jobstore.list()
    assert len(stored) == 10 and {j.shot_id for j in stored} == {s.id for s in project.shots}
    assert len(jobs) == 10 and all(j.state is JobState.DONE for j in jobs)
    assert all(len(shot.takes) == 1 for shot in project.shots)
    await services.aclose()


async def test_a_second_run_started_while_the_first_is_handed_over_adds_no_job(services, tmp_path, monkeypatch):
    # The first run's jobs stay in flight until the second run has asked for every shot: a job that
    # has finished and been saved as a take is not the second run's to adopt (its project is stale).
    services.settings.set("animatic.queue_seconds", 2.5)
    pacer = SendPacer(per_turn=3, turn_seconds=0.2)
    monkeypatch.setattr(send_pacing, "send_pacer", lambda: pacer)
    seen = record_admissions(services, monkeypatch)
    folder = tmp_path / "harbour"
    many_shot_project(folder, 9)
    first_project = services.projects.load(folder)
    second_project = services.projects.load(folder)
    notes: list[str] = []

    first = asyncio.ensure_future(run_storyboard(services, first_project, folder, on_note=notes.append))
    while not seen:
        await asyncio.sleep(0.01)
    handed_before_second = len(seen)
    second = asyncio.ensure_future(run_storyboard(services, second_project, folder, on_note=notes.append))
    await asyncio.gather(first, second)

    assert handed_before_second < 9  # the second run began in the middle of the hand-over
    stored = services.jobstore.list()
    assert len(stored) == 9, [(j.shot_id, j.state) for j in stored]
    assert {j.shot_id for j in stored} == {s.id for s in first_project.shots}
    assert all(j.state is JobState.DONE for j in stored)
    # the second run adopted what was in flight (a shot already finished is adopted without a note)
    assert notes and all("already being generated" in n for n in notes)
    for project in (first_project, second_project):
        assert all(len(shot.takes) == 1 for shot in project.shots)
    await services.aclose()
