"""The window's remix / edit / extend flow: ask for the instruction, send it, say what happened.

:class:`DeriveMixin` is a part of :class:`~studio.ui.main_window.MainWindow`. The derived job is
an ordinary job of the shot, so the window follows it and attaches its clip as a new take the
same way it does for any generation (``GenerationMixin._on_job_changed``).
"""

from __future__ import annotations



class DeriveMixin:
    """Remix, edit or extend the selected shot's take into a new take."""

    def derive_shot(self, shot_id: str, op: str) -> None:
        # Imported here: the window paints before the services' modules are loaded.
        from studio.core.derive import describe_derivation
        from studio.services import derive as derive_service
        from studio.services import storyboard

        from .async_utils import spawn

        project, folder = self.project, self.folder
        if project is None or folder is None or not shot_id:
            return
        shot = project.shot(shot_id)
        take = derive_service.source_take(shot)
        spec = derive_service.take_spec(self.services, take)
        reason = derive_service.derive_options(self.services, shot).get(op, "")
        if reason is not None or take is None or spec is None:
            self.show_message(reason or self.tr("This take cannot be changed that way."), 10_000)
            return
        number = shot.takes.index(take) + 1
        asked = self.ask_derive(op, spec, self.tr("Take {n} of {shot}").format(
            n=number, shot=storyboard.shot_name(project, shot)))  # fmt: skip
        if asked is None:
            return
        instruction, seconds = asked
        allow_retired = self._agreed_to_send(spec.id)
        if allow_retired is None:
            return
        self.storyboard.set_job_text(shot_id, self.tr("sending"))

        def failed(exc: BaseException) -> None:
            self.storyboard.set_job_text(shot_id, None)
            self._background_error(exc)

        async def send() -> None:
            admission = await derive_service.derive_take(
                self.services, project, folder, shot_id, op=op, instruction=instruction, take_id=take.id,
                seconds=seconds, allow_retired=allow_retired,
            )  # fmt: skip
            what = describe_derivation(admission.job.request.get("derived_from"), number)
            if admission.adopted:
                self.show_message(self.tr("{what} is already being made (job {job}); following it.").format(
                    what=what, job=admission.job.id), 10_000)  # fmt: skip
            else:
                self.show_message(self.tr("{what} sent; it becomes a new take of this shot.").format(what=what), 10_000)

        spawn(send(), on_error=failed)

    def ask_derive(self, op: str, spec, source_text: str) -> tuple[str, float | None] | None:
        """The instruction (and seconds, for an extension), or None when cancelled (tests replace this)."""
        from .storyboard.derive_menu import DeriveDialog

        dialog = DeriveDialog(op, spec, source_text, self)
        try:
            return dialog.values() if dialog.exec() == DeriveDialog.Accepted else None
        finally:
            dialog.deleteLater()
