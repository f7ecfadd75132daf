"""The window's finishing flow: timeline keys and drops, one-click export, carrying on a stopped run.

:class:`FinishMixin` is a part of :class:`~studio.ui.main_window.MainWindow` (it uses the
window's project, services, storyboard panel, editor, preview and status bar).

- Space on the timeline plays or pauses the preview (:meth:`toggle_preview_play`, the one
  place that talks to the preview's transport).
- An image dropped on a card goes to the editor's first-frame slot of that shot.
- "Export" writes the cut in one click once every shot's chosen take is on disk, with the
  last export's settings (or the project's size and rate), and says where the file went.
- A storyboard run that was stopped (app closed, process killed) is carried on when its
  project opens, by the same service call ``studio-cli storyboard run`` makes.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QProgressBar

from .i18n import format_seconds

if TYPE_CHECKING:  # imported where used: the window paints before the services' modules load
    from studio.core.jobs import Job
    from studio.services import storyboard_resume


class _ProgressRelay(QObject):
    """Carries the export's progress from its worker thread to the GUI thread."""

    progress = Signal(float)


class FinishMixin:
    """One-click export, timeline keys and drops, and carrying on a stopped storyboard run."""

    def _build_finish(self) -> None:
        """The action and the status-bar progress (call once, before the menus)."""
        self.act_export_now = QAction(self.tr("Export &now"), self)
        self.act_export_now.setShortcut(QKeySequence("Ctrl+Shift+X"))
        tip = self.tr("Export the cut in one click, with the last export's settings")
        self.act_export_now.setToolTip(tip)
        self.act_export_now.setStatusTip(tip)
        self.act_export_now.setEnabled(False)
        self.act_export_now.triggered.connect(lambda _checked=False: self.export_now())
        self.last_export_path: Path | None = None
        self._export_now_task = None
        self._export_progress = QProgressBar()
        self._export_progress.setRange(0, 1000)
        self._export_progress.setMaximumWidth(180)
        self._export_progress.setAccessibleName(self.tr("Export progress"))
        self._export_progress.setVisible(False)
        self.statusBar().addPermanentWidget(self._export_progress)
        self._export_relay = _ProgressRelay(self)
        self._export_relay.progress.connect(lambda f: self._export_progress.setValue(int(f * 1000)))
        self._export_check = QTimer(self)
        self._export_check.setSingleShot(True)
        self._export_check.setInterval(250)
        self._export_check.timeout.connect(self._check_export_ready)

    def _wire_finish(self) -> None:
        """The storyboard panel's keys and drops (call once it is in its dock)."""
        self.storyboard.play_toggle_requested.connect(self.toggle_preview_play)
        self.storyboard.first_frame_dropped.connect(self._first_frame_dropped)
        self.storyboard.message.connect(lambda text: self.show_message(text, 10_000))

    # -- timeline -----------------------------------------------------------------------------

    def toggle_preview_play(self) -> None:
        """Play or pause the preview (Space on the timeline)."""
        self.preview.toggle_play()

    def _first_frame_dropped(self, shot_id: str, files: list) -> None:
        self.storyboard.select(shot_id)  # the editor follows the selection
        if self.editor.shot_id == shot_id:
            self.editor.assign_images("first_frame", [Path(f) for f in files])

    # -- one-click export -------------------------------------------------------------------

    def _project_edited(self) -> None:
        """The project changed: check again (off the GUI thread) whether it can be exported."""
        self._export_check.start()

    def _check_export_ready(self) -> None:
        from studio.services import export as export_service

        from .async_utils import run_blocking, spawn

        project, folder = self.project, self.folder
        if project is None or folder is None:
            self.act_export_now.setEnabled(False)
            return
        takes = [shot.chosen_take.path if shot.chosen_take else None for shot in project.shots]

        def show(ready: bool) -> None:
            if project is self.project:
                self.act_export_now.setEnabled(ready and self._export_now_task is None)

        spawn(run_blocking(export_service.takes_on_disk, folder, takes), on_done=show,
              on_error=lambda _e: show(False), name="export-ready")  # fmt: skip

    def _export_key(self) -> str:
        return f"export/last/{self.project.id}"

    def remember_export(self, settings: Any, path: str | Path) -> None:
        """Keep an export's settings and file for the next one-click export of this project."""
        if self.project is None:
            return
        data = {k: v for k, v in asdict(settings).items() if isinstance(v, (int, float, str))}
        data["path"] = str(path)
        self.qsettings.setValue(self._export_key(), json.dumps(data))
        self.last_export_path = Path(path)

    def _last_export(self) -> tuple[Any, Path]:
        from studio.services import export as export_service
        from studio.services.media.plan import ExportSettings

        from .export.dialog import default_output

        project, folder = self.project, self.folder
        settings = export_service.export_settings(project)  # the project's size and rate
        out = default_output(project, folder)
        try:
            data = json.loads(str(self.qsettings.value(self._export_key(), "") or "{}"))
            out = Path(data.pop("path", out))
            known = {k: v for k, v in data.items() if k in ExportSettings.__dataclass_fields__}
            settings = export_service.export_settings(project, ExportSettings(**known))
        except (TypeError, ValueError):
            pass  # nothing remembered, or from another version: the project's own settings
        return settings, out

    def export_now(self):
        """Export the cut to the last export's file (or ``exports/<title>.mp4``) in a worker."""
        from studio.services import export as export_service

        from .async_utils import run_blocking, spawn

        project, folder = self.project, self.folder
        if project is None or folder is None or self._export_now_task is not None:
            return None
        settings, out = self._last_export()
        snapshot = type(project).from_dict(project.to_dict())
        cancel = threading.Event()
        relay = self._export_relay
        self.act_export_now.setEnabled(False)
        self._export_progress.setValue(0)
        self._export_progress.setVisible(True)
        self.show_message(self.tr("Exporting to {name}…").format(name=out.name), 0)

        async def work():
            await run_blocking(out.parent.mkdir, parents=True, exist_ok=True)
            return await export_service.export_project(
                snapshot, folder, out, settings, progress=lambda f: relay.progress.emit(float(f)), cancel=cancel
            )

        def finished() -> None:
            self._export_now_task = None
            self._export_progress.setVisible(False)
            self._check_export_ready()

        def done(info) -> None:
            finished()
            self.remember_export(settings, out)
            self.show_message(
                self.tr("Exported {seconds} to {path}").format(seconds=format_seconds(float(info.duration or 0.0)), path=out), 30_000
            )

        def failed(exc: BaseException) -> None:
            finished()
            self._background_error(exc)

        self._export_now_task = spawn(work(), on_done=done, on_error=failed, name="export-now")
        return self._export_now_task

    # -- carrying on a stopped storyboard run ---------------------------------------------

    def _continue_stopped_run(self) -> None:
        """When the open project's last storyboard run was stopped, carry it on."""
        from studio.services import storyboard_resume

        from .async_utils import spawn

        project, folder = self.project, self.folder
        if project is None or folder is None:
            return

        waiting = "waiting"  # the card's key; it is translated where the card paints it

        def on_plan(plan: storyboard_resume.RunPlan) -> None:
            for shot_id in plan.following + plan.to_send:
                self.storyboard.set_job_text(shot_id, waiting)
            self.show_message(self.tr("Carrying on the storyboard run: {plan}").format(plan=plan.describe()), 15_000)

        def on_job(job: Job) -> None:
            self._storyboard_jobs.add(job.id)

        async def carry_on() -> None:
            try:
                jobs = await storyboard_resume.continue_interrupted_run(
                    self.services, project, folder, on_plan=on_plan, on_job=on_job,
                    on_note=lambda text: self.show_message(text, 10_000),
                )  # fmt: skip
            finally:
                canvas = self.storyboard.canvas
                for shot in project.shots:
                    if canvas is not None and canvas.job_text.get(shot.id) == waiting:
                        self.storyboard.set_job_text(shot.id, None)
            if jobs is not None and project is self.project:
                self.controller.note_saved()  # the run saved the project
                self.show_message(self.tr("The storyboard run is finished: every shot has a take."))

        self._resume_task = spawn(carry_on(), name="continue-storyboard")
