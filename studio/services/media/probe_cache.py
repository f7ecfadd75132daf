"""Probe each file once: results kept by (path, size, mtime_ns), in memory and in a JSON sidecar.

Export, the export dialog's plan and every re-export ask about the same clips
again and again; opening an MP4 and decoding its first frame costs 15-60 ms a
clip. A file that changes (new size or modification time) is probed afresh. The
sidecar (``probes.json`` in the data folder) carries the results across runs; it
is only a cache, so an unreadable one is ignored and rewritten.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import fields, replace
from fractions import Fraction
from pathlib import Path

from studio.services.probe_sidecar import probe_sidecar

from ._files import atomic_path
from .probe import AudioInfo, MediaInfo, VideoInfo, keyframe_times, probe

log = logging.getLogger(__name__)

_VERSION = 1
# Entries kept; the oldest are dropped first (a few hundred bytes each).
_LIMIT = 4000


def _file_key(path: Path) -> tuple[str, int, int]:
    stat = os.stat(path)
    return str(path.resolve()), stat.st_size, stat.st_mtime_ns


class ProbeCache:
    """Probe results and keyframe times per file version; thread-safe.

    ``sidecar`` None follows the data folder's (see ``studio.services.probe_sidecar``).
    """

    def __init__(self, sidecar: Path | None = None) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, dict] = {}
        self._fixed = sidecar
        self._sidecar: Path | None = None
        self._dirty = False

    @property
    def sidecar(self) -> Path | None:
        """The JSON file results persist to, if any."""
        return self._fixed or probe_sidecar()

    def clear(self) -> None:
        """Forget every result in memory (the sidecar is left as it is)."""
        with self._lock:
            self._entries.clear()

    def probe(self, path: Path | str) -> MediaInfo:
        """:func:`~.probe.probe` of ``path``, from the cache while the file is unchanged."""
        path = Path(path)
        entry = self._entry(path, "info", lambda: probe(path))
        return entry if entry.path == path else replace(entry, path=path)

    def keyframes(self, path: Path | str) -> list[float]:
        """Video keyframe times (seconds) of ``path``, from the cache while the file is unchanged."""
        path = Path(path)
        return list(self._entry(path, "keyframes", lambda: keyframe_times(path)))

    def save(self) -> None:
        """Write new results to the sidecar, if there is one and anything changed."""
        with self._lock:
            self._load()
            sidecar = self._sidecar
            if not self._dirty or sidecar is None:
                return
            entries = dict(list(self._entries.items())[-_LIMIT:])
            self._dirty = False
        payload = {"version": _VERSION, "entries": {k: _encode_entry(v) for k, v in entries.items()}}
        try:
            with atomic_path(sidecar) as tmp:
                tmp.write_text(json.dumps(payload, separators=(",", ":")))
        except OSError as exc:
            log.warning("Could not save the probe cache %s: %s", sidecar.name, exc)

    def _entry(self, path: Path, kind: str, compute):
        try:
            resolved, size, mtime = _file_key(path)
        except OSError:
            return compute()  # a missing file: let the probe say so in its own words
        key = json.dumps([resolved, size, mtime])
        with self._lock:
            self._load()
            entry = self._entries.get(key)
            if entry is not None and kind in entry:
                self._entries[key] = self._entries.pop(key)  # most recently used last
                return entry[kind]
        value = compute()
        with self._lock:
            for stale in [k for k in self._entries if json.loads(k)[0] == resolved and k != key]:
                del self._entries[stale]
            self._entries.setdefault(key, {})[kind] = value
            self._dirty = True
        return value

    def _load(self) -> None:
        """Merge the sidecar into memory the first time it is used (or when it changes)."""
        sidecar = self.sidecar
        if sidecar == self._sidecar:
            return
        self._sidecar = sidecar
        if sidecar is None:
            return
        try:
            payload = json.loads(sidecar.read_text())
            if payload.get("version") != _VERSION:
                return
            for key, raw in payload["entries"].items():
                self._entries.setdefault(key, _decode_entry(raw))
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            log.warning("Ignoring an unreadable probe cache %s: %s", sidecar.name, exc)


def _encode(value):
    if isinstance(value, Fraction):
        return {"fraction": [value.numerator, value.denominator]}
    if isinstance(value, bytes):
        return {"hex": value.hex()}
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (VideoInfo, AudioInfo)):
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value)}
    return value


def _decode(value):
    if isinstance(value, dict) and "fraction" in value:
        return Fraction(*value["fraction"])
    if isinstance(value, dict) and "hex" in value:
        return bytes.fromhex(value["hex"])
    return value


def _encode_entry(entry: dict) -> dict:
    out = {}
    if "keyframes" in entry:
        out["keyframes"] = entry["keyframes"]
    if "info" in entry:
        info: MediaInfo = entry["info"]
        out["info"] = {f.name: _encode(getattr(info, f.name)) for f in fields(info)}
    return out


def _decode_entry(raw: dict) -> dict:
    entry = {}
    if "keyframes" in raw:
        entry["keyframes"] = [float(t) for t in raw["keyframes"]]
    if "info" in raw:
        data = {k: _decode(v) for k, v in raw["info"].items()}
        for name, kind in (("video", VideoInfo), ("audio", AudioInfo)):
            if data.get(name) is not None:
                data[name] = kind(**{k: _decode(v) for k, v in data[name].items()})
        data["path"] = Path(data["path"])
        entry["info"] = MediaInfo(**data)
    return entry


PROBES = ProbeCache()


def cached_probe(path: Path | str) -> MediaInfo:
    """Probe ``path`` once per file version (see :class:`ProbeCache`)."""
    return PROBES.probe(path)


def cached_keyframes(path: Path | str) -> list[float]:
    """Keyframe times of ``path``, once per file version."""
    return PROBES.keyframes(path)
