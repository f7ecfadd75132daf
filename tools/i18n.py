"""Keep the window's translations in step with the code.

    python tools/i18n.py update     # re-run lupdate over studio/ui for every language
    python tools/i18n.py compile    # .ts → .qm into studio/resources/i18n (installs do this too)
    python tools/i18n.py status     # how many entries each language has left to translate

``update`` keeps existing translations, adds new strings as unfinished and marks vanished
ones obsolete (``-no-obsolete`` drops them, so the files hold only what the code uses). See
docs/i18n.md for adding a language.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path
import subprocess

sys.path.insert(0, str(Path(__file__).resolve().parent))
from i18n_build import compile_all, qt_tool

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "studio" / "ui"
I18N = ROOT / "studio" / "resources" / "i18n"
LANGUAGES = ("ru", "tr")  # keep in step with studio.ui.i18n.LANGUAGES
# English is the source language; its file holds only the plural forms ("1 shot", "3 shots").
PLURAL_ONLY = ("en",)


def ui_sources() -> list[Path]:
    return [ROOT / "studio" / "app.py", *sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)]


# How many plural forms Qt uses per language (Qt's own rules: Russian one/few/many, Turkish
# one form for every count).
PLURAL_FORMS = {"ru": 3, "tr": 1, "en": 2}


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    """Write a .ts file the way lupdate does (declaration, doctype, four-space indent)."""
    ET.indent(tree, space="    ")
    with open(ts, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)


def _plural_translations(ts: Path) -> dict[tuple[str, str], tuple[list[str], bool]]:
    """(context, source) → (forms, finished) of every counted message already translated."""
    kept: dict[tuple[str, str], tuple[list[str], bool]] = {}
    if not ts.exists():
        return kept
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") == "yes" and translation is not None:
                forms = [f.text or "" for f in translation.iter("numerusform")]
                kept[(name, message.findtext("source") or "")] = (forms, translation.get("type") != "unfinished")
    return kept


def mark_counted_messages(ts: Path, lang: str, kept: dict[tuple[str, str], tuple[list[str], bool]]) -> None:
    """lupdate's Python reader misses the count argument of ``QCoreApplication.translate(ctx,
    text, "", n)`` and turns such messages back into single ones. A message with ``%n`` is
    always counted: make it a plural one with the language's number of forms, keeping the
    translation it had before the update."""
    tree = ET.parse(ts)
    count = PLURAL_FORMS.get(lang, 2)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if "%n" not in source or message.get("numerus") == "yes" or translation is None:
                continue
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            message.set("numerus", "yes")
            forms, finished = kept.get((name, source), ([], False))
            forms = (forms + [""] * count)[:count]
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form or None
            if finished and all(forms):
                translation.attrib.pop("type", None)
            else:
                translation.set("type", "unfinished")
    write_ts(tree, ts)


def keep_only_plurals(ts: Path) -> None:
    """The source language needs only its counted messages translated (Qt reads the rest
    from the code); lupdate's -pluralonly misses the counts its Python reader misses, so the
    file is trimmed here instead."""
    tree = ET.parse(ts)
    for context in list(tree.getroot().iter("context")):
        for message in list(context.iter("message")):
            if message.get("numerus") != "yes":
                context.remove(message)
        if context.find("message") is None:
            tree.getroot().remove(context)
    write_ts(tree, ts)


def update() -> None:
    sources = [str(p.relative_to(ROOT)) for p in ui_sources()]
    for lang in (*LANGUAGES, *PLURAL_ONLY):
        ts = I18N / f"studio_{lang}.ts"
        kept = _plural_translations(ts)
        cmd = [*qt_tool("lupdate"), "-no-obsolete", "-locations", "relative", *sources, "-target-language", lang,
               "-ts", str(ts.relative_to(ROOT))]  # fmt: skip
        subprocess.run(cmd, check=True, cwd=ROOT)
        mark_counted_messages(ts, lang, kept)
        if lang in PLURAL_ONLY:
            keep_only_plurals(ts)


def status() -> int:
    left = 0
    for ts in sorted(I18N.glob("*.ts")):
        root = ET.parse(ts).getroot()
        messages = list(root.iter("message"))
        unfinished = [m for m in messages if (m.find("translation") is not None and m.find("translation").get("type") == "unfinished")]
        print(f"{ts.name}: {len(messages)} messages, {len(unfinished)} unfinished")
        left += len(unfinished)
    return 1 if left else 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        update()
        return status()
    if command == "compile":
        for qm in compile_all(I18N):
            print("compiled", qm.relative_to(ROOT))
        return 0
    if command == "status":
        return status()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
