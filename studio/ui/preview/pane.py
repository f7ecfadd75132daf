"""``PreviewPane``: play a clip or a whole cut with sound; scrub and step frame by frame.

The cut plays as the export renders it: the same plan (trims, rate, crossfades, length) and
the same renderer (:mod:`studio.services.media.cut_render`), decoded ahead in worker threads
(:mod:`.engine`) so joins play without a gap, crossfades blend, and scrubbing lands on the
exact frame of the cut, inside a crossfade too. A timer on the GUI thread only shows frames
that are ready and feeds the sound device (Qt Multimedia's QAudioSink). Without a sound device
or a multimedia backend the pane plays silently, and says so.

The clock is :mod:`.clock`, the frame view and seek bar :mod:`.widgets`, scrubbing
:mod:`.scrubbing`.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.ui.errors import set_tone

from .clock import Clock
from .cut import CutItem, format_time
from .engine import CutEngine
from .scrubbing import Scrubbing
from .widgets import FrameView, SeekSlider
from ..i18n import format_count, format_number_short
from ..a11y import name

__all__ = ["CutItem", "FrameView", "PreviewPane", "SeekSlider", "format_time", "multimedia_available"]

log = logging.getLogger(__name__)

NO_MULTIMEDIA_NOTE = QT_TRANSLATE_NOOP("PreviewPane", "No Qt Multimedia backend here: showing frames only, without sound.")


def multimedia_available() -> bool:
    """Whether QtMultimedia can play here (``STUDIO_NO_MULTIMEDIA=1`` forces frames only)."""
    if os.environ.get("STUDIO_NO_MULTIMEDIA"):
        return False
    try:
        from PySide6.QtMultimedia import QMediaPlayer
        from PySide6.QtMultimediaWidgets import QVideoWidget  # noqa: F401
    except ImportError:
        return False
    try:
        player = QMediaPlayer()
        ok = player.isAvailable()
        player.deleteLater()
        return ok
    except Exception:  # noqa: BLE001 - any failure means "no backend"
        return False


class PreviewPane(Scrubbing, QWidget):
    """Plays one clip (:meth:`show_clip`) or a cut of trimmed clips (:meth:`show_cut`), as exported.

    ``position_changed(seconds)`` reports the position in the whole cut;
    ``item_changed(index)`` when playback moves to another clip of the cut (inside a
    crossfade, to the clip that shows more); ``loaded()`` once a cut is planned.
    """

    position_changed = Signal(float)
    item_changed = Signal(int)
    loaded = Signal()

    def __init__(self, services: Any = None, parent: QWidget | None = None, *, multimedia: bool | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._items: list[CutItem] = []
        self._preview = None  # PreviewPlan of the shown cut, once planned
        self._current = -1  # index into _items
        self._position = 0.0  # seconds into the cut
        self._shown = -1  # output frame on screen
        self._playing = False
        self._dragging = False
        self._resume_after_drag = False
        self._token = 0
        self._generation = 0  # of the engine's current render
        self._clock = Clock()
        self.sound = None

        # No Qt parent: the workers emit from their own threads, so the engine must not be deleted
        # along with the pane while a worker is mid-emit. Python owns it (the workers hold it
        # until they have stopped), and a destroyed pane stops them.
        self.engine = CutEngine()
        self.destroyed.connect(self.engine.close)
        self.engine.planned.connect(self._on_planned)
        self.engine.still_ready.connect(self._on_still)
        self.engine.failed.connect(self._on_render_failed)

        self.frame_view = FrameView()
        self.frame_view.set_text(self.tr("No clip selected."))
        self.frame_view.setAccessibleName(self.tr("Preview picture"))
        self.frame_view.resized.connect(lambda size: setattr(self.engine, "view_size", size))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.frame_view)

        # Left to itself (the window), the pane loads Qt Multimedia after the first paint.
        self._multimedia_pending = multimedia is None
        self._multimedia_wanted = multimedia is not False
        if multimedia:
            self._init_multimedia()

        style = self.style()
        self.play_button = QToolButton()
        self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setToolTip(self.tr("Play (Space)"))
        self.play_button.clicked.connect(self.toggle_play)
        name(self.play_button, self.tr("Play"), self.tr("Play or pause the clip (Space)"))
        self.back_button = QToolButton()
        self.back_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward))
        self.back_button.setToolTip(self.tr("Previous frame (Left)"))
        self.back_button.setAutoRepeat(True)
        self.back_button.clicked.connect(lambda: self.step(-1))
        name(self.back_button, self.tr("Previous frame"), self.tr("One frame back (Left)"))
        self.forward_button = QToolButton()
        self.forward_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.forward_button.setToolTip(self.tr("Next frame (Right)"))
        self.forward_button.setAutoRepeat(True)
        self.forward_button.clicked.connect(lambda: self.step(1))
        name(self.forward_button, self.tr("Next frame"), self.tr("One frame forward (Right)"))
        self.slider = SeekSlider()
        name(self.slider, self.tr("Position"), self.tr("Where the playhead is in the clip or cut"))
        self.slider.sliderPressed.connect(self._on_slider_pressed)
        self.slider.sliderMoved.connect(self._on_slider_moved)
        self.slider.sliderReleased.connect(self._on_slider_released)
        self.slider.actionTriggered.connect(self._on_slider_action)
        self.time_label = QLabel(format_time(0) + " / " + format_time(0))
        self.time_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.time_label.setMinimumWidth(self.time_label.fontMetrics().horizontalAdvance("00:00.00 / 00:00.00") + 8)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.mute_button = QToolButton()
        self.mute_button.setCheckable(True)
        self.mute_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaVolume))
        self.mute_button.setToolTip(self.tr("Mute"))
        self.mute_button.toggled.connect(self._on_mute)
        name(self.mute_button, self.tr("Mute"), self.tr("Turn the sound off or on"))
        self.mute_button.setVisible(self.has_multimedia)

        self.item_label = QLabel()
        self.item_label.setVisible(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        set_tone(self.note, "dim")

        controls = QHBoxLayout()
        controls.setContentsMargins(6, 0, 6, 0)
        controls.setSpacing(4)
        for w in (self.back_button, self.play_button, self.forward_button):
            controls.addWidget(w)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        controls.addWidget(self.mute_button)
        info = QHBoxLayout()
        info.setContentsMargins(8, 0, 8, 6)
        info.addWidget(self.note, 1)
        info.addWidget(self.item_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.stack, 1)
        layout.addLayout(controls)
        layout.addLayout(info)

        self._ticker = QTimer(self)
        self._ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self._ticker.setInterval(10)
        self._ticker.timeout.connect(self._on_tick)

        # Space, Left and Right while the pane (or a child) has focus; the window may route its
        # own Space to toggle_play() so there is one play/pause behaviour everywhere.
        for keys, slot, what in ((Qt.Key.Key_Space, self.toggle_play, self.tr("Play or pause")),
                                 (Qt.Key.Key_Left, lambda: self.step(-1), self.tr("Previous frame")),
                                 (Qt.Key.Key_Right, lambda: self.step(1), self.tr("Next frame"))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setProperty("description", what)  # listed in Help → Keyboard shortcuts
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        if not self._multimedia_wanted:
            self._set_note(QCoreApplication.translate("PreviewPane", NO_MULTIMEDIA_NOTE))
        self._update_controls()

    # -- setup -------------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        # A zero timer set at construction ran before the window's first paint (~40 ms of
        # Qt Multimedia in front of it); once the pane has painted, the window has too.
        if self._multimedia_pending:
            QTimer.singleShot(0, self._start_multimedia)

    def _start_multimedia(self) -> None:
        """Load Qt Multimedia once the event loop runs (after the window's first paint)."""
        if not self._multimedia_pending:
            return  # shut down (or started) meanwhile
        self._multimedia_pending = False
        try:
            self._init_multimedia()
            self.mute_button.setVisible(self.has_multimedia)
            self._update_controls()
        except RuntimeError:  # the pane was destroyed before the loop turned
            pass

    def _init_multimedia(self) -> None:
        if os.environ.get("STUDIO_NO_MULTIMEDIA"):
            self._multimedia_wanted = False
            self._set_note(NO_MULTIMEDIA_NOTE)
            return
        try:
            from .clock import SoundOut

            self.sound = SoundOut(self)
        except ImportError:
            self.sound = None
        if self.sound is None:
            self._set_note(NO_MULTIMEDIA_NOTE)

    @property
    def has_multimedia(self) -> bool:
        """Whether Qt Multimedia is loaded (sound plays when a sound device is there too)."""
        return self.sound is not None

    def _sound_on(self) -> bool:
        return self.sound is not None and self.sound.available

    # -- public API ----------------------------------------------------------------------

    def show_clip(self, path: str) -> None:
        """Show one clip from its start, paused."""
        self.show_cut([(str(path), 0.0, None)])

    def show_cut(self, items: list[CutItem], transitions: list[float] | None = None, fps: float | None = None) -> None:
        """Show a cut, paused at its start: clips in order, each trimmed to ``[trim_in, trim_out)``
        (seconds, ``trim_out`` None = to the end), ``transitions`` seconds of crossfade at each join
        (None: cuts) and ``fps`` the export's rate (None: the rate the export would pick)."""
        self.pause()
        self._token += 1
        self._items = [(str(p), max(0.0, float(i or 0.0)), None if o is None else float(o)) for p, i, o in items]
        self._preview = None
        self._current = -1
        self._position = 0.0
        self._shown = -1
        self.engine.stop()
        self.slider.setRange(0, 0)
        self.frame_view.set_image(None)
        self.frame_view.set_text(self.tr("Loading…") if self._items else self.tr("No clip selected."))
        self._set_note("")
        self._update_item_label()
        self._update_time_label()
        self._update_controls()
        if self._items:
            self.engine.plan(self._token, list(self._items), transitions, fps)

    def clear(self) -> None:
        self.show_cut([])

    def items(self) -> list[CutItem]:
        return list(self._items)

    def duration(self) -> float:
        """Length of the whole cut in seconds, as the export renders it (0 until planned)."""
        cut = self._cut()
        return cut.duration if cut else 0.0

    def position(self) -> float:
        """Where playback is in the whole cut, in seconds."""
        return self._position

    def current_index(self) -> int:
        """The clip (index into the shown items) at the position."""
        return self._current

    def is_playing(self) -> bool:
        return self._playing

    def fps(self) -> float:
        cut = self._cut()
        return float(cut.rate) if cut else 24.0

    def play(self) -> None:
        if not self._playable():
            return
        cut = self._cut()
        if cut.frame_at(self._position) >= cut.total_frames - 1 and self._position >= cut.duration - 1.5 / self.fps():
            self.seek(0.0)
        self._playing = True
        frame = cut.frame_at(self._position)
        self._generation = self.engine.play_from(frame, self._sound_on())
        if self._sound_on():
            self.sound.start()
        self._clock.start(self._position, self.sound if self._sound_on() else None)
        self._ticker.start()
        self._update_controls()

    def pause(self) -> None:
        was = self._playing
        self._playing = False
        self._ticker.stop()
        if was:
            self.engine.stop()
            if self.sound is not None:
                self.sound.stop()
        self._update_controls()

    def toggle_play(self) -> None:
        """Play or pause (Space)."""
        self.pause() if self._playing else self.play()

    def seek(self, seconds: float) -> None:
        """Go to ``seconds`` in the whole cut (clamped); keeps playing if it was."""
        if not self._playable():
            return
        playing = self._playing
        if playing:
            self.pause()
        cut = self._cut()
        self._position = max(0.0, min(seconds, cut.duration))
        self._set_current(self._clip_of(cut.frame_at(self._position)))
        self._show_still(cut.frame_at(self._position))
        self._report_position()
        if playing:
            self.play()

    def step(self, frames: int) -> None:
        """Pause and move ``frames`` frames (negative: back)."""
        if not self._playable():
            return
        self.pause()
        cut = self._cut()
        current = cut.frame_at(self._position)
        target = max(0, min(cut.total_frames - 1, current + frames))
        # Land in the middle of the frame so rounding never picks its neighbour.
        self.seek((target + 0.5) / float(cut.rate))

    # -- internals: the cut --------------------------------------------------------------

    def _cut(self):
        return self._preview.plan.cut if self._preview is not None and self._preview.plan is not None else None

    def _playable(self) -> bool:
        return self._cut() is not None

    def _clip_of(self, frame: int) -> int:
        """Index into the shown items of the clip that owns output ``frame``."""
        cut = self._cut()
        clip = cut.clip_at(frame) if cut else -1
        return self._preview.kept[clip] if clip >= 0 else -1

    def _set_current(self, index: int) -> None:
        if index != self._current:
            self._current = index
            self._update_item_label()
            self.item_changed.emit(index)

    def _on_planned(self, token: int, result) -> None:
        if token != self._token:
            return  # an older cut
        if isinstance(result, str) or result.plan is None:
            problems = [result] if isinstance(result, str) else result.notes
            self.frame_view.set_image(None)
            self.frame_view.set_text(problems[0] if problems else self.tr("Nothing to play."))
            if len(problems) > 1:
                self._set_note(problems[1])
            self._update_controls()
            self.loaded.emit()
            return
        self._preview = result
        self.engine.use(result, f"cut-{token}")
        cut = result.plan.cut
        self.slider.setRange(0, int(round(cut.duration * 1000)))
        notes = result.notes
        if notes:
            more = self.tr(" (and %n more)", "", len(notes) - 1) if len(notes) > 1 else ""
            self._set_note(self.tr("{problem}{more}; skipping it.").format(problem=notes[0].rstrip("."), more=more))
        elif self.sound is not None and not self.sound.available:
            self._set_note(self.tr("No sound device was found: playing without sound."))
        self._position = 0.0
        self._set_current(self._clip_of(0))
        self._show_still(0)
        self._report_position()
        self._update_controls()
        self.loaded.emit()

    def _show_still(self, frame: int) -> None:
        generation, image = self.engine.still(frame)
        self._generation = generation
        if image is not None:
            self.frame_view.set_image(image)
            self._shown = frame

    def _on_still(self, generation: int, frame: int, image: QImage) -> None:
        if generation == self._generation and not self._playing:
            self.frame_view.set_image(image)
            self._shown = frame

    # -- internals: playback -------------------------------------------------------------

    def _on_render_failed(self, message: str) -> None:
        """A clip stopped decoding: say so, and stop rather than wait for frames that never come."""
        self.pause()
        self._set_note(message)

    def _on_tick(self) -> None:
        """Show the frame the clock has reached, if it is ready; feed the sound device."""
        if not self._playing:
            return
        cut = self._cut()
        now = self._clock.now()
        end = cut.duration
        if now >= end and self.engine.next_frame() is None and self._shown >= cut.total_frames - 1:
            self._position = end
            self.pause()
            self._report_position()
            return
        target = cut.frame_at(now)
        ready = self.engine.take_frames(self._generation, target)
        if ready:
            frame, image = ready[-1]
            self.frame_view.set_image(image)
            self._shown = frame
        if self._shown < target and now < end and not self._clock.follows_sound:
            # The next picture is not decoded yet: hold the clock at the one on screen.
            now = max(self._position, cut.seconds_of(max(self._shown, 0) + 1) - 1e-6)
            self._clock.hold(now)
        self._position = min(now, end)
        if self._sound_on():
            for block in self.engine.take_sound(self.sound.free_samples()):
                self.sound.write(block)
        self._set_current(self._clip_of(cut.frame_at(self._position)))
        self._report_position()

    def _on_mute(self, muted: bool) -> None:
        if self.sound is not None:
            self.sound.set_muted(muted)
        style = self.style()
        icon = QStyle.StandardPixmap.SP_MediaVolumeMuted if muted else QStyle.StandardPixmap.SP_MediaVolume
        self.mute_button.setIcon(style.standardIcon(icon))
        self.mute_button.setToolTip(self.tr("Unmute") if muted else self.tr("Mute"))

    # -- internals: labels -----------------------------------------------------------------

    def _report_position(self) -> None:
        if not self._dragging:
            self.slider.blockSignals(True)
            self.slider.setValue(int(round(self._position * 1000)))
            self.slider.blockSignals(False)
        self._update_time_label()
        self.position_changed.emit(self._position)

    def _update_time_label(self) -> None:
        text = f"{format_time(self._position)} / {format_time(self.duration())}"
        if text != self.time_label.text():
            self.time_label.setText(text)
        fps = self.fps()
        self.time_label.setToolTip(self.tr("frame %1 at %2 fps").replace("%1", format_count(int(self._position * fps + 1e-6) + 1)).replace("%2", format_number_short(fps)))

    def _update_item_label(self) -> None:
        count = len(self._items)
        if count > 1 and self._current >= 0:
            self.item_label.setText(self.tr("Clip %1 of %2").replace("%1", str(self._current + 1)).replace("%2", str(count)))
            self.item_label.setVisible(True)
        else:
            self.item_label.setVisible(False)

    def _update_controls(self) -> None:
        playable = self._playable()
        for w in (self.play_button, self.back_button, self.forward_button, self.slider):
            w.setEnabled(playable)
        icon = QStyle.StandardPixmap.SP_MediaPause if self._playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setToolTip(self.tr("Pause (Space)") if self._playing else self.tr("Play (Space)"))

    def _set_note(self, text: str) -> None:
        if not text and not self._multimedia_wanted:
            text = QCoreApplication.translate("PreviewPane", NO_MULTIMEDIA_NOTE)
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def hideEvent(self, event) -> None:
        if not event.spontaneous():  # closed or tabbed away (not a minimised window): stop the sound
            self.pause()
        super().hideEvent(event)

    def shutdown(self) -> None:
        """Stop playback and the workers (call before the app quits)."""
        self._multimedia_pending = False
        self.pause()
        self.engine.close()
