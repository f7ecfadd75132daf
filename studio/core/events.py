"""A small observer: plain Python events that the Qt adapters and the CLI listen to."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Listener = Callable[..., None]


class Signal:
    """A list of callbacks; ``emit`` calls each, and one failing listener never stops the others."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def connect(self, listener: Listener) -> Listener:
        if listener not in self._listeners:
            self._listeners.append(listener)
        return listener

    def disconnect(self, listener: Listener) -> None:
        try:
            self._listeners.remove(listener)
        except ValueError:
            pass

    def emit(self, *args: Any, **kwargs: Any) -> None:
        for listener in list(self._listeners):
            try:
                listener(*args, **kwargs)
            except Exception:  # a broken view must not break the engine
                log.exception("event listener %r failed", listener)

    def __len__(self) -> int:
        return len(self._listeners)
