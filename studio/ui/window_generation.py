"""The window's generation flow: send a shot or every missing one, follow the jobs, attach takes.

:class:`GenerationMixin` is a part of :class:`~studio.ui.main_window.MainWindow` (it uses the
window's project, services, storyboard panel and status bar); it lives here to keep the window's
file about building and laying out the window. The services' modules are imported where they
are used: the window paints before they are loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from studio.core.jobs import Job

# English keys kept on the cards; the card translates them when it paints (context "ShotJob").
# Keyed by JobState's value (studio.core.jobs is not loaded before the window paints).
STATE_TEXT = {
    "queued": QT_TRANSLATE_NOOP("ShotJob", "queued"),
    "submitting": QT_TRANSLATE_NOOP("ShotJob", "sending"),
    "submitted": QT_TRANSLATE_NOOP("ShotJob", "submitted"),
    "running": QT_TRANSLATE_NOOP("ShotJob", "generating"),
    "downloading": QT_TRANSLATE_NOOP("ShotJob", "downloading"),
    "unknown": QT_TRANSLATE_NOOP("ShotJob", "needs attention"),
    "failed": QT_TRANSLATE_NOOP("ShotJob", "failed"),
    "stalled": QT_TRANSLATE_NOOP("ShotJob", "waiting"),
    "cancelled": QT_TRANSLATE_NOOP("ShotJob", "cancelled"),
}
_WAITING = QT_TRANSLATE_NOOP("ShotJob", "waiting")


class GenerationMixin:
    """Generate, follow and attach: the window's side of the job runner."""

    def generate_shot(self, shot_id: str) -> None:
        from studio.services import storyboard
        from studio.services.takes import admit_shot_takes

        from .async_utils import spawn

        project, folder = self.project, self.folder
        if project is None or folder is None or not shot_id:
            return
        takes, models = self.storyboard.takes_controls.takes(), self.storyboard.takes_controls.models()
        allow_retired = False
        for model_id in models or [project.shot(shot_id).model_id]:
            agreed = self._agreed_to_send(model_id)
            if agreed is None:
                return
            allow_retired = allow_retired or agreed
        self.storyboard.set_job_text(shot_id, "sending")
        self.show_message(self.tr("Sending the shot…"))

        def failed(exc: BaseException) -> None:
            self.storyboard.set_job_text(shot_id, None)
            self._background_error(exc)

        async def send() -> None:
            admissions = await admit_shot_takes(
                self.services, project, folder, shot_id, takes=takes, models=models, allow_retired=allow_retired,
                reuse_finished=False,
            )
            batch = {"chosen": False}  # the first of these takes to finish goes into the cut
            for admission in admissions:
                self._take_batches[admission.job.id] = batch
            adopted = [a.job for a in admissions if a.adopted]
            if len(adopted) == len(admissions):
                # A second click, or another Studio process got there first: no second payment.
                job = adopted[0]
                self.storyboard.set_job_text(shot_id, STATE_TEXT.get(job.state.value, job.state.value))
                self.show_message(storyboard.adopted_note(project, project.shot(shot_id), job), 10_000)

        spawn(send(), on_error=failed)

    def _agreed_to_send(self, model_id: str) -> bool | None:
        """False for a live model; True once the person agreed to try a retired or paused one; None if not."""
        from .model_status import not_live_question

        if model_id not in self.services.catalog:
            return False  # the job fails with the catalog's own sentence
        question = not_live_question(self.services.catalog.get(model_id))
        if question is None:
            return False
        return True if self.ask(*question) else None

    def ask(self, title: str, text: str) -> bool:
        """A Yes/No question (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox

        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return QMessageBox.question(self, title, text, buttons, QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    def generate_missing(self) -> None:
        project, folder = self.project, self.folder
        if project is None or folder is None:
            return
        controls = self.storyboard.takes_controls
        # Takes N (or variations) asks for N new takes of every shot; otherwise the missing ones, once.
        takes, models = (controls.takes(), controls.models()) if controls.total() > 1 or controls.models() else (None, None)
        missing = project.shots_without_take() if takes is None else list(project.shots)
        if not missing:
            self.show_message(self.tr("Every shot has a take. Select a shot and press Generate for another take."))
            return
        # Nothing is sent before the person has seen the plan and its price and pressed Run.
        self.ask_quote(project, folder, lambda accepted: self._run_missing(project, folder, accepted, takes, models),
                       takes=takes, models=models)  # fmt: skip

    def _run_missing(self, project, folder: Path, accept_unknown_price: bool = False, takes=None, models=None) -> None:
        from studio.services import storyboard

        from .async_utils import spawn

        missing = project.shots_without_take() if takes is None else list(project.shots)
        if not missing:
            return
        for shot in missing:
            self.storyboard.set_job_text(shot.id, "waiting")

        def on_job(job: Job) -> None:
            self._storyboard_jobs.add(job.id)

        async def run() -> None:
            try:
                await storyboard.run_storyboard(
                    self.services, project, folder, on_job=on_job, on_note=lambda text: self.show_message(text, 10_000),
                    accept_unknown_price=accept_unknown_price,
                    takes=takes, models=models,
                )
            finally:
                for shot in project.shots:
                    if self.storyboard.canvas and self.storyboard.canvas.job_text.get(shot.id) == "waiting":
                        self.storyboard.set_job_text(shot.id, None)
            if project is self.project:
                self.controller.note_saved()  # run_storyboard saved the project
                self.show_message(QCoreApplication.translate("GenerationMixin", "Every missing shot has a take now."))

        count = len(missing)  # a plain name: lupdate reads no call as the count
        self.show_message(QCoreApplication.translate("GenerationMixin", "Generating %n shot(s)…", "", count))
        spawn(run())

    def _on_job_changed(self, args: tuple) -> None:
        from studio.core.jobs import JobState

        from .errors import describe_error

        job: Job = args[0]
        self._cost_timer.start()
        project, folder = self.project, self.folder
        if project is None or folder is None or not job.shot_id or job.project_dir != self._resolved(folder):
            return
        try:
            project.shot(job.shot_id)
        except KeyError:
            return
        if job.state is JobState.DONE:
            # Other takes of the shot may still be on their way: the card keeps saying so.
            others = [j for j in self.services.runner.active() if j.shot_id == job.shot_id and j.id != job.id]
            self.storyboard.set_job_text(job.shot_id, STATE_TEXT.get(others[0].state.value) if others else None)
            if job.id not in self._storyboard_jobs:
                self._attach(job)
        elif job.state is JobState.CANCELLED:
            self.storyboard.set_job_text(job.shot_id, None)
        elif job.state is JobState.FAILED:
            self.storyboard.set_job_text(job.shot_id, "failed")
            self.show_message(describe_error(job.error or QCoreApplication.translate("GenerationMixin", "The job failed.")).one_line(), 10_000)
        else:
            text = STATE_TEXT.get(job.state.value, job.state.value)
            if job.progress is not None and job.state in (JobState.RUNNING, JobState.DOWNLOADING):
                text += f" {job.progress * 100:.0f}%"
            self.storyboard.set_job_text(job.shot_id, text)

    def _resolved(self, folder: Path) -> str:
        """The open folder's real path, resolved once (every job event compares with it)."""
        if self._resolved_folder[0] != folder:
            self._resolved_folder = (folder, str(Path(folder).resolve()))
        return self._resolved_folder[1]

    def _attach(self, job: Job) -> None:
        from studio.services import storyboard

        from .async_utils import spawn

        project, folder = self.project, self.folder
        if project is None or folder is None or job.id in self._attaching:
            return
        shot = project.shot(job.shot_id)
        if any(t.job_id == job.id for t in shot.takes):
            return
        self._attaching.add(job.id)
        async def attach() -> None:
            batch = self._take_batches.pop(job.id, None)
            choose = batch is None or not batch["chosen"]
            if batch is not None:
                batch["chosen"] = True
            try:
                await storyboard.attach_finished(self.services, project, folder, job, choose=choose)
            finally:
                self._attaching.discard(job.id)
            if project is self.project:
                self.controller.mark_dirty()
                self.show_message(self.tr("A new take for shot %1 is ready.").replace("%1", str(project.index_of(job.shot_id) + 1)))

        spawn(attach())

    def _attach_finished_jobs(self) -> None:
        """Takes of jobs that finished while the project was closed (or the app was down)."""
        from studio.services import storyboard

        from .async_utils import run_blocking, spawn

        project, folder = self.project, self.folder
        if project is None or folder is None:
            return

        async def scan() -> None:
            jobs = await run_blocking(storyboard.finished_unattached, self.services, project, folder)
            if project is self.project:
                for job in jobs:
                    self._attach(job)

        spawn(scan())
