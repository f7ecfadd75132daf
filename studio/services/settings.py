"""User settings (JSON in the data folder). Never holds keys: those live in the keyring."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from studio.core.events import Signal

log = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "default_model": "animatic:kenburns",
    "budget_cap": None,
    "providers.animatic.concurrency": 2,
    "providers.replicate.concurrency": 4,
    "animatic.queue_seconds": 0.5,
}

_FORBIDDEN = ("key", "token", "secret", "password")


class Settings:
    """Dotted keys (``providers.replicate.base_url``) in a flat JSON object.

    ``changed(key, value)`` fires on every set.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.changed = Signal()
        self._values: dict[str, Any] = {}
        # The window reads its language here before the services (which turn a data folder it
        # cannot use into one sentence) are built: a folder it may not even look into (EACCES
        # from the existence check) gives the defaults too, never a traceback.
        try:
            if self.path.exists():
                loaded = json.loads(self.path.read_text("utf-8"))
                if isinstance(loaded, dict):
                    self._values = loaded
        except (OSError, ValueError):
            log.warning("settings file %s is unreadable; using defaults", self.path.name)

    def get(self, key: str, default: Any = None) -> Any:
        if key in self._values:
            return self._values[key]
        return DEFAULTS.get(key, default)

    def set(self, key: str, value: Any) -> None:
        if any(word in key.lower().rsplit(".", 1)[-1] for word in _FORBIDDEN):
            raise ValueError("Keys belong in the keyring, not in settings.")
        if value is None:
            self._values.pop(key, None)
        else:
            self._values[key] = value
        from .atomic import atomic_write_json  # here: the window reads settings before it paints

        atomic_write_json(self.path, self._values)
        self.changed.emit(key, value)

    def provider_base_url(self, provider: str) -> str | None:
        """Env ``STUDIO_<PROVIDER>_BASE_URL`` wins over the setting (for proxies and tests)."""
        env = os.environ.get(f"STUDIO_{provider.upper()}_BASE_URL")
        return env or self.get(f"providers.{provider}.base_url")

    def concurrency(self, provider: str) -> int:
        return max(1, int(self.get(f"providers.{provider}.concurrency", 2)))

    @property
    def budget_cap(self) -> float | None:
        value = self.get("budget_cap")
        return float(value) if value not in (None, "") else None
