"""Scrubbing: the picture follows the slider, across joins and inside crossfades.

:class:`Scrubbing` is mixed into :class:`~studio.ui.preview.pane.PreviewPane`. While the slider
is dragged, the pane shows the exact frame of the cut at the slider (rendered in the engine's
worker, newest request wins), and meanwhile the nearest frame already rendered, so the picture
answers at once.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer


class Scrubbing:
    """Slider handling of the preview pane (a mixin)."""

    def _on_slider_pressed(self) -> None:
        self._begin_drag()
        self._scrub_to(self.slider.sliderPosition())

    def _on_slider_moved(self, value: int) -> None:
        if not self._dragging:
            self._begin_drag()
        self._scrub_to(value)

    def _begin_drag(self) -> None:
        self._dragging = True
        self._resume_after_drag = self._playing
        self.pause()

    def _scrub_to(self, value: int) -> None:
        cut = self._cut()
        if cut is None:
            return
        self._position = max(0.0, min(value / 1000.0, cut.duration))
        frame = cut.frame_at(self._position)
        self._set_current(self._clip_of(frame))
        self._show_still(frame)
        self._update_time_label()

    def _on_slider_released(self) -> None:
        self._dragging = False
        self.seek(self.slider.value() / 1000.0)
        if self._resume_after_drag:
            self.play()

    def _on_slider_action(self, action: int) -> None:
        if self.slider.isSliderDown():
            return
        # Keyboard and page clicks: the slider's new value is set after this signal.
        QTimer.singleShot(0, lambda: self.seek(self.slider.value() / 1000.0))
