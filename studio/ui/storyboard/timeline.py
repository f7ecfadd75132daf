"""The storyboard timeline: shot cards with filmstrips, reorder by drag, trims and transitions.

:class:`TimelineCanvas` paints one card per shot (width proportional to the shot's length in
the cut) from a :class:`~studio.ui.storyboard.model.ShotListModel`. Every edit it makes is an
undoable command on the shared QUndoStack. :class:`StoryboardPanel` adds the toolbar and the
inspector for the selected shot (take picker, continuity, transition, trim).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from studio.core.project import CONTINUITY_MODES, TRANSITIONS, Project, Shot

from .. import style
from .commands import (
    AddShotCommand,
    ChooseTakeCommand,
    DuplicateShotCommand,
    RemoveShotCommand,
    UpdateShotCommand,
)
from .filmstrip import FilmstripCache
from .model import ShotListModel

MARGIN = 12
GAP = 30
HEADER_H = 26
STRIP_H = 72
FOOTER_H = 26
CARD_H = HEADER_H + STRIP_H + FOOTER_H
MIN_CARD_W = 150
HANDLE_W = 8

CONTINUITY_LABELS = {"independent": "Independent", "chained": "Chained (from previous shot)", "bridged": "Bridged (first + last frame)"}
CONTINUITY_MARK = {"independent": "", "chained": "⛓", "bridged": "⇄"}


def fmt_seconds(value: float) -> str:
    return f"{value:.1f} s"


class TimelineCanvas(QWidget):
    """The painted strip of shot cards."""

    current_changed = Signal(str)  # shot id ("" when none)
    shot_activated = Signal(str)  # double-click
    generate_requested = Signal(str)

    def __init__(self, model: ShotListModel, undo_stack: QUndoStack, project_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.undo_stack = undo_stack
        self.project_dir = project_dir
        self.px_per_second = 40.0
        self.current_id: str | None = None
        self.job_text: dict[str, str] = {}
        self.strips = FilmstripCache(parent=self)
        self.strips.ready.connect(lambda _p: self.update())
        self._rects: list[tuple[str, QRect]] = []
        self._press: QPoint | None = None
        self._press_id: str | None = None
        self._drag_gap: int | None = None
        self._trim: dict[str, Any] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
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

    def sizeHint(self) -> QSize:  # noqa: N802
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
            if (pos - centre).manhattanLength() <= 12:
                return self._rects[i][0]
        return None

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

    def _model_changed(self, *args: Any) -> None:
        ids = self.model.shot_ids()
        if self.current_id not in ids:
            self.set_current(ids[0] if ids else None)
        self._relayout()

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        try:
            self._paint(p, event.rect())
        finally:
            p.end()

    def _paint(self, p: QPainter, visible: QRect) -> None:
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor(style.BG))
        if not self._rects:
            p.setPen(QColor(style.TEXT_DIM))
            p.drawText(self.rect(), Qt.AlignCenter, "No shots yet. Click “Add shot” to plan the first one.")
            return
        for index, (sid, rect) in enumerate(self._rects):
            if index > 0:
                self._paint_transition(p, sid, rect)
            if rect.right() < visible.left() - GAP or rect.left() > visible.right() + GAP:
                continue
            self._paint_card(p, index, self.project.shot(sid), rect)
        if self._drag_gap is not None:
            x = self._gap_x(self._drag_gap)
            p.setPen(QPen(QColor(style.ACCENT), 3))
            p.drawLine(x, MARGIN - 4, x, MARGIN + CARD_H + 4)

    def _gap_x(self, gap: int) -> int:
        if not self._rects:
            return MARGIN
        if gap >= len(self._rects):
            return self._rects[-1][1].right() + GAP // 2
        return self._rects[gap][1].left() - GAP // 2

    def _paint_transition(self, p: QPainter, sid: str, rect: QRect) -> None:
        shot = self.project.shot(sid)
        cx = rect.left() - GAP // 2
        cy = rect.top() + HEADER_H + STRIP_H // 2
        p.setPen(QPen(QColor(style.BORDER), 1))
        p.drawLine(cx, rect.top() + HEADER_H, cx, rect.top() + HEADER_H + STRIP_H)
        box = QRectF(cx - 10, cy - 10, 20, 20)
        p.setBrush(QColor(style.RAISED))
        p.setPen(QPen(QColor(style.ACCENT if shot.transition == "crossfade" else style.BORDER), 1.5))
        p.drawRoundedRect(box, 4, 4)
        p.setPen(QPen(QColor(style.TEXT), 1.5))
        if shot.transition == "crossfade":
            p.drawLine(int(cx - 5), int(cy + 5), int(cx + 5), int(cy - 5))
            p.drawLine(int(cx - 5), int(cy - 5), int(cx + 5), int(cy + 5))
        else:
            p.drawLine(cx, int(cy - 6), cx, int(cy + 6))

    def _paint_card(self, p: QPainter, index: int, shot: Shot, rect: QRect) -> None:
        selected = shot.id == self.current_id
        path = QPainterPath()
        path.addRoundedRect(QRectF(rect), 6, 6)
        p.fillPath(path, QColor(style.PANEL))
        fm = QFontMetrics(self.font())

        # header: number, continuity mark, title
        p.setPen(QColor(style.TEXT))
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        mark = CONTINUITY_MARK.get(shot.continuity, "")
        title = f"{index + 1}  {mark + ' ' if mark else ''}{shot.title or 'Untitled'}"
        head = QRect(rect.left() + 8, rect.top(), rect.width() - 16, HEADER_H)
        p.drawText(head, Qt.AlignVCenter | Qt.AlignLeft, QFontMetrics(bold).elidedText(title, Qt.ElideRight, head.width()))
        p.setFont(self.font())

        # filmstrip (clip frames), the first frame still, or the prompt
        strip = QRect(rect.left() + 1, rect.top() + HEADER_H, rect.width() - 2, STRIP_H)
        p.save()
        p.setClipRect(strip)
        p.fillRect(strip, QColor("#15171b"))
        drawn = self._paint_strip(p, shot, strip)
        if not drawn:
            p.setPen(QColor(style.TEXT_DIM))
            text_rect = strip.adjusted(8, 6, -8, -6)
            p.drawText(text_rect, Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap, shot.prompt or "No prompt yet")
        if self._trim and self._trim["shot_id"] == shot.id:
            p.fillRect(strip, QColor(76, 141, 255, 40))
        p.restore()
        if shot.chosen_take is not None:  # trim handles
            p.setBrush(QColor(style.ACCENT if selected else style.TEXT_DIM))
            p.setPen(Qt.NoPen)
            p.drawRoundedRect(QRectF(strip.left(), strip.top() + 10, 4, STRIP_H - 20), 2, 2)
            p.drawRoundedRect(QRectF(strip.right() - 3, strip.top() + 10, 4, STRIP_H - 20), 2, 2)

        # footer: length, takes, job state
        duration = self._trim_duration(shot) if self._trim and self._trim["shot_id"] == shot.id else shot.cut_duration
        bits = [fmt_seconds(duration)]
        if shot.takes:
            chosen = next((i for i, t in enumerate(shot.takes) if t.id == shot.chosen_take_id), None)
            bits.append(f"take {chosen + 1 if chosen is not None else '–'}/{len(shot.takes)}")
        else:
            bits.append("no take")
        job = self.job_text.get(shot.id)
        foot = QRect(rect.left() + 8, rect.bottom() - FOOTER_H + 1, rect.width() - 16, FOOTER_H)
        p.setPen(QColor(style.TEXT_DIM))
        left = "  ·  ".join(bits)
        if job:  # while a job runs, its state replaces the take count
            left = f"{bits[0]}  ·  {job}"
            p.setPen(QColor(style.ERROR if "fail" in job else style.WARN))
        p.drawText(foot, Qt.AlignVCenter | Qt.AlignLeft, fm.elidedText(left, Qt.ElideRight, foot.width()))

        p.setBrush(Qt.NoBrush)
        p.setPen(QPen(QColor(style.ACCENT if selected else style.BORDER), 2 if selected else 1))
        p.drawPath(path)

    def _paint_strip(self, p: QPainter, shot: Shot, strip: QRect) -> bool:
        take = shot.chosen_take
        source: Path | None = None
        if take is not None and take.path:
            source = self._abs(take.path)
        elif shot.first_frame:
            source = self._abs(shot.first_frame)
        if source is None:
            return False
        frame_w = int(STRIP_H * 16 / 9)
        count = max(1, min(8, strip.width() // frame_w + 1)) if take is not None else 1
        frames = self.strips.get(source, count, STRIP_H)
        if not frames:
            p.setPen(QColor(style.TEXT_DIM))
            p.drawText(strip, Qt.AlignCenter, "loading…")
            return True
        x = strip.left()
        i = 0
        while x < strip.right():
            pix = frames[i % len(frames)]
            p.drawPixmap(x, strip.top() + (STRIP_H - pix.height()) // 2, pix)
            x += max(8, pix.width())
            i += 1
        return True

    def _abs(self, rel: str) -> Path:
        path = Path(rel)
        if path.is_absolute() or self.project_dir is None:
            return path
        return self.project_dir / path

    # -- mouse: select, reorder, trim, transitions ------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802
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

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
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

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
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
                self.undo_stack.push(UpdateShotCommand(self.project, shot.id, changes, "Trim shot"))
            self._relayout()
            return
        if self._drag_gap is not None and self._press_id:
            self.model.move_shot_to_gap(self._press_id, self._drag_gap)
        self._press = None
        self._press_id = None
        self._drag_gap = None
        self.unsetCursor()
        self.update()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        sid = self.shot_at(event.position().toPoint())
        if sid:
            self.shot_activated.emit(sid)

    def _trim_duration(self, shot: Shot) -> float:
        t = self._trim
        assert t is not None
        return max(0.0, t["out"] - t["in"])

    def keyPressEvent(self, event) -> None:  # noqa: N802
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
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.current_id:
            self.shot_activated.emit(self.current_id)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802
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

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        sid = self.shot_at(event.pos())
        menu = QMenu(self)
        if sid is None:
            menu.addAction("Add shot", lambda: self.add_shot())
            menu.exec(event.globalPos())
            return
        self.set_current(sid)
        shot = self.project.shot(sid)
        menu.addAction("Generate", lambda: self.generate_requested.emit(sid))
        menu.addAction("Preview", lambda: self.shot_activated.emit(sid))
        menu.addSeparator()
        takes = menu.addMenu("Take")
        takes.setEnabled(bool(shot.takes))
        for i, take in enumerate(shot.takes):
            action = takes.addAction(f"Take {i + 1} · {take.model_id} · {take.duration:.1f} s")
            action.setCheckable(True)
            action.setChecked(take.id == shot.chosen_take_id)
            action.triggered.connect(lambda _c=False, tid=take.id: self.choose_take(sid, tid))
        cont = menu.addMenu("Continuity")
        for mode in CONTINUITY_MODES:
            action = cont.addAction(CONTINUITY_LABELS[mode])
            action.setCheckable(True)
            action.setChecked(shot.continuity == mode)
            action.triggered.connect(lambda _c=False, m=mode: self.set_field(sid, continuity=m))
        if self.project.index_of(sid) > 0:
            trans = menu.addMenu("Transition in")
            for mode in TRANSITIONS:
                action = trans.addAction(mode.capitalize())
                action.setCheckable(True)
                action.setChecked(shot.transition == mode)
                action.triggered.connect(lambda _c=False, m=mode: self.set_field(sid, transition=m))
        menu.addSeparator()
        menu.addAction("Duplicate", lambda: self.duplicate_shot(sid))
        menu.addAction("Delete", lambda: self.delete_shot(sid))
        menu.exec(event.globalPos())

    # -- edits (all undoable) ----------------------------------------------------------

    def add_shot(self, shot: Shot | None = None) -> Shot:
        ids = self.model.shot_ids()
        index = ids.index(self.current_id) + 1 if self.current_id in ids else len(ids)
        if shot is None:
            template = self.project.shot(self.current_id) if self.current_id in ids else None
            shot = Shot(
                title=f"Shot {len(ids) + 1}",
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


class StoryboardPanel(QWidget):
    """Toolbar + timeline + inspector of the selected shot."""

    current_changed = Signal(str)
    shot_activated = Signal(str)
    generate_requested = Signal(str)
    generate_all_requested = Signal()

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.model: ShotListModel | None = None
        self.canvas: TimelineCanvas | None = None
        self._loading = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 8)
        lay.setSpacing(6)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.add_button = QPushButton("Add shot")
        self.add_button.setToolTip("Add a shot after the selected one (Ctrl+Shift+N)")
        self.duplicate_button = QPushButton("Duplicate")
        self.delete_button = QPushButton("Delete")
        self.generate_all_button = QPushButton("Generate missing")
        self.generate_all_button.setToolTip("Generate every shot that has no take yet, honouring continuity")
        self.summary = QLabel()
        self.summary.setObjectName("dim")
        self.zoom = QSlider(Qt.Horizontal)
        self.zoom.setRange(12, 240)
        self.zoom.setValue(40)
        self.zoom.setFixedWidth(120)
        self.zoom.setToolTip("Zoom (Ctrl+wheel on the timeline)")
        for w in (self.add_button, self.duplicate_button, self.delete_button, self.generate_all_button):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)
        zl = QLabel("Zoom")
        zl.setObjectName("dim")
        bar.addWidget(zl)
        bar.addWidget(self.zoom)
        lay.addLayout(bar)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(False)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setFixedHeight(CARD_H + 2 * MARGIN + 14)
        self.scroll.setStyleSheet(f"QScrollArea {{ background: {style.BG}; border: 1px solid {style.BORDER}; border-radius: 4px; }}")
        lay.addWidget(self.scroll)

        insp = QHBoxLayout()
        insp.setSpacing(6)
        self.take_combo = QComboBox()
        self.take_combo.setObjectName("take")
        self.take_combo.setMinimumContentsLength(14)
        self.take_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.continuity_combo = QComboBox()
        self.continuity_combo.setObjectName("continuity")
        for mode in CONTINUITY_MODES:
            self.continuity_combo.addItem(mode.capitalize(), mode)
            self.continuity_combo.setItemData(self.continuity_combo.count() - 1, CONTINUITY_LABELS[mode], Qt.ToolTipRole)
        self.transition_combo = QComboBox()
        self.transition_combo.setObjectName("transition")
        for mode in TRANSITIONS:
            self.transition_combo.addItem(mode.capitalize(), mode)
        self.trim_in = QDoubleSpinBox()
        self.trim_out = QDoubleSpinBox()
        for spin in (self.trim_in, self.trim_out):
            spin.setDecimals(2)
            spin.setSingleStep(0.1)
            spin.setSuffix(" s")
            spin.setKeyboardTracking(False)
        for label, widget in (
            ("Take", self.take_combo),
            ("Continuity", self.continuity_combo),
            ("Transition in", self.transition_combo),
            ("Trim in", self.trim_in),
            ("out", self.trim_out),
        ):
            l = QLabel(label)
            l.setObjectName("dim")
            insp.addWidget(l)
            insp.addWidget(widget)
            insp.addSpacing(6)
        insp.addStretch(1)
        lay.addLayout(insp)

        self.add_button.clicked.connect(lambda: self.canvas and self.canvas.add_shot())
        self.duplicate_button.clicked.connect(lambda: self.canvas and self.canvas.current_id and self.canvas.duplicate_shot(self.canvas.current_id))
        self.delete_button.clicked.connect(lambda: self.canvas and self.canvas.current_id and self.canvas.delete_shot(self.canvas.current_id))
        self.generate_all_button.clicked.connect(self.generate_all_requested)
        self.zoom.valueChanged.connect(lambda v: self.canvas and self.canvas.set_zoom(float(v)))
        self.take_combo.activated.connect(self._take_picked)
        self.continuity_combo.activated.connect(lambda _i: self._set(continuity=self.continuity_combo.currentData()))
        self.transition_combo.activated.connect(lambda _i: self._set(transition=self.transition_combo.currentData()))
        self.trim_in.valueChanged.connect(lambda v: self._set(trim_in=round(float(v), 2)))
        self.trim_out.valueChanged.connect(self._trim_out_changed)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        self.setMaximumHeight(self.sizeHint().height() + 4)
        self._refresh_inspector()

    def set_project(self, project: Project | None, project_dir: Path | None) -> None:
        if self.model is not None:
            self.model.detach()
            self.model.deleteLater()
        if self.canvas is not None:
            self.scroll.takeWidget()
            self.canvas.deleteLater()
        self.model = None
        self.canvas = None
        if project is not None:
            self.model = ShotListModel(project, self.undo_stack, self)
            self.canvas = TimelineCanvas(self.model, self.undo_stack, Path(project_dir) if project_dir else None)
            self.canvas.set_zoom(float(self.zoom.value()))
            self.scroll.setWidget(self.canvas)
            self.canvas.current_changed.connect(self._current_changed)
            self.canvas.shot_activated.connect(self.shot_activated)
            self.canvas.generate_requested.connect(self.generate_requested)
            self.model.shot_changed.connect(self._shot_changed)
            ids = self.model.shot_ids()
            self.canvas.set_current(ids[0] if ids else None)
        self._refresh_inspector()

    def current_shot_id(self) -> str | None:
        return self.canvas.current_id if self.canvas else None

    def select(self, shot_id: str | None) -> None:
        if self.canvas is not None:
            self.canvas.set_current(shot_id)

    def set_job_text(self, shot_id: str, text: str | None) -> None:
        if self.canvas is None:
            return
        if self.canvas.job_text.get(shot_id) == text:
            return
        if text:
            self.canvas.job_text[shot_id] = text
        else:
            self.canvas.job_text.pop(shot_id, None)
        rect = self.canvas.card_rect(shot_id)
        if rect is not None:
            self.canvas.update(rect.adjusted(-2, -2, 2, 2))

    def _shot_changed(self, kind: str, shot_id: str) -> None:
        if shot_id and shot_id != self.current_shot_id() and kind == "updated":
            self._update_summary()
        else:
            self._refresh_inspector()

    def _update_summary(self) -> None:
        if self.canvas is None:
            self.summary.setText("")
            return
        project = self.canvas.project
        missing = len(project.shots_without_take())
        text = f"{len(project.shots)} shots  ·  {project.duration:.1f} s" + (f"  ·  {missing} without a take" if missing else "")
        if text != self.summary.text():
            self.summary.setText(text)

    def _current_changed(self, shot_id: str) -> None:
        self._refresh_inspector()
        self.current_changed.emit(shot_id)

    def _shot(self) -> Shot | None:
        if self.canvas is None or not self.canvas.current_id:
            return None
        try:
            return self.canvas.project.shot(self.canvas.current_id)
        except KeyError:
            return None

    def _refresh_inspector(self) -> None:
        shot = self._shot()
        self._loading = True
        try:
            has = shot is not None
            for w in (self.take_combo, self.continuity_combo, self.transition_combo, self.trim_in, self.trim_out,
                      self.duplicate_button, self.delete_button):
                w.setEnabled(has)
            self.add_button.setEnabled(self.canvas is not None)
            self.generate_all_button.setEnabled(self.canvas is not None and bool(self.model and self.model.rowCount()))
            self._update_summary()
            self.take_combo.clear()
            if not has:
                return
            assert shot is not None
            if not shot.takes:
                self.take_combo.addItem("No takes yet", None)
                self.take_combo.setEnabled(False)
            for i, take in enumerate(shot.takes):
                self.take_combo.addItem(f"Take {i + 1} · {take.duration:.1f} s", take.id)
                self.take_combo.setItemData(i, f"{take.model_id}\n{take.path}", Qt.ToolTipRole)
                if take.id == shot.chosen_take_id:
                    self.take_combo.setCurrentIndex(i)
            self.continuity_combo.setCurrentIndex(max(0, self.continuity_combo.findData(shot.continuity)))
            first = self.canvas is not None and self.canvas.project.index_of(shot.id) == 0
            self.transition_combo.setCurrentIndex(max(0, self.transition_combo.findData(shot.transition)))
            self.transition_combo.setEnabled(not first)
            self.transition_combo.setToolTip("The first shot has no incoming transition." if first else "How this shot follows the previous one")
            take = shot.chosen_take
            length = take.duration if take and take.duration else shot.duration
            self.trim_in.setRange(0.0, max(0.0, length - 0.1))
            self.trim_out.setRange(0.1, max(0.1, length))
            self.trim_in.setValue(shot.trim_in)
            self.trim_out.setValue(shot.trim_out if shot.trim_out is not None else length)
            self.trim_in.setEnabled(take is not None)
            self.trim_out.setEnabled(take is not None)
            if take is None:
                self.trim_in.setToolTip("Generate a take first; trims apply to the chosen take.")
                self.trim_out.setToolTip("Generate a take first; trims apply to the chosen take.")
        finally:
            self._loading = False

    def _set(self, **changes: Any) -> None:
        if self._loading or self.canvas is None or not self.canvas.current_id:
            return
        self.canvas.set_field(self.canvas.current_id, **changes)

    def _trim_out_changed(self, value: float) -> None:
        shot = self._shot()
        if shot is None or self._loading:
            return
        take = shot.chosen_take
        length = take.duration if take and take.duration else shot.duration
        self._set(trim_out=None if abs(value - length) < 1e-6 else round(float(value), 2))

    def _take_picked(self, index: int) -> None:
        if self._loading or self.canvas is None or not self.canvas.current_id:
            return
        take_id = self.take_combo.itemData(index)
        if take_id:
            self.canvas.choose_take(self.canvas.current_id, take_id)
