"""Takes of many jobs that finish together are probed and copied a few at a time, each once."""

from __future__ import annotations

import asyncio
import threading
import time
from types import SimpleNamespace

from studio.core.jobs import Job, JobState
from studio.core.project import Project, Shot, Take
from studio.services import media, storyboard


def test_many_finished_jobs_attach_a_few_at_a_time_and_each_once(monkeypatch):
    project = Project(shots=[Shot(title=f"S{i}") for i in range(8)])
    busy = {"now": 0, "most": 0}
    lock = threading.Lock()

    def work(seconds: float) -> None:
        with lock:
            busy["now"] += 1
            busy["most"] = max(busy["most"], busy["now"])
        time.sleep(seconds)
        with lock:
            busy["now"] -= 1

    def probe(path):
        work(0.02)
        return SimpleNamespace(duration=2.0, video=SimpleNamespace(width=640, height=360), audio=None)

    def take_for_job(folder, job, info):
        work(0.01)
        return Take(path=f"assets/{job.id}.mp4", job_id=job.id, model_id=job.model_id, duration=info.duration)

    monkeypatch.setattr(media, "probe", probe)
    services = SimpleNamespace(projects=SimpleNamespace(take_for_job=take_for_job))
    finished = [
        Job.new("animatic:kenburns", {"prompt": "p"}, state=JobState.DONE, shot_id=shot.id, output_path=f"/clips/{shot.id}.mp4")
        for shot in project.shots
    ]

    async def attach_all() -> None:
        # every job twice, as two runs following the same jobs would
        await asyncio.gather(*(storyboard.attach_finished(services, project, None, job) for job in finished + finished))

    asyncio.run(attach_all())
    assert [len(shot.takes) for shot in project.shots] == [1] * 8
    assert all(shot.chosen_take.job_id == job.id for shot, job in zip(project.shots, finished))
    assert 1 <= busy["most"] <= storyboard.ATTACH_AT_ONCE
