"""Where the media probe cache is kept between runs: set by ``build_services``, read lazily.

A separate, import-light module so building the services does not load PyAV.
"""

from __future__ import annotations

from pathlib import Path

_sidecar: Path | None = None


def set_probe_sidecar(path: Path | None) -> None:
    """Persist probe results to ``path`` (None: keep them in memory only)."""
    global _sidecar
    _sidecar = path


def probe_sidecar() -> Path | None:
    """The file the probe cache persists to, if one was set."""
    return _sidecar
