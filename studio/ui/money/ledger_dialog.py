"""``LedgerDialog``: what actually ran and what it cost, per job, per project and per day.

The ledger is read from the job store in a worker thread. The dialog also holds the open
project's budget: setting it writes the project file at once, because every process (this
window, each ``studio-cli`` run) reads the budget from there when it admits a job.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.project_fields import MAX_BUDGET
from studio.services.ledger import NOT_BILLED, Ledger, Totals, build_ledger, project_label
from studio.ui.i18n import money  # the locale's money format

from ..a11y import name
from ..async_utils import run_blocking, spawn


class LedgerDialog(QDialog):
    """The spend ledger; ``budget_requested(value or None)`` when the person sets the project's budget."""

    budget_requested = Signal(object)
    loaded = Signal()

    def __init__(self, services, project_dir: str | None = None, project_title: str = "",
                 budget: float | None = None, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.services = services
        self.project_dir = project_dir
        self.ledger: Ledger | None = None
        self.setWindowTitle(self.tr("Spend"))
        self.setAccessibleName(self.tr("Spend ledger"))
        self.resize(1180, 600)
        layout = QVBoxLayout(self)

        self.summary = QLabel(self.tr("Reading the job history…"))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Spend summary"))
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)

        self.only_project = QCheckBox(self.tr("Only this project"))
        self.only_project.setAccessibleName(self.tr("Show only this project's jobs"))
        self.only_project.setEnabled(project_dir is not None)
        self.only_project.toggled.connect(lambda _on: self.refresh())

        self.budget_spin = QDoubleSpinBox()
        self.budget_spin.setAccessibleName(self.tr("Project budget"))
        self.budget_spin.setAccessibleDescription(
            self.tr("The most this project may spend in total; 0 means no budget.")
        )
        self.budget_spin.setRange(0.0, MAX_BUDGET)
        self.budget_spin.setDecimals(2)
        self.budget_spin.setSingleStep(1.0)
        self.budget_spin.setPrefix("$")
        self.budget_spin.setSpecialValueText(self.tr("No budget"))
        self.budget_spin.setValue(budget or 0.0)
        self.budget_button = QPushButton(self.tr("Set budget"))
        self.budget_button.setAccessibleName(self.tr("Set the project budget"))
        self.budget_button.clicked.connect(self._set_budget)
        has_project = project_dir is not None
        for widget in (self.budget_spin, self.budget_button):
            widget.setEnabled(has_project)
        row = QHBoxLayout()
        row.addWidget(self.only_project)
        row.addStretch(1)
        label = QLabel(self.tr("Budget of “{title}”:").format(title=project_title) if has_project else self.tr("No project open"))
        label.setBuddy(self.budget_spin)
        row.addWidget(label)
        row.addWidget(self.budget_spin)
        row.addWidget(self.budget_button)
        layout.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Ledger views"))
        self.jobs_table = self._table([self.tr("When"), self.tr("Project"), self.tr("Model"), self.tr("Billing"),
                                       self.tr("Cost"), self.tr("Reason")])  # fmt: skip
        self.projects_table = self._table([self.tr("Project"), self.tr("Budget"), self.tr("Counted"), self.tr("Billed"),
                                           self.tr("In flight"), self.tr("May be billed"), self.tr("Not billed")])  # fmt: skip
        self.days_table = self._table([self.tr("Day"), self.tr("Counted"), self.tr("Billed"), self.tr("In flight"),
                                       self.tr("May be billed"), self.tr("Not billed")])  # fmt: skip
        self.tabs.addTab(self.jobs_table, self.tr("Per job"))
        self.tabs.addTab(self.projects_table, self.tr("Per project"))
        self.tabs.addTab(self.days_table, self.tr("Per day"))
        self.tabs.setAccessibleDescription(self.tr("The ledger per job, per project and per day"))
        name(self.jobs_table, self.tr("Jobs and their cost"), self.tr("One row per job: when, project, model, billing, cost and reason"))
        name(self.projects_table, self.tr("Spend per project"), self.tr("Each project's budget and what it spent"))
        name(self.days_table, self.tr("Spend per day"), self.tr("What was spent on each day"))
        layout.addWidget(self.tabs, 1)

        note = QLabel(self.tr(
            "Billed: the clip was delivered. In flight: counted at its quote until it ends. May be billed: the provider "
            "took the job, then it failed or was cancelled. Not billed: it ended before the provider took it."
        ))  # fmt: skip
        note.setWordWrap(True)
        note.setObjectName("dim")
        layout.addWidget(note)

        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setIcon(QIcon())
        self.refresh_button = buttons.addButton(self.tr("Refresh"), QDialogButtonBox.ActionRole)
        self.refresh_button.setAccessibleName(self.tr("Read the ledger again"))
        self.refresh_button.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setAccessibleName(headers[0])
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    # -- data ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the ledger again, off the GUI thread."""
        folder = self.project_dir if self.only_project.isChecked() else None
        spawn(run_blocking(build_ledger, self.services.jobstore, project_dir=folder), on_done=self.show_ledger,
              name="ledger")  # fmt: skip

    def show_ledger(self, ledger: Ledger) -> None:
        try:
            self.ledger = ledger
            self._fill(ledger)
        except RuntimeError:  # the dialog closed while the ledger was read
            return
        self.loaded.emit()

    def _fill(self, ledger: Ledger) -> None:
        total = ledger.total
        self.summary.setText(self.tr(
            "Billed {billed} · in flight {flight} · may be billed {maybe} · %n job(s) not billed", "",
            total.not_billed_jobs,
        ).format(billed=money(total.billed), flight=money(total.in_flight), maybe=money(total.may_be_billed)))  # fmt: skip
        self.jobs_table.setRowCount(len(ledger.lines))
        for row, line in enumerate(ledger.lines):
            when = datetime.fromtimestamp(line.created_at).strftime("%Y-%m-%d %H:%M")
            cost = self.tr("—") if line.status == NOT_BILLED else money(line.cost, line.currency) if line.cost is not None else self.tr("unknown")
            self._row(self.jobs_table, row, [when, project_label(line.project_dir), self._model_name(line.model_id),
                                             self._status(line.status), cost, line.reason], money_columns=(4,),
                      tip=f"{line.job_id} · {line.prompt[:200]}")  # fmt: skip
        self.projects_table.setRowCount(len(ledger.projects))
        for row, (folder, totals) in enumerate(ledger.projects.items()):
            budget = ledger.budgets.get(folder)
            self._row(self.projects_table, row, [project_label(folder), money(budget) if budget is not None else self.tr("none"),
                                                 *self._sums(totals)], money_columns=(1, 2, 3, 4, 5), tip=folder)  # fmt: skip
        self.days_table.setRowCount(len(ledger.days))
        for row, (day, totals) in enumerate(ledger.days.items()):
            self._row(self.days_table, row, [day, *self._sums(totals)], money_columns=(1, 2, 3, 4))

    def _model_name(self, model_id: str) -> str:
        catalog = self.services.catalog
        return catalog.get(model_id).name if model_id in catalog else model_id

    def _sums(self, totals: Totals) -> list[str]:
        return [money(totals.counted), money(totals.billed), money(totals.in_flight), money(totals.may_be_billed),
                self.tr("%n job(s)", "", totals.not_billed_jobs)]  # fmt: skip

    def _status(self, status: str) -> str:
        return {
            "billed": self.tr("billed"),
            "in flight": self.tr("in flight"),
            "may be billed": self.tr("may be billed"),
            "not billed": self.tr("not billed"),
        }.get(status, status)

    @staticmethod
    def _row(table: QTableWidget, row: int, cells: list[str], *, money_columns=(), tip: str = "") -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column in money_columns:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            if tip:
                item.setToolTip(tip)
            table.setItem(row, column, item)

    def _set_budget(self) -> None:
        value = self.budget_spin.value()
        self.budget_requested.emit(value if value > 0 else None)
