"""Painting of the storyboard timeline: shot cards, their filmstrips and transition markers.

The geometry constants here are shared by the canvas (hit testing) and the panel (its fixed
height). :class:`CardPainting` is mixed into :class:`~studio.ui.storyboard.timeline.TimelineCanvas`
and draws from the canvas's laid-out card rectangles; it never edits anything.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF, QTextLayout, QTextOption

from studio.core.project import Shot

from .. import style
from ..i18n import format_seconds

MARGIN = 12
GAP = 30
HEADER_H = 26
STRIP_H = 72
FOOTER_H = 26
CARD_H = HEADER_H + STRIP_H + FOOTER_H
MIN_CARD_W = 150
HANDLE_W = 8

CONTINUITY_LABELS = {
    "independent": QT_TRANSLATE_NOOP("Continuity", "Independent"),
    "chained": QT_TRANSLATE_NOOP("Continuity", "Chained (from previous shot)"),
    "bridged": QT_TRANSLATE_NOOP("Continuity", "Bridged (first + last frame)"),
}
# Short names of the continuity modes and transitions, for combo boxes and menus.
MODE_NAMES = {
    "independent": QT_TRANSLATE_NOOP("Continuity", "Independent"),
    "chained": QT_TRANSLATE_NOOP("Continuity", "Chained"),
    "bridged": QT_TRANSLATE_NOOP("Continuity", "Bridged"),
    "cut": QT_TRANSLATE_NOOP("Continuity", "Cut"),
    "crossfade": QT_TRANSLATE_NOOP("Continuity", "Crossfade"),
}
CONTINUITY_MARK = {"independent": "", "chained": "⛓", "bridged": "⇄"}


def fmt_seconds(value: float) -> str:
    return format_seconds(value)


def continuity_label(mode: str) -> str:
    """The continuity mode's name in the window's language."""
    return QCoreApplication.translate("Continuity", CONTINUITY_LABELS.get(mode, mode))


def mode_name(mode: str) -> str:
    """A continuity mode's or transition's short name in the window's language."""
    return QCoreApplication.translate("Continuity", MODE_NAMES.get(mode, mode.capitalize()))


def wrap_to_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """``text`` word-wrapped to ``width``, at most ``max_lines`` whole lines; the last one elided."""
    max_lines = max(1, max_lines)
    fm = QFontMetrics(font)
    flat = " ".join(text.split())
    layout = QTextLayout(flat, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    try:
        while len(lines) < max_lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            if len(lines) == max_lines - 1 and start + length < len(flat):
                lines.append(fm.elidedText(flat[start:], Qt.ElideRight, width))
            else:
                lines.append(flat[start:start + length].rstrip())
    finally:
        layout.endLayout()
    return lines


def job_words(text: str) -> str:
    """A card's job state as shown: a mark (never the colour alone) and the words in the
    window's language, e.g. "▶ генерация 40%" for the stored "generating 40%".

    The marks are ones the bundled and common UI fonts have (an emoji such as an hourglass
    paints as an empty box where no emoji font is installed)."""
    match = re.match(r"^(.*?)( \d+%)?$", text)
    key, progress = match.group(1), match.group(2) or ""
    if "fail" in key:
        mark = "✗"
    elif "attention" in key:
        mark = "⚠"
    else:
        mark = "▶" if "generat" in key else "◷"
    return f"{mark} {QCoreApplication.translate('ShotJob', key)}{progress}"


def _job_colour(text: str) -> str:
    return style.ERROR if "fail" in text else style.WARN


class CardPainting:
    """The paint half of the timeline canvas (a mixin over a QWidget with laid-out cards)."""

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event) -> None:
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
            p.drawText(self.rect(), Qt.AlignCenter, self.tr("No shots yet. Click “Add shot” to plan the first one."))
            return
        # Only the cards (and the transitions before them) in the repainted area: with a hundred
        # cards, a card's repaint must not draw the other ninety-nine transitions.
        shots = {shot.id: shot for shot in self.project.shots}
        for index, (sid, rect) in enumerate(self._rects):
            if rect.left() > visible.right() + GAP:
                break  # the cards are laid out left to right
            if rect.right() < visible.left() - GAP:
                continue
            if index > 0:
                self._paint_transition(p, shots[sid], rect)
            self._paint_card(p, index, shots[sid], rect)
        if self.hasFocus() and self.current_id:  # the keyboard focus, beyond the selection border
            focused = self.card_rect(self.current_id)
            if focused is not None:
                p.setBrush(Qt.NoBrush)
                p.setPen(QPen(QColor(style.FOCUS), 2, Qt.DashLine))
                p.drawRoundedRect(QRectF(focused.adjusted(-4, -4, 4, 4)), 8, 8)
        if self._drag_gap is not None:
            x = self._gap_x(self._drag_gap)
            p.setPen(QPen(QColor(style.ACCENT), 3))
            p.drawLine(x, MARGIN - 4, x, MARGIN + CARD_H + 4)

    def announce_current(self) -> None:
        """Tell assistive technology which shot is selected (the cards are painted, not widgets)."""
        sid = self.current_id
        if not sid or all(s.id != sid for s in self.project.shots):
            self.setAccessibleDescription(self.tr("No shot selected. Left and Right select a shot, Alt with an arrow moves it."))
            return
        shot = self.project.shot(sid)
        index = self.project.index_of(sid)
        text = self.tr("Shot %1 of %2: %3, %4.").replace("%1", str(index + 1)).replace("%2", str(len(self.project.shots)))
        text = text.replace("%3", shot.title or self.tr("Untitled")).replace("%4", fmt_seconds(shot.cut_duration))
        self.setAccessibleDescription(text + " " + (self.tr("Has a take.") if shot.chosen_take else self.tr("No take yet.")))

    def _gap_x(self, gap: int) -> int:
        if not self._rects:
            return MARGIN
        if gap >= len(self._rects):
            return self._rects[-1][1].right() + GAP // 2
        return self._rects[gap][1].left() - GAP // 2

    def _paint_transition(self, p: QPainter, shot: Shot, rect: QRect) -> None:
        """A crossfade is two overlapping triangles (⋈, the shots blending); a cut is a thin bar."""
        cx = rect.left() - GAP // 2
        cy = rect.top() + HEADER_H + STRIP_H // 2
        top, bottom = rect.top() + HEADER_H, rect.top() + HEADER_H + STRIP_H
        if shot.transition != "crossfade":
            p.setPen(Qt.NoPen)
            p.setBrush(QColor(style.TEXT_DIM))
            p.drawRoundedRect(QRectF(cx - 1.5, top + 8, 3, STRIP_H - 16), 1.5, 1.5)
            return
        p.setPen(QPen(QColor(style.BORDER), 1))
        p.drawLine(cx, top, cx, bottom)
        half_w, half_h = 11, 9
        left, right, up, down = cx - half_w, cx + half_w, cy - half_h, cy + half_h
        accent = QColor(style.ACCENT)
        fill = QColor(accent)
        fill.setAlpha(110)
        p.setPen(QPen(accent, 1.5))
        p.setBrush(fill)
        p.drawPolygon(QPolygonF([QPointF(left, up), QPointF(right, cy), QPointF(left, down)]))  # outgoing ▷
        p.drawPolygon(QPolygonF([QPointF(right, up), QPointF(left, cy), QPointF(right, down)]))  # incoming ◁
        p.setBrush(Qt.NoBrush)

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
        untitled = self.tr("Untitled")  # lupdate does not read inside f-strings
        title = f"{index + 1}  {mark + ' ' if mark else ''}{shot.title or untitled}"
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
            line_h = fm.lineSpacing()
            for i, line in enumerate(wrap_to_lines(shot.prompt or self.tr("No prompt yet"), self.font(), text_rect.width(), text_rect.height() // line_h)):
                row = QRect(text_rect.left(), text_rect.top() + i * line_h, text_rect.width(), line_h)
                p.drawText(row, Qt.AlignLeft | Qt.AlignVCenter, line)
        if self._trim and self._trim["shot_id"] == shot.id:
            p.fillRect(strip, QColor(76, 141, 255, 40))
        if getattr(self, "_drop_card", None) == shot.id:  # an image dragged over: it becomes the first frame
            p.fillRect(strip, QColor(76, 141, 255, 90))
        job = self.job_text.get(shot.id)
        if job:
            self._paint_job_badge(p, job, strip)
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
            bits.append(self.tr("take %1/%2").replace("%1", str(chosen + 1) if chosen is not None else "–").replace("%2", str(len(shot.takes))))
        else:
            bits.append(self.tr("no take"))
        foot = QRect(rect.left() + 8, rect.bottom() - FOOTER_H + 1, rect.width() - 16, FOOTER_H)
        p.setPen(QColor(style.TEXT_DIM))
        left = "  ·  ".join(bits)
        if job:  # while a job runs, its state (on the strip) replaces the take count
            left = bits[0]
            p.setPen(QColor(_job_colour(job)))
        p.drawText(foot, Qt.AlignVCenter | Qt.AlignLeft, fm.elidedText(left, Qt.ElideRight, foot.width()))

        p.setBrush(Qt.NoBrush)
        p.setPen(QPen(QColor(style.ACCENT if selected else style.BORDER), 2 if selected else 1))
        p.drawPath(path)
        if selected and self.hasFocus():  # keyboard focus: a ring outside the selection border
            ring = QPainterPath()
            ring.addRoundedRect(QRectF(rect).adjusted(-4, -4, 4, 4), 8, 8)
            p.setPen(QPen(QColor(style.ACCENT), 2, Qt.DashLine))
            p.drawPath(ring)

    def job_badge(self, text: str, strip: QRect) -> tuple[QRect, QFont, list[str]]:
        """Where a job's state is written on a card's strip: the box, its font, its lines.

        Written large on the strip rather than in the footer, so "generating 40%" stays whole
        on the narrowest (3 s) card; a longer text wraps onto a second line.
        """
        font = QFont(self.font())
        font.setBold(True)
        inner = strip.adjusted(6, 6, -6, -6)
        lines = wrap_to_lines(text, font, inner.width() - 12, 2)
        fm = QFontMetrics(font)
        width = min(inner.width(), max(fm.horizontalAdvance(line) for line in lines) + 16)
        height = fm.lineSpacing() * len(lines) + 8
        box = QRect(0, 0, width, height)
        box.moveCenter(inner.center())
        return box, font, lines

    def _paint_job_badge(self, p: QPainter, text: str, strip: QRect) -> None:
        box, font, lines = self.job_badge(job_words(text), strip)
        p.fillRect(strip, QColor(21, 23, 27, 170))  # the prompt or frames behind step back
        p.setPen(QPen(QColor(_job_colour(text)), 1))
        p.setBrush(QColor(21, 23, 27, 235))
        p.drawRoundedRect(QRectF(box), 5, 5)
        p.setFont(font)
        p.setPen(QColor(_job_colour(text)))
        line_h = QFontMetrics(font).lineSpacing()
        for i, line in enumerate(lines):
            p.drawText(QRect(box.left(), box.top() + 4 + i * line_h, box.width(), line_h), Qt.AlignCenter, line)
        p.setFont(self.font())

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
            p.drawText(strip, Qt.AlignCenter, self.tr("loading…"))
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

