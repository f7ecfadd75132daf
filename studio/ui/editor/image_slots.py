"""The editor's image inputs: first/last frame and reference images of the shot.

Images dropped on a zone (or anywhere on the editor) are copied into the project's ``assets/``
and, for first/last frames, a copy fitted to the model's exact size (crop or pad) is written
next to them; the shot points at the fitted copy, so the preview shows exactly what is sent.
:class:`ImageSlots` is mixed into :class:`~studio.ui.editor.prompt_editor.PromptEditor`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMenu

from studio.core.errors import StudioError
from studio.core.project import Shot
from studio.core.request import validate
from studio.services.inputs import upright_copy

from ..async_utils import run_blocking, spawn
from ..storyboard.commands import UpdateShotCommand
from ..lazy_media import media
from .images import fitted_name, image_files, parse_fitted
from .request import shot_request

_SLOT_NAMES = {
    "first_frame": QT_TRANSLATE_NOOP("ImageSlots", "first frame"),
    "last_frame": QT_TRANSLATE_NOOP("ImageSlots", "last frame"),
    "reference_images": QT_TRANSLATE_NOOP("ImageSlots", "reference images"),
}


def slot_name(slot: str) -> str:
    """An image slot's name in a sentence ("first frame"), in the window's language."""
    return QCoreApplication.translate("ImageSlots", _SLOT_NAMES.get(slot, slot.replace("_", " ")))

FIT_MODES = ("crop", "pad")
FRAME_SLOTS = ("first_frame", "last_frame")


def _sendable_reference(folder: Path, rel: str, spec) -> str:
    """``rel``, or the project-relative path of the copy ``spec`` can read (see upright_copy)."""
    source = folder / rel
    copy = upright_copy(source, spec, source.parent)
    return rel if copy == source else copy.relative_to(folder).as_posix()


class ImageSlots:
    """Assigning, fitting and previewing the shot's images (a mixin of the prompt editor)."""

    # -- images ------------------------------------------------------------------------

    def assign_images(self, slot: str, files: list[Path]) -> None:
        """Import ``files`` into the project and set them as ``slot`` of the current shot."""
        if self.project is None or self.project_dir is None or self.shot_id is None or not files:
            return
        shot_id = self.shot_id
        spawn(self._assign(slot, shot_id, [Path(f) for f in files]), on_error=self._report)

    async def _assign(self, slot: str, shot_id: str, files: list[Path]) -> None:
        assert self.project is not None and self.project_dir is not None
        folder = self.project_dir
        store = self.services.projects
        rels = [await run_blocking(store.import_asset, folder, f) for f in files]
        # the file must really be an image before we point the shot at it
        for rel in rels:
            await run_blocking(media.load_image, folder / rel)
        shot = self.project.shot(shot_id)
        if slot == "reference_images":
            if self.spec is not None:  # a HEIC or sideways photo goes as an upright JPEG/PNG copy
                spec = self.spec
                rels = [await run_blocking(_sendable_reference, folder, rel, spec) for rel in rels]
            limit = self.spec.max_reference_images if self.spec else len(rels)
            refs = list(shot.reference_images) + [r for r in rels if r not in shot.reference_images]
            value: Any = refs[-limit:] if limit else refs
            text = self.tr("Add reference image") if len(rels) == 1 else self.tr("Add reference images")
        else:
            value = rels[0]
            size = self._target_size(shot)
            crops = {k: v for k, v in shot.crops.items() if k != slot}
            if size is not None:
                value, crop = await self._fit(folder, rels[0], self._fit_mode, size)
                if crop is not None:
                    crops[slot] = list(crop)
            text = self.tr("Set %1").replace("%1", slot_name(slot))
            self.undo_stack.push(UpdateShotCommand(self.project, shot_id, {slot: value, "crops": crops}, text))
            return
        self.undo_stack.push(UpdateShotCommand(self.project, shot_id, {slot: value}, text))

    def _target_size(self, shot: Shot) -> tuple[int, int] | None:
        if self.spec is None:
            return None
        try:
            probe = replace(shot_request(shot, self.spec), prompt="x", first_frame=None, last_frame=None)
            return validate(self.spec, probe, allow_retired=True).size
        except StudioError:
            return None

    async def _fit(
        self, folder: Path, rel: str, mode: str, size: tuple[int, int], stored: list[int] | None = None
    ) -> tuple[str, tuple[int, int, int, int] | None]:
        """Write the fitted copy of ``rel`` (once); returns its project-relative path and the crop.

        The crop is ``stored`` while it has the size's shape, else one that keeps faces in frame.
        """
        original = parse_fitted(rel)
        source = original[0] if original else rel
        names: dict[str, str] = {}

        def destination(crop) -> Path:
            names["target"] = fitted_name(source, mode, size, crop)
            return folder / names["target"]

        _path, crop = await run_blocking(media.fit_to_file, folder / source, size, mode, destination, stored)
        return names["target"], crop

    def _ensure_fitted(self, shot: Shot, size: tuple[int, int]) -> None:
        """Refit first/last frames when the size or fit mode no longer matches (model or aspect changed)."""
        if self.project_dir is None:
            return
        changes_needed = {}
        for slot in FRAME_SLOTS:
            value = getattr(shot, slot)
            if not value:
                continue
            fitted = parse_fitted(value)
            if fitted is None or fitted[2] != tuple(size) or fitted[1] != self._fit_mode:
                changes_needed[slot] = value
        if not changes_needed or getattr(self, "_refitting", False):
            return
        self._refitting = True
        shot_id = shot.id

        async def refit() -> None:
            try:
                assert self.project_dir is not None and self.project is not None
                changes: dict[str, Any] = {}
                crops = dict(shot.crops)
                for slot, value in changes_needed.items():
                    changes[slot], crop = await self._fit(
                        self.project_dir, value, self._fit_mode, size, shot.crops.get(slot)
                    )
                    if crop is not None:
                        crops[slot] = list(crop)
                current = self.project.shot(shot_id)
                if all(getattr(current, s) == changes_needed[s] for s in changes):
                    if crops != current.crops:
                        changes["crops"] = crops
                    self.undo_stack.push(UpdateShotCommand(self.project, shot_id, changes, self.tr("Fit images")))
            finally:
                self._refitting = False

        spawn(refit(), on_error=self._report)

    def _update_fit_preview(self, shot: Shot) -> None:
        value = shot.first_frame or shot.last_frame
        # Without a frame the zones above already say where to drop one: no empty preview.
        self.fit_preview.setVisible(bool(value))
        self.fit_caption.setVisible(bool(value))
        if not value:
            self.fit_preview.show_pixmap(None, self.tr("No first frame"))
            self.fit_caption.setText(self.tr("Drop an image on First frame to start the shot from it (image-to-video)."))
            return
        path = self._abs(value)
        fitted = parse_fitted(value)
        which = self.tr("First frame") if shot.first_frame else self.tr("Last frame")
        slot = "first_frame" if shot.first_frame else "last_frame"
        if fitted and fitted[1] == "crop" and self._show_crop(shot, slot, fitted):
            self.fit_caption.setText(self.tr(
                "%1 as sent: %2, cropped to fill (the bright frame; drag it to move "
                "the crop). Transparent areas are filled with white."
            ).replace("%1", which).replace("%2", f"{fitted[2][0]}×{fitted[2][1]}"))
            return
        pix = self.cache.get(path, self.fit_preview.height())
        if pix is None:
            self.cache.ready.connect(self._preview_ready, Qt.UniqueConnection)
        self.fit_preview.show_pixmap(pix, path.name)
        if fitted:
            self.fit_caption.setText(
                self.tr("%1 as sent: %2, padded (letterboxed). Transparent areas are filled with white.")
                .replace("%1", which).replace("%2", f"{fitted[2][0]}×{fitted[2][1]}")
            )
        else:
            self.fit_caption.setText(self.tr("%1 as sent: %2 (not fitted).").replace("%1", which).replace("%2", path.name))

    def _show_crop(self, shot: Shot, slot: str, fitted: tuple[str, str, tuple[int, int]]) -> bool:
        """Show the whole source with the crop framed; False while the source is still loading."""
        source = self._abs(fitted[0])
        pix = self.cache.get(source, self.fit_preview.height() * 2)
        size = self.cache.source_size(source)
        if pix is None or size is None:
            self.cache.ready.connect(self._preview_ready, Qt.UniqueConnection)
            return False
        stored = shot.crops.get(slot)
        crop = media.clamp_crop(tuple(stored), size, fitted[2]) if stored else media.centre_crop(size, fitted[2])
        self.fit_preview.show_crop(pix, size, crop, source.name)
        return True

    def _crop_moved(self, crop: tuple) -> None:
        """The fit preview's frame was dragged: refit the frame with that crop, as one undo step."""
        shot = self.shot()
        if shot is None or self.project_dir is None or self.project is None:
            return
        slot = "first_frame" if shot.first_frame else "last_frame"
        value = getattr(shot, slot)
        fitted = parse_fitted(value)
        if not fitted or fitted[1] != "crop":
            return
        shot_id, folder = shot.id, self.project_dir

        async def refit() -> None:
            target, used = await self._fit(folder, value, "crop", fitted[2], list(crop))
            current = self.project.shot(shot_id)
            if getattr(current, slot) != value:
                return  # the frame changed meanwhile; this crop belongs to the old one
            crops = dict(current.crops)
            crops[slot] = list(used)
            self.undo_stack.push(UpdateShotCommand(self.project, shot_id, {slot: target, "crops": crops}, self.tr("Move crop")))

        spawn(refit(), on_error=self._report)

    def _preview_ready(self, _path: str) -> None:
        shot = self.shot()
        if shot is not None:
            self._update_fit_preview(shot)

    # -- drops anywhere on the editor ---------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if self.shot() is not None and image_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self.shot() is not None and image_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = image_files(event.mimeData())
        if not files or self.shot() is None:
            event.ignore()
            return
        event.acceptProposedAction()
        slot = self.choose_slot(event.position().toPoint() if hasattr(event, "position") else None)
        if slot:
            self.assign_images(slot, files if slot == "reference_images" else files[:1])

    def choose_slot(self, pos=None) -> str | None:
        """Ask where a dropped image goes (first frame, last frame or reference)."""
        spec = self.spec
        menu = QMenu(self)
        choices = {}
        for slot, label in (("first_frame", self.tr("Use as first frame")), ("last_frame", self.tr("Use as last frame")), ("reference_images", self.tr("Add as reference"))):
            action = menu.addAction(label)
            if spec is not None and slot not in spec.inputs:
                action.setEnabled(False)
                action.setToolTip(self.tr("%1 takes no %2.").replace("%1", spec.name).replace("%2", slot_name(slot)))
            choices[action] = slot
        chosen = menu.exec(self.mapToGlobal(pos) if pos is not None else self.cursor().pos())
        return choices.get(chosen)
