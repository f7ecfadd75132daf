"""Filmstrip thumbnails for timeline cards, decoded in a worker and kept in a bounded LRU."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap


from ..async_utils import run_blocking, spawn
from ..editor.images import array_to_qimage
from ..lazy_media import media

VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".mkv", ".webm"}


class FilmstripCache(QObject):
    """``get(path, count, height)`` returns the frames as QPixmaps, or None and loads them.

    Decoding runs in a worker thread (``asyncio.to_thread``); ``ready(path)`` fires when a
    strip arrives. At most ``capacity`` strips are kept (least recently used go first), and
    at most ``max_parallel`` decodes run at once so a 50-shot project does not flood the pool.
    """

    ready = Signal(str)

    def __init__(self, capacity: int = 96, max_parallel: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.capacity = capacity
        self.max_parallel = max_parallel
        self._items: OrderedDict[tuple, list[QPixmap]] = OrderedDict()
        self._pending: set[tuple] = set()
        self._queue: list[tuple] = []
        self._running = 0
        self._failed: set[tuple] = set()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, path: Path, count: int, height: int) -> list[QPixmap] | None:
        try:
            mtime = path.stat().st_mtime
        except OSError:
            return None
        key = (str(path), mtime, count, height)
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        if key not in self._pending and key not in self._failed:
            self._pending.add(key)
            self._queue.append(key)
            self._pump()
        return None

    def _pump(self) -> None:
        while self._queue and self._running < self.max_parallel:
            key = self._queue.pop()  # newest first: what is on screen now
            self._running += 1
            spawn(self._load(key), on_error=lambda _e, k=key: self._finish(k, None))

    def _finish(self, key: tuple, strip: list[QPixmap] | None) -> None:
        self._running -= 1
        self._pending.discard(key)
        if strip is None:
            self._failed.add(key)
        else:
            self._items[key] = strip
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
            self.ready.emit(key[0])
        self._pump()

    async def _load(self, key: tuple) -> None:
        path, _mtime, count, height = key

        def work() -> list[QImage]:
            p = Path(path)
            if p.suffix.lower() in VIDEO_SUFFIXES:
                frames = media.thumbnails(p, count, max(16, int(height * 16 / 9)))
            else:
                frames = [media.load_image(p)]
            return [array_to_qimage(f).scaledToHeight(height, Qt.SmoothTransformation) for f in frames]

        images = await run_blocking(work)
        self._finish(key, [QPixmap.fromImage(i) for i in images])
