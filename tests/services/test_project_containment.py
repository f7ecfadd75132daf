"""Every path built through a project stays inside its folder, checked where it is used too.

Loading refuses a hostile file; these tests cover a project already in memory whose folder
changed under it (a link made after loading) or whose ids never came from a file, so the
check at each place a path is built is what stands between it and the rest of the disk.
"""

from __future__ import annotations

import asyncio
import os

import pytest

from studio.core.errors import ProjectError
from studio.core.jobs import Job
from studio.core.project import Project, Shot, Take
from studio.services.context import build_services
from studio.services.export import project_clips
from studio.services.project_paths import check_project_paths, id_file, inside_project
from studio.services.projects import ProjectStore
from studio.services.storyboard import continuity_frames, shot_request
from tests.project_kit import snapshot, world, write_clip, write_png


@pytest.fixture
def services(studio_home):
    svc = build_services(studio_home, log_to_file=False)
    yield svc
    svc.jobstore.close()


def chained(project_dir, second_id: str) -> Project:
    clip = write_clip(project_dir / "assets" / "one.mp4")
    project = Project("In memory")
    project.add_shot(Shot(id="s1"))
    project.add_take("s1", Take(id="t1", path="assets/one.mp4", duration=1.0))
    project.add_shot(Shot(id="s2", continuity="chained"))
    project.shots[1].id = second_id  # as if built by code, never parsed from a file
    assert clip.exists()
    return project


@pytest.mark.parametrize("bad_id", ["../../../elsewhere/evil", "a/b", "..", "", "x" * 65, "é"])
def test_a_continuity_frame_is_never_named_by_an_unsafe_id(tmp_path, services, bad_id):
    project_dir, elsewhere, _ = world(tmp_path)
    project = chained(project_dir, bad_id)
    (project_dir / "assets" / "continuity-..").mkdir()
    before = snapshot(tmp_path / "world", skip=(project_dir,))
    with pytest.raises(ProjectError) as info:
        asyncio.run(continuity_frames(services, project, project_dir, project.shots[1]))
    assert info.value.field == "id"
    assert snapshot(tmp_path / "world", skip=(project_dir,)) == before
    assert sorted(os.listdir(elsewhere)) == ["secret.png"]


def test_a_continuity_frame_is_written_inside_assets(tmp_path, services):
    project_dir, _, _ = world(tmp_path)
    project = chained(project_dir, "s2")
    added = asyncio.run(continuity_frames(services, project, project_dir, project.shots[1]))
    assert added == {"first_frame": str((project_dir / "assets" / "continuity-s2-first.png").resolve())}


def test_a_link_made_after_loading_is_refused_when_the_request_is_built(tmp_path):
    project_dir, _, secret = world(tmp_path)
    write_png(project_dir / "assets" / "face.png")
    project = Project()
    project.add_shot(Shot(id="s1", prompt="p", first_frame="assets/face.png"))
    assert shot_request(project, project_dir, project.shots[0]).first_frame.endswith("face.png")
    (project_dir / "assets" / "face.png").unlink()
    (project_dir / "assets" / "face.png").symlink_to(secret)
    with pytest.raises(ProjectError) as info:
        shot_request(project, project_dir, project.shots[0])
    assert info.value.field == "first_frame"
    assert "outside the project folder" in info.value.user_message


def test_reference_images_and_take_paths_are_checked_too(tmp_path):
    project_dir, elsewhere, secret = world(tmp_path)
    (project_dir / "assets").mkdir()
    (project_dir / "assets" / "ref.png").symlink_to(secret)
    project = Project()
    project.add_shot(Shot(id="s1", prompt="p", reference_images=["assets/ref.png"]))
    with pytest.raises(ProjectError) as info:
        check_project_paths(project, project_dir)
    assert info.value.field == "reference_images"
    assert info.value.user_message.startswith("Shot 1's reference_images (assets/ref.png) leads outside")
    write_clip(elsewhere / "clip.mp4")
    (project_dir / "assets" / "clip.mp4").symlink_to(elsewhere / "clip.mp4")
    other = Project()
    other.add_shot(Shot(id="s1"))
    other.add_take("s1", Take(id="t1", path="assets/clip.mp4", duration=1.0))
    with pytest.raises(ProjectError) as info:
        check_project_paths(other, project_dir)
    assert info.value.user_message.startswith("Shot 1's take 1 path")
    with pytest.raises(ProjectError):
        project_clips(other, project_dir)  # export reads nothing outside either


def test_an_assets_link_stops_imports_and_takes(tmp_path):
    project_dir, elsewhere, secret = world(tmp_path)
    (project_dir / "assets").symlink_to(elsewhere, target_is_directory=True)
    store = ProjectStore()
    image = write_png(tmp_path / "photo.png")
    with pytest.raises(ProjectError) as info:
        store.import_asset(project_dir, image)
    assert info.value.field == "assets"
    clip = write_clip(tmp_path / "clips" / "job.mp4")
    job = Job.new("animatic:kenburns", {"prompt": "p", "duration": 1.0}).updated(output_path=str(clip))
    with pytest.raises(ProjectError):
        store.take_for_job(project_dir, job)
    with pytest.raises(ProjectError):
        store.save(Project(), project_dir)
    assert sorted(os.listdir(elsewhere)) == ["secret.png"]
    assert secret.exists()


def test_a_dangling_assets_link_is_refused_not_a_traceback(tmp_path):
    project_dir, _, _ = world(tmp_path)
    (project_dir / "assets").symlink_to(tmp_path / "nowhere")
    with pytest.raises(ProjectError):
        ProjectStore().import_asset(project_dir, write_png(tmp_path / "photo.png"))
    assert not (tmp_path / "nowhere").exists()


def test_links_that_stay_inside_the_project_are_fine(tmp_path):
    project_dir, _, _ = world(tmp_path)
    media = project_dir / "media"
    write_png(media / "a.png")
    (project_dir / "assets").symlink_to(media, target_is_directory=True)
    assert inside_project(project_dir, "assets/a.png", "first_frame") == (media / "a.png").resolve()
    assert ProjectStore().import_asset(project_dir, write_png(tmp_path / "b.png")) == "assets/b.png"
    assert (media / "b.png").exists()
    assert id_file(project_dir, "s1", "-first.png") == (media / "continuity-s1-first.png").resolve()


def test_an_image_from_elsewhere_is_copied_in_when_added(tmp_path):
    """How an outside image joins a project: a copy in assets/, never a path to the original."""
    project_dir, _, secret = world(tmp_path)
    rel = ProjectStore().import_asset(project_dir, secret)
    assert rel == "assets/secret.png"
    assert (project_dir / rel).read_bytes() == secret.read_bytes()
    assert not (project_dir / rel).is_symlink()


def test_save_as_copies_the_assets_but_not_links_that_lead_outside(tmp_path):
    project_dir, elsewhere, secret = world(tmp_path)
    write_png(project_dir / "assets" / "start.png")
    (project_dir / "assets" / "sub").mkdir()
    write_png(project_dir / "assets" / "sub" / "deep.png")
    (project_dir / "assets" / "alias.png").symlink_to(project_dir / "assets" / "start.png")
    (project_dir / "assets" / "stolen.png").symlink_to(secret)
    (project_dir / "assets" / "stolen-dir").symlink_to(elsewhere, target_is_directory=True)
    target = tmp_path / "copy"
    ProjectStore().copy_assets(project_dir, target)
    copied = sorted(str(p.relative_to(target)) for p in target.rglob("*"))
    assert copied == ["assets", "assets/alias.png", "assets/start.png", "assets/sub", "assets/sub/deep.png"]
    assert not (target / "assets" / "alias.png").is_symlink()  # a copy, not a link back into the source


def test_a_project_that_would_not_open_again_is_not_saved(tmp_path):
    """Shots built in code skip the field checks; saving checks them so a saved project reopens."""
    store = ProjectStore()
    project = Project("Built in code")
    project.add_shot(Shot(id="s1", prompt="fine"))
    store.save(project, tmp_path / "p")
    before = (tmp_path / "p" / "project.json").read_bytes()
    project.add_shot(Shot(id="s2", title="x" * 600))
    with pytest.raises(ProjectError) as info:
        store.save(project, tmp_path / "p")
    assert info.value.field == "title" and info.value.user_message.startswith("Shot 2's title")
    assert (tmp_path / "p" / "project.json").read_bytes() == before
    assert store.load(tmp_path / "p").to_dict()["shots"][0]["prompt"] == "fine"
