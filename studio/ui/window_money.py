"""The window's money flow: a quote before every storyboard-wide run, the ledger, the project budget.

:class:`MoneyMixin` is a part of :class:`~studio.ui.main_window.MainWindow` (it uses the
window's project, services, controller and status bar).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .i18n import format_money

if TYPE_CHECKING:  # imported where used: the window paints before the services' modules load
    from studio.core.project import Project
    from studio.services.budgets import Spending

    from .money import LedgerDialog, QuoteDialog


class MoneyMixin:
    """Quote, ledger and budget: the window's side of the money rules (the job store enforces them)."""

    quote_dialog: QuoteDialog | None = None
    ledger_dialog: LedgerDialog | None = None
    _quote_loading = False

    def ask_quote(
        self,
        project: Project,
        folder: Path,
        then: Callable[[bool], None],
        *,
        takes: int | None = None,
        models: list[str] | None = None,
    ) -> None:
        """Show the run's quote; ``then(accepted_unknown_price)`` runs only after Run is pressed.

        The plan comes from the catalog (no I/O); the budget and spend are read in a worker.
        A second request while a quote is open brings that quote forward instead.
        """
        from studio.services.budgets import spending
        from studio.services.quote import plan_run

        from .async_utils import run_blocking, spawn
        from .money import QuoteDialog

        if self.quote_dialog is not None:
            self.quote_dialog.raise_()
            self.quote_dialog.activateWindow()
            return
        if self._quote_loading:
            return  # its dialog is about to open
        quote = plan_run(self.services.catalog, project, takes=takes, models=models)
        self._quote_loading = True

        def show(spent: Spending | None) -> None:
            self._quote_loading = False
            dialog = QuoteDialog(quote, spent, self)
            self.quote_dialog = dialog

            def finished(_result: int) -> None:
                self.quote_dialog = None
                dialog.deleteLater()

            dialog.accepted.connect(lambda: project is self.project and then(dialog.accept_unknown))
            dialog.rejected.connect(lambda: self.show_message(self.tr("Nothing was sent.")))
            dialog.finished.connect(finished)
            dialog.open()

        spawn(
            run_blocking(spending, self.services.jobstore, self.services.settings, folder),
            on_done=show,
            on_error=lambda _exc: show(None),  # the plan still shows; the limits are enforced at admit
            name="quote-spending",
        )

    def open_ledger(self) -> None:
        """The spend ledger (per job, per project, per day), with the open project's budget."""
        from .money import LedgerDialog

        if self.ledger_dialog is not None:
            self.ledger_dialog.refresh()
            self.ledger_dialog.raise_()
            self.ledger_dialog.activateWindow()
            return
        project, folder = self.project, self.folder
        project_dir = self._resolved(folder) if folder is not None else None  # resolved once per open folder
        dialog = LedgerDialog(
            self.services,
            project_dir,
            project.title if project is not None else "",
            project.settings.budget if project is not None else None,
            self,
        )
        dialog.budget_requested.connect(self.set_project_budget)
        dialog.finished.connect(lambda _r: setattr(self, "ledger_dialog", None))
        self.ledger_dialog = dialog
        dialog.show()

    def set_project_budget(self, value: float | None) -> None:
        """Set the open project's budget and save the project, so every process enforces it now."""
        from .async_utils import run_blocking, spawn

        project, folder = self.project, self.folder
        if project is None or folder is None:
            return
        project.set_settings(budget=value)
        data = project.to_dict()

        def saved(_path) -> None:
            if project is self.project:
                self.controller.note_saved()
                if value is None:
                    self.show_message(self.tr("The project has no budget now."))
                else:
                    self.show_message(self.tr("The project's budget is now {amount}.").format(amount=format_money(value)))
                if self.ledger_dialog is not None:
                    self.ledger_dialog.refresh()

        spawn(run_blocking(self.services.projects.save_data, data, folder), on_done=saved, on_error=self._background_error)
