"""Static checks behind the translation tests: user-visible literals in studio/ui that bypass
tr(), and the messages the code asks for versus those the .ts files hold."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "studio" / "ui"
I18N = ROOT / "studio" / "resources" / "i18n"


def ui_sources() -> list[Path]:
    """What tools/i18n.py hands lupdate: the window's code and the app's start-up."""
    return [ROOT / "studio" / "app.py", *sorted(UI.rglob("*.py"))]

# Calls whose string arguments a person reads: Qt's text setters and constructors, dialogs,
# and the project's own helpers that pass their text on to one of those.
TEXT_SINKS = frozenset({
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setPlaceholderText", "setWhatsThis",
    "addItem", "addItems", "insertItem", "setItemText", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
    "setHeaderLabels", "addMenu", "addTab", "setTabText", "setTabToolTip", "addRow", "insertRow", "showMessage",
    "show_message", "setTitle", "setLabelText", "setSuffix", "setPrefix", "setSpecialValueText",
    "setAccessibleName", "setAccessibleDescription", "setInformativeText", "setDetailedText", "setFormat",
    "addAction", "information", "warning", "critical", "question", "about", "getOpenFileName",
    "getOpenFileNames", "getSaveFileName", "getExistingDirectory", "getText", "getItem", "getInt", "getDouble",
    "setHtml", "setPlainText", "setButtonText", "addButton", "set_text", "setCheckBoxText",
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton", "QDockWidget",
    "QToolBar", "QMenu", "QMessageBox", "QListWidgetItem", "QTableWidgetItem", "QTreeWidgetItem",
    "QCommandLinkButton", "QWizardPage", "Placeholder", "_action", "_dock", "show_error", "ask", "emit",
    "createUndoAction", "createRedoAction", "UpdateShotCommand", "_set_busy", "_say", "_set_note", "_fail",
})
TRANSLATING = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"})
LOGGERS = frozenset({"log", "logger", "logging", "LOG"})
# Data, not words: identifiers, object names, model ids, units alone, URLs, key names.
_DATA = re.compile(r"^[a-z0-9_.:\-/%#]+$|^[A-Z0-9_]+$|^https?://|^[^A-Za-z]*$")
_TAGS = re.compile(r"<[^>]*>")


def _words(text: str) -> bool:
    """True when ``text`` holds words a person reads (not markup, an id or punctuation)."""
    text = _TAGS.sub(" ", text).strip()
    return bool(text) and not _DATA.match(text) and re.search(r"[A-Za-z]{2,}", text) is not None


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_logging(node: ast.Call) -> bool:
    func = node.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in LOGGERS


def _untranslated(node: ast.AST) -> list[str]:
    """English literals in an argument that reach the screen as they are."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if _words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return [literal] if _words(literal) else []
    if isinstance(node, ast.BinOp):
        return _untranslated(node.left) + _untranslated(node.right)
    if isinstance(node, ast.IfExp):
        return _untranslated(node.body) + _untranslated(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [t for e in node.elts for t in _untranslated(e)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("join", "format", "replace"):
        return _untranslated(node.func.value)  # "... {}".format(x) translates nothing
    return []


def untranslated_literals(paths: list[Path] | None = None) -> list[str]:
    """``path:line: call: text`` for every user-visible literal passed to a text sink untranslated."""
    found = []
    for path in paths or ui_sources():
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _call_name(node) in TRANSLATING or _is_logging(node):
                continue
            name = _call_name(node)
            if name not in TEXT_SINKS:
                continue
            for arg in [*node.args, *(k.value for k in node.keywords if k.arg not in ("objectName",))]:
                for text in _untranslated(arg):
                    found.append(f"{_shown(path)}:{node.lineno}: {name}: {text!r}")
    return found


@dataclass(frozen=True)
class Wanted:
    context: str
    source: str
    plural: bool
    where: str


def wanted_messages(paths: list[Path] | None = None) -> list[Wanted]:
    """Every literal the code translates, with the context Qt looks it up in: the class for
    ``self.tr`` (the class the method is written in), the first argument for ``translate`` and
    ``QT_TRANSLATE_NOOP``."""
    wanted: list[Wanted] = []
    for path in paths or ui_sources():
        _visit(ast.parse(path.read_text("utf-8")), None, path, wanted)
    return wanted


def _visit(node: ast.AST, cls: str | None, path: Path, wanted: list[Wanted]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Call):
            _record(child, cls, path, wanted)
        _visit(child, child.name if isinstance(child, ast.ClassDef) else cls, path, wanted)


def _record(call: ast.Call, cls: str | None, path: Path, wanted: list[Wanted]) -> None:
    name = _call_name(call)
    args = call.args
    where = f"{_shown(path)}:{call.lineno}"
    if name == "tr" and isinstance(call.func, ast.Attribute) and args and cls:
        if isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
            wanted.append(Wanted(cls, args[0].value, len(args) >= 3, where))
    elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2:
        ctx, src = args[0], args[1]
        if isinstance(ctx, ast.Constant) and isinstance(src, ast.Constant) and isinstance(src.value, str):
            wanted.append(Wanted(ctx.value, src.value, len(args) >= 4, where))


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    plural: bool
    forms: tuple[str, ...]
    unfinished: bool
    obsolete: bool


def ts_entries(path: Path) -> list[Entry]:
    entries = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            plural = message.get("numerus") == "yes"
            if translation is None:
                forms: tuple[str, ...] = ()
            elif plural:
                forms = tuple((f.text or "") for f in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            entries.append(Entry(name, message.findtext("source") or "", plural, forms, kind == "unfinished",
                                 kind in ("obsolete", "vanished")))
    return entries


def ts_language(path: Path) -> str:
    return ET.parse(path).getroot().get("language", "")
