"""How the preview names a cut's items and writes times."""

from __future__ import annotations

CutItem = tuple[str, float, "float | None"]
"""``(path, trim_in, trim_out)`` in seconds; ``trim_out`` None means "to the end"."""


def format_time(seconds: float) -> str:
    """``83.25 → "1:23.25"`` (minutes, seconds, hundredths)."""
    seconds = max(0.0, seconds)
    centis = int(round(seconds * 100))
    minutes, centis = divmod(centis, 6000)
    return f"{minutes}:{centis // 100:02d}.{centis % 100:02d}"
