"""Logging to ``logs/studio.log`` with every record redacted (no key ever reaches a log)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from studio.core.errors import redact

from .private_files import make_private, open_private


class RedactingFilter(logging.Filter):
    """Rewrites each record's message with secrets and key-shaped tokens removed."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files only their owner can read (logs mention prompts and spend)."""

    def _open(self):
        fd = open_private(self.baseFilename, os.O_WRONLY | os.O_APPEND)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def setup_logging(folder: Path, *, level: int = logging.INFO) -> Path:
    """Send Studio's logs to a rotating file in ``folder``; returns the file's path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "studio.log"
    root = logging.getLogger("studio")
    if any(getattr(h, "_studio", False) for h in root.handlers):
        return path
    make_private(*(path.with_name(f"{path.name}.{n}") for n in range(1, 4)))  # rotated by an older Studio
    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler._studio = True  # type: ignore[attr-defined]
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).addFilter(RedactingFilter())
    return path
