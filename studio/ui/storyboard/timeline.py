"""The storyboard timeline canvas: shot cards, reorder by drag, trims and transitions.

:class:`TimelineCanvas` lays out one card per shot (width proportional to the shot's length in
the cut) from a :class:`~studio.ui.storyboard.model.ShotListModel` and handles the mouse and
keyboard; the painting lives in :mod:`.cards`. Every edit it makes is an undoable command on
the shared QUndoStack. The panel around it is :mod:`.panel`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMenu, QScrollArea, QSizePolicy, QToolTip, QWidget

from studio.core.project import CONTINUITY_MODES, TRANSITIONS, Project, Shot

from .cards import (
    CARD_H,
    CONTINUITY_LABELS,
    CONTINUITY_MARK,
    FOOTER_H,
    GAP,
    HANDLE_W,
    HEADER_H,
    MARGIN,
    MIN_CARD_W,
    STRIP_H,
    CardPainting,
    fmt_seconds,
)
from .derive_menu import add_derive_menu
from .commands import (
    AddShotCommand,
    ChooseTakeCommand,
    DuplicateShotCommand,
    RemoveShotCommand,
    UpdateShotCommand,
)
from .drops import TimelineDrops
from .filmstrip import FilmstripCache
from ..shortcuts import declare_keys
from .cards import continuity_label, mode_name
from ..i18n import format_seconds, format_seconds_short
from .model import ShotListModel

__all__ = [
    "CARD_H",
    "CONTINUITY_LABELS",
    "CONTINUITY_MARK",
    "FOOTER_H",
    "GAP",
    "HANDLE_W",
    "HEADER_H",
    "MARGIN",
    "MIN_CARD_W",
    "STRIP_H",
    "TimelineCanvas",
    "fmt_seconds",
]


class TimelineCanvas(TimelineDrops, CardPainting, QWidget):
    """The painted strip of shot cards."""

    current_changed = Signal(str)  # shot id ("" when none)
    shot_activated = Signal(str)  # double-click
    generate_requested = Signal(str)
    compare_requested = Signal(str)
    play_toggle_requested = Signal()  # Space: play or pause the preview
    first_frame_dropped = Signal(str, list)  # shot id, image files
    message = Signal(str)  # a sentence for the status bar
    derive_requested = Signal(str, str)  # shot id, "remix" | "edit" | "extend"

    def __init__(self, model: ShotListModel, undo_stack: QUndoStack, project_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.undo_stack = undo_stack
        self.project_dir = project_dir
        self.px_per_second = 40.0
        self.current_id: str | None = None
        self.job_text: dict[str, str] = {}
        # For a shot: each of remix/edit/extend → None when its take allows it, else why not (set by the panel).
        self.derive_options: Callable[[Shot], dict[str, str | None]] | None = None
        self.strips = FilmstripCache(parent=self)
        self.strips.ready.connect(self._strip_ready)
        self._rects: list[tuple[str, QRect]] = []
        self._press: QPoint | None = None
        self._press_id: str | None = None
        self._drag_gap: int | None = None
        self._trim: dict[str, Any] | None = None
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAccessibleName(self.tr("Storyboard timeline"))
        self.setAccessibleDescription(self.tr(
            "Shot cards in cut order. Left and Right select, Alt+Left and Alt+Right move the shot, "
            "Delete removes it, Ctrl+D duplicates it, Space plays or pauses the preview. "
            "Drop an image on a card for its first frame, or video clips between cards for new shots."
        ))
        declare_keys(self, [
            ("Left", self.tr("Select the previous shot")), ("Right", self.tr("Select the next shot")),
            ("Alt+Left", self.tr("Move the shot left")), ("Alt+Right", self.tr("Move the shot right")),
            ("Delete", self.tr("Delete the shot")), ("Ctrl+D", self.tr("Duplicate the shot")),
            ("Space", self.tr("Play or pause the preview")), ("Return", self.tr("Preview the shot")),
            ("Ctrl+Wheel", self.tr("Zoom the timeline")),
        ])  # fmt: skip
        self.setMinimumHeight(CARD_H + 2 * MARGIN)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
            signal.connect(self._model_changed)
        model.dataChanged.connect(self._data_changed)
        self._relayout()

    # -- geometry ----------------------------------------------------------------------

    @property
    def project(self) -> Project:
        return self.model.project

    def card_width(self, shot: Shot, duration: float | None = None) -> int:
        length = shot.cut_duration if duration is None else duration
        return max(MIN_CARD_W, int(round(length * self.px_per_second)))

    def _relayout(self) -> None:
        x = MARGIN
        rects: list[tuple[str, QRect]] = []
        for shot_id in self.model.shot_ids():
            try:
                shot = self.project.shot(shot_id)
            except KeyError:
                continue
            duration = None
            if self._trim and self._trim["shot_id"] == shot_id:
                duration = self._trim_duration(shot)
            w = self.card_width(shot, duration)
            rects.append((shot_id, QRect(x, MARGIN, w, CARD_H)))
            x += w + GAP
        self._rects = rects
        self.setMinimumWidth(x + MARGIN)
        self.resize(max(self.width(), x + MARGIN), CARD_H + 2 * MARGIN)
        self.update()

    def sizeHint(self) -> QSize:
        width = self._rects[-1][1].right() + MARGIN if self._rects else 400
        return QSize(width, CARD_H + 2 * MARGIN)

    def card_rect(self, shot_id: str) -> QRect | None:
        for sid, rect in self._rects:
            if sid == shot_id:
                return rect
        return None

    def shot_at(self, pos: QPoint) -> str | None:
        for sid, rect in self._rects:
            if rect.contains(pos):
                return sid
        return None

    def gap_at(self, x: int) -> int:
        """The insertion gap (0..n) nearest to ``x``."""
        for i, (_sid, rect) in enumerate(self._rects):
            if x < rect.center().x():
                return i
        return len(self._rects)

    def transition_at(self, pos: QPoint) -> str | None:
        """The id of the shot whose incoming transition marker is at ``pos``."""
        for i in range(1, len(self._rects)):
            rect = self._rects[i][1]
            centre = QPoint(rect.left() - GAP // 2, rect.top() + HEADER_H + STRIP_H // 2)
            offset = pos - centre
            if abs(offset.x()) <= GAP // 2 - 2 and abs(offset.y()) <= STRIP_H // 2 - 4:  # the marker's gap
                return self._rects[i][0]
        return None

    def transition_tooltip(self, shot_id: str) -> str:
        shot = self.project.shot(shot_id)
        if shot.transition == "crossfade":
            return self.tr("Crossfade %1 — click for a cut").replace("%1", format_seconds_short(self.project.transition_seconds(shot_id)))
        return self.tr("Cut — click for a crossfade")

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            sid = self.transition_at(event.pos())
            if sid:
                QToolTip.showText(event.globalPos(), self.transition_tooltip(sid), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _handle_at(self, pos: QPoint) -> tuple[str, str] | None:
        for sid, rect in self._rects:
            shot = self.project.shot(sid)
            if shot.chosen_take is None:
                continue
            strip = QRect(rect.left(), rect.top() + HEADER_H, rect.width(), STRIP_H)
            if not strip.adjusted(-3, 0, 3, 0).contains(pos):
                continue
            if pos.x() <= strip.left() + HANDLE_W:
                return sid, "in"
            if pos.x() >= strip.right() - HANDLE_W:
                return sid, "out"
        return None

    # -- selection ---------------------------------------------------------------------

    def set_current(self, shot_id: str | None, *, emit: bool = True) -> None:
        if shot_id == self.current_id:
            return
        self.current_id = shot_id
        self.update()
        self.announce_current()
        rect = self.card_rect(shot_id) if shot_id else None
        scroll = self._scroll_area()
        if rect is not None and scroll is not None:
            scroll.ensureVisible(rect.center().x(), rect.center().y(), rect.width() // 2 + MARGIN, 0)
        if emit:
            self.current_changed.emit(shot_id or "")

    def _scroll_area(self) -> QScrollArea | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        return parent

    def _data_changed(self, top_left, bottom_right, *_roles: Any) -> None:
        """Repaint only the changed cards, unless a card's width changed (then lay out again)."""
        changed = []
        for row in range(top_left.row(), bottom_right.row() + 1):
            if row >= len(self._rects):
                return self._relayout()
            sid, rect = self._rects[row]
            try:
                shot = self.project.shot(sid)
            except KeyError:
                return self._relayout()
            if self.card_width(shot) != rect.width():
                return self._relayout()
            changed.append(rect)
        for rect in changed:
            self.update(rect.adjusted(-GAP, -4, 4, 4))  # the card and its incoming transition

    def _strip_ready(self, path: str) -> None:
        """Repaint the cards that show ``path`` (a take's clip or a first frame), not all of them."""
        target = Path(path)
        shots = {shot.id: shot for shot in self.project.shots}
        for sid, rect in self._rects:
            shot = shots.get(sid)
            if shot is None:
                continue
            rel = shot.chosen_take.path if shot.chosen_take is not None and shot.chosen_take.path else shot.first_frame
            if rel and self._abs(rel) == target:
                self.update(rect)

    def _model_changed(self, *args: Any) -> None:
        ids = self.model.shot_ids()
        if self.current_id not in ids:
            self.set_current(ids[0] if ids else None)
        self._relayout()

    # -- mouse: select, reorder, trim, transitions ------------------------------------

    def mousePressEvent(self, event) -> None:
        pos = event.position().toPoint()
        self.setFocus()
        if event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
        transition_shot = self.transition_at(pos)
        if transition_shot:
            self.toggle_transition(transition_shot)
            return
        handle = self._handle_at(pos)
        if handle:
            sid, edge = handle
            shot = self.project.shot(sid)
            length = shot.chosen_take.duration if shot.chosen_take and shot.chosen_take.duration else shot.duration
            self._trim = {
                "shot_id": sid,
                "edge": edge,
                "x0": pos.x(),
                "in0": shot.trim_in,
                "out0": shot.trim_out if shot.trim_out is not None else length,
                "length": length,
                "in": shot.trim_in,
                "out": shot.trim_out if shot.trim_out is not None else length,
            }
            self.set_current(sid)
            return
        sid = self.shot_at(pos)
        self._press = pos
        self._press_id = sid
        if sid:
            self.set_current(sid)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position().toPoint()
        if self._trim:
            t = self._trim
            delta = (pos.x() - t["x0"]) / self.px_per_second
            if t["edge"] == "in":
                t["in"] = round(max(0.0, min(t["out0"] - 0.2, t["in0"] + delta)), 2)
            else:
                t["out"] = round(max(t["in0"] + 0.2, min(t["length"], t["out0"] + delta)), 2)
            self._relayout()
            return
        if self._press is not None and self._press_id:
            if (pos - self._press).manhattanLength() >= QApplication.startDragDistance():
                self._drag_gap = self.gap_at(pos.x())
                self.setCursor(Qt.ClosedHandCursor)
                self.update()
            return
        self.setCursor(Qt.SizeHorCursor if self._handle_at(pos) else Qt.PointingHandCursor if self.transition_at(pos) else Qt.ArrowCursor)

    def mouseReleaseEvent(self, event) -> None:
        if self._trim:
            t = self._trim
            self._trim = None
            shot = self.project.shot(t["shot_id"])
            changes: dict[str, Any] = {}
            if abs(t["in"] - shot.trim_in) > 1e-6:
                changes["trim_in"] = t["in"]
            new_out = None if abs(t["out"] - t["length"]) < 1e-6 else t["out"]
            if new_out != shot.trim_out:
                changes["trim_out"] = new_out
            if changes:
                self.undo_stack.push(UpdateShotCommand(self.project, shot.id, changes, self.tr("Trim shot")))
            self._relayout()
            return
        if self._drag_gap is not None and self._press_id:
            self.model.move_shot_to_gap(self._press_id, self._drag_gap)
        self._press = None
        self._press_id = None
        self._drag_gap = None
        self.unsetCursor()
        self.update()

    def mouseDoubleClickEvent(self, event) -> None:
        sid = self.shot_at(event.position().toPoint())
        if sid:
            self.shot_activated.emit(sid)

    def _trim_duration(self, shot: Shot) -> float:
        t = self._trim
        assert t is not None
        return max(0.0, t["out"] - t["in"])

    def keyPressEvent(self, event) -> None:
        ids = self.model.shot_ids()
        if not ids:
            return super().keyPressEvent(event)
        i = ids.index(self.current_id) if self.current_id in ids else 0
        if event.key() == Qt.Key_Right:
            if event.modifiers() & Qt.AltModifier and self.current_id:
                self.model.move_shot_to_gap(self.current_id, i + 2)
            else:
                self.set_current(ids[min(i + 1, len(ids) - 1)])
        elif event.key() == Qt.Key_Left:
            if event.modifiers() & Qt.AltModifier and self.current_id:
                self.model.move_shot_to_gap(self.current_id, max(0, i - 1))
            else:
                self.set_current(ids[max(i - 1, 0)])
        elif event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self.current_id:
            self.delete_shot(self.current_id)
        elif event.key() == Qt.Key_D and event.modifiers() & Qt.ControlModifier and self.current_id:
            self.duplicate_shot(self.current_id)
        elif event.key() == Qt.Key_Space and not event.modifiers():
            self.play_toggle_requested.emit()
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.current_id:
            self.shot_activated.emit(self.current_id)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()  # the focus ring around the selected card

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.ControlModifier:
            factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.set_zoom(self.px_per_second * factor)
            event.accept()
        else:
            scroll = self._scroll_area()
            if scroll is not None:
                bar = scroll.horizontalScrollBar()
                bar.setValue(bar.value() - event.angleDelta().y())
                event.accept()

    def set_zoom(self, px_per_second: float) -> None:
        self.px_per_second = max(12.0, min(240.0, px_per_second))
        self._relayout()

    def contextMenuEvent(self, event) -> None:
        sid = self.shot_at(event.pos())
        menu = QMenu(self)
        if sid is None:
            menu.addAction(self.tr("Add shot"), lambda: self.add_shot())
            menu.exec(event.globalPos())
            return
        self.set_current(sid)
        shot = self.project.shot(sid)
        menu.addAction(self.tr("Generate"), lambda: self.generate_requested.emit(sid))
        menu.addAction(self.tr("Preview"), lambda: self.shot_activated.emit(sid))
        menu.addSeparator()
        takes = menu.addMenu(self.tr("Take"))
        takes.setEnabled(bool(shot.takes))
        for i, take in enumerate(shot.takes):
            action = takes.addAction(self.tr("Take %1 · %2 · %3").replace("%1", str(i + 1)).replace("%2", take.model_id).replace("%3", format_seconds(take.duration)))
            action.setCheckable(True)
            action.setChecked(take.id == shot.chosen_take_id)
            action.triggered.connect(lambda _c=False, tid=take.id: self.choose_take(sid, tid))
        compare = menu.addAction(self.tr("Compare takes…"), lambda: self.compare_requested.emit(sid))
        compare.setEnabled(bool(shot.takes))
        cont = menu.addMenu(self.tr("Continuity"))
        for mode in CONTINUITY_MODES:
            action = cont.addAction(continuity_label(mode))
            action.setCheckable(True)
            action.setChecked(shot.continuity == mode)
            action.triggered.connect(lambda _c=False, m=mode: self.set_field(sid, continuity=m))
        if self.project.index_of(sid) > 0:
            trans = menu.addMenu(self.tr("Transition in"))
            for mode in TRANSITIONS:
                action = trans.addAction(mode_name(mode))
                action.setCheckable(True)
                action.setChecked(shot.transition == mode)
                action.triggered.connect(lambda _c=False, m=mode: self.set_field(sid, transition=m))
        if self.derive_options is not None:
            add_derive_menu(menu, self.derive_options(shot), lambda op: self.derive_requested.emit(sid, op))
        menu.addSeparator()
        menu.addAction(self.tr("Duplicate"), lambda: self.duplicate_shot(sid))
        menu.addAction(self.tr("Delete"), lambda: self.delete_shot(sid))
        menu.exec(event.globalPos())

    # -- edits (all undoable) ----------------------------------------------------------

    def add_shot(self, shot: Shot | None = None) -> Shot:
        ids = self.model.shot_ids()
        index = ids.index(self.current_id) + 1 if self.current_id in ids else len(ids)
        if shot is None:
            template = self.project.shot(self.current_id) if self.current_id in ids else None
            shot = Shot(
                title=self.tr("Shot %1").replace("%1", str(len(ids) + 1)),
                model_id=template.model_id if template else "animatic:kenburns",
                duration=template.duration if template else 4.0,
                aspect_ratio=template.aspect_ratio if template else None,
                resolution=template.resolution if template else None,
            )
        self.undo_stack.push(AddShotCommand(self.project, shot, index))
        self.set_current(shot.id)
        return shot

    def duplicate_shot(self, shot_id: str) -> None:
        command = DuplicateShotCommand(self.project, shot_id)
        self.undo_stack.push(command)
        if command.clone_id:
            self.set_current(command.clone_id)

    def delete_shot(self, shot_id: str) -> None:
        ids = self.model.shot_ids()
        i = ids.index(shot_id)
        self.undo_stack.push(RemoveShotCommand(self.project, shot_id))
        ids = self.model.shot_ids()
        self.set_current(ids[min(i, len(ids) - 1)] if ids else None)

    def choose_take(self, shot_id: str, take_id: str | None) -> None:
        if self.project.shot(shot_id).chosen_take_id != take_id:
            self.undo_stack.push(ChooseTakeCommand(self.project, shot_id, take_id))

    def set_field(self, shot_id: str, **changes: Any) -> None:
        shot = self.project.shot(shot_id)
        if any(getattr(shot, k) != v for k, v in changes.items()):
            self.undo_stack.push(UpdateShotCommand(self.project, shot_id, changes))

    def toggle_transition(self, shot_id: str) -> None:
        shot = self.project.shot(shot_id)
        self.set_field(shot_id, transition="crossfade" if shot.transition == "cut" else "cut")
