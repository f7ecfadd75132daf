"""Project folders on disk: atomic saves, refusing damage and newer files, assets, recovery."""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from studio.core.errors import ProjectError
from studio.core.jobs import Job
from studio.core.project import SCHEMA_VERSION, Project, Shot
from studio.core.request import GenerationRequest, validate
from studio.services import atomic
from studio.services.atomic import atomic_write_bytes, atomic_write_json
from studio.services.catalog import Catalog
from studio.services.projects import AUTOSAVE_FILE, PROJECT_FILE, ProjectStore


@pytest.fixture
def store() -> ProjectStore:
    return ProjectStore()


def sample_project(title: str = "Film") -> Project:
    p = Project(title)
    p.add_shot(Shot(id="a", prompt="one"))
    p.add_shot(Shot(id="b", prompt="two", transition="crossfade"))
    return p


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".part")))


# -- save / load -------------------------------------------------------------------------


def test_save_then_load(store, tmp_path):
    p = sample_project()
    path = store.save(p, tmp_path / "proj")
    assert path == tmp_path / "proj" / PROJECT_FILE
    assert (tmp_path / "proj" / "assets").is_dir()
    data = json.loads(path.read_text("utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    loaded = store.load(tmp_path / "proj")
    assert loaded.to_dict() == p.to_dict()
    assert leftovers(tmp_path / "proj") == []


def test_save_replaces_the_previous_version(store, tmp_path):
    p = sample_project()
    store.save(p, tmp_path)
    p.update_shot("a", prompt="changed")
    store.save(p, tmp_path)
    assert store.load(tmp_path).shot("a").prompt == "changed"
    assert leftovers(tmp_path) == []


def test_crash_while_serialising_leaves_the_old_file(store, tmp_path, monkeypatch):
    p = sample_project()
    store.save(p, tmp_path)
    before = (tmp_path / PROJECT_FILE).read_bytes()

    def broken_dumps(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(atomic.json, "dumps", broken_dumps)
    p.update_shot("a", prompt="never written")
    with pytest.raises(RuntimeError):
        store.save(p, tmp_path)
    monkeypatch.undo()
    assert (tmp_path / PROJECT_FILE).read_bytes() == before
    assert leftovers(tmp_path) == []


def test_crash_mid_write_leaves_the_old_file_and_no_temp(store, tmp_path, monkeypatch):
    p = sample_project()
    store.save(p, tmp_path)
    before = (tmp_path / PROJECT_FILE).read_bytes()

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    p.update_shot("a", prompt="never written")
    with pytest.raises(OSError):
        store.save(p, tmp_path)
    monkeypatch.undo()
    assert (tmp_path / PROJECT_FILE).read_bytes() == before
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith(".")] == []


def test_atomic_write_helpers(tmp_path):
    target = tmp_path / "deep" / "x.json"
    atomic_write_json(target, {"é": 1})
    assert json.loads(target.read_text("utf-8")) == {"é": 1}
    assert "é" in target.read_text("utf-8")  # ensure_ascii=False
    atomic_write_bytes(target, b"raw")
    assert target.read_bytes() == b"raw"
    assert os.listdir(target.parent) == ["x.json"]


def test_load_missing_project(store, tmp_path):
    with pytest.raises(ProjectError) as info:
        store.load(tmp_path)
    assert PROJECT_FILE in info.value.user_message


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"",
        b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\xfd",
        b"\x00\x01\x02\x03",
        b"[1, 2, 3]",
        b'{"title": "no version"}',
        json.dumps({"schema_version": SCHEMA_VERSION + 1, "title": "future"}).encode(),
        json.dumps({"schema_version": 2, "shots": ["bad"]}).encode(),
    ],
    ids=["truncated", "empty", "binary", "control", "list", "no-version", "newer", "bad-shot"],
)
def test_load_damaged_or_newer_raises_and_leaves_the_file(store, tmp_path, content):
    path = tmp_path / PROJECT_FILE
    path.write_bytes(content)
    mtime = path.stat().st_mtime_ns
    with pytest.raises(ProjectError) as info:
        store.load(tmp_path)
    assert info.value.user_message
    assert path.read_bytes() == content
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == [PROJECT_FILE]


def test_newer_schema_message(store, tmp_path):
    (tmp_path / PROJECT_FILE).write_text(json.dumps({"schema_version": 99}))
    with pytest.raises(ProjectError) as info:
        store.load(tmp_path)
    assert "newer Studio" in info.value.user_message


def test_save_refuses_to_overwrite_a_newer_file(store, tmp_path):
    content = json.dumps({"schema_version": SCHEMA_VERSION + 1, "title": "future"}).encode()
    (tmp_path / PROJECT_FILE).write_bytes(content)
    with pytest.raises(ProjectError) as info:
        store.save(sample_project(), tmp_path)
    assert "newer Studio" in info.value.user_message
    assert (tmp_path / PROJECT_FILE).read_bytes() == content


def test_save_may_replace_a_damaged_file(store, tmp_path):
    (tmp_path / PROJECT_FILE).write_bytes(b"\xff\xfe garbage")
    store.save(sample_project(), tmp_path)
    assert store.load(tmp_path).title == "Film"


def test_load_migrates_v1(store, tmp_path):
    (tmp_path / PROJECT_FILE).write_text(
        json.dumps({"schema_version": 1, "size": "720x1280", "shots": [{"id": "s", "clip": "assets/s.mp4"}]})
    )
    p = store.load(tmp_path)
    assert (p.settings.width, p.settings.height) == (720, 1280)
    assert p.shot("s").chosen_take.path == "assets/s.mp4"


# -- autosave ----------------------------------------------------------------------------


def test_autosave_recovery_and_discard(store, tmp_path):
    p = sample_project()
    store.save(p, tmp_path)
    assert not store.recovery_available(tmp_path)
    p.update_shot("a", prompt="unsaved edit")
    auto = store.autosave(p, tmp_path)
    assert auto.name == AUTOSAVE_FILE
    main_mtime = (tmp_path / PROJECT_FILE).stat().st_mtime
    os.utime(auto, (main_mtime + 10, main_mtime + 10))
    assert store.recovery_available(tmp_path)
    assert store.load_autosave(tmp_path).shot("a").prompt == "unsaved edit"
    assert store.load(tmp_path).shot("a").prompt == "one"
    store.discard_autosave(tmp_path)
    assert not auto.exists()
    assert not store.recovery_available(tmp_path)
    store.discard_autosave(tmp_path)  # twice is fine


def test_an_older_autosave_is_not_offered(store, tmp_path):
    p = sample_project()
    store.save(p, tmp_path)
    auto = store.autosave(p, tmp_path)
    main_mtime = (tmp_path / PROJECT_FILE).stat().st_mtime
    os.utime(auto, (main_mtime - 10, main_mtime - 10))
    assert not store.recovery_available(tmp_path)


def test_autosave_without_a_project_file_is_offered(store, tmp_path):
    store.autosave(sample_project(), tmp_path)
    assert store.recovery_available(tmp_path)


def test_save_removes_the_autosave(store, tmp_path):
    p = sample_project()
    store.autosave(p, tmp_path)
    store.save(p, tmp_path)
    assert not (tmp_path / AUTOSAVE_FILE).exists()
    assert not store.recovery_available(tmp_path)


# -- assets ------------------------------------------------------------------------------


def test_import_asset_copies_dedups_and_renames(store, tmp_path):
    folder = tmp_path / "proj"
    src1 = tmp_path / "one" / "face.png"
    src2 = tmp_path / "two" / "face.png"
    src3 = tmp_path / "three" / "face.png"
    for src, data in ((src1, b"first"), (src2, b"second"), (src3, b"third")):
        src.parent.mkdir()
        src.write_bytes(data)

    assert store.import_asset(folder, src1) == "assets/face.png"
    assert (folder / "assets" / "face.png").read_bytes() == b"first"
    # identical content: the same asset, no copy
    assert store.import_asset(folder, src1) == "assets/face.png"
    # same name, other content: a new unique name
    assert store.import_asset(folder, src2) == "assets/face-1.png"
    assert store.import_asset(folder, src3) == "assets/face-2.png"
    # and each of those dedups too
    assert store.import_asset(folder, src2) == "assets/face-1.png"
    assert (folder / "assets" / "face-1.png").read_bytes() == b"second"
    assert (folder / "assets" / "face-2.png").read_bytes() == b"third"
    assert sorted(p.name for p in (folder / "assets").iterdir()) == ["face-1.png", "face-2.png", "face.png"]


def test_same_size_different_content_is_not_a_duplicate(store, tmp_path):
    a = tmp_path / "a" / "x.bin"
    b = tmp_path / "b" / "x.bin"
    a.parent.mkdir()
    b.parent.mkdir()
    a.write_bytes(b"AAAA")
    b.write_bytes(b"BBBB")
    store.import_asset(tmp_path / "p", a)
    assert store.import_asset(tmp_path / "p", b) == "assets/x-1.bin"


def test_import_of_a_file_already_in_assets(store, tmp_path):
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "in.png").write_bytes(b"x")
    assert store.import_asset(tmp_path, assets / "in.png") == "assets/in.png"
    assert os.listdir(assets) == ["in.png"]


def test_resolve(tmp_path):
    assert ProjectStore.resolve(tmp_path, None) is None
    assert ProjectStore.resolve(tmp_path, "") is None
    assert ProjectStore.resolve(tmp_path, "assets/a.png") == tmp_path.resolve() / "assets" / "a.png"
    for outside in (str(tmp_path / "elsewhere.png"), "../elsewhere.png", "assets/../../x.png"):
        with pytest.raises(ProjectError) as info:
            ProjectStore.resolve(tmp_path, outside, "first_frame")
        assert info.value.field == "first_frame" and "first_frame" in info.value.user_message


def test_attach_take(store, tmp_path):
    clip = tmp_path / "clips" / "job.mp4"
    clip.parent.mkdir()
    clip.write_bytes(b"mp4")
    p = sample_project()
    job = Job.new("animatic:kenburns", {"prompt": "one", "duration": 3.0, "seed": 5}, cost_quote=0.0)
    job = job.updated(output_path=str(clip))
    info = SimpleNamespace(duration=2.96, video=SimpleNamespace(width=1280, height=720), audio=object())
    take = store.attach_take(p, tmp_path / "proj", "a", job, info)
    assert take.path == "assets/job.mp4"
    assert (tmp_path / "proj" / "assets" / "job.mp4").read_bytes() == b"mp4"
    assert (take.job_id, take.model_id, take.seed, take.cost) == (job.id, "animatic:kenburns", 5, 0.0)
    assert (take.duration, take.width, take.height, take.has_audio) == (2.96, 1280, 720, True)
    assert p.shot("a").chosen_take is take
    bare = store.attach_take(p, tmp_path / "proj", "b", job)
    assert bare.duration == 3.0 and bare.width == 0 and not bare.has_audio
    with pytest.raises(ProjectError):
        store.attach_take(p, tmp_path / "proj", "a", Job.new("m:x", {}))


# -- sample ------------------------------------------------------------------------------


def test_create_sample_makes_three_valid_animatic_shots(store, tmp_path):
    p = store.create_sample(tmp_path / "sample")
    loaded = store.load(tmp_path / "sample")
    assert loaded.to_dict() == p.to_dict()
    assert len(p.shots) == 3
    catalog = Catalog()
    for shot in p.shots:
        assert shot.model_id == "animatic:kenburns"
        assert shot.prompt
        spec = catalog.get(shot.model_id)
        result = validate(
            spec,
            GenerationRequest(model_id=shot.model_id, prompt=shot.prompt, duration=shot.duration),
        )
        assert result.cost == 0.0
        assert result.warnings == ()
    assert p.duration > 0
    assert p.duration < sum(s.duration for s in p.shots)  # the last shot crossfades in
