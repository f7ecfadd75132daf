"""Scrubbing: the picture follows the slider at once, from frames grabbed in a worker.

:class:`Scrubbing` is mixed into :class:`~studio.ui.preview.pane.PreviewPane`. While the slider
is dragged (or when there is no multimedia backend) the pane shows exact frames from the
:class:`~studio.ui.preview.frames.FrameGrabber`; a late frame for a position already left is
dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage


class Scrubbing:
    """Frame display and slider handling of the preview pane (a mixin)."""

    # -- internals: frames -------------------------------------------------------------------

    def _show_frame(self, index: int, file_seconds: float) -> None:
        if not 0 <= index < len(self._items):
            return
        image = self.grabber.request(self._items[index].path, file_seconds)
        if image is not None:
            self.frame_view.set_image(image)
        if self.player is None or self._dragging or not self._playing:
            if self.player is not None and not self._dragging:
                return  # paused in player mode: the video widget shows the frame
            self.stack.setCurrentWidget(self.frame_view)

    def _on_frame_ready(self, path: str, seconds: float, image: QImage) -> None:
        item = self._item()
        if item is None or item.path != path:
            return
        index, local = self._locate(self._position)
        if index != self._current or abs(local - seconds) > 1.0 / item.fps:
            return  # a late answer for a position we already left
        self.frame_view.set_image(image)

    def _on_grab_failed(self, path: str, message: str) -> None:
        self._set_note(message)

    # -- internals: the slider ---------------------------------------------------------------

    def _on_slider_pressed(self) -> None:
        self._dragging = True
        self._resume_after_drag = self._playing
        self.pause()
        self.stack.setCurrentWidget(self.frame_view)
        self._scrub_to(self.slider.sliderPosition())

    def _on_slider_moved(self, value: int) -> None:
        if not self._dragging:
            self._dragging = True
            self._resume_after_drag = self._playing
            self.pause()
            self.stack.setCurrentWidget(self.frame_view)
        self._scrub_to(value)

    def _scrub_to(self, value: int) -> None:
        seconds = value / 1000.0
        index, local = self._locate(seconds)
        self._position = seconds
        self._set_current(index)
        self._show_frame(index, local)
        self._update_time_label()

    def _on_slider_released(self) -> None:
        self._dragging = False
        self.seek(self.slider.value() / 1000.0)
        if self.player is not None:
            self.stack.setCurrentWidget(self.video_widget)
        if self._resume_after_drag:
            self.play()

    def _on_slider_action(self, action: int) -> None:
        if self.slider.isSliderDown():
            return
        # Keyboard and page clicks: the slider's new value is set after this signal.
        QTimer.singleShot(0, lambda: self.seek(self.slider.value() / 1000.0))
