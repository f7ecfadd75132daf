"""Remix, edit and extend as new takes, through the real services over real HTTP.

Each provider's source take is generated first (through the emulator), then derived: the
OpenAI Videos remix endpoint over our transport, Gemini Omni's edit and Veo's extension through
the real google-genai SDK. The job store's rules (budget, adoption of the same derivation in
flight) hold for derived jobs as for any other.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from studio.core.errors import InvalidRequest, QuotaError
from studio.core.jobs import JobState
from studio.core.project import Project, ProjectSettings, Shot
from studio.services.context import build_services
from studio.services.derive import derive_options, derive_take
from studio.services.media import probe
from studio.services.projects import ProjectStore
from studio.services.provenance import read_sidecar
from studio.services.runner import Timing
from studio.services.storyboard import attach_finished, generate_shot
from tests.emulators.gemini import DEFAULT_KEY as GEMINI_KEY
from tests.emulators.gemini import GeminiEmulator
from tests.emulators.openai_videos import DEFAULT_TOKEN as OPENAI_TOKEN
from tests.emulators.openai_videos import OpenAIVideosEmulator
from tests.emulators.vertex import VertexEmulator

SORA, OMNI, VEO = "openai:sora-2", "gemini:gemini-omni-1.1-flash", "vertex:veo-3.1-fast-generate-001"


@pytest.fixture
def openai_emu():
    with OpenAIVideosEmulator(latency=0.4, poll_after_ms=100) as emu:
        yield emu


@pytest.fixture
def gemini_emu():
    with GeminiEmulator(latency=0.4) as emu:
        yield emu


@pytest.fixture
def vertex_emu():
    with VertexEmulator(latency=0.4) as emu:
        yield emu


@pytest.fixture
def make_services(studio_home, tmp_path, monkeypatch):
    """Services over ``studio_home`` whose providers point at the given emulators (each test closes them)."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    for name in ("OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_APPLICATION_CREDENTIALS", "GOOGLE_CLOUD_PROJECT"):
        monkeypatch.delenv(name, raising=False)

    async def build(*, openai=None, gemini=None, vertex=None, budget=None):
        if openai is not None:
            monkeypatch.setenv("STUDIO_OPENAI_BASE_URL", f"{openai.url}/v1")
            monkeypatch.setenv("OPENAI_API_KEY", OPENAI_TOKEN)
        if gemini is not None:
            monkeypatch.setenv("STUDIO_GEMINI_BASE_URL", gemini.url)
            monkeypatch.setenv("GEMINI_API_KEY", GEMINI_KEY)
        if vertex is not None:
            account = tmp_path / "service-account.json"
            account.write_text(json.dumps(vertex.service_account_info()))
            monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(account))
            monkeypatch.setenv("GOOGLE_CLOUD_LOCATION", "us-central1")
            monkeypatch.setenv("STUDIO_VERTEX_BASE_URL", vertex.url)
        fast = {f"providers.{p}.poll_interval": 0.1 for p in ("openai", "gemini", "vertex")}
        (studio_home / "settings.json").write_text(json.dumps({**fast, "budget_cap": budget}))
        services = build_services(
            studio_home, log_to_file=False, timing=Timing(poll_first=0.05, poll_max=0.2, retry_base=0.01)
        )
        await services.start()
        return services

    return build


def new_project(folder: Path, model_id: str, **fields) -> Project:
    project = Project("Derive", ProjectSettings(width=256, height=144, fps=24))
    project.add_shot(Shot(title="Boat", prompt="a paper boat drifts on a pond", model_id=model_id, **fields))
    ProjectStore().save(project, folder)
    return project


async def first_take(services, project: Project, folder: Path):
    """Generate the shot's first take through the emulator (the source to derive from)."""
    shot = project.shots[0]
    admission = await generate_shot(services, project, folder, shot.id, allow_retired=True)
    job = await services.runner.wait(admission.job.id)
    assert job.state is JobState.DONE, job.error
    await attach_finished(services, project, folder, job)
    return shot.chosen_take, job


async def derive_and_attach(services, project, folder, **options):
    shot = project.shots[0]
    admission = await derive_take(services, project, folder, shot.id, allow_retired=True, **options)
    job = await services.runner.wait(admission.job.id)
    assert job.state is JobState.DONE, job.error
    await attach_finished(services, project, folder, job)
    return shot.chosen_take, job


async def test_remix_on_the_openai_videos_api_is_a_new_take_of_the_same_shot(tmp_path, openai_emu, make_services):
    services = await make_services(openai=openai_emu)
    try:
        folder = tmp_path / "film"
        project = new_project(folder, SORA, duration=4, aspect_ratio="9:16")
        source, source_job = await first_take(services, project, folder)
        assert derive_options(services, project.shots[0]) == {
            "remix": None,
            "edit": "Sora 2 cannot edit a take; it can remix.",
            "extend": "Sora 2 cannot extend a take; it can remix.",
        }
        take, job = await derive_and_attach(services, project, folder, op="remix", instruction="same shot, 85 mm lens")
    finally:
        await services.aclose()
    shot = project.shots[0]
    assert [t.id for t in shot.takes] == [source.id, take.id] and shot.chosen_take_id == take.id
    assert take.derived_from == {"op": "remix", "take_id": source.id, "job_id": source_job.id}
    remix = openai_emu.jobs[job.remote_id]
    assert remix["remixed_from"] == source_job.remote_id and remix["prompt"] == "same shot, 85 mm lens"
    assert openai_emu.stats()["remixes"] == 1 and openai_emu.stats()["create_requests"] == 2
    info = probe(folder / take.path)  # same length and shape as the source
    assert abs(info.duration - 4.0) < 0.2 and info.video.height > info.video.width
    assert job.cost_quote == pytest.approx(0.40)
    sidecar = read_sidecar(Path(job.output_path))
    assert sidecar["request"]["derived_from"]["take_id"] == source.id
    # the project file keeps the provenance across a save and a reload
    ProjectStore().save(project, folder)
    reloaded = ProjectStore().load(folder)
    assert reloaded.shots[0].takes[1].derived_from["op"] == "remix"


async def test_edit_on_gemini_omni_continues_the_source_interaction(tmp_path, gemini_emu, make_services):
    services = await make_services(gemini=gemini_emu)
    try:
        folder = tmp_path / "film"
        project = new_project(folder, OMNI, duration=5)
        source, source_job = await first_take(services, project, folder)
        take, job = await derive_and_attach(services, project, folder, op="edit", instruction="make it night")
    finally:
        await services.aclose()
    body = gemini_emu.requests[-1]
    assert body["previous_interaction_id"] == source_job.remote_id
    assert body["generation_config"]["video_config"]["task"] == "edit"
    sent_input = json.dumps(body["input"])
    assert "make it night" in sent_input and '"image"' not in sent_input
    assert take.derived_from["op"] == "edit" and abs(take.duration - 5.0) < 0.2
    assert job.cost_quote == pytest.approx(0.5)


async def test_extend_on_vertex_sends_the_clip_and_gets_the_longer_take(tmp_path, vertex_emu, make_services):
    services = await make_services(vertex=vertex_emu)
    try:
        folder = tmp_path / "film"
        project = new_project(folder, VEO, duration=4, resolution="1080p", audio=False)
        source, _ = await first_take(services, project, folder)
        take, job = await derive_and_attach(services, project, folder, op="extend", instruction="she waves", seconds=6)
    finally:
        await services.aclose()
    sent = vertex_emu.requests[-1]["body"]
    assert sent["instances"][0]["video"]["mimeType"] == "video/mp4"
    assert sent["instances"][0]["prompt"] == "she waves"
    assert sent["parameters"]["durationSeconds"] == 6 and sent["parameters"]["resolution"] == "720p"
    assert "image" not in sent["instances"][0]
    info = probe(folder / take.path)  # the whole clip comes back: the source, then six more seconds
    assert abs(info.duration - 10.0) < 0.3
    assert take.derived_from["take_id"] == source.id
    assert job.cost_quote == pytest.approx(0.6)  # 6 s at $0.10/s without audio


async def test_a_source_gone_at_the_provider_fails_as_expired_with_one_sentence(
    tmp_path, openai_emu, gemini_emu, make_services
):
    services = await make_services(openai=openai_emu, gemini=gemini_emu)
    try:
        sora = new_project(tmp_path / "sora", SORA, duration=4)
        _, sora_job = await first_take(services, sora, tmp_path / "sora")
        openai_emu.expire(sora_job.remote_id)
        admission = await derive_take(services, sora, tmp_path / "sora", sora.shots[0].id, op="remix",
                                      instruction="warmer light", allow_retired=True)  # fmt: skip
        failed = await services.runner.wait(admission.job.id)
        omni = new_project(tmp_path / "omni", OMNI, duration=4)
        _, omni_job = await first_take(services, omni, tmp_path / "omni")
        with gemini_emu.lock:
            del gemini_emu.interactions[omni_job.remote_id]  # deleted after its retention
        admission = await derive_take(services, omni, tmp_path / "omni", omni.shots[0].id, op="edit",
                                      instruction="make it night")  # fmt: skip
        gone = await services.runner.wait(admission.job.id)
    finally:
        await services.aclose()
    assert failed.state is JobState.FAILED and failed.error["kind"] == "expired"
    assert "no longer has the video this take came from" in failed.error["message"]
    assert gone.state is JobState.FAILED and gone.error["kind"] == "expired"
    assert "no longer keeps the take you asked to edit" in gone.error["message"]
    assert len(sora.shots[0].takes) == 1 and len(omni.shots[0].takes) == 1


async def test_budget_refuses_a_derived_job_before_anything_is_sent(tmp_path, openai_emu, make_services):
    services = await make_services(openai=openai_emu, budget=0.5)  # the source take costs $0.40
    try:
        folder = tmp_path / "film"
        project = new_project(folder, SORA, duration=4)
        await first_take(services, project, folder)
        with pytest.raises(QuotaError, match="over your budget cap of \\$0.50"):
            await derive_take(services, project, folder, project.shots[0].id, op="remix",
                              instruction="same shot, dusk", allow_retired=True)  # fmt: skip
        rows = services.jobstore.list(limit=10)
    finally:
        await services.aclose()
    assert openai_emu.stats()["create_requests"] == 1 and openai_emu.stats().get("remixes", 0) == 0
    assert len(rows) == 1  # no row for the refused remix


async def test_a_second_click_adopts_the_same_derivation_and_another_instruction_is_paid(
    tmp_path, openai_emu, make_services
):
    services = await make_services(openai=openai_emu)
    try:
        folder = tmp_path / "film"
        project = new_project(folder, SORA, duration=4)
        await first_take(services, project, folder)
        shot_id = project.shots[0].id
        ask = dict(op="remix", allow_retired=True)
        first, second, other = await asyncio.gather(
            derive_take(services, project, folder, shot_id, instruction="same shot, dusk", **ask),
            derive_take(services, project, folder, shot_id, instruction="same shot, dusk", **ask),
            derive_take(services, project, folder, shot_id, instruction="same shot, in the rain", **ask),
        )
        for admission in (first, second, other):
            await services.runner.wait(admission.job.id)
    finally:
        await services.aclose()
    assert [first.adopted, second.adopted].count(True) == 1 and first.job.id == second.job.id
    assert not other.adopted and other.job.id != first.job.id
    assert openai_emu.stats()["remixes"] == 2


async def test_an_operation_the_model_cannot_do_is_refused_before_sending(tmp_path, openai_emu, make_services):
    services = await make_services(openai=openai_emu)
    try:
        folder = tmp_path / "film"
        project = new_project(folder, SORA, duration=4)
        shot_id = project.shots[0].id
        with pytest.raises(InvalidRequest, match="Generate a take first"):
            await derive_take(services, project, folder, shot_id, op="remix", instruction="x", allow_retired=True)
        await first_take(services, project, folder)
        with pytest.raises(InvalidRequest, match="Sora 2 cannot extend a take; it can remix"):
            await derive_take(services, project, folder, shot_id, op="extend", instruction="x", allow_retired=True)
        with pytest.raises(InvalidRequest, match="instruction is empty"):
            await derive_take(services, project, folder, shot_id, op="remix", instruction="  ", allow_retired=True)
    finally:
        await services.aclose()
    assert openai_emu.stats()["create_requests"] == 1
