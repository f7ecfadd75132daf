"""Turn any error into one sentence and an action, for dialogs, status bars and tables.

Every :class:`~studio.core.errors.StudioError` already carries ``user_message`` (one
sentence) and ``action_hint`` gives what to do next. Stored job errors are dicts
(``{kind, message, detail}``); anything else (a bug, an OSError) becomes a plain sentence
and never shows a traceback or a secret.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QBoxLayout, QLabel, QMessageBox, QWidget

from studio.core.errors import StudioError, action_hint, error_from_dict, redact


@dataclass(frozen=True)
class ErrorText:
    """What to show: ``sentence`` always; ``action`` and ``detail`` may be empty."""

    sentence: str
    action: str = ""
    detail: str = ""
    kind: str = "error"

    def one_line(self) -> str:
        """``sentence`` followed by the action, e.g. for a table cell or a status label."""
        if self.action:
            return f"{self.sentence} {self.action}."
        return self.sentence


def _sentence(text: str) -> str:
    text = " ".join(str(text).split())
    if not text:
        return "Something went wrong."
    text = text[0].upper() + text[1:]
    if text[-1] not in ".!?…":
        text += "."
    return text


def describe_error(error: BaseException | dict | str | None) -> ErrorText:
    """One sentence and an action for an exception, a stored error dict or a message."""
    if error is None:
        return ErrorText("")
    if isinstance(error, dict):
        error = error_from_dict(error)
    if isinstance(error, StudioError):
        return ErrorText(
            _sentence(error.user_message),
            action_hint(error),
            error.detail or "",
            error.kind,
        )
    if isinstance(error, str):
        return ErrorText(_sentence(redact(error)))
    if isinstance(error, FileNotFoundError):
        name = error.filename or "a file"
        return ErrorText(_sentence(f"Studio could not find {name}"), "Pick another file", redact(str(error)), "media")
    if isinstance(error, PermissionError):
        name = error.filename or "a file"
        return ErrorText(
            _sentence(f"Studio is not allowed to open {name}"), "Pick another folder", redact(str(error)), "media"
        )
    if isinstance(error, OSError):
        return ErrorText(
            _sentence(f"A file or network operation failed: {error.strerror or error}"), "Retry", redact(str(error))
        )
    message = str(error) or type(error).__name__
    return ErrorText(_sentence(f"Something went wrong: {redact(message)}"), "Retry", redact(repr(error)))


def show_error(parent: QWidget | None, error: BaseException | dict | str, title: str = "Studio") -> ErrorText:
    """Show a modal warning: the sentence, the action, and the provider's words as details."""
    text = describe_error(error)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text.sentence)
    if text.action:
        box.setInformativeText(text.action + ".")
    if text.detail:
        box.setDetailedText(text.detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
    return text


TONES = {"ok": "OK", "error": "ERROR", "warning": "WARN", "dim": "TEXT_DIM"}


def tone_colour(tone: str) -> str:
    """The theme's colour for ``ok``, ``error``, ``warning`` or ``dim`` ("" for the default text)."""
    from studio.ui import style

    name = TONES.get(tone)
    return getattr(style, name) if name else ""


def set_tone(label: QWidget, tone: str = "") -> None:
    """Colour a status label by meaning (success, failure, warning, secondary) in the app's theme."""
    colour = tone_colour(tone)
    label.setStyleSheet(f"color: {colour};" if colour else "")


def add_status_lines(layout: QBoxLayout) -> tuple[QLabel, QLabel]:
    """A dim status line and a (hidden) error line under a panel's controls: (status, error)."""
    status = QLabel()
    status.setObjectName("dim")
    status.setWordWrap(True)
    layout.addWidget(status)
    error = QLabel()
    error.setObjectName("error")
    error.setWordWrap(True)
    error.hide()
    layout.addWidget(error)
    return status, error
