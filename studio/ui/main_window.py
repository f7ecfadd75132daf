"""The studio window: docked editor, storyboard, jobs, preview and history, plus menus.

Dependencies come in through the constructor (services, QSettings, a Prompter); nothing is
global. The window can be built before the services exist (``MainWindow()``): it then shows
its menus, toolbar and docks in their saved places at once, with every command that needs the
services greyed out; :meth:`MainWindow.attach_services` gives it the services, and the docks'
panels are built into it (``window_docks``). ``MainWindow(services)`` does all of that at once.
This module and its mixins import nothing heavy at module level (the services' modules are
imported where they are used), so the window paints first (docs/bench-startup.md).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QEventLoop, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolBar, QWidget

from .i18n import format_money, format_seconds
from .window_derive import DeriveMixin
from .window_docks import STORYBOARD_HEIGHT_KEY, DocksMixin, optional_attribute
from .window_generation import GenerationMixin
from .window_money import MoneyMixin
from .window_timeline import FinishMixin

if TYPE_CHECKING:
    from studio.core.jobs import Job

    from .project_actions import Prompter

log = logging.getLogger(__name__)

FIRST_START_SHARE = 0.9  # of the available screen, on a first start (no saved geometry)


class _FirstPaint(QObject):
    """Marks the window painted at its first paint event, then calls ``then``."""

    def __init__(self, window: "MainWindow", then) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            self._window._painted = True
            QTimer.singleShot(0, self._then)  # once this paint is done
        return False


class MainWindow(FinishMixin, GenerationMixin, MoneyMixin, DeriveMixin, DocksMixin, QMainWindow):
    """The studio. ``controller`` holds the project; the docks edit and show it.

    Without ``services`` the window is built ready to paint but idle (no project, commands that
    need the services disabled) until :meth:`attach_services`; ``docks_filled`` is emitted once
    every panel is in its dock and the commands are live.
    """

    docks_filled = Signal()
    docks_failed = Signal(object)  # the exception of a panel that could not be built (fill_docks_later)
    closed = Signal()  # the window accepted its close (the start stops if it was not ready)

    def __init__(
        self,
        services: Any = None,
        *,
        qsettings: QSettings | None = None,
        prompter: Prompter | None = None,
        autosave_ms: int = 30_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = None
        self.controller = None
        self.qsettings = qsettings or QSettings("Studio", "Studio")
        self.undo_stack = QUndoStack(self)
        self._prompter = prompter
        self._autosave_ms = autosave_ms
        self._attaching: set[str] = set()
        self._storyboard_jobs: set[str] = set()
        self._take_batches: dict[str, dict] = {}  # job id → its batch of takes (which one went into the cut)
        self._closing = False
        self._painted = False
        self._resolved_folder: tuple[Path | None, str] = (None, "")
        self._project_bridge = None
        self.setWindowTitle(self.tr("Studio"))
        self.setDockNestingEnabled(True)
        self.setCorner(Qt.BottomLeftCorner, Qt.BottomDockWidgetArea)
        self.setCorner(Qt.BottomRightCorner, Qt.BottomDockWidgetArea)

        self._build_dock_places()
        self._build_actions()
        self._build_finish()
        self._build_menus()
        self._build_toolbar()
        self._build_status()
        self._restore_layout()
        self._set_live(False)
        self.show_message(self.tr("Loading the project and the jobs…"), 0)
        if services is not None:
            self.attach_services(services)
            self.fill_docks_now()

    # -- services ----------------------------------------------------------------------------

    def attach_services(self, services: Any) -> None:
        """Give the window its services: the project controller and the runner's job events.

        The docks' panels come after (:meth:`fill_docks_now` or :meth:`fill_docks_later`).
        """
        from .async_utils import set_error_handler
        from .coalescing import CoalescingBridge
        from .project_actions import ProjectController, Prompter

        self.services = services
        self.prompter = self._prompter or Prompter(self)
        self.prompter.parent = self
        self.controller = ProjectController(
            services, self.undo_stack, self.qsettings, self.prompter, self, autosave_ms=self._autosave_ms
        )
        self.controller.project_changed.connect(self._project_loaded)
        self.controller.dirty_changed.connect(lambda _d: self._update_title())
        self.controller.message.connect(self.show_message)
        self.controller.recent_changed.connect(self._fill_recent)
        self.undo_stack.cleanChanged.connect(lambda _c: self._update_title())
        self._job_bridge = CoalescingBridge(services.runner.job_changed, self)  # one frame's events at a time
        self._job_bridge.fired.connect(self._on_job_changed)
        set_error_handler(self._background_error)

    def _window_ready(self) -> None:
        """Every panel is in its dock: the commands come alive and the project (if any) shows."""
        self._set_live(True)
        self.statusBar().clearMessage()
        self._fill_recent()
        self._project_loaded()
        self.docks_filled.emit()

    def _set_live(self, live: bool) -> None:
        """Commands that need the services or a panel wait (greyed out) until the window is ready."""
        for action in (self.act_new, self.act_open, self.act_save, self.act_save_as, self.act_export,
                       self.act_export_timeline, self.act_settings, self.act_add_shot, self.act_duplicate,
                       self.act_delete, self.act_generate, self.act_generate_all, self.act_preview_cut,
                       self.act_data, self.act_spend):  # fmt: skip
            action.setEnabled(live)
        self.recent_menu.setEnabled(live)
        if not live:
            self.act_export_now.setEnabled(False)

    def is_ready(self) -> bool:
        """True once the services are attached and every panel is in its dock."""
        return self.docks_filled_flag

    def was_closed(self) -> bool:
        """True once the window has accepted its close (with WA_DeleteOnClose it may be gone)."""
        return self._closing

    def wait_painted(self, timeout_ms: int = 1000) -> bool:
        """Process events until the window has painted once (or ``timeout_ms`` passed, or it
        was closed meanwhile: see :meth:`was_closed`)."""
        if not self._painted:
            waiting = QEventLoop()
            watch = _FirstPaint(self, waiting.quit)
            QTimer.singleShot(timeout_ms, waiting.quit)
            self.closed.connect(waiting.quit)
            waiting.exec()
            if not self._closing:  # a closed window may be deleted already, its filter with it
                self.removeEventFilter(watch)
                watch.deleteLater()
        return self._painted

    # -- actions, menus, toolbar ---------------------------------------------------------

    def _action(self, text: str, slot, shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        self.act_new = self._action(self.tr("&New project…"), lambda: self.controller.new(), QKeySequence.New, self.tr("Start a new project"))
        self.act_open = self._action(self.tr("&Open project…"), lambda: self.controller.open(), QKeySequence.Open, self.tr("Open a project folder"))
        self.act_save = self._action(self.tr("&Save"), lambda: self.controller.save(), QKeySequence.Save, self.tr("Save the project (Ctrl+S)"))
        self.act_save_as = self._action(self.tr("Save &as…"), self._save_as, QKeySequence("Ctrl+Shift+S"))
        self.act_export = self._action(self.tr("&Export video…"), self.open_export, QKeySequence("Ctrl+E"), self.tr("Export the finished video"))
        self.act_export_timeline = self._action(
            self.tr("Export &timeline…"), self.export_timeline, QKeySequence("Ctrl+Shift+E"),
            self.tr("Write the cut as an OpenTimelineIO, FCPXML or EDL timeline for an editor"),
        )
        self.act_settings = self._action(self.tr("Se&ttings…"), self.open_settings, QKeySequence("Ctrl+,"), self.tr("Keys, providers, budget"))
        self.act_quit = self._action(self.tr("&Quit"), self.close, QKeySequence.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_add_shot = self._action(self.tr("&Add shot"), self._add_shot, QKeySequence("Ctrl+Shift+N"), self.tr("Add a shot after the selected one"))
        self.act_duplicate = self._action(self.tr("&Duplicate shot"), self._duplicate_shot, QKeySequence("Ctrl+D"))
        self.act_delete = self._action(self.tr("De&lete shot"), self._delete_shot)
        self.act_generate = self._action(
            self.tr("&Generate shot"), lambda: self.editor._generate_clicked(), QKeySequence("Ctrl+Return"), self.tr("Generate the selected shot (Ctrl+Enter)")
        )
        self.act_generate.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.act_generate_all = self._action(
            self.tr("Generate &missing shots"), self.generate_missing, QKeySequence("Ctrl+Shift+Return"),
            self.tr("Generate every shot without a take, honouring continuity"),
        )
        self.act_preview_cut = self._action(self.tr("&Preview the cut"), self.preview_cut, QKeySequence("Ctrl+P"), self.tr("Play the chosen takes in order"))
        self.act_shortcuts = self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, QKeySequence("F1"))
        self.act_about = self._action(self.tr("&About Studio"), self.show_about)
        self.act_data = self._action(self.tr("Open the &data folder"), self._open_data_folder)
        self.act_reset_layout = self._action(self.tr("&Reset layout"), self.reset_layout)
        self.act_spend = self._action(self.tr("S&pend and budget…"), self.open_ledger, None,
                                      self.tr("What ran and what it cost, per job, project and day; the project's budget"))  # fmt: skip
        self._build_panel_keys()

    def _open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.services.paths.home)))

    def _save_as(self) -> None:
        from .async_utils import spawn

        spawn(self.controller.save_as())

    def _build_panel_keys(self) -> None:
        """Alt+1..5 show a panel and put the keyboard focus in it (View menu)."""
        self.panel_actions: list[QAction] = []
        for number, dock in enumerate((self.editor_dock, self.storyboard_dock, self.preview_dock, self.jobs_dock, self.history_dock), 1):
            action = self._action(self.tr("Go to %1").replace("%1", dock.windowTitle()), lambda d=dock: self._focus_dock(d), QKeySequence(f"Alt+{number}"))
            self.panel_actions.append(action)

    def _focus_dock(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()
        if not self.is_ready():  # its panel is on its way: the focus goes into it when it comes
            self._focus_when_ready = dock
            return
        widget = dock.widget()
        target = widget if widget.focusPolicy() != Qt.NoFocus else widget.nextInFocusChain()
        if hasattr(widget, "canvas") and widget.canvas is not None:
            target = widget.canvas  # the storyboard: its timeline, where the arrows work
        target.setFocus(Qt.ShortcutFocusReason)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.addActions([self.act_new, self.act_open])
        self.recent_menu = file.addMenu(self.tr("Open &recent"))
        file.addSeparator()
        file.addActions([self.act_save, self.act_save_as])
        file.addSeparator()
        file.addActions([self.act_export_now, self.act_export, self.act_export_timeline])
        file.addAction(self.act_settings)
        file.addSeparator()
        file.addAction(self.act_quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([self.act_add_shot, self.act_duplicate, self.act_delete])
        view = bar.addMenu(self.tr("&View"))
        for dock in (self.editor_dock, self.storyboard_dock, self.preview_dock, self.jobs_dock, self.history_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        view.addActions(self.panel_actions)
        view.addSeparator()
        view.addAction(self.act_reset_layout)
        generate = bar.addMenu(self.tr("&Generate"))
        generate.addActions([self.act_generate, self.act_generate_all])
        generate.addSeparator()
        generate.addAction(self.act_preview_cut)
        generate.addSeparator()
        generate.addAction(self.act_spend)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_shortcuts, self.act_data, self.act_about])

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main"), self)
        tb.setObjectName("toolbar_main")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonTextOnly)
        # The toolbar's own words: as the menus say them in English, shorter where a language
        # needs the room (the menus keep the full command).
        for action, short in ((self.act_new, self.tr("New project")), (self.act_open, self.tr("Open project")),
                              (self.act_add_shot, self.tr("Add shot")), (self.act_generate, self.tr("Generate shot")),
                              (self.act_generate_all, self.tr("Generate missing shots")),
                              (self.act_preview_cut, self.tr("Preview the cut")), (self.act_export, self.tr("Export video"))):
            action.setIconText(short)
        for action in (self.act_new, self.act_open, self.act_save):
            tb.addAction(action)
        tb.addSeparator()
        tb.addActions([self.act_undo, self.act_redo])
        tb.addSeparator()
        tb.addActions([self.act_add_shot, self.act_generate, self.act_generate_all, self.act_preview_cut])
        tb.addSeparator()
        tb.addActions([self.act_export_now, self.act_export, self.act_settings])
        self.addToolBar(Qt.TopToolBarArea, tb)
        self.toolbar = tb

    def _build_status(self) -> None:
        self.project_label = QLabel()
        self.cost_label = QLabel()
        self.cost_label.setObjectName("dim")
        self.statusBar().addWidget(self.project_label, 1)
        self.statusBar().addPermanentWidget(self.cost_label)
        self._cost_timer = QTimer(self)
        self._cost_timer.setSingleShot(True)
        self._cost_timer.setInterval(300)
        self._cost_timer.timeout.connect(self._update_cost)

    # -- project ---------------------------------------------------------------------------

    @property
    def project(self):
        return self.controller.project if self.controller is not None else None

    @property
    def folder(self) -> Path | None:
        return self.controller.folder if self.controller is not None else None

    def _project_loaded(self) -> None:
        if not self.docks_filled_flag:
            return  # the window shows the project once its panels are in (_window_ready)
        from .async_utils import EventBridge

        project, folder = self.controller.project, self.controller.folder
        self.storyboard.set_project(project, folder)
        self.editor.set_project(project, folder)
        sid = self.storyboard.current_shot_id()
        if sid:
            self.editor.set_shot(sid)
        for action in (self.act_save, self.act_save_as, self.act_export, self.act_export_timeline, self.act_add_shot, self.act_generate_all, self.act_preview_cut):
            action.setEnabled(project is not None)
        if self._project_bridge is not None:  # one bridge per open project, not one per load
            self._project_bridge.detach()
            self._project_bridge.deleteLater()
            self._project_bridge = None
        if self._first_take is not None:
            self._first_take.watch(project)
        if project is not None:
            self._project_bridge = EventBridge(project.changed, self.editor)
            self._project_bridge.fired.connect(lambda _a: self._cost_timer.start())
            self._project_bridge.fired.connect(lambda _a: self._project_edited())
            self._attach_finished_jobs()
            self._continue_stopped_run()
        self._check_export_ready()
        self._update_title()
        self._update_cost()
        self._focus_asked_for_dock()

    def _update_title(self) -> None:
        c = self.controller
        dirty = c.is_dirty()
        if c.project is None:
            self.setWindowTitle(self.tr("Studio"))
            self.project_label.setText(self.tr("No project open"))
            return
        self.setWindowTitle(self.tr("%1[*] — Studio").replace("%1", c.title))
        self.setWindowModified(dirty)
        self.project_label.setText(f"{c.title}  ·  {c.folder}" + ("  ·  " + self.tr("unsaved changes") if dirty else ""))

    def _update_cost(self) -> None:
        project = self.project
        if project is None:
            self.cost_label.setText("")
            return
        takes_cost = sum(t.cost or 0.0 for s in project.shots for t in s.takes)
        seconds = project.duration

        def show(today: float | None) -> None:
            spent = format_money(today) if today is not None else self.tr("unknown")
            try:
                if project is self.project:
                    self.cost_label.setText(
                        self.tr("Project cost %1  ·  last 24 h %2  ·  %3 in the cut")
                        .replace("%1", format_money(takes_cost)).replace("%2", spent).replace("%3", format_seconds(seconds))
                    )
            except RuntimeError:  # the window closed meanwhile
                pass

        from studio.services import storyboard

        from .async_utils import run_blocking, spawn

        # The spend is a SQLite read: never on the GUI thread.
        spawn(run_blocking(storyboard.spent_today, self.services), on_done=show, on_error=lambda _e: show(None),
              name="spent-today")  # fmt: skip

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = self.controller.recent()
        for folder in items:
            self.recent_menu.addAction(folder, lambda f=folder: self.controller.open(f))
        if items:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear the list"), self.controller.clear_recent)
        self.recent_menu.setEnabled(bool(items))

    # -- shots -----------------------------------------------------------------------------

    def _add_shot(self) -> None:
        if self.storyboard.canvas is not None:
            self.storyboard.canvas.add_shot()

    def _duplicate_shot(self) -> None:
        canvas = self.storyboard.canvas
        if canvas is not None and canvas.current_id:
            canvas.duplicate_shot(canvas.current_id)

    def _delete_shot(self) -> None:
        canvas = self.storyboard.canvas
        if canvas is not None and canvas.current_id:
            canvas.delete_shot(canvas.current_id)

    def _reuse_prompt(self, job: Job) -> None:
        canvas = self.storyboard.canvas
        if canvas is None or not canvas.current_id:
            self.show_message(self.tr("Select a shot first."))
            return
        changes: dict[str, Any] = {"prompt": job.prompt}
        if job.model_id in self.services.catalog:
            changes["model_id"] = job.model_id
        canvas.set_field(canvas.current_id, **changes)

    # -- preview -----------------------------------------------------------------------

    def show_clip(self, path: str) -> None:
        if hasattr(self.preview, "show_clip"):
            self.preview.show_clip(str(path))
            self.preview_dock.show()
            self.preview_dock.raise_()

    def preview_shot(self, shot_id: str) -> None:
        project, folder = self.project, self.folder
        if project is None or folder is None:
            return
        shot = project.shot(shot_id)
        take = shot.chosen_take
        if take is None:
            self.show_message(self.tr("This shot has no take yet; press Generate."))
            return
        if hasattr(self.preview, "show_cut"):
            self.preview.show_cut([(str(folder / take.path), shot.trim_in, shot.trim_out)], None, project.settings.fps)
        else:
            self.show_clip(str(folder / take.path))

    def preview_cut(self) -> None:
        project, folder = self.project, self.folder
        if project is None or folder is None:
            return
        from studio.services.export import preview_cut_items

        items, joins, fps = preview_cut_items(project, folder)
        if not items:
            self.show_message(self.tr("No shot has a take yet."))
            return
        if hasattr(self.preview, "show_cut"):
            self.preview.show_cut(items, joins, fps)
            self.preview_dock.show()
            self.preview_dock.raise_()

    # -- dialogs -----------------------------------------------------------------------

    def open_settings(self) -> None:
        SettingsDialog = optional_attribute("studio.ui.settings", "SettingsDialog")
        if SettingsDialog is None:
            self.show_message(self.tr("Settings are not available in this build."))
            return
        dialog = SettingsDialog(self.services, self)
        dialog.exec()
        self.editor.reload()

    def open_export(self) -> None:
        if self.project is None or self.folder is None:
            return
        ExportDialog = optional_attribute("studio.ui.export", "ExportDialog")
        if ExportDialog is None:
            self.show_message(self.tr("Export is not available in this build."))
            return
        dialog = ExportDialog(self.services, self.project, self.folder, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.exported.connect(lambda path: self.remember_export(dialog.export_settings(), path))
        dialog.open()  # window-modal but not blocking: the export runs on the event loop

    def export_timeline(self, target: Path | None = None) -> None:
        """Ask for a file (unless given) and write the cut there as an editor timeline."""
        if self.project is None or self.folder is None:
            return
        from studio.core.errors import StudioError
        from studio.ui.export.timeline import ask_timeline_path, export_timeline_to

        target = target or ask_timeline_path(self, self.folder, self.project.title)
        if target is None:
            return
        try:
            export_timeline_to(self.project, self.folder, target, self.show_message, self._background_error)
        except StudioError as error:
            self.show_message(error.user_message, 10_000)

    def show_shortcuts(self) -> None:
        from .shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About Studio"), self.tr("<b>Studio</b><br>Plan, generate, preview and export short AI videos."))

    # -- messages and errors ---------------------------------------------------------------

    def show_message(self, text: str, timeout: int = 6000) -> None:
        self.statusBar().showMessage(text, timeout)

    def _background_error(self, exc: BaseException) -> None:
        from .async_utils import user_message

        log.warning("background task failed", exc_info=exc)
        self.show_message(user_message(exc), 10_000)

    # -- layout persistence -------------------------------------------------------------------

    def _restore_layout(self) -> None:
        self._first_start_geometry()
        self.resizeDocks([self.editor_dock, self.preview_dock], [430, 620], Qt.Horizontal)
        self.resizeDocks([self.storyboard_dock], [300], Qt.Vertical)
        self._default_state = self.saveState()
        geometry = self.qsettings.value("window/geometry")
        state = self.qsettings.value("window/state")
        if isinstance(geometry, (QByteArray, bytes)):
            self.restoreGeometry(geometry)
        if isinstance(state, (QByteArray, bytes)):
            self.restoreState(state)

    def _first_start_geometry(self) -> None:
        """Without a saved geometry: FIRST_START_SHARE of the available screen, centred."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1480, 920)
            return
        area = screen.availableGeometry()
        width = int(area.width() * FIRST_START_SHARE)
        height = int(area.height() * FIRST_START_SHARE)
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def reset_layout(self) -> None:
        if self._default_state is not None:
            self.restoreState(self._default_state)
        for dock in (self.editor_dock, self.storyboard_dock, self.preview_dock, self.jobs_dock, self.history_dock):
            dock.show()

    def save_layout(self) -> None:
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        self.qsettings.setValue("window/state", self.saveState())
        if self.storyboard is not None:
            self.qsettings.setValue(STORYBOARD_HEIGHT_KEY, self.storyboard.maximumHeight())
        self.qsettings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        controller = self.controller  # None while the services are still being built
        if controller is not None and not controller.maybe_save():
            event.ignore()
            return
        self.save_layout()
        if controller is not None:
            controller.shutdown()
        if hasattr(self.preview, "shutdown"):
            try:
                self.preview.shutdown()
            except Exception:
                log.exception("preview shutdown failed")
        if self.services is not None:
            from .async_utils import set_error_handler

            set_error_handler(None)
        self._closing = True
        event.accept()
        self.closed.emit()
