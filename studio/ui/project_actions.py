"""Project life cycle in the window: new, open, save, save as, recent, autosave, crash recovery,
and the guard against losing unsaved changes.

The :class:`ProjectController` owns the open project and its folder. It is "dirty" when the
undo stack is away from its clean index or when something changed the project outside the
undo stack (a finished job added a take). An autosave timer writes a recovery copy beside
``project.json`` (``services.projects.autosave``); opening a folder whose recovery copy is
newer than ``project.json`` (the last session crashed) offers to restore it.

Questions to the person go through a :class:`Prompter`, so tests can answer them.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from studio.core.errors import ProjectError, StudioError
from studio.core.project import Project

from .async_utils import EventBridge, run_blocking, spawn
from .errors import show_error

RECENT_KEY = "projects/recent"
MAX_RECENT = 10
AUTOSAVE_MS = 30_000


class Prompter:
    """The dialogs the controller needs; tests substitute answers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def tr(self, text: str) -> str:
        # Not a QObject: translate in this class's own context (lupdate files self.tr here).
        return QCoreApplication.translate("Prompter", text)

    def ask_save_changes(self, title: str) -> str:
        """``"save"``, ``"discard"`` or ``"cancel"``."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Save the changes to “%1”?").replace("%1", title))
        box.setInformativeText(self.tr("Your changes are lost if you don't save them."))
        box.setStandardButtons(QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
        box.setDefaultButton(QMessageBox.Save)
        answer = box.exec()
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")

    def ask_recover(self, folder: Path) -> bool:
        answer = QMessageBox.question(
            self.parent,
            self.tr("Recover unsaved work?"),
            self.tr(
                "Studio did not close normally while “%1” had unsaved changes.\n\n"
                "Restore them from the recovery copy? (No keeps the last saved version.)"
            ).replace("%1", folder.name),
            QMessageBox.Yes | QMessageBox.No,
            QMessageBox.Yes,
        )
        return answer == QMessageBox.Yes

    def ask_open_folder(self, start: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(self.parent, self.tr("Open a project folder"), str(start))
        return Path(name) if name else None

    def ask_new_name(self, default: str) -> str | None:
        name, ok = QInputDialog.getText(self.parent, self.tr("New project"), self.tr("Project name:"), text=default)
        return name.strip() if ok and name.strip() else None

    def ask_save_as(self, start: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.parent, self.tr("Save project as (a new folder)"), str(start))
        return Path(name) if name else None

    def error(self, exc: BaseException | str) -> None:
        show_error(self.parent, exc, self.tr("Project"))


def safe_folder_name(name: str) -> str:
    cleaned = re.sub(r"[^\w\- .]+", "", name).strip().strip(".")
    return cleaned or "Untitled"


class ProjectController(QObject):
    """Holds the open project and its folder; every life-cycle action goes through here."""

    project_changed = Signal()  # another project was opened (or closed)
    dirty_changed = Signal(bool)
    saved = Signal(str)
    recent_changed = Signal()
    message = Signal(str)

    def __init__(
        self,
        services: Any,
        undo_stack: QUndoStack,
        qsettings: QSettings,
        prompter: Prompter | None = None,
        parent: QObject | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.qsettings = qsettings
        self.prompter = prompter or Prompter()
        self.project: Project | None = None
        self.folder: Path | None = None
        self._external_dirty = False
        self._revision = 0
        self._autosaved_revision = 0
        self._autosave_task: asyncio.Task | None = None
        self._bridge: EventBridge | None = None
        self._last_dirty = False
        self.undo_stack.cleanChanged.connect(lambda _c: self._emit_dirty())
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.autosave_timer.start()

    # -- state ---------------------------------------------------------------------------

    @property
    def title(self) -> str:
        if self.project is None:
            return self.tr("No project")
        return self.project.title or (self.folder.name if self.folder else self.tr("Untitled"))

    def is_dirty(self) -> bool:
        return self.project is not None and (self._external_dirty or not self.undo_stack.isClean())

    def mark_dirty(self) -> None:
        """Something changed the project outside the undo stack (a take was attached)."""
        self._external_dirty = True
        self._emit_dirty()

    def _emit_dirty(self) -> None:
        dirty = self.is_dirty()
        if dirty != self._last_dirty:
            self._last_dirty = dirty
            self.dirty_changed.emit(dirty)

    def _on_project_event(self, _args: tuple) -> None:
        self._revision += 1

    # -- guard ----------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; False when the person cancelled (stay put)."""
        if not self.is_dirty():
            return True
        answer = self.prompter.ask_save_changes(self.title)
        if answer == "save":
            return self.save()
        if answer == "discard":
            if self.folder is not None:
                self.services.projects.discard_autosave(self.folder)
            return True
        return False

    # -- open / new / close -------------------------------------------------------------------

    def open(self, folder: Path | str | None = None, *, guard: bool = True) -> bool:
        if guard and not self.maybe_save():
            return False
        if folder is None:
            folder = self.prompter.ask_open_folder(self.services.paths.projects)
            if folder is None:
                return False
        folder = Path(folder)
        store = self.services.projects
        try:
            recovered = False
            if store.recovery_available(folder) and self.prompter.ask_recover(folder):
                project = store.load_autosave(folder)
                recovered = True
            else:
                if store.recovery_available(folder):
                    store.discard_autosave(folder)
                project = store.load(folder)
        except StudioError as exc:
            self.prompter.error(exc)
            return False
        except (OSError, ValueError) as exc:
            self.prompter.error(ProjectError(self.tr("%1 could not be opened.").replace("%1", folder.name), detail=str(exc)))
            return False
        self._set_project(project, folder)
        if recovered:
            self.mark_dirty()
            self.message.emit(self.tr("Recovered unsaved changes from the recovery copy. Save to keep them."))
        else:
            self.message.emit(self.tr("Opened %1.").replace("%1", self.title))
        return True

    def new(self, name: str | None = None, *, guard: bool = True) -> bool:
        if guard and not self.maybe_save():
            return False
        base = self.services.paths.projects
        if name is None:
            name = self.prompter.ask_new_name(self._unique_name(base, self.tr("Untitled project")))
            if name is None:
                return False
        folder = base / self._unique_name(base, safe_folder_name(name))
        project = Project(title=name)
        try:
            self.services.projects.save(project, folder)
        except (StudioError, OSError) as exc:
            self.prompter.error(exc)
            return False
        self._set_project(project, folder)
        self.message.emit(self.tr("Created %1 in %2.").replace("%1", name).replace("%2", str(folder)))
        return True

    def open_or_create_sample(self) -> bool:
        """First start: open the most recent project, else create (or reopen) the sample."""
        for recent in self.recent():
            if (Path(recent) / "project.json").exists() and self.open(recent, guard=False):
                return True
        folder = self.services.paths.projects / "Sample - Lighthouse"
        if (folder / "project.json").exists():
            return self.open(folder, guard=False)
        try:
            project = self.services.projects.create_sample(folder)
        except (StudioError, OSError) as exc:
            self.prompter.error(exc)
            return False
        self._set_project(project, folder)
        self.message.emit(self.tr("Opened the sample project: it runs offline on the animatic model. Press Generate missing."))
        return True

    def close_project(self, *, guard: bool = True) -> bool:
        if guard and not self.maybe_save():
            return False
        self._set_project(None, None)
        return True

    def _set_project(self, project: Project | None, folder: Path | None) -> None:
        if self._bridge is not None:
            self._bridge.detach()
            self._bridge.deleteLater()
            self._bridge = None
        self.project = project
        self.folder = folder
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._external_dirty = False
        self._revision = self._autosaved_revision = 0
        if project is not None:
            self._bridge = EventBridge(project.changed, self)
            self._bridge.fired.connect(self._on_project_event)
        if folder is not None:
            self._add_recent(folder)
        self.project_changed.emit()
        self._emit_dirty()

    @staticmethod
    def _unique_name(base: Path, name: str) -> str:
        candidate, n = name, 2
        while (base / candidate).exists():
            candidate = f"{name} {n}"
            n += 1
        return candidate

    # -- save ---------------------------------------------------------------------------

    def save(self) -> bool:
        if self.project is None or self.folder is None:
            return False
        try:
            self.services.projects.save(self.project, self.folder)
        except (StudioError, OSError) as exc:
            self.prompter.error(exc)
            return False
        self.note_saved()
        self.message.emit(self.tr("Saved %1.").replace("%1", self.title))
        return True

    def note_saved(self) -> None:
        """The project on disk now matches memory (saved here or by a service)."""
        self.undo_stack.setClean()
        self._external_dirty = False
        self._autosaved_revision = self._revision
        if self.folder is not None:
            self.saved.emit(str(self.folder))
        self._emit_dirty()

    async def save_as(self, target: Path | None = None) -> bool:
        """Copy the project folder (assets included, in a worker thread) to ``target`` and save there."""
        if self.project is None or self.folder is None:
            return False
        if target is None:
            target = self.prompter.ask_save_as(self.services.paths.projects / f"{safe_folder_name(self.title)} copy")
            if target is None:
                return False
        target = Path(target)
        if target.exists() and any(target.iterdir()):
            self.prompter.error(ProjectError(self.tr("%1 already exists and is not empty; pick a new folder name.").replace("%1", target.name)))
            return False
        source = self.folder
        try:
            await run_blocking(self.services.projects.copy_assets, source, target)
            self.services.projects.save(self.project, target)
        except (StudioError, OSError) as exc:
            self.prompter.error(exc)
            return False
        self.folder = target
        self._add_recent(target)
        self.note_saved()
        self.project_changed.emit()
        self.message.emit(self.tr("Saved as %1.").replace("%1", str(target)))
        return True

    def autosave_now(self) -> asyncio.Task | None:
        """Write the recovery copy when there are unsaved changes not yet autosaved.

        The project is copied here, on the GUI thread; the write (with its fsyncs) runs in a
        worker. Returns the write's task, or None when there is nothing to write.
        """
        if self.project is None or self.folder is None or not self.is_dirty():
            return None
        if self._revision == self._autosaved_revision and self._autosaved_revision != 0:
            return None
        if self._autosave_task is not None and not self._autosave_task.done():
            return None  # the previous copy is still being written; the next tick catches up
        data, folder, revision = self.project.to_dict(), self.folder, self._revision

        async def write() -> None:
            try:
                await run_blocking(self.services.projects.autosave_data, data, folder)
            except (StudioError, OSError) as exc:
                self.message.emit(self.tr("Autosave failed: %1").replace("%1", str(exc)))
                return
            self._autosaved_revision = revision

        self._autosave_task = spawn(write(), name="autosave")
        return self._autosave_task

    def shutdown(self) -> None:
        """The window closes after the guard: drop a stale recovery copy if nothing is unsaved."""
        self.autosave_timer.stop()
        if self.folder is not None and not self.is_dirty():
            self.services.projects.discard_autosave(self.folder)

    # -- recent ---------------------------------------------------------------------------

    def recent(self) -> list[str]:
        value = self.qsettings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if v]

    def _add_recent(self, folder: Path) -> None:
        items = [str(folder)] + [r for r in self.recent() if r != str(folder)]
        self.qsettings.setValue(RECENT_KEY, items[:MAX_RECENT])
        self.recent_changed.emit()

    def clear_recent(self) -> None:
        self.qsettings.setValue(RECENT_KEY, [])
        self.recent_changed.emit()
