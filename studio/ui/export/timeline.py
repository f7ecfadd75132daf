"""File → Export timeline: ask where, then write the cut for an editor off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget
from PySide6.QtCore import QCoreApplication

from studio.core.project import Project
from studio.services.timeline_export import CROSSFADES_KEPT, TIMELINE_FORMATS, export_timeline, timeline_format

from ..async_utils import spawn

FILTERS = ";;".join(
    [
        "OpenTimelineIO (*.otio)",
        "Final Cut Pro X XML (*.fcpxml)",
        "CMX 3600 EDL (*.edl)",
    ]
)


def ask_timeline_path(parent: QWidget, folder: Path, title: str) -> Path | None:
    """A save dialog for a timeline file, defaulting to ``<title>.otio`` in the project folder."""
    from ..project_actions import safe_folder_name

    start = str(Path(folder) / f"{safe_folder_name(title or 'cut')}.otio")
    path, chosen = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("ExportTimeline", "Export timeline"), start, FILTERS)
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in TIMELINE_FORMATS:
        ext = chosen[chosen.rfind("*") + 1 : chosen.rfind(")")] if "*" in chosen else ".otio"
        target = target.with_name(target.name + ext)
    return target


def export_timeline_to(
    project: Project, folder: Path, target: Path, say: Callable[[str], None], on_error: Callable[[BaseException], None]
):
    """Write the timeline in the background; ``say`` gets one sentence when it is done.

    The worker gets a copy of the project taken now, so edits made meanwhile cannot tear it.
    """
    adapter = timeline_format(target)
    project = Project.from_dict(project.to_dict())

    def done(timeline) -> None:
        video = timeline.video_tracks()[0]
        fades = sum(1 for item in video if item.schema_name() == "Transition")
        note = ""
        if adapter not in CROSSFADES_KEPT and any(s.transition == "crossfade" for s in project.shots[1:]):
            note = " " + QCoreApplication.translate("ExportTimeline", "Crossfades became cuts at their middle: add the dissolves in the editor.")
        count = len(project.shots)  # a plain name: lupdate reads no call as the count
        shots = QCoreApplication.translate("ExportTimeline", "%n shot(s)", "", count)
        crossfades = QCoreApplication.translate("ExportTimeline", "%n crossfade(s)", "", fades)
        say(QCoreApplication.translate("ExportTimeline", "Timeline written to %1: %2, %3.").replace("%1", target.name)
            .replace("%2", shots).replace("%3", crossfades) + note)

    return spawn(export_timeline(project, folder, target), on_done=done, on_error=on_error, name="export-timeline")
