"""The window's translations: nothing a person reads bypasses tr(), the Russian and Turkish
.ts files are complete and in step with the code, and the window really speaks them."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from a11y_checks import _new_dialogs
from i18n_checks import I18N, ROOT, ts_entries, ts_language, untranslated_literals, wanted_messages

LANGUAGES = {"ru": 3, "tr": 1}  # language → Qt's number of plural forms for it
TS_FILES = {lang: I18N / f"studio_{lang}.ts" for lang in LANGUAGES}
ENGLISH_TS = I18N / "studio_en.ts"  # plural forms only
PLACEHOLDER = re.compile(r"%(?:\d|n)|\{[^{}]*\}")  # Qt's %1/%n and str.format's {name}


# -- the code ---------------------------------------------------------------------------------


def test_no_user_visible_literal_bypasses_tr():
    found = untranslated_literals()
    assert not found, "wrap these in self.tr() / QCoreApplication.translate():\n" + "\n".join(found)


def test_the_scan_catches_literals_that_bypass_tr(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(textwrap.dedent('''
        class Panel(QWidget):
            def build(self, n):
                QLabel("Project name")                      # caught
                self.button.setText(f"Add {n} shots")       # caught
                self.setToolTip("Zoom" + " in")             # caught
                box.addRow(self.tr("Size"), spin)           # translated
                self.combo.addItem(self.tr("Crop"), "crop")  # data stays
                log.warning("a log line is not UI")         # not UI
                self.setObjectName("dock_jobs")             # not a text sink
                self.status.setText(QCoreApplication.translate("Panel", "Ready"))
    '''))
    found = untranslated_literals([sample])
    assert [line.split(": ", 2)[-1] for line in found] == ["'Project name'", "'Add  shots'", "'Zoom'"]


def test_every_translated_string_is_in_the_ts_files_and_nothing_else_is():
    """lupdate's Python reader silently skips some call shapes (a count that is a call, a tr()
    inside an f-string): every string the code translates must be in each .ts, in its context."""
    wanted = {(w.context, w.source): w for w in wanted_messages()}
    for path in TS_FILES.values():
        held = {(e.context, e.source): e for e in ts_entries(path) if not e.obsolete}
        missing = [f"{w.where}: {w.context} / {w.source!r}" for key, w in wanted.items() if key not in held]
        assert not missing, f"{path.name} lacks (run `python tools/i18n.py update`):\n" + "\n".join(missing)
        stale = [f"{c} / {s!r}" for (c, s) in held if (c, s) not in wanted]
        assert not stale, f"{path.name} holds strings the code no longer uses:\n" + "\n".join(stale)
        counted = [f"{w.where}: {w.source!r}" for key, w in wanted.items() if ("%n" in w.source) != held[key].plural]
        assert not counted, f"{path.name}: messages with %n must be plural and only they:\n" + "\n".join(counted)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_ts_file_is_complete(lang):
    path = TS_FILES[lang]
    assert ts_language(path) == lang
    problems = []
    for e in ts_entries(path):
        where = f"{e.context} / {e.source!r}"
        if e.unfinished:
            problems.append(f"unfinished: {where}")
        if e.obsolete:
            problems.append(f"vanished (run tools/i18n.py update): {where}")
        if e.plural and len(e.forms) != LANGUAGES[lang]:
            problems.append(f"{len(e.forms)} plural forms, {lang} has {LANGUAGES[lang]}: {where}")
        if not e.forms or not all(f.strip() for f in e.forms):
            problems.append(f"empty translation: {where}")
        for form in e.forms:
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(e.source)):
                problems.append(f"placeholders differ in {form!r}: {where}")
            if "&" in e.source.replace("&&", "") and form.replace("&&", "").count("&") != 1:
                problems.append(f"the keyboard mnemonic (&) is lost in {form!r}: {where}")
    assert not problems, "\n".join(problems)


def test_english_file_holds_every_plural_form():
    """English is the source language; its .ts only turns "%n shot(s)" into "1 shot" / "3 shots"."""
    counted = {(w.context, w.source) for w in wanted_messages() if "%n" in w.source}
    held = {(e.context, e.source): e for e in ts_entries(ENGLISH_TS)}
    assert set(held) == counted
    for e in held.values():
        assert e.plural and len(e.forms) == 2 and all(e.forms) and not e.unfinished, e


def test_ts_checks_catch_an_unfinished_entry(tmp_path):
    broken = tmp_path / "studio_ru.ts"
    broken.write_text(TS_FILES["ru"].read_text("utf-8").replace("<translation>&amp;Файл</translation>",
                                                                 '<translation type="unfinished"></translation>', 1))
    assert any(e.unfinished and e.source == "&File" for e in ts_entries(broken))


def test_menu_mnemonics_are_unique_within_each_translated_menu(window, translated):
    for lang in LANGUAGES:
        translated(lang)
        for code, menu_titles in _menu_mnemonics(window).items():
            duplicates = {m for m in menu_titles if menu_titles.count(m) > 1}
            assert not duplicates, f"{lang}: menu {code!r} has the mnemonic(s) {duplicates} twice"


def _menu_mnemonics(window) -> dict[str, list[str]]:
    """The translated menu bar and each menu: mnemonic letters per menu (by translating the
    English texts of its actions, as a retranslated window would show them)."""
    from PySide6.QtCore import QCoreApplication

    def mnemonic(text: str) -> str:
        match = re.search(r"&([^&])", text.replace("&&", ""))
        return match.group(1).lower() if match else ""

    result = {"menubar": []}
    for action in window.menuBar().actions():
        menu = action.menu()
        title = QCoreApplication.translate("MainWindow", action.text())
        result["menubar"].append(mnemonic(title))
        result[title] = [mnemonic(QCoreApplication.translate("MainWindow", a.text()))
                         for a in menu.actions() if not a.isSeparator() and mnemonic(a.text())]  # fmt: skip
    return result


# -- the compiled translations ----------------------------------------------------------------


def test_the_install_shipped_compiled_translations():
    """setup.py's build hook compiles the .ts files when the package is installed."""
    for lang in LANGUAGES:
        qm = I18N / f"studio_{lang}.qm"
        assert qm.exists(), f"{qm.name} missing: reinstall (pip install -e .) or run python tools/i18n.py compile"


def test_plural_forms_and_formats_follow_the_language(translated):
    from PySide6.QtCore import QCoreApplication

    from studio.ui.i18n import format_cost, format_money, format_seconds

    def shots(n):
        return QCoreApplication.translate("ExportDialog", "%n shot(s)", "", n)

    translated("ru")
    assert [shots(n) for n in (1, 3, 5, 21, 22, 25)] == ["1 сцена", "3 сцены", "5 сцен", "21 сцена", "22 сцены", "25 сцен"]
    assert format_money(1.5) == "1,50\u00a0$"  # a no-break space, as Russian typesetting wants
    assert format_seconds(2.5) == "2,5 с"
    assert format_cost(None) == "цена неизвестна"
    translated("tr")
    assert [shots(n) for n in (1, 3)] == ["1 çekim", "3 çekim"]
    assert format_seconds(2.5) == "2,5 sn"
    translated("en")
    assert [shots(n) for n in (1, 3)] == ["1 shot", "3 shots"]
    assert format_money(1.5) == "$1.50"
    assert format_money(1234.5) == "$1,234.50"
    assert format_seconds(2.5) == "2.5 s"


# -- the window in Russian and Turkish --------------------------------------------------------

# Words that stay as they are in every language: product and provider names, formats, keys.
ALLOWED_WORDS = {
    "studio", "openai", "replicate", "gemini", "vertex", "kie", "veo", "kling", "sora", "google", "cloud",
    "json", "mp4", "fcpxml", "edl", "opentimelineio", "api", "url", "fps", "ctrl", "shift", "alt", "enter",
    "studio_home", "letterbox", "animatic", "user", "role", "pro", "fast", "lite", "turbo", "flash", "omni",
    "preview", "image", "video", "text", "to", "http", "https", "localhost", "gs", "bucket", "folder", "dall",
    "keyring", "aac", "h264", "png", "jpg", "jpeg", "heic", "avif", "webp",
    "english", "videos", "qt", "multimedia", "tab", "space", "delete", "return", "backspace", "wheel", "left", "right",
}


def visible_texts(root) -> list[tuple[str, str]]:
    """(where, text) for what a person reads in the chrome of ``root`` and the windows it owns:
    labels, buttons, menus and actions, titles, tabs, headers, combo items, placeholders."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QDockWidget,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTableView,
        QTabWidget,
        QTreeView,
        QWidget,
    )

    texts = [("window title", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, QLabel):
            texts.append((name, w.text()))
        elif isinstance(w, QAbstractButton):
            texts.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            texts.append((name, w.title()))
        elif isinstance(w, QDockWidget):
            texts.append((name, w.windowTitle()))
        elif isinstance(w, QTabWidget):
            texts += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QComboBox) and not w.isEditable():
            texts += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, (QLineEdit, QPlainTextEdit)):
            texts.append((name, w.placeholderText()))
        elif isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            header = w.horizontalHeader() if isinstance(w, QTableView) else w.header()
            texts += [(name, str(w.model().headerData(c, Qt.Orientation.Horizontal) or "")) for c in range(header.count())]
        if w.toolTip():
            texts.append((f"{name} tooltip", w.toolTip()))
    for action in root.findChildren(QAction):
        texts.append((f"action {action.objectName()}", action.text()))
        if action.toolTip() != action.text().replace("&", ""):
            texts.append((f"action tooltip {action.text()}", action.toolTip()))
    return [(where, t) for where, t in texts if t and t.strip()]


def english_leftovers(texts, allowed: set[str]) -> list[str]:
    """Texts with an English word that is neither allowed nor user content (in Russian, any
    Latin-letter word of three letters or more is suspect)."""
    bad = []
    for where, text in texts:
        plain = re.sub(r"<[^>]+>", " ", text).replace("&", "")
        # ids, versions, addresses and file names are data: gpt-5.4-mini, us-central1, a.mp4
        plain = " ".join(t for t in plain.split() if not re.search(r"\d|[-_./:@]\w", t))
        words = {w.lower() for w in re.findall(r"[A-Za-z_]{3,}", plain)}
        unknown = words - ALLOWED_WORDS - allowed
        if unknown:
            bad.append(f"{where}: {text!r} ({', '.join(sorted(unknown))})")
    return bad


def content_words(window) -> set[str]:
    """Words that are the person's own content or the catalog's names, shown as they are."""
    words: set[str] = set()
    specs = window.services.catalog.all()
    texts = [spec.name for spec in specs] + [spec.id for spec in specs] + [spec.label or "" for spec in specs]
    project = window.project
    if project is not None:
        texts += [project.title, str(window.folder)] + [s.title for s in project.shots] + [s.prompt for s in project.shots]
        texts += [s.model_id for s in project.shots]
    for text in texts:
        words |= {w.lower() for w in re.findall(r"[A-Za-z_]{3,}", text or "")}
    return words


def test_the_window_in_russian_has_no_english_left(make_window, translated, qtbot):
    translated("ru")
    window = make_window()
    qtbot.waitUntil(lambda: window.cost_label.text() != "", timeout=10_000)
    leftovers = english_leftovers(visible_texts(window), content_words(window))
    assert not leftovers, "untranslated in the Russian window:\n" + "\n".join(leftovers)
    assert window.menuBar().actions()[0].text() == "&Файл"


def test_the_dialogs_in_russian_have_no_english_left(make_window, translated, qtbot):
    from studio.ui.export import ExportDialog
    from studio.ui.settings import SettingsDialog
    from studio.ui.shortcuts import ShortcutsDialog
    from studio.ui.storyboard.story_split import StorySplitDialog

    translated("ru")
    window = make_window()
    allowed = content_words(window)
    dialogs = [
        SettingsDialog(window.services, window),
        ExportDialog(window.services, window.project, window.folder, window),
        StorySplitDialog(window.services, window),
        ShortcutsDialog(window),
        *_new_dialogs(window),
    ]
    problems = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        data = f"{window.services.paths.home} {window.services.secrets.backend_name}"  # names, not words
        allowed_here = allowed | {w.lower() for w in re.findall(r"[A-Za-z_]{3,}", data)}
        problems += english_leftovers(visible_texts(dialog), allowed_here)
        dialog.close()
    assert not problems, "untranslated in the Russian dialogs:\n" + "\n".join(problems)


def test_the_window_in_turkish_shows_turkish_chrome(make_window, translated):
    translated("tr")
    window = make_window()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Dosya", "Dü&zen", "&Görünüm", "&Üret", "&Yardım"]
    english = {e.source.replace("&", "") for e in ts_entries(TS_FILES["ru"])}
    turkish = {f.replace("&", "") for e in ts_entries(TS_FILES["tr"]) for f in e.forms}
    # Unchanged English UI strings: a text that is an English source and no Turkish translation.
    catalog_names = {spec.name for spec in window.services.catalog.all()}
    leftovers = [f"{w}: {t!r}" for w, t in visible_texts(window)
                 if t.replace("&", "") in english - turkish - catalog_names]  # fmt: skip
    assert not leftovers, "untranslated in the Turkish window:\n" + "\n".join(leftovers)


def test_the_language_setting_is_offered_and_applied_at_start(services, translated, qtbot):
    from studio.ui.i18n import LANGUAGE_KEY, install_translations
    from studio.ui.settings import SettingsDialog

    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    picker = dialog.general.language
    assert [picker.combo.itemData(i) for i in range(picker.combo.count())] == ["", "en", "ru", "tr"]
    picker.combo.setCurrentIndex(picker.combo.findData("tr"))
    dialog.apply()
    assert services.settings.get(LANGUAGE_KEY) == "tr"
    translated(None)  # restore English for the rest of the suite afterwards
    assert install_translations(services.settings.get(LANGUAGE_KEY)) == "tr"


# -- fixtures -------------------------------------------------------------------------------


@pytest.fixture
def translated(qapp, tmp_path, monkeypatch):
    """``translated(lang)`` installs the translations compiled now from the repository's .ts
    files (so the test sees the sources, not an older build); English again afterwards."""
    from studio.ui import i18n

    compiled = tmp_path / "qm"
    compiled.mkdir()
    subprocess.run([sys.executable, str(ROOT / "tools" / "i18n_build.py"), str(compiled)], check=True, cwd=ROOT)
    monkeypatch.setattr(i18n, "translations_dir", lambda: compiled)

    def install(lang: str | None) -> str:
        return i18n.install_translations(lang or "en")

    yield install
    i18n.install_translations("en")  # the rest of the suite runs in English, as the app starts


def test_build_tool_writes_qm_files_that_qt_loads(tmp_path):
    from PySide6.QtCore import QTranslator

    subprocess.run([sys.executable, str(ROOT / "tools" / "i18n_build.py"), str(tmp_path)], check=True, cwd=ROOT)
    for lang in LANGUAGES:
        translator = QTranslator()
        assert translator.load(str(tmp_path / f"studio_{lang}.qm"))
        assert translator.translate("MainWindow", "&File") not in ("", "&File")
    assert Path(tmp_path / "studio_ru.qm").stat().st_size > 10_000
