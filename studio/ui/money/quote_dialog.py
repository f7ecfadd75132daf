"""``QuoteDialog``: the plan and price of a storyboard run, shown before anything is sent.

It lists every generation the run would send (shot, model, seconds, price, what it waits
for), the order, the total, and where the project stands against its budget and the
24-hour cap. Run starts the run; Cancel sends nothing. When a price is unknown, Run stays
disabled until the person ticks the box that accepts it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.services.budgets import Spending
from studio.services.quote import Quote
from studio.ui.i18n import format_seconds_short, money  # the locale's formats


class QuoteDialog(QDialog):
    """Run / Cancel on a :class:`~studio.services.quote.Quote`; ``accept_unknown`` says what was agreed."""

    COLUMNS = 6

    def __init__(self, quote: Quote, spending: Spending | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quote = quote
        self.setWindowTitle(self.tr("Quote for this run"))
        self.setAccessibleName(self.tr("Quote for this run"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)

        self.summary = QLabel(self._summary_text())
        self.summary.setObjectName("quoteSummary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Run total"))
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)

        self.table = self._build_table()
        self.table.setAccessibleName(self.tr("Generations in this run"))
        self.table.setAccessibleDescription(self.tr("One row per generation: the shot, its model, seconds, cost and what it waits for"))
        layout.addWidget(self.table, 1)

        self.order = QLabel(self._order_text())
        self.order.setWordWrap(True)
        self.order.setAccessibleName(self.tr("Order of the run"))
        self.order.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.order)

        self.limits = QLabel(self._limits_text(spending))
        self.limits.setWordWrap(True)
        self.limits.setObjectName("dim")
        self.limits.setAccessibleName(self.tr("Budget and cap"))
        self.limits.setVisible(bool(self.limits.text()))
        layout.addWidget(self.limits)

        self.accept_unknown_box = QCheckBox()
        self.accept_unknown_box.setAccessibleName(self.tr("Accept the unknown price"))
        self.accept_unknown_box.setAccessibleDescription(
            self.tr("Run is enabled only after you accept that part of the price is unknown.")
        )
        unknown = len(quote.unknown)
        self.accept_unknown_box.setText(
            self.tr("Run even though the price of %n generation(s) is unknown", "", unknown)
        )
        self.accept_unknown_box.setVisible(unknown > 0)
        layout.addWidget(self.accept_unknown_box)

        self.buttons = QDialogButtonBox()
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setAccessibleName(self.tr("Run the storyboard"))
        self.run_button.setDefault(unknown == 0)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the run"))
        self.buttons.addButton(self.run_button, QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.accept_unknown_box.toggled.connect(self._update_run)
        self._update_run()
        (self.run_button if self.run_button.isEnabled() else self.accept_unknown_box).setFocus()

    @property
    def accept_unknown(self) -> bool:
        """True when the person agreed to run with unknown prices (only then may Run be pressed)."""
        return bool(self.quote.unknown) and self.accept_unknown_box.isChecked()

    def _update_run(self) -> None:
        self.run_button.setEnabled(not self.quote.unknown or self.accept_unknown_box.isChecked())

    def accept(self) -> None:
        if not self.run_button.isEnabled():
            return  # Enter on a blocked quote does nothing
        super().accept()

    # -- content ---------------------------------------------------------------------------

    def _summary_text(self) -> str:
        count = len(self.quote.generations)
        if self.quote.total is None:
            return self.tr("%n generation(s) · total unknown (known part {known})", "", count).format(
                known=money(self.quote.known_total, self.quote.currency)
            )
        return self.tr("%n generation(s) · total {total}", "", count).format(
            total=money(self.quote.total, self.quote.currency)
        )

    def _build_table(self) -> QTableWidget:
        headers = [self.tr("Shot"), self.tr("Model"), self.tr("Seconds"), self.tr("Cost"), self.tr("Waits for"), self.tr("Starts")]
        table = QTableWidget(len(self.quote.generations), self.COLUMNS)
        table.setAccessibleName(self.tr("Generations in this run"))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setAlternatingRowColors(True)
        names = {g.shot_id: g.name for g in self.quote.generations}
        for row, g in enumerate(self.quote.generations):
            shot = g.name if g.takes == 1 else self.tr("{shot} · take {take} of {takes}").format(
                shot=g.name, take=g.take, takes=g.takes
            )
            waits = names.get(g.waits_for, "") if g.waits_for else self.tr("—")
            starts = self.tr("at once") if g.stage == 0 else self.tr("step {step}").format(step=g.stage + 1)
            cost = money(g.cost, self.quote.currency) if g.cost is not None else self.tr("unknown")
            cells = [shot, g.model_name, format_seconds_short(g.seconds), cost, waits, starts]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                tip = g.note or g.model_id
                item.setToolTip(tip)
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        rows = len(self.quote.generations)
        row_height = max(table.verticalHeader().defaultSectionSize(), table.fontMetrics().height() + 14)
        table.verticalHeader().setDefaultSectionSize(row_height)
        table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        height = table.horizontalHeader().sizeHint().height() + row_height * rows + 2 * table.frameWidth() + 2
        table.setMinimumHeight(min(420, max(80, height)))
        table.setMaximumHeight(max(420, height) if rows > 12 else height)
        table.setFocusPolicy(Qt.NoFocus)  # Enter belongs to the buttons, and no cell looks picked
        return table

    def _order_text(self) -> str:
        names = {g.shot_id: g.name for g in self.quote.generations}
        lines = [self.tr("Order:")]
        for number, stage in enumerate(self.quote.stages(), 1):
            labels: list[str] = []
            for g in stage:
                label = (
                    self.tr("{shot}, after {previous}").format(shot=g.name, previous=names[g.waits_for])
                    if g.waits_for
                    else g.name
                )
                if label not in labels:
                    labels.append(label)
            step = (", " if number == 1 else "; ").join(labels)  # only later steps name what they wait for
            if number == 1 and len(labels) > 1:
                step = self.tr("{shots}, at once").format(shots=step)
            lines.append(self.tr("{number}. {step}").format(number=number, step=step))
        return "\n".join(lines) if len(lines) > 1 else ""

    def _limits_text(self, spending: Spending | None) -> str:
        if spending is None:
            return ""
        total = float(self.quote.total if self.quote.total is not None else self.quote.known_total)
        lines: list[str] = []
        if spending.project_budget is not None:
            stands = self.tr("Project budget {limit}: {spent} spent or in flight, {left} left.")
            over = self.tr("This run costs more than is left; shots past the budget are refused before they are sent.")
            lines.append(self._limit_line(stands, over, spending.project_budget, spending.project_spent, total))
        if spending.daily_cap is not None:
            stands = self.tr("24-hour cap {limit}: {spent} spent, {left} left.")
            over = self.tr("This run costs more than the cap leaves; shots past it are refused before they are sent.")
            lines.append(self._limit_line(stands, over, spending.daily_cap, spending.spent_today, total))
        for g in self.quote.generations:
            if g.note and g.take == 1 and g.cost is None:
                lines.append(self.tr("{shot}: {why}").format(shot=g.name, why=g.note))
        return "\n".join(lines)

    @staticmethod
    def _limit_line(stands: str, over: str, limit: float, spent: float, total: float) -> str:
        left = max(0.0, limit - spent)
        line = stands.format(limit=money(limit), spent=money(spent), left=money(left))
        return f"{line} {over}" if total > left + 1e-9 else line
