"""``CompareDialog``: the takes of one shot side by side (a grid) or one after another.

Each take plays in its own preview (QtMultimedia where there is a backend; otherwise frames
grabbed by the preview's worker threads, never on the GUI thread) under its number, model,
cost and seed. "Use this take" makes it the shot's chosen take, which is what the cut and the
export use; "Delete take" removes it from the shot while its clip stays in the History library.
Both are commands on the window's undo stack, so Ctrl+Z here (or in the window) takes them back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.project import Project, Shot
from studio.services.storyboard import shot_name

from .. import style
from ..async_utils import connect_core
from ..preview import PreviewPane
from ..storyboard.commands import ChooseTakeCommand, RemoveTakeCommand
from .labels import take_details, take_title


class _TileGrid(QGridLayout):
    """A grid that shrinks its tiles to the view: the scroll area would otherwise size it by the
    wrapped labels' preferred height and push the second row out of sight."""

    def hasHeightForWidth(self) -> bool:
        return False


class TakeTile(QFrame):
    """One take: its preview, what made it, and the buttons to choose or delete it."""

    choose_clicked = Signal(str)
    delete_clicked = Signal(str)

    def __init__(self, take_id: str, path: Path, multimedia: bool | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.take_id = take_id
        self.setObjectName("take_tile")
        self.setFrameShape(QFrame.StyledPanel)
        self.pane = PreviewPane(None, self, multimedia=multimedia)
        self.pane.setMinimumSize(240, 150)
        self.title = QLabel()
        self.title.setObjectName("take_title")
        self.details = QLabel()
        self.details.setObjectName("dim")
        self.details.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Use this take"))
        self.choose_button.setAccessibleName(self.tr("Use this take in the cut"))
        self.delete_button = QPushButton(self.tr("Delete take"))
        self.delete_button.setAccessibleName(self.tr("Delete this take"))
        self.delete_button.setAccessibleDescription(
            self.tr("Removes the take from the shot; its clip stays in the History library")
        )
        self.choose_button.clicked.connect(lambda: self.choose_clicked.emit(self.take_id))
        self.delete_button.clicked.connect(lambda: self.delete_clicked.emit(self.take_id))
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.choose_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(4)
        lay.addWidget(self.pane, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.details)
        self.pane.show_clip(str(path))

    def set_labels(self, title: str, details: str, chosen: bool) -> None:
        self.title.setText(title)
        self.details.setText(details)
        self.choose_button.setEnabled(not chosen)
        self.setAccessibleName(title)
        border = style.ACCENT if chosen else style.BORDER
        self.setStyleSheet(f"QFrame#take_tile {{ border: 2px solid {border}; border-radius: 6px; }}")


class CompareDialog(QDialog):
    """Compare, choose and delete the takes of one shot. ``chosen(take_id)`` after a choice."""

    chosen = Signal(str)
    message = Signal(str)

    GRID, SEQUENCE = 0, 1

    def __init__(
        self,
        services: Any,
        project: Project,
        folder: Path,
        shot_id: str,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        multimedia: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.project = project
        self.folder = Path(folder)
        self.shot_id = shot_id
        self.undo_stack = undo_stack
        self.multimedia = multimedia
        self.tiles: list[TakeTile] = []
        self._sequence_ids: list[str] = []
        self.setObjectName("compare_dialog")
        self.resize(1180, 760)

        self.header = QLabel()
        self.header.setObjectName("compare_header")
        self.header.setWordWrap(True)
        self.grid_button = QPushButton(self.tr("Side by side"))
        self.sequence_button = QPushButton(self.tr("One after another"))
        self.mode_group = QButtonGroup(self)
        for mode, button in ((self.GRID, self.grid_button), (self.SEQUENCE, self.sequence_button)):
            button.setCheckable(True)
            self.mode_group.addButton(button, mode)
        self.grid_button.setChecked(True)
        self.grid_button.setAccessibleName(self.tr("Show the takes side by side"))
        self.sequence_button.setAccessibleName(self.tr("Play the takes one after another"))
        self.play_button = QPushButton(self.tr("Play all"))
        self.play_button.setAccessibleName(self.tr("Play every take from its start"))
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.grid_button)
        top.addWidget(self.sequence_button)
        top.addSpacing(12)
        top.addWidget(self.play_button)

        self.grid_host = QWidget()
        self.grid = _TileGrid(self.grid_host)
        self.grid.setSpacing(10)
        self.grid.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Takes side by side"))
        scroll.setAccessibleDescription(self.tr("One tile per take: play it, use it in the cut or delete it"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(self.grid_host)

        self.sequence = PreviewPane(None, self, multimedia=multimedia)
        self.sequence.setAccessibleName(self.tr("The takes, one after another"))
        self.sequence_title = QLabel()
        self.sequence_details = QLabel()
        self.sequence_details.setObjectName("dim")
        self.sequence_choose = QPushButton(self.tr("Use this take"))
        self.sequence_choose.setAccessibleName(self.tr("Use the take playing now in the cut"))
        self.sequence_choose.clicked.connect(self._choose_playing)
        sequence_page = QWidget()
        seq = QVBoxLayout(sequence_page)
        seq.setContentsMargins(0, 0, 0, 0)
        seq.addWidget(self.sequence, 1)
        row = QHBoxLayout()
        row.addWidget(self.sequence_title)
        row.addWidget(self.sequence_details, 1)
        row.addWidget(self.sequence_choose)
        seq.addLayout(row)

        self.stack = QStackedWidget()
        self.stack.addWidget(scroll)
        self.stack.addWidget(sequence_page)

        self.note = QLabel(self.tr("A deleted take's clip stays in the History library; Ctrl+Z brings the take back."))
        self.note.setObjectName("dim")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.close_button)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.stack, 1)
        lay.addLayout(bottom)

        self.undo_action = undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.redo_action = undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.addAction(action)

        self.mode_group.idClicked.connect(self.set_mode)
        self.play_button.clicked.connect(self.toggle_play_all)
        self.sequence.item_changed.connect(lambda _i: self._update_sequence_labels())
        connect_core(project.changed, self, self._project_changed)
        self.refresh()

    # -- state -------------------------------------------------------------------------

    def shot(self) -> Shot | None:
        try:
            return self.project.shot(self.shot_id)
        except KeyError:
            return None

    def take_ids(self) -> list[str]:
        return [tile.take_id for tile in self.tiles]

    def mode(self) -> int:
        return self.stack.currentIndex()

    def set_mode(self, mode: int) -> None:
        self.pause_all()
        self.stack.setCurrentIndex(mode)
        self.mode_group.button(mode).setChecked(True)

    # -- building ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the shot's takes as they are now (after a choice, a delete or an undo)."""
        shot = self.shot()
        if shot is None:
            self.reject()  # the shot was deleted
            return
        self.setWindowTitle(self.tr("Compare takes — {shot}").format(shot=shot_name(self.project, shot)))
        ids = [take.id for take in shot.takes]
        if ids != self.take_ids():
            self._build_tiles(shot)
        if ids != self._sequence_ids:
            self._sequence_ids = ids
            self.sequence.show_cut([(str(self.folder / take.path), 0.0, None) for take in shot.takes])
        for number, (tile, take) in enumerate(zip(self.tiles, shot.takes), 1):
            chosen = take.id == shot.chosen_take_id
            tile.set_labels(take_title(number, chosen), take_details(take, self.services.catalog), chosen)
        prompt = " ".join(shot.prompt.split())
        if len(prompt) > 140:
            prompt = prompt[:139] + "…"
        takes_count = len(ids)  # a plain name: lupdate reads no call as the count
        count = QCoreApplication.translate("CompareDialog", "%n take(s)", "", takes_count)
        self.header.setText(f"<b>{shot_name(self.project, shot)}</b> · {count}<br><span>{prompt}</span>")
        self.play_button.setEnabled(bool(ids))
        self._update_sequence_labels()

    def _build_tiles(self, shot: Shot) -> None:
        for tile in self.tiles:
            tile.pane.shutdown()
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        columns = 1 if len(shot.takes) == 1 else 2 if len(shot.takes) <= 4 else 3
        for index, take in enumerate(shot.takes):
            tile = TakeTile(take.id, self.folder / take.path, self.multimedia, self.grid_host)
            tile.choose_clicked.connect(self.choose)
            tile.delete_clicked.connect(self.delete)
            self.grid.addWidget(tile, index // columns, index % columns)
            self.tiles.append(tile)
        if not shot.takes:
            empty = QLabel(self.tr("This shot has no takes yet."))
            empty.setAlignment(Qt.AlignCenter)
            self.grid.addWidget(empty, 0, 0)

    def _update_sequence_labels(self) -> None:
        shot = self.shot()
        index = max(0, self.sequence.current_index())
        if shot is None or index >= len(shot.takes):
            self.sequence_title.setText("")
            self.sequence_details.setText("")
            self.sequence_choose.setEnabled(False)
            return
        take = shot.takes[index]
        chosen = take.id == shot.chosen_take_id
        self.sequence_title.setText(f"<b>{take_title(index + 1, chosen)}</b>")
        self.sequence_details.setText(take_details(take, self.services.catalog))
        self.sequence_choose.setEnabled(not chosen)

    def _project_changed(self, kind: str, shot_id: str | None) -> None:
        if shot_id == self.shot_id or kind in ("removed", "inserted"):
            self.refresh()

    # -- actions -------------------------------------------------------------------------

    def choose(self, take_id: str) -> None:
        """Make ``take_id`` the shot's chosen take (undoable); the cut uses it from now on."""
        shot = self.shot()
        if shot is None or shot.chosen_take_id == take_id:
            return
        self.undo_stack.push(ChooseTakeCommand(self.project, self.shot_id, take_id))
        self.chosen.emit(take_id)

    def delete(self, take_id: str) -> None:
        """Remove the take from the shot (undoable); its clip stays in the History library."""
        if self.shot() is None:
            return
        self.undo_stack.push(RemoveTakeCommand(self.project, self.shot_id, take_id))
        self.message.emit(self.tr("The take was removed from the shot; its clip is still in the History library."))

    def _choose_playing(self) -> None:
        shot = self.shot()
        index = max(0, self.sequence.current_index())
        if shot is not None and index < len(shot.takes):
            self.choose(shot.takes[index].id)

    def playing(self) -> bool:
        panes = [t.pane for t in self.tiles] if self.mode() == self.GRID else [self.sequence]
        return any(p.is_playing() for p in panes)

    def toggle_play_all(self) -> None:
        if self.playing():
            self.pause_all()
            return
        if self.mode() == self.SEQUENCE:
            self.sequence.seek(0.0)
            self.sequence.play()
        else:
            for number, tile in enumerate(self.tiles):
                # One take's sound at a time: the first plays aloud, the others muted.
                tile.pane.mute_button.setChecked(number > 0)
                tile.pane.seek(0.0)
                tile.pane.play()
        self.play_button.setText(self.tr("Pause all"))

    def pause_all(self) -> None:
        for pane in [t.pane for t in self.tiles] + [self.sequence]:
            pane.pause()
        self.play_button.setText(self.tr("Play all"))

    def done(self, result: int) -> None:
        for pane in [t.pane for t in self.tiles] + [self.sequence]:
            pane.shutdown()
        super().done(result)
