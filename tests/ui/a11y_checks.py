"""Walks a widget tree the way a screen reader and a keyboard user meet it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit,
               QPlainTextEdit, QTextEdit, QTabBar)  # fmt: skip


def is_control(widget: QWidget) -> bool:
    """Something a person operates: a standard input, or any widget that takes keyboard focus."""
    if isinstance(widget, (QScrollBar, QHeaderView)):
        return False  # parts of their scroll area or view, which carry the name
    if widget.parent() is not None and isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
        return False  # the line edit inside a spin box or an editable combo box
    return isinstance(widget, INTERACTIVE) or bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def needs_description(widget: QWidget) -> bool:
    """Controls whose name alone does not say what they hold or do: lists and tables, text
    areas, sliders, scroll areas, combo boxes, painted widgets and buttons with only an icon.
    (A button or check box says it with its text; a form field has its label and tooltip.)"""
    if isinstance(widget, QAbstractButton):
        return not widget.text().strip()
    if isinstance(widget, (QTabBar, QLineEdit, QAbstractSpinBox)):
        return False
    return True


def accessible_text(widget: QWidget, kind: QAccessible.Text) -> str:
    """What assistive technology is told: Qt's accessible interface, as a screen reader asks it
    (a button's own text, a field's form label, or the name set with setAccessibleName)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(kind) if interface is not None else "").strip()


def accessible_name(widget: QWidget) -> str:
    """A combo box's name on Linux is its current value (Orca reads the label through a
    relation), so a combo box must be named explicitly; other controls as Qt reports them."""
    if isinstance(widget, QComboBox):
        return widget.accessibleName().strip()
    return widget.accessibleName().strip() or accessible_text(widget, QAccessible.Text.Name)


def shown_controls(root: QWidget) -> list[QWidget]:
    return [w for w in [root, *root.findChildren(QWidget)] if is_control(w) and w.isVisibleTo(root)]


def unnamed_controls(root: QWidget) -> list[str]:
    """Every visible control under ``root`` with no accessible name."""
    return [describe(w, root) for w in shown_controls(root) if not accessible_name(w)]


def undescribed_controls(root: QWidget) -> list[str]:
    """Visible controls that need a description (see needs_description) and have none."""
    return [describe(w, root) for w in shown_controls(root)
            if needs_description(w) and not (w.accessibleDescription().strip() or w.toolTip().strip())]  # fmt: skip


def describe(widget: QWidget, root: QWidget) -> str:
    return f"{type(widget).__name__}#{widget.objectName()} ({accessible_name(widget)!r}) in {_path(widget, root)}"


def _path(widget: QWidget, root: QWidget) -> str:
    names = []
    node = widget.parentWidget()
    while node is not None and node is not root:
        label = node.accessibleName() or node.windowTitle() or node.objectName() or type(node).__name__
        names.append(label)
        node = node.parentWidget()
    return " / ".join(reversed(names)) or type(root).__name__


def _new_dialogs(window):
    """The dialogs of the money and takes work: the quote, the ledger and (where present) compare."""
    import importlib.util

    from studio.services.quote import plan_run
    from studio.ui.money import LedgerDialog, QuoteDialog

    project = window.project
    dialogs = [
        QuoteDialog(plan_run(window.services.catalog, project), None, window),
        LedgerDialog(window.services, str(window.folder), project.title, None, window),
    ]
    if importlib.util.find_spec("studio.ui.compare") is not None:
        from studio.ui.compare import CompareDialog

        dialogs.append(CompareDialog(window.services, project, window.folder, project.shots[0].id, window.undo_stack,
                                     window, multimedia=False))  # fmt: skip
    return dialogs
