"""``PreviewPane``: play a clip or a whole cut with sound; scrub and step frame by frame.

Playback uses QtMultimedia (QMediaPlayer + QAudioOutput + QVideoWidget). Scrubbing shows
frames grabbed with OpenCV in a worker (see :mod:`.frames`), so the picture follows the
slider at once. Without a multimedia backend (a headless machine, a missing plugin) the
pane still works: it shows frames only, plays them silently on a timer, and says so.

The cut model is :mod:`.cut`, the frame view and seek bar :mod:`.widgets`, scrubbing
:mod:`.scrubbing`.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
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

from .cut import CutItem, _Item, format_time
from .frames import ClipFacts, FrameGrabber
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
    """Plays one clip (:meth:`show_clip`) or a cut of trimmed clips in order (:meth:`show_cut`).

    ``position_changed(seconds)`` reports the position in the whole cut;
    ``item_changed(index)`` when playback moves to another clip of the cut.
    """

    position_changed = Signal(float)
    item_changed = Signal(int)
    loaded = Signal()

    def __init__(self, services: Any = None, parent: QWidget | None = None, *, multimedia: bool | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._items: list[_Item] = []
        self._offsets: list[float] = []
        self._current = -1
        self._position = 0.0  # in the cut, seconds (authoritative in frames-only mode and while dragging)
        self._playing = False
        self._dragging = False
        self._resume_after_drag = False
        self._pending_seek: float | None = None  # file seconds, applied once the media has loaded
        self._load_started = False
        self._token = 0
        self._clock_origin = (0.0, 0.0)  # (monotonic, cut seconds) when frames-only play started

        self.grabber = FrameGrabber(self)
        self.grabber.frame_ready.connect(self._on_frame_ready)
        self.grabber.failed.connect(self._on_grab_failed)
        self.grabber.probed.connect(self._on_probed)

        self.frame_view = FrameView()
        self.frame_view.set_text(self.tr("No clip selected."))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.frame_view)

        self.player = None
        self.audio = None
        self.video_widget = None
        # Left to itself (the window), the pane loads Qt Multimedia after the first paint: its
        # backend (FFmpeg, the audio service) is not needed to show the window.
        self._multimedia_pending = multimedia is None
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
        self.mute_button.setVisible(self.player is not None)

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

        self._clock = QTimer(self)
        self._clock.setInterval(40)
        self._clock.timeout.connect(self._on_clock)

        for keys, slot, what in ((Qt.Key.Key_Space, self.toggle_play, self.tr("Play or pause")),
                                 (Qt.Key.Key_Left, lambda: self.step(-1), self.tr("Previous frame")),
                                 (Qt.Key.Key_Right, lambda: self.step(1), self.tr("Next frame"))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setProperty("description", what)  # listed in Help → Keyboard shortcuts
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        if self.player is None and not self._multimedia_pending:
            self._set_note(QCoreApplication.translate("PreviewPane", NO_MULTIMEDIA_NOTE))
        self._update_controls()
        if self._multimedia_pending:
            QTimer.singleShot(0, self._start_multimedia)

    # -- setup -------------------------------------------------------------------------

    def _start_multimedia(self) -> None:
        """Load Qt Multimedia once the event loop runs (after the window's first paint)."""
        if not self._multimedia_pending:
            return  # shut down (or started) meanwhile
        self._multimedia_pending = False
        try:
            if multimedia_available():
                self._init_multimedia()
            self.mute_button.setVisible(self.player is not None)
            if self.player is None:
                self._set_note(QCoreApplication.translate("PreviewPane", NO_MULTIMEDIA_NOTE))
            self._update_controls()
        except RuntimeError:  # the pane was destroyed before the loop turned
            pass

    def _init_multimedia(self) -> None:
        from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video_widget = QVideoWidget()
        self.video_widget.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.player.setVideoOutput(self.video_widget)
        self.stack.addWidget(self.video_widget)
        self.player.positionChanged.connect(self._on_player_position)
        self.player.mediaStatusChanged.connect(self._on_media_status)
        self.player.playbackStateChanged.connect(lambda *_: self._update_controls())
        self.player.errorOccurred.connect(self._on_player_error)
        self._no_sound_device = not QMediaDevices.audioOutputs()

    @property
    def has_multimedia(self) -> bool:
        return self.player is not None

    # -- public API ----------------------------------------------------------------------

    def show_clip(self, path: str) -> None:
        """Show one clip from its start, paused."""
        self.show_cut([(str(path), 0.0, None)])

    def show_cut(self, items: list[CutItem]) -> None:
        """Show a cut: clips in order, each trimmed to ``[trim_in, trim_out)``; paused at the start."""
        self.pause()
        self._token += 1
        self._items = [_Item(str(p), max(0.0, float(i or 0.0)), None if o is None else float(o)) for p, i, o in items]
        self._offsets = [0.0] * len(self._items)
        self._current = -1
        self._position = 0.0
        self._pending_seek = None
        if self.player is not None:
            self.player.stop()
            self.player.setSource(QUrl())
        self.stack.setCurrentWidget(self.frame_view)
        self.frame_view.set_image(None)
        self.frame_view.set_text(self.tr("Loading…") if self._items else self.tr("No clip selected."))
        self._set_note("")
        self._update_controls()
        if self._items:
            self.grabber.probe_async([item.path for item in self._items], self._token)

    def clear(self) -> None:
        self.show_cut([])

    def items(self) -> list[CutItem]:
        return [(it.path, it.trim_in, it.trim_out) for it in self._items]

    def duration(self) -> float:
        """Length of the whole cut in seconds (0 until the clips have been probed)."""
        return sum(item.length for item in self._items)

    def position(self) -> float:
        """Where playback is in the whole cut, in seconds."""
        return self._position

    def current_index(self) -> int:
        return self._current

    def is_playing(self) -> bool:
        return self._playing

    def fps(self) -> float:
        item = self._item()
        return item.fps if item else 24.0

    def play(self) -> None:
        if not self._playable():
            return
        if self._position >= self.duration() - 1e-3:
            self.seek(0.0)
        self._playing = True
        if self.player is not None:
            self.stack.setCurrentWidget(self.video_widget)
            if self._pending_seek is None:
                self.player.play()
        else:
            self._clock_origin = (time.monotonic(), self._position)
            self._clock.start()
        self._update_controls()

    def pause(self) -> None:
        was = self._playing
        self._playing = False
        self._clock.stop()
        if self.player is not None and was:
            self.player.pause()
        self._update_controls()

    def toggle_play(self) -> None:
        self.pause() if self._playing else self.play()

    def seek(self, seconds: float) -> None:
        """Go to ``seconds`` in the whole cut (clamped)."""
        if not self._playable():
            return
        total = self.duration()
        seconds = max(0.0, min(seconds, total))
        index, local = self._locate(seconds)
        self._position = seconds
        if self.player is not None:
            self._load(index, local)
        else:
            self._set_current(index)
            self._clock_origin = (time.monotonic(), seconds)
            self._show_frame(index, local)
        self._report_position()

    def step(self, frames: int) -> None:
        """Pause and move ``frames`` frames (negative: back)."""
        if not self._playable():
            return
        self.pause()
        fps = self.fps()
        # Land in the middle of the target frame so rounding never picks its neighbour.
        current = int(self._position * fps + 1e-6)
        last = max(0, int(self.duration() * fps + 1e-6) - 1)
        self.seek((max(0, min(last, current + frames)) + 0.5) / fps)
        if self.player is None or self._dragging:
            return
        # Show the exact frame (OpenCV) as well: the player may need a moment to render it.
        index, local = self._locate(self._position)
        self._show_frame(index, local)

    # -- internals: the cut ------------------------------------------------------------

    def _item(self) -> _Item | None:
        return self._items[self._current] if 0 <= self._current < len(self._items) else None

    def _playable(self) -> bool:
        return self.duration() > 0

    def _recompute_offsets(self) -> None:
        total = 0.0
        self._offsets = []
        for item in self._items:
            self._offsets.append(total)
            total += item.length

    def _locate(self, seconds: float) -> tuple[int, float]:
        """(index of the clip, seconds into its file) for a position in the cut."""
        last_playable = max((i for i, it in enumerate(self._items) if it.length > 0), default=0)
        for i, item in enumerate(self._items):
            if item.length <= 0:
                continue
            if seconds < self._offsets[i] + item.length or i == last_playable:
                local = min(max(0.0, seconds - self._offsets[i]), item.length)
                return i, item.trim_in + local
        return 0, 0.0

    def _set_current(self, index: int) -> None:
        if index != self._current:
            self._current = index
            self._update_item_label()
            self.item_changed.emit(index)

    def _on_probed(self, token: int, results: list) -> None:
        if token != self._token:
            return  # an older cut
        problems = []
        for item, result in zip(self._items, results):
            if isinstance(result, ClipFacts):
                item.facts = result
                if item.trim_in >= item.end:
                    item.error = self.tr("%1 is trimmed to nothing").replace("%1", os.path.basename(item.path))
            else:
                item.error = str(result)
            if item.error:
                problems.append(item.error)
        self._recompute_offsets()
        total = self.duration()
        self.slider.setRange(0, int(round(total * 1000)))
        if problems:
            others = len(problems) - 1  # a plain name: lupdate reads no call as the count
            more = QCoreApplication.translate("PreviewPane", " (and %n more)", "", others) if others else ""
            self._set_note(problems[0].rstrip(".") + more + "; " + (self.tr("skipping it.") if total else self.tr("nothing to play.")))
        elif self.player is not None and self._no_sound_device:
            self._set_note(self.tr("No sound device was found: playing without sound."))
        if total <= 0:
            self.frame_view.set_image(None)
            self.frame_view.set_text(problems[0] if problems else self.tr("Nothing to play."))
            self._update_controls()
            self.loaded.emit()
            return
        for item in self._items:
            if item.facts and not item.error:
                self.grabber.prefetch(item.facts, count=min(48, max(8, int(item.length * 4))))
        index, local = self._locate(0.0)
        self._position = 0.0
        self._show_frame(index, local)
        if self.player is not None:
            self._load(index, local)
        else:
            self._set_current(index)
        self._report_position()
        self._update_controls()
        self.loaded.emit()

    # -- internals: the player -----------------------------------------------------------

    def _load(self, index: int, file_seconds: float) -> None:
        item = self._items[index]
        assert self.player is not None
        same = index == self._current or (self._item() is not None and self._item().path == item.path)
        self._set_current(index)
        if same and self.player.source().isValid() and self.player.mediaStatus() not in (
            self.player.MediaStatus.LoadingMedia, self.player.MediaStatus.NoMedia
        ):
            self._pending_seek = None
            self.player.setPosition(int(round(file_seconds * 1000)))
            if self._playing:
                self.player.play()
            return
        self._pending_seek = file_seconds
        # setSource first reports the old media's statuses; only a load that has started
        # (LoadingMedia) for the new source may take the pending seek.
        self._load_started = False
        self.player.setSource(QUrl.fromLocalFile(item.path))

    def _on_media_status(self, status) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.LoadingMedia:
            self._load_started = True
        elif status in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia):
            if self._pending_seek is not None and self._load_started:
                seek, self._pending_seek = self._pending_seek, None
                self.player.setPosition(int(round(seek * 1000)))
                if self._playing:
                    self.player.play()
                else:
                    self.player.pause()  # render the frame at the position
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            if self._playing:
                self._advance()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            item = self._item()
            if item is not None:
                self._set_note(self.tr("%1 cannot be played; skipping it.").replace("%1", os.path.basename(item.path)))
            if self._playing:
                self._advance()

    def _on_player_position(self, ms: int) -> None:
        item = self._item()
        if item is None or self._dragging or self._pending_seek is not None or not self._playing:
            return  # while paused, seek() and step() own the position (the player may rewind at the end)
        file_seconds = ms / 1000.0
        if self._playing and item.end and file_seconds >= item.end - 0.5 / item.fps:
            self._advance()
            return
        local = max(0.0, file_seconds - item.trim_in)
        self._position = min(self.duration(), self._offsets[self._current] + local)
        self._report_position()

    def _on_player_error(self, error, message: str) -> None:
        if error == self.player.Error.NoError:
            return
        item = self._item()
        name = os.path.basename(item.path) if item else self.tr("The clip")
        self._set_note(self.tr("%1 cannot be played: %2.").replace("%1", name).replace("%2", message.rstrip(".")))

    def _advance(self) -> None:
        """The current clip ended (or reached its trim out): go on to the next one."""
        nxt = next((i for i in range(self._current + 1, len(self._items)) if self._items[i].length > 0), None)
        if nxt is None:
            self._position = self.duration()
            self.pause()
            self._report_position()
            return
        self._position = self._offsets[nxt]
        if self.player is not None:
            self._load(nxt, self._items[nxt].trim_in)
        else:
            self._set_current(nxt)
        self._report_position()

    def _on_mute(self, muted: bool) -> None:
        if self.audio is not None:
            self.audio.setMuted(muted)
        style = self.style()
        icon = QStyle.StandardPixmap.SP_MediaVolumeMuted if muted else QStyle.StandardPixmap.SP_MediaVolume
        self.mute_button.setIcon(style.standardIcon(icon))
        self.mute_button.setToolTip(self.tr("Unmute") if muted else self.tr("Mute"))

    # -- internals: frames-only clock ------------------------------------------------------

    def _on_clock(self) -> None:
        started, origin = self._clock_origin
        position = origin + (time.monotonic() - started)
        total = self.duration()
        if position >= total:
            self._position = total
            self.pause()
            self._report_position()
            return
        index, local = self._locate(position)
        self._position = position
        self._set_current(index)
        self._show_frame(index, local)
        self._report_position()

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
        if not text and self.player is None and not self._multimedia_pending:
            text = QCoreApplication.translate("PreviewPane", NO_MULTIMEDIA_NOTE)
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def hideEvent(self, event) -> None:
        if not event.spontaneous():  # closed or tabbed away (not a minimised window): stop the sound
            self.pause()
        super().hideEvent(event)

    def shutdown(self) -> None:
        """Stop playback and the frame workers (call before the app quits)."""
        self._multimedia_pending = False
        self.pause()
        if self.player is not None:
            self.player.stop()
        self.grabber.close()
