"""The window's language, and locale-aware numbers, money, durations and counts.

The language follows the OS (``QLocale.system()``) unless Settings names one (the
``ui.language`` setting: ``""`` for the system's, else a code from :data:`LANGUAGES`). The
translations are Qt ``.qm`` files compiled from ``studio/resources/i18n/studio_<code>.ts`` when
the package is built or installed (docs/i18n.md); Qt's own strings (standard buttons, file
dialogs) come from the ``qtbase_<code>.qm`` that ships with PySide6.

Every money figure, duration and count the window shows goes through the helpers below, so
"1,50 $" in Russian and "$1.50" in English come from one place: the application's default
``QLocale``, which :func:`install_translations` sets to the chosen language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui.language"
SOURCE_LANGUAGE = "en"
# Shown in each language's own name, so a person who cannot read the current one finds theirs.
LANGUAGES = {"en": "English", "ru": "Русский", "tr": "Türkçe"}

_installed: list[QTranslator] = []
_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def translations_dir() -> Path:
    """Where the compiled ``studio_<code>.qm`` files live (inside the package)."""
    return Path(__file__).resolve().parent.parent / "resources" / "i18n"


def system_language() -> str:
    """The OS language if Studio speaks it, else English."""
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def resolve_language(chosen: str | None) -> str:
    """``chosen`` when Studio speaks it; otherwise (``""``, None, unknown) the system's."""
    return chosen if chosen in LANGUAGES else system_language()


def install_translations(language: str | None = None) -> str:
    """Load Studio's and Qt's translations for ``language`` (None/"" = the OS's) into the
    running application, replacing any installed before, and make that language's locale the
    default for number formatting. Returns the language in force."""
    app = QCoreApplication.instance()
    code = resolve_language(language)
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(code) if code != SOURCE_LANGUAGE else _ENGLISH)
    if app is None:
        return code
    # English too: its file holds the plural forms ("1 shot", "3 shots") of the counted texts.
    ours = QTranslator(app)
    if ours.load(f"studio_{code}", str(translations_dir())):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no compiled translation for %s in %s (build or reinstall the package)", code, translations_dir())
    if code == SOURCE_LANGUAGE:
        return code
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return code


def uninstall_translations() -> None:
    """Remove what :func:`install_translations` installed and go back to the system's locale."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale.system())


# -- formatting -----------------------------------------------------------------------------


def _locale() -> QLocale:
    """The default locale (install_translations sets it to the window's language); the POSIX
    "C" locale of a bare environment formats as US English, like the window's text."""
    locale = QLocale()
    return _ENGLISH if locale.language() == QLocale.Language.C else locale


def format_money(amount: float, currency: str = "USD", decimals: int = 2) -> str:
    """``$1.50`` in English, ``1,50 $`` in Russian, ``$1,50`` in Turkish."""
    symbol = {"USD": "$", "EUR": "€", "GBP": "£"}.get(currency, currency)
    return _locale().toCurrencyString(float(amount), symbol, decimals)


def money(amount, currency: str = "USD") -> str:
    """The quote and ledger's money in the window's language: two decimals, three where a
    fraction of a cent matters ($0.018/s prices), "unknown" for None (amount may be a Decimal)."""
    if amount is None:
        return QCoreApplication.translate("Format", "unknown")
    value = float(amount)
    decimals = 2 if round(value, 2) == round(value, 3) else 3
    return format_money(value, currency, decimals)


def format_cost(amount: float | None, currency: str = "USD") -> str:
    """A job's or a quote's price: money, "free", or "price unknown" (never "free" for unknown:
    an unpriced model may still bill)."""
    if amount is None:
        return QCoreApplication.translate("Format", "price unknown")
    if amount == 0:
        return QCoreApplication.translate("Format", "free")
    return format_money(amount, currency)


def format_number(value: float, decimals: int = 1) -> str:
    """A plain figure with the locale's decimal separator (``2.5`` / ``2,5``)."""
    return _locale().toString(float(value), "f", decimals)


def format_seconds(seconds: float, decimals: int = 1) -> str:
    """A length in seconds with its unit: ``4.0 s`` / ``4,0 с`` / ``4,0 sn``."""
    return QCoreApplication.translate("Format", "%1 s").replace("%1", format_number(seconds, decimals))


def format_number_short(value: float) -> str:
    """A figure without trailing zeros (``4``, ``2.5`` / ``2,5``, ``23.976``)."""
    text = format_number(value, 3)
    point = _locale().decimalPoint()
    if point in text:
        text = text.rstrip("0")
        text = text[: -len(point)] if text.endswith(point) else text
    return text


def format_seconds_short(seconds: float) -> str:
    """Like :func:`format_seconds` without trailing zeros (``4 s``, ``2.5 s``): durations offered
    by a model."""
    return QCoreApplication.translate("Format", "%1 s").replace("%1", format_number_short(seconds))


def format_elapsed(seconds: float) -> str:
    """``83 → "1:23"``, ``3725 → "1:02:05"`` (clock form; the same in every language here)."""
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_count(n: int) -> str:
    """An integer with the locale's group separator (``1,234`` / ``1 234``)."""
    return _locale().toString(int(n))
