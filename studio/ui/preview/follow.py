"""The preview follows the storyboard: a selected shot that gets its first take is shown at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject


class FirstTakeFollower(QObject):
    """Calls ``show_shot(shot_id)`` when the shot selected in ``storyboard`` receives its first
    take, unless ``preview`` is playing (a playing cut is not interrupted)."""

    def __init__(self, preview, storyboard, show_shot: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._preview = preview
        self._storyboard = storyboard
        self._show_shot = show_shot
        self._project = None
        self._bridge = None

    def watch(self, project) -> None:
        """Follow ``project``'s changes (None: stop following)."""
        from studio.ui.async_utils import EventBridge

        if self._bridge is not None:
            self._bridge.detach()
            self._bridge.deleteLater()
            self._bridge = None
        self._project = project
        if project is not None:
            # Changes may come from any thread; the bridge delivers them on this one.
            self._bridge = EventBridge(project.changed, self)
            self._bridge.fired.connect(lambda args: self._on_changed(*args))

    def _on_changed(self, kind: str = "", shot_id: str | None = None, *_: object) -> None:
        if kind != "take_added" or not shot_id or shot_id != self._storyboard.current_shot_id():
            return
        try:
            shot = self._project.shot(shot_id)
        except KeyError:
            return
        is_playing = getattr(self._preview, "is_playing", None)
        if len(shot.takes) == 1 and shot.chosen_take is not None and not (is_playing and is_playing()):
            self._show_shot(shot_id)
