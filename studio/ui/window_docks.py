"""The window's five docks: in their places from the start, their panels built into them later.

:class:`DocksMixin` is a part of :class:`~studio.ui.main_window.MainWindow`. The window is
shown (and painted) before the services exist: each dock then holds a light placeholder, laid
out and restored to its saved place like the real panel, so nothing moves when the panel comes.
Once the services are attached the panels are built into their docks, one per turn of the
event loop (:meth:`fill_docks_later`), or all at once (:meth:`fill_docks_now`, the synchronous
path tests and scripts take through ``MainWindow(services)``).

The panels' modules are imported only here, when a dock is filled (the app imports them in a
worker meanwhile: :data:`PANEL_MODULES`), so the window's own module needs nothing but Qt.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QWidget

log = logging.getLogger(__name__)

# What building the panels imports: the app imports these in a worker while the services are
# built, so filling the docks on the GUI thread is construction only.
PANEL_MODULES = (
    "studio.ui.editor",
    "studio.ui.storyboard",
    "studio.ui.history",
    "studio.ui.jobs",
    "studio.ui.preview",
    "studio.ui.preview.follow",
    "studio.ui.project_actions",
    "studio.ui.coalescing",
    "studio.services.storyboard",
    "studio.services.export",
    "studio.services.quote",
    "studio.services.budgets",
    "studio.services.takes",
)


STORYBOARD_HEIGHT_KEY = "window/storyboard_height"
STORYBOARD_HEIGHT = 256  # the storyboard panel's greatest height at the usual font (see save_layout)


def optional_attribute(module: str, name: str) -> Any | None:
    try:
        return getattr(importlib.import_module(module), name)
    except Exception:  # the widget has not landed or failed to import: run without it
        log.warning("%s.%s is unavailable", module, name, exc_info=True)
        return None


class Placeholder(QLabel):
    """Dim, centred text where a panel is (still loading, or unavailable)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setAlignment(Qt.AlignCenter)
        self.setObjectName("dim")
        self.setWordWrap(True)
        self.setAccessibleName(text)


def _put_in(dock: QDockWidget, panel: QWidget) -> None:
    """``panel`` takes its dock's placeholder's place (Qt keeps a replaced widget: it goes)."""
    placeholder = dock.widget()
    dock.setWidget(panel)
    if placeholder is not None and placeholder is not panel:
        placeholder.hide()
        placeholder.deleteLater()


class DocksMixin:
    """The docks' places (at construction) and their panels (once the services are attached)."""

    docks_filled_flag = False

    def _dock(self, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(Placeholder(self.tr("Loading…")))
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable | QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _build_dock_places(self) -> None:
        """The five docks, each with a placeholder, arranged as the studio's default layout."""
        self.editor = self.storyboard = self.jobs = self.preview = self.history = None
        self._first_take = None
        self._focus_when_ready: QDockWidget | None = None  # Alt+1..5 pressed while the panels load
        self.editor_dock = self._dock(self.tr("Prompt"), "dock_editor", Qt.LeftDockWidgetArea)
        self.preview_dock = self._dock(self.tr("Preview"), "dock_preview", Qt.RightDockWidgetArea)
        self.jobs_dock = self._dock(self.tr("Jobs"), "dock_jobs", Qt.RightDockWidgetArea)
        self.history_dock = self._dock(self.tr("History"), "dock_history", Qt.RightDockWidgetArea)
        self.storyboard_dock = self._dock(self.tr("Storyboard"), "dock_storyboard", Qt.BottomDockWidgetArea)
        # The storyboard panel is no taller than its cards and controls: its placeholder takes
        # the height it had last time (or at the usual font), so the docks above keep their room.
        try:
            height = int(self.qsettings.value(STORYBOARD_HEIGHT_KEY, STORYBOARD_HEIGHT))
        except (TypeError, ValueError):
            height = STORYBOARD_HEIGHT
        self.storyboard_dock.widget().setMaximumHeight(max(80, height))
        self.splitDockWidget(self.preview_dock, self.jobs_dock, Qt.Vertical)
        self.tabifyDockWidget(self.jobs_dock, self.history_dock)
        self.jobs_dock.raise_()
        self._default_state = None

    # -- the panels ---------------------------------------------------------------------------

    def _dock_fillers(self) -> list[Callable[[], None]]:
        # The preview last, and the window made ready in the same turn: the preview loads Qt
        # Multimedia once it has painted, which should come after the whole window is ready.
        return [self._fill_editor, self._fill_storyboard, self._fill_jobs, self._fill_history,
                lambda: (self._fill_preview(), self._docks_wired())]  # fmt: skip

    def fill_docks_now(self) -> None:
        """Build every panel into its dock at once, and make the window ready."""
        for fill in self._dock_fillers():
            fill()

    def fill_docks_later(self) -> None:
        """Build the panels one per turn of the event loop (the window stays live in between);
        ``docks_filled`` is emitted after the last, or ``docks_failed`` with the error of a
        panel that could not be built (the window would otherwise wait, greyed out, forever)."""
        steps = self._dock_fillers()

        def step() -> None:
            if self._closing:
                return
            try:
                steps.pop(0)()
            except Exception as exc:  # a panel's constructor failed: the start says so and stops
                log.exception("a panel could not be built")
                self.docks_failed.emit(exc)
                return
            if steps:
                QTimer.singleShot(0, step)

        QTimer.singleShot(0, step)

    def _fill_editor(self) -> None:
        from .editor import PromptEditor

        self.editor = PromptEditor(self.services, self.undo_stack)
        self.editor.generate_requested.connect(self.generate_shot)
        self.editor.message.connect(self.show_message)
        _put_in(self.editor_dock, self.editor)

    def _fill_storyboard(self) -> None:
        from .storyboard import StoryboardPanel

        self.storyboard = StoryboardPanel(self.undo_stack, services=self.services)
        self.storyboard.current_changed.connect(lambda sid: self.editor.set_shot(sid or None))
        self.storyboard.shot_activated.connect(self.preview_shot)
        self.storyboard.generate_requested.connect(self.generate_shot)
        self.storyboard.generate_all_requested.connect(self.generate_missing)
        self.storyboard.derive_requested.connect(self.derive_shot)
        _put_in(self.storyboard_dock, self.storyboard)

    def _fill_preview(self) -> None:
        PreviewPane = optional_attribute("studio.ui.preview", "PreviewPane")
        self.preview = PreviewPane(self.services, self) if PreviewPane else Placeholder(self.tr("The preview is not available."))
        _put_in(self.preview_dock, self.preview)
        FirstTakeFollower = optional_attribute("studio.ui.preview.follow", "FirstTakeFollower")
        self._first_take = FirstTakeFollower(self.preview, self.storyboard, self.preview_shot, self) if FirstTakeFollower else None

    def _fill_jobs(self) -> None:
        JobMonitor = optional_attribute("studio.ui.jobs", "JobMonitor")
        self.jobs = JobMonitor(self.services, self) if JobMonitor else Placeholder(self.tr("The job monitor is not available."))
        if hasattr(self.jobs, "clip_activated"):
            self.jobs.clip_activated.connect(self.show_clip)
        _put_in(self.jobs_dock, self.jobs)

    def _fill_history(self) -> None:
        from .history import HistoryPane

        self.history = HistoryPane(self.services)
        self.history.clip_activated.connect(self.show_clip)
        self.history.reuse_requested.connect(self._reuse_prompt)
        self.history.add_take_requested.connect(self.storyboard.add_take_from_job)
        self.history.message.connect(self.show_message)
        _put_in(self.history_dock, self.history)
        self.history_dock.visibilityChanged.connect(lambda shown: shown and not self.history.loaded and self.history.refresh())
        if not self.history_dock.visibleRegion().isEmpty():
            self.history.refresh()  # its dock was already in front (a saved layout)

    def _focus_asked_for_dock(self) -> None:
        """The dock whose Alt+1..5 was pressed while the panels loaded gets the focus now (the
        storyboard's once its timeline has come with the project)."""
        dock = self._focus_when_ready
        if dock is None or (dock is self.storyboard_dock and self.storyboard.canvas is None):
            return
        self._focus_when_ready = None
        self._focus_dock(dock)

    def _docks_wired(self) -> None:
        self._wire_finish()
        self.docks_filled_flag = True
        self._window_ready()
