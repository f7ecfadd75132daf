"""The "Remix… / Edit… / Extend…" entries of a shot's menu, and the dialog that asks for the instruction.

Only what the take's model can do is offered: the others stay in the menu, greyed, with a
tooltip saying why (another model can, there is no take yet, the take is too long …).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.core.derive import EXTEND, OPS
from studio.core.modelspec import ModelSpec

from ..i18n import format_number_short


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeriveMenu", text)


def op_label(op: str) -> str:
    """The menu label of an operation (translated)."""
    return {"remix": _tr("Remix…"), "edit": _tr("Edit…"), "extend": _tr("Extend…")}[op]


def add_derive_menu(menu: QMenu, options: dict[str, str | None], on_pick: Callable[[str], None]) -> QMenu:
    """Add a "Remix / edit / extend" submenu: each operation enabled, or greyed with the reason as its tooltip."""
    sub = menu.addMenu(_tr("Remix / edit / extend"))
    sub.setToolTipsVisible(True)
    sub.menuAction().setObjectName("derive-menu")
    for op in OPS:
        reason = options.get(op)
        action = sub.addAction(op_label(op))
        action.setObjectName(f"derive-{op}")
        action.setEnabled(reason is None)
        if reason:
            action.setToolTip(reason)
            action.setStatusTip(reason)
        action.triggered.connect(lambda _checked=False, chosen=op: on_pick(chosen))
    sub.setEnabled(any(reason is None for reason in options.values()))
    if not sub.isEnabled():
        sub.menuAction().setToolTip(next(iter(r for r in options.values() if r), ""))
    return sub


class DeriveDialog(QDialog):
    """Asks what to change (or, for an extension, what happens next and for how long)."""

    def __init__(self, op: str, spec: ModelSpec, source_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.op = op
        titles = {"remix": self.tr("Remix a take"), "edit": self.tr("Edit a take"), "extend": self.tr("Extend a take")}
        self.setWindowTitle(titles[op])
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("{source}, with {model}. The result is a new take of this shot.").format(
            source=source_text, model=spec.name))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.instruction = QPlainTextEdit()
        self.instruction.setAccessibleName(self.tr("Instruction"))
        self.instruction.setAccessibleDescription(self.tr("What the new take changes, or what happens next"))
        hints = {
            "remix": self.tr("Change one thing, e.g. “same shot, switch to an 85 mm lens”"),
            "edit": self.tr("What to change, e.g. “make it night, keep everything else”"),
            "extend": self.tr("What happens next, e.g. “she turns and waves”"),
        }
        self.instruction.setPlaceholderText(hints[op])
        form.addRow(self.tr("Instruction"), self.instruction)
        self.seconds = QComboBox()
        self.seconds.setAccessibleName(self.tr("Seconds to add"))
        if op == EXTEND:
            for value in spec.durations.choices or (spec.default_duration,):
                self.seconds.addItem(self.tr("{n} s").format(n=format_number_short(value)), float(value))
            index = self.seconds.findData(float(spec.default_duration))
            self.seconds.setCurrentIndex(max(0, index))
            form.addRow(self.tr("Seconds to add"), self.seconds)
        else:
            self.seconds.hide()
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Send"))
        self.ok_button.setAccessibleName(self.tr("Send"))
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.instruction.textChanged.connect(
            lambda: self.ok_button.setEnabled(bool(self.instruction.toPlainText().strip()))
        )
        self.resize(460, 240)

    def values(self) -> tuple[str, float | None]:
        """The instruction and, for an extension, the seconds to add."""
        seconds = self.seconds.currentData() if self.op == EXTEND else None
        return self.instruction.toPlainText().strip(), seconds
