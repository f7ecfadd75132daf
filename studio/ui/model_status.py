"""What the window says before sending a shot to a model that is not live (retired or paused)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studio.core.modelspec import DurationRule, ModelSpec, ModelStatus

from .i18n import format_cost, format_money, format_number_short, format_seconds_short


# A model's state beside its name (with the coloured dot, never the dot alone).
STATUS_WORDS = {
    "live": QT_TRANSLATE_NOOP("ModelStatus", "live"),
    "paused": QT_TRANSLATE_NOOP("ModelStatus", "paused"),
    "retired": QT_TRANSLATE_NOOP("ModelStatus", "retired"),
}


def status_word(state: str) -> str:
    """``"paused"`` in the window's language."""
    return QCoreApplication.translate("ModelStatus", STATUS_WORDS[state]) if state in STATUS_WORDS else state


def describe_status(status: ModelStatus) -> str:
    """A model's status in the window's language: "retired since 2026-09-24: <note> (try X)".
    The note is the catalog's own sentence and stays as the catalog wrote it."""
    if status.state == "live":
        return status_word("live")
    text = status_word(status.state)
    if status.date and not (status.note and status.date in status.note):
        text = QCoreApplication.translate("ModelStatus", "%1 since %2").replace("%1", text).replace("%2", status.date)
    if status.note:
        text += f": {status.note}"
    if status.replacement:
        text += " " + QCoreApplication.translate("ModelStatus", "(try %1)").replace("%1", status.replacement)
    return text


def price_summary(spec: ModelSpec) -> str:
    """A model's price per second in the window's language and money format: "$0.10/s",
    "0,10–0,40 $/с", "free", "price unknown"."""
    values = sorted({row.per_second for row in spec.price})
    if not values:
        return format_cost(0.0 if spec.is_offline else None)
    if values == [0.0]:
        return format_cost(0.0)
    if len(values) == 1:
        money = format_money(values[0], decimals=_decimals(values[0]))
    else:
        low, high = format_money(values[0], decimals=_decimals(values[0])), format_money(values[-1], decimals=_decimals(values[-1]))
        money = f"{low}–{high}"
    return QCoreApplication.translate("ModelStatus", "%1/s").replace("%1", money)


def _decimals(value: float) -> int:
    """Two decimals, three where a per-second price needs them ($0.035/s)."""
    return 2 if round(value, 2) == round(value, 3) else 3


def describe_durations(rule: DurationRule) -> str:
    """The durations a model allows, with the locale's numbers: "4, 6, 8 s", "0.5–60 s in steps of 0.5 s"."""
    if rule.choices:
        figures = ", ".join(format_number_short(c) for c in rule.choices)
    else:
        figures = f"{format_number_short(rule.minimum or 0)}–{format_number_short(rule.maximum or 0)}"
    text = QCoreApplication.translate("Format", "%1 s").replace("%1", figures)
    if not rule.choices and rule.step and rule.step != 1:
        text = QCoreApplication.translate("ModelStatus", "%1 in steps of %2").replace("%1", text).replace("%2", format_seconds_short(rule.step))
    return text


def not_live_question(spec: ModelSpec) -> tuple[str, str] | None:
    """The title and text of the question to ask first, or None when the model is live."""
    if spec.status.usable:
        return None

    cost = " " + QCoreApplication.translate("ModelStatus", "If it does run, it is charged like any other job (%1).").replace("%1", price_summary(spec)) if spec.price else ""
    text = (
        QCoreApplication.translate("ModelStatus", "%1 is %2.").replace("%1", spec.name).replace("%2", describe_status(spec.status)) + "\n\n"
        + QCoreApplication.translate("ModelStatus", "The provider will most likely refuse it, and Studio will say why.") + cost + "\n\n"
        + QCoreApplication.translate("ModelStatus", "Send it anyway?")
    )
    title = QCoreApplication.translate("ModelStatus", "Send to a paused model?") if spec.status.state == "paused" else QCoreApplication.translate("ModelStatus", "Send to a retired model?")
    return title, text
