"""Undoable storyboard edits: each command calls a Project method and keeps what undo needs."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from studio.core.project import Project, Shot, Take

# Merge ids: consecutive edits of one text field of one shot become one undo step.
_MERGE_TEXT = 1001


class AddShotCommand(QUndoCommand):
    def __init__(self, project: Project, shot: Shot, index: int | None = None, text: str = "") -> None:
        super().__init__(text or QCoreApplication.translate("Commands", "Add shot"))
        self.project = project
        self.shot = shot
        self.index = len(project.shots) if index is None else index

    def redo(self) -> None:
        self.project.insert_shot(self.index, self.shot)

    def undo(self) -> None:
        self.project.remove_shot(self.shot.id)


class AddShotsCommand(QUndoCommand):
    """Insert several shots (a split story) as one step; sets the project's style when it has none."""

    def __init__(self, project: Project, shots: list[Shot], index: int | None = None, *, style: str = "",
                 text: str = "") -> None:  # fmt: skip
        super().__init__(text or QCoreApplication.translate("Commands", "Add shots from story"))
        self.project = project
        self.shots = list(shots)
        self.index = len(project.shots) if index is None else index
        self.style = style
        self._previous_style: dict[str, Any] | None = None

    def redo(self) -> None:
        for offset, shot in enumerate(self.shots):
            self.project.insert_shot(self.index + offset, shot)
        if self.style and not self.project.settings.style:
            self._previous_style = self.project.set_settings(style=self.style)

    def undo(self) -> None:
        for shot in reversed(self.shots):
            self.project.remove_shot(shot.id)
        if self._previous_style is not None:
            self.project.set_settings(**self._previous_style)
            self._previous_style = None


class DuplicateShotCommand(QUndoCommand):
    def __init__(self, project: Project, shot_id: str) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Duplicate shot"))
        self.project = project
        self.source_id = shot_id
        self.clone_id: str | None = None
        self._clone: Shot | None = None
        self._index = 0

    def redo(self) -> None:
        if self._clone is None:
            self._clone = self.project.duplicate_shot(self.source_id)
            self.clone_id = self._clone.id
            self._index = self.project.index_of(self.clone_id)
        else:
            self.project.insert_shot(self._index, self._clone)

    def undo(self) -> None:
        assert self.clone_id is not None
        self.project.remove_shot(self.clone_id)


class RemoveShotCommand(QUndoCommand):
    def __init__(self, project: Project, shot_id: str) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Delete shot"))
        self.project = project
        self.shot_id = shot_id
        self._index = 0
        self._shot: Shot | None = None

    def redo(self) -> None:
        self._index, self._shot = self.project.remove_shot(self.shot_id)

    def undo(self) -> None:
        assert self._shot is not None
        self.project.insert_shot(self._index, self._shot)


class MoveShotCommand(QUndoCommand):
    def __init__(self, project: Project, shot_id: str, new_index: int) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Move shot"))
        self.project = project
        self.shot_id = shot_id
        self.new_index = new_index
        self._old_index = project.index_of(shot_id)

    def redo(self) -> None:
        self._old_index = self.project.move_shot(self.shot_id, self.new_index)

    def undo(self) -> None:
        self.project.move_shot(self.shot_id, self._old_index)


class UpdateShotCommand(QUndoCommand):
    """Set fields of a shot. ``merge=True`` folds consecutive edits of the same fields into one step."""

    def __init__(
        self, project: Project, shot_id: str, changes: dict[str, Any], text: str | None = None, *, merge: bool = False
    ) -> None:
        super().__init__(text or _describe(changes))
        self.project = project
        self.shot_id = shot_id
        self.changes = copy.deepcopy(changes)
        self.previous: dict[str, Any] | None = None
        self.merge = merge

    def redo(self) -> None:
        previous = self.project.update_shot(self.shot_id, **copy.deepcopy(self.changes))
        if self.previous is None:
            self.previous = previous

    def undo(self) -> None:
        if self.previous:
            self.project.update_shot(self.shot_id, **copy.deepcopy(self.previous))

    def id(self) -> int:
        return _MERGE_TEXT if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateShotCommand) or not other.merge:
            return False
        if other.shot_id != self.shot_id or set(other.changes) != set(self.changes):
            return False
        self.changes = copy.deepcopy(other.changes)
        return True


class ChooseTakeCommand(QUndoCommand):
    def __init__(self, project: Project, shot_id: str, take_id: str | None) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Choose take"))
        self.project = project
        self.shot_id = shot_id
        self.take_id = take_id
        self._previous: str | None = None

    def redo(self) -> None:
        self._previous = self.project.choose_take(self.shot_id, self.take_id)

    def undo(self) -> None:
        self.project.choose_take(self.shot_id, self._previous)


class AddTakeCommand(QUndoCommand):
    """Add a take (a clip brought back from the History library) and choose it for the cut."""

    def __init__(self, project: Project, shot_id: str, take: Take, text: str = "Add take") -> None:
        super().__init__(text)
        self.project = project
        self.shot_id = shot_id
        self.take = take
        self._previous: str | None = None

    def redo(self) -> None:
        self._previous = self.project.shot(self.shot_id).chosen_take_id
        self.project.add_take(self.shot_id, self.take, choose=True)

    def undo(self) -> None:
        self.project.remove_take(self.shot_id, self.take.id)
        if self._previous is not None:
            self.project.choose_take(self.shot_id, self._previous)


class RemoveTakeCommand(QUndoCommand):
    def __init__(self, project: Project, shot_id: str, take_id: str) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Remove take"))
        self.project = project
        self.shot_id = shot_id
        self.take_id = take_id
        self._take = None
        self._index = 0
        self._was_chosen = False

    def redo(self) -> None:
        shot = self.project.shot(self.shot_id)
        self._index = next(i for i, t in enumerate(shot.takes) if t.id == self.take_id)
        self._was_chosen = shot.chosen_take_id == self.take_id
        self._take = self.project.remove_take(self.shot_id, self.take_id)

    def undo(self) -> None:
        assert self._take is not None
        shot = self.project.shot(self.shot_id)
        previous_choice = shot.chosen_take_id
        self.project.add_take(self.shot_id, self._take, choose=self._was_chosen)
        # put it back where it was in the list
        shot.takes.remove(self._take)
        shot.takes.insert(self._index, self._take)
        if not self._was_chosen and previous_choice is not None:
            shot.chosen_take_id = previous_choice


_LABELS = {
    "prompt": QT_TRANSLATE_NOOP("Commands", "Edit prompt"),
    "negative_prompt": QT_TRANSLATE_NOOP("Commands", "Edit negative prompt"),
    "model_id": QT_TRANSLATE_NOOP("Commands", "Change model"),
    "duration": QT_TRANSLATE_NOOP("Commands", "Change duration"),
    "aspect_ratio": QT_TRANSLATE_NOOP("Commands", "Change aspect ratio"),
    "resolution": QT_TRANSLATE_NOOP("Commands", "Change resolution"),
    "audio": QT_TRANSLATE_NOOP("Commands", "Toggle audio"),
    "seed": QT_TRANSLATE_NOOP("Commands", "Change seed"),
    "first_frame": QT_TRANSLATE_NOOP("Commands", "Set first frame"),
    "last_frame": QT_TRANSLATE_NOOP("Commands", "Set last frame"),
    "reference_images": QT_TRANSLATE_NOOP("Commands", "Change references"),
    "continuity": QT_TRANSLATE_NOOP("Commands", "Change continuity"),
    "transition": QT_TRANSLATE_NOOP("Commands", "Change transition"),
    "trim_in": QT_TRANSLATE_NOOP("Commands", "Trim shot"),
    "trim_out": QT_TRANSLATE_NOOP("Commands", "Trim shot"),
    "title": QT_TRANSLATE_NOOP("Commands", "Rename shot"),
    "extra": QT_TRANSLATE_NOOP("Commands", "Change parameter"),
}


def _describe(changes: dict[str, Any]) -> str:
    for key in changes:
        if key in _LABELS:
            return QCoreApplication.translate("Commands", _LABELS[key])
    return QCoreApplication.translate("Commands", "Edit shot")
