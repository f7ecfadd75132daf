"""ExportDialog: presets drive the settings, the plan shows, Export writes a real file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studio.core.project import Project, ProjectSettings, Shot, Take
from studio.services.context import build_services
from studio.services.media import probe
from studio.ui.export import ExportDialog

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.emulators._mp4 import make_mp4  # noqa: E402

from uitools import wait_until  # noqa: E402

pytestmark = pytest.mark.ui


@pytest.fixture
def services(tmp_path):
    return build_services(tmp_path / "home", log_to_file=False)


def make_project(folder: Path, sizes: list[tuple[int, int]], duration: float = 1.0) -> Project:
    assets = folder / "assets"
    assets.mkdir(parents=True)
    project = Project("Tiny film", ProjectSettings(width=256, height=144, fps=24.0))
    for i, (w, h) in enumerate(sizes):
        clip = assets / f"shot{i + 1}.mp4"
        clip.write_bytes(make_mp4(duration, width=w, height=h, fps=24))
        shot = project.add_shot(Shot(title=f"Shot {i + 1}", duration=duration))
        project.add_take(shot.id, Take(path=f"assets/{clip.name}", duration=duration, width=w, height=h, has_audio=True))
    return project


@pytest.fixture
def dialog_factory(services, qtbot):
    def make(project: Project, folder: Path) -> ExportDialog:
        dlg = ExportDialog(services, project, folder)
        qtbot.addWidget(dlg)
        dlg.show()
        return dlg

    return make


def test_presets_and_plan(tmp_path, dialog_factory, run):
    folder = tmp_path / "proj"
    project = make_project(folder, [(256, 144), (256, 144)])
    dlg = dialog_factory(project, folder)
    assert dlg.size_combo.currentText() == "Project — 256×144"
    assert (dlg.width_spin.value(), dlg.height_spin.value()) == (256, 144)
    assert not dlg.width_spin.isEnabled()
    assert dlg.output_path() == folder / "exports" / "Tiny film.mp4"

    async def scenario():
        await wait_until(lambda: dlg.plan_lines() != [])
        lines = dlg.plan_lines()
        assert lines[0].startswith("Fast export"), lines
        assert lines[1].startswith("Shot 1") and lines[2].startswith("Shot 2")
        assert dlg.export_button.isEnabled()
        # Vertical preset: every shot must now be re-encoded, and the plan says so.
        dlg.size_combo.setCurrentIndex(dlg.size_combo.findText("Vertical 720p — 720×1280"))
        assert (dlg.width_spin.value(), dlg.height_spin.value()) == (720, 1280)
        await wait_until(lambda: dlg.plan_lines() and dlg.plan_lines()[0].startswith("Re-encode"))
        assert "720x1280" in dlg.plan_lines()[0]
        s = dlg.export_settings()
        assert (s.width, s.height, s.fps, s.quality) == (720, 1280, 24.0, "standard")
        # Custom size unlocks the spin boxes.
        dlg.set_size(300, 200)
        assert dlg.size_combo.currentText() == "Custom" and dlg.width_spin.isEnabled()
        assert dlg.export_settings().width == 300

    run(scenario())


def test_export_writes_the_file_then_offers_the_folder(tmp_path, dialog_factory, run, qtbot):
    folder = tmp_path / "proj"
    project = make_project(folder, [(256, 144), (320, 240)])
    dlg = dialog_factory(project, folder)
    opened = []
    dlg.open_url = lambda url: opened.append(url.toLocalFile()) or True
    exported = []
    dlg.exported.connect(exported.append)

    async def scenario():
        await wait_until(lambda: dlg.export_button.isEnabled())
        assert any("scaled" in line for line in dlg.plan_lines()), dlg.plan_lines()
        dlg.quality_combo.setCurrentIndex(0)  # draft: fastest
        await wait_until(lambda: dlg.export_button.isEnabled())
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
        assert dlg.is_exporting()
        assert dlg.cancel_button.isVisible() and not dlg.export_button.isEnabled()
        assert dlg.progress.isVisible()
        await wait_until(lambda: not dlg.is_exporting(), 30)

    run(scenario())
    out = folder / "exports" / "Tiny film.mp4"
    assert exported == [str(out)], dlg.status.text()
    assert dlg.progress.value() == 1000
    assert dlg.status.text().startswith("Exported Tiny film.mp4")
    info = probe(out)
    assert info.video.width == 256 and info.video.height == 144
    assert info.duration == pytest.approx(2.0, abs=0.15)
    assert info.audio is not None
    assert dlg.open_folder_button.isVisible()
    qtbot.mouseClick(dlg.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(out.parent)]


def test_cancel_stops_the_export_and_leaves_no_file(tmp_path, dialog_factory, run, qtbot):
    folder = tmp_path / "proj"
    project = make_project(folder, [(256, 144), (320, 240)])
    dlg = dialog_factory(project, folder)

    async def scenario():
        await wait_until(lambda: dlg.export_button.isEnabled())
        dlg.start_export()
        qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)  # before the worker gets far
        assert dlg._cancel.is_set()
        await wait_until(lambda: not dlg.is_exporting(), 30)

    run(scenario())
    assert dlg.status.text() == "The export was cancelled; no file was written."
    assert not (folder / "exports" / "Tiny film.mp4").exists()
    assert not dlg.open_folder_button.isVisible()
    assert dlg.export_button.isEnabled()


def test_a_shot_without_a_take_is_explained_in_one_sentence(tmp_path, dialog_factory, run):
    folder = tmp_path / "proj"
    project = make_project(folder, [(256, 144)])
    project.add_shot(Shot(title="Ending"))
    dlg = dialog_factory(project, folder)

    async def scenario():
        await wait_until(lambda: "Ending" in dlg.plan_summary.text())

    run(scenario())
    assert "Shot 2 (Ending) has no chosen take" in dlg.plan_summary.text()
    assert not dlg.export_button.isEnabled()


def test_overwrite_is_confirmed(tmp_path, dialog_factory, run):
    folder = tmp_path / "proj"
    project = make_project(folder, [(256, 144)])
    dlg = dialog_factory(project, folder)
    out = dlg.output_path()
    out.parent.mkdir(parents=True)
    out.write_bytes(b"old")
    asked = []
    dlg.ask_overwrite = lambda path: asked.append(path) or False

    async def scenario():
        await wait_until(lambda: dlg.export_button.isEnabled())
        dlg.start_export()

    run(scenario())
    assert asked == [out]
    assert not dlg.is_exporting()
    assert out.read_bytes() == b"old"


def test_exact_audio_choice_changes_the_plan_and_the_export(tmp_path, dialog_factory, run, qtbot):
    folder = tmp_path / "proj"
    project = make_project(folder, [(256, 144), (256, 144)])
    dlg = dialog_factory(project, folder)
    assert dlg.exact_audio_check.accessibleName() == "Exact audio"
    assert not dlg.exact_audio_check.isChecked()  # copied sound is the default for matching clips

    async def scenario():
        await wait_until(lambda: dlg.plan_lines() != [])
        assert "audio copied" in dlg.plan_lines()[0], dlg.plan_lines()
        qtbot.mouseClick(dlg.exact_audio_check, Qt.MouseButton.LeftButton)
        assert dlg.export_settings().exact_audio
        await wait_until(lambda: "re-encoded as one track" in (dlg.plan_lines() or [""])[0])
        await wait_until(lambda: dlg.export_button.isEnabled())
        qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
        assert not dlg.exact_audio_check.isEnabled()
        await wait_until(lambda: not dlg.is_exporting(), 30)

    run(scenario())
    info = probe(folder / "exports" / "Tiny film.mp4")
    assert info.audio is not None and info.audio.duration == pytest.approx(info.video.duration, abs=1e-3)
