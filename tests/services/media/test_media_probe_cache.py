"""The probe cache: one probe per file version, across plans, exports and runs (via the sidecar)."""

from __future__ import annotations

import json
import os

import pytest
from media_testkit import make_clip, make_sync_clip

from studio.services.media import ClipIn, ExportSettings, plan_stitch, stitch
from studio.services.media import plan as plan_module
from studio.services.media import probe_cache as cache_module
from studio.services.media.probe_cache import ProbeCache


@pytest.fixture
def counted(monkeypatch, tmp_path):
    """A fresh cache with a sidecar in the test folder; counts real probes and keyframe scans."""
    calls = {"probe": [], "keyframes": []}
    real_probe, real_keys = cache_module.probe, cache_module.keyframe_times

    def probe(path):
        calls["probe"].append(path.name)
        return real_probe(path)

    def keyframes(path):
        calls["keyframes"].append(path.name)
        return real_keys(path)

    monkeypatch.setattr(cache_module, "probe", probe)
    monkeypatch.setattr(cache_module, "keyframe_times", keyframes)
    cache = ProbeCache(tmp_path / "data" / "probes.json")
    monkeypatch.setattr(plan_module, "PROBES", cache)
    return cache, calls


def test_a_second_export_does_not_probe_the_clips_again(counted, tmp_path):
    cache, calls = counted
    clips = [make_sync_clip(tmp_path / f"c{i}.mp4", frames=30, gop=15) for i in range(3)]
    items = [ClipIn(clips[0]), ClipIn(clips[1], trim_in=0.5), ClipIn(clips[2])]
    stitch(plan_stitch(items), tmp_path / "first.mp4")
    assert sorted(calls["probe"]) == ["c0.mp4", "c1.mp4", "c2.mp4"]
    assert calls["keyframes"] == ["c1.mp4"]  # only the trimmed clip needs its keyframes

    # The plan dialog re-plans on every change, then the person exports again.
    for fps in (None, 30.0):
        plan = plan_stitch(items, ExportSettings(fps=fps))
    info = stitch(plan, tmp_path / "second.mp4")
    assert len(calls["probe"]) == 3 and len(calls["keyframes"]) == 1
    assert info.video.duration == pytest.approx(2.5, abs=1e-3)


def test_a_changed_file_is_probed_again(counted, tmp_path):
    cache, calls = counted
    clip = make_clip(tmp_path / "shot.mp4", duration=1.0)
    other = make_clip(tmp_path / "other.mp4", duration=1.0)
    assert plan_stitch([clip, other]).duration == pytest.approx(2.0, abs=1e-3)
    make_clip(clip, duration=2.0)  # a new take written over the old file
    assert plan_stitch([clip, other]).duration == pytest.approx(3.0, abs=1e-3)
    assert calls["probe"] == ["shot.mp4", "other.mp4", "shot.mp4"]
    # Same size, new modification time: probed again too.
    stat = os.stat(clip)
    os.utime(clip, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    cache.probe(clip)
    assert calls["probe"][-1] == "shot.mp4" and len(calls["probe"]) == 4


def test_results_survive_a_restart_through_the_sidecar(counted, tmp_path, monkeypatch):
    cache, calls = counted
    clips = [make_clip(tmp_path / f"c{i}.mp4", duration=1.0) for i in range(2)]
    first = plan_stitch(clips)
    assert cache.sidecar.exists()
    restarted = ProbeCache(cache.sidecar)
    monkeypatch.setattr(plan_module, "PROBES", restarted)
    again = plan_stitch(clips)
    assert len(calls["probe"]) == 2  # nothing probed after the restart
    assert [cp.info for cp in again.clips] == [cp.info for cp in first.clips]
    assert again.clips[0].info.video.extradata == first.clips[0].info.video.extradata
    assert again.mode == first.mode == "fast" and again.audio_copy


def test_an_unreadable_sidecar_is_ignored_and_rewritten(counted, tmp_path):
    cache, calls = counted
    cache.sidecar.parent.mkdir(parents=True)
    cache.sidecar.write_text("{not json")
    clip = make_clip(tmp_path / "c.mp4", duration=1.0)
    assert plan_stitch([clip]).mode == "fast"
    assert calls["probe"] == ["c.mp4"]
    assert json.loads(cache.sidecar.read_text())["version"] == 1


def test_the_data_folder_sidecar_is_used_by_default(tmp_path):
    from studio.services.context import build_services
    from studio.services.probe_sidecar import probe_sidecar, set_probe_sidecar

    before = probe_sidecar()
    services = build_services(tmp_path / "home", log_to_file=False)
    try:
        cache = ProbeCache()
        assert cache.sidecar == services.paths.home / "probes.json"
    finally:
        services.jobstore.close()
        set_probe_sidecar(before)
