"""Help → Keyboard shortcuts: a table built from the window's live QActions and QShortcuts.

Nothing here is a hand-kept list of keys: every action and shortcut object under the window
(menus, toolbars, docks, panels) is read when the dialog opens, so the table stays true as
actions are added or rebound. Keys that are handled inside a widget (arrow keys on the
timeline, Space in the preview) have no QAction; widgets declare them with
:func:`declare_keys`, which stores them on the widget for this table to find.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

DECLARED_KEYS = "studio_declared_keys"  # dynamic property: list of (keys, what) pairs


@dataclass(frozen=True)
class ShortcutRow:
    keys: str  # in the platform's native form, e.g. "Ctrl+Shift+E" / "⇧⌘E"
    what: str
    where: str


def declare_keys(widget: QObject, rows: list[tuple[str, str]]) -> None:
    """Record keys a widget handles itself (``[(QKeySequence text, translated description)]``)."""
    widget.setProperty(DECLARED_KEYS, [list(r) for r in rows])


def _native(sequences: list[QKeySequence]) -> str:
    texts = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty()]
    return " / ".join(dict.fromkeys(texts))


def _plain(text: str) -> str:
    """An action's text without its mnemonic ampersand and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def _where(obj: QObject, root: QWidget) -> str:
    """The dock or panel an object lives in, by its window title or accessible name."""
    node = obj.parent()
    while node is not None and node is not root:
        if isinstance(node, QWidget):
            title = node.windowTitle() or node.accessibleName()
            if title:
                return title
        node = node.parent()
    return ""


def collect_shortcuts(root: QWidget) -> list[ShortcutRow]:
    """Every keyboard shortcut reachable under ``root``: its actions (menus, toolbars, context
    actions with shortcuts), its QShortcut objects and keys widgets declared."""
    rows: list[ShortcutRow] = []
    seen: set[tuple[str, str]] = set()

    def add(keys: str, what: str, where: str) -> None:
        if keys and what and (keys, what) not in seen:
            seen.add((keys, what))
            rows.append(ShortcutRow(keys, what, where))

    window_title = QCoreApplication.translate("Shortcuts", "Window")
    for action in root.findChildren(QAction):
        keys = _native(action.shortcuts())
        if keys:
            menus = [o for o in action.associatedObjects() if isinstance(o, QMenu) and o.title()]
            if menus:
                where = _plain(menus[0].title())  # the menu it is in: File, Edit, ...
            else:
                where = window_title if action.parent() is root else _where(action, root)
            add(keys, _plain(action.text() or action.toolTip()), where)
    for shortcut in root.findChildren(QShortcut):
        keys = _native(shortcut.keys())
        what = shortcut.property("description") or shortcut.whatsThis()
        if keys and what:
            add(keys, str(what), _where(shortcut, root))
    for obj in [root, *root.findChildren(QWidget)]:
        declared = obj.property(DECLARED_KEYS)
        if declared:
            for keys, what in declared:
                add(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) or keys, what, _where(obj, root) or obj.accessibleName())
    return rows


class ShortcutsDialog(QDialog):
    """The table of shortcuts, read from the window when it opens."""

    def __init__(self, root: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent or root)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.rows = collect_shortcuts(root)
        intro = QLabel(self.tr("Every command is also in a menu (Alt and the underlined letter opens it). Tab and Shift+Tab move between controls; Alt+1 to Alt+5 go to a panel."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Command"), self.tr("Where")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setAccessibleDescription(self.tr("One row per shortcut: the keys, what they do and where they work"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        for i, row in enumerate(self.rows):
            for j, text in enumerate((row.keys, row.what, row.where)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(i, j, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)
