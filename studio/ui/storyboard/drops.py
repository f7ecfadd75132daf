"""Files dropped on the timeline from the file manager.

An image dropped on a card becomes that shot's first frame (the window hands it to the
editor's image slots, which import, decode and fit it off the GUI thread like any other
image). Video clips dropped between or after cards become new shots, each with its clip as
the chosen take; they are probed and copied into the project in a worker thread, and added
in one undoable step. :class:`TimelineDrops` is mixed into the timeline canvas.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from studio.core.errors import StudioError
from studio.services.clip_import import is_video_file, shot_from_clip
from studio.services.projects import ProjectStore

from ..async_utils import run_blocking, spawn, user_message
from ..lazy_media import media
from .commands import AddShotsCommand


def dropped_files(mime) -> tuple[list[Path], list[Path]]:
    """The local ``(images, clips)`` in a drag's MIME data, by file name."""
    images: list[Path] = []
    clips: list[Path] = []
    if mime is None or not mime.hasUrls():
        return images, clips
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.suffix.lower() in media.IMAGE_SUFFIXES:
            images.append(path)
        elif is_video_file(path):
            clips.append(path)
    return images, clips


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("TimelineDrops", text, None, n)


class TimelineDrops:
    """The drop half of the timeline canvas (a mixin over the canvas widget)."""

    store: ProjectStore | None = None
    _drop_card: str | None = None

    def _drop_target(self, event) -> tuple[str, object]:
        """("clips", gap) or ("image", shot id) or ("", None) for what a drag at ``event`` would do."""
        images, clips = dropped_files(event.mimeData())
        pos = event.position().toPoint()
        if clips and self.project_dir is not None:
            return "clips", self.gap_at(pos.x())
        if images:
            sid = self.shot_at(pos)
            if sid:
                return "image", sid
        return "", None

    def dragEnterEvent(self, event) -> None:
        images, clips = dropped_files(event.mimeData())
        if images or (clips and self.project_dir is not None):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        kind, target = self._drop_target(event)
        self._drag_gap = target if kind == "clips" else None
        self._drop_card = target if kind == "image" else None
        self.update()
        if kind:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self._end_drop()

    def dropEvent(self, event) -> None:
        kind, target = self._drop_target(event)
        self._end_drop()
        if not kind:
            event.ignore()
            return
        event.acceptProposedAction()
        images, clips = dropped_files(event.mimeData())
        if kind == "clips":
            self.import_clips(clips, int(target))
        else:
            self.set_current(str(target))
            self.first_frame_dropped.emit(str(target), [str(p) for p in images[:1]])

    def _end_drop(self) -> None:
        self._drag_gap = None
        self._drop_card = None
        self.update()

    def import_clips(self, clips: list[Path], gap: int):
        """Check and copy ``clips`` in a worker, then insert them as shots at ``gap`` (one undo step)."""
        folder = self.project_dir
        if folder is None or not clips:
            return None
        store = self.store or ProjectStore()
        project = self.project
        ids = self.model.shot_ids()
        template = project.shot(ids[min(gap, len(ids) - 1)]) if ids else None

        async def work() -> None:
            shots, refused = [], []
            for clip in clips:
                try:
                    shots.append(await run_blocking(shot_from_clip, store, folder, clip, template=template))
                except (StudioError, OSError) as error:
                    refused.append(user_message(error))
            if shots and project is self.project:
                text = _tr("Add %n clip(s) as shots", len(shots))
                index = min(gap, len(project.shots))
                self.undo_stack.push(AddShotsCommand(project, shots, index, text=text))
                self.set_current(shots[0].id)
            if refused:
                self.message.emit(" ".join(refused))
            elif shots:
                self.message.emit(_tr("%n clip(s) added as shots with their take.", len(shots)))

        return spawn(work(), name="import-clips")
