"""ShotListModel: a Qt list model over a Project's shots, fed by the Project's ``changed`` signal.

The model mirrors the ordered shot ids; each Project event (inserted, removed, moved, updated,
take_added …) becomes the matching begin/end row notification, so views keep their selection.
Row moves requested through the Qt API (``moveRows``, drag and drop) go through the undo stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack

from studio.core.project import Project, Shot

from ..async_utils import EventBridge
from .commands import MoveShotCommand

SHOT_MIME = "application/x-studio-shot-id"

ShotRole = Qt.UserRole + 1
ShotIdRole = Qt.UserRole + 2
DurationRole = Qt.UserRole + 3


class ShotListModel(QAbstractListModel):
    """Rows are shots in project order; ``ShotRole`` gives the Shot itself."""

    shot_changed = Signal(str, str)  # kind, shot_id ("" for project-wide)

    def __init__(self, project: Project, undo_stack: QUndoStack | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = undo_stack
        self._ids: list[str] = [s.id for s in project.shots]
        # Project events come from the GUI thread in practice; the bridge makes that a guarantee.
        self._bridge = EventBridge(project.changed, self)
        self._bridge.fired.connect(self._on_project_changed)

    def detach(self) -> None:
        self._bridge.detach()

    # -- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        try:
            shot = self.project.shot(self._ids[index.row()])
        except KeyError:
            return None
        if role == Qt.DisplayRole:
            return shot.title or self.tr("Shot %1").replace("%1", str(index.row() + 1))
        if role == Qt.ToolTipRole:
            return shot.prompt
        if role == ShotRole:
            return shot
        if role == ShotIdRole:
            return shot.id
        if role == DurationRole:
            return shot.cut_duration
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemIsDragEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropActions:
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SHOT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        if indexes:
            mime.setData(SHOT_MIME, QByteArray(self._ids[indexes[0].row()].encode()))
        return mime

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: QModelIndex) -> bool:
        if action != Qt.MoveAction or not data.hasFormat(SHOT_MIME):
            return False
        shot_id = bytes(data.data(SHOT_MIME)).decode()
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._ids)
        return self.move_shot_to_gap(shot_id, row)

    def moveRows(self, parent: QModelIndex, source_row: int, count: int, dest_parent: QModelIndex, dest_child: int) -> bool:
        if count != 1 or not 0 <= source_row < len(self._ids):
            return False
        return self.move_shot_to_gap(self._ids[source_row], dest_child)

    # -- helpers ---------------------------------------------------------------------

    def move_shot_to_gap(self, shot_id: str, gap: int) -> bool:
        """Move a shot so it lands before the shot now at ``gap`` (Qt's drop-row convention)."""
        old = self._ids.index(shot_id)
        new = gap - 1 if gap > old else gap
        new = max(0, min(new, len(self._ids) - 1))
        if new == old:
            return False
        command = MoveShotCommand(self.project, shot_id, new)
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        else:
            command.redo()
        return True

    def shot_at(self, row: int) -> Shot | None:
        if 0 <= row < len(self._ids):
            try:
                return self.project.shot(self._ids[row])
            except KeyError:
                return None
        return None

    def row_of(self, shot_id: str) -> int:
        try:
            return self._ids.index(shot_id)
        except ValueError:
            return -1

    def shot_ids(self) -> list[str]:
        return list(self._ids)

    # -- Project events → Qt notifications -----------------------------------------------

    def _on_project_changed(self, args: tuple) -> None:
        kind = args[0] if args else ""
        shot_id = args[1] if len(args) > 1 else None
        actual = [s.id for s in self.project.shots]
        if kind == "inserted" and shot_id in actual and shot_id not in self._ids:
            row = actual.index(shot_id)
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.insert(row, shot_id)
            self.endInsertRows()
        elif kind == "removed" and shot_id in self._ids:
            row = self._ids.index(shot_id)
            self.beginRemoveRows(QModelIndex(), row, row)
            self._ids.pop(row)
            self.endRemoveRows()
        elif kind == "moved" and shot_id in self._ids and shot_id in actual:
            old = self._ids.index(shot_id)
            new = actual.index(shot_id)
            if old != new:
                dest = new + 1 if new > old else new
                self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), dest)
                self._ids.pop(old)
                self._ids.insert(new, shot_id)
                self.endMoveRows()
        elif shot_id and shot_id in self._ids:
            row = self._ids.index(shot_id)
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)
        if self._ids != actual:  # anything we could not follow step by step
            self.beginResetModel()
            self._ids = actual
            self.endResetModel()
        if kind == "settings" and self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))
        self.shot_changed.emit(kind, shot_id or "")
