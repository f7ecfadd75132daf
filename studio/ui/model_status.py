"""What the window says before sending a shot to a model that is not live (retired or paused)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from studio.core.modelspec import ModelSpec


# A model's state beside its name (with the coloured dot, never the dot alone).
STATUS_WORDS = {
    "live": QT_TRANSLATE_NOOP("ModelStatus", "live"),
    "paused": QT_TRANSLATE_NOOP("ModelStatus", "paused"),
    "retired": QT_TRANSLATE_NOOP("ModelStatus", "retired"),
}


def status_word(state: str) -> str:
    """``"paused"`` in the window's language."""
    return QCoreApplication.translate("ModelStatus", STATUS_WORDS[state]) if state in STATUS_WORDS else state


def not_live_question(spec: ModelSpec) -> tuple[str, str] | None:
    """The title and text of the question to ask first, or None when the model is live."""
    if spec.status.usable:
        return None

    cost = " " + QCoreApplication.translate("ModelStatus", "If it does run, it is charged like any other job (%1).").replace("%1", spec.price_summary()) if spec.price else ""
    text = (
        QCoreApplication.translate("ModelStatus", "%1 is %2.").replace("%1", spec.name).replace("%2", spec.status.describe()) + "\n\n"
        + QCoreApplication.translate("ModelStatus", "The provider will most likely refuse it, and Studio will say why.") + cost + "\n\n"
        + QCoreApplication.translate("ModelStatus", "Send it anyway?")
    )
    title = QCoreApplication.translate("ModelStatus", "Send to a paused model?") if spec.status.state == "paused" else QCoreApplication.translate("ModelStatus", "Send to a retired model?")
    return title, text
