"""The preview's pictures: RGB arrays as QImages, and a bounded cache of them.

The render thread (:mod:`.engine`) keeps every picture it renders in a :class:`FrameCache`, so
scrubbing back over what has played is instant and a drag always has the nearest picture to
show while the exact one is rendered.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

if TYPE_CHECKING:
    import numpy as np

FRAME_WIDTH = 960
"""Pictures are scaled down to at most this width (memory, not quality, is the limit)."""


def to_qimage(rgb: np.ndarray, max_width: int = FRAME_WIDTH) -> QImage:
    """An RGB ``uint8`` array as a QImage that owns its pixels (safe to pass across threads)."""
    import numpy as np  # loaded with the first frame, not at start

    rgb = np.ascontiguousarray(rgb)
    height, width = rgb.shape[:2]
    image = QImage(rgb.data, width, height, rgb.strides[0], QImage.Format.Format_RGB888).copy()
    if width > max_width:
        image = image.scaledToWidth(max_width)
    return image


class FrameCache:
    """A bounded LRU of QImages keyed by ``(path, frame_index)``, limited by bytes."""

    def __init__(self, max_bytes: int = 256 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, int], QImage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, path: str, index: int) -> QImage | None:
        with self._lock:
            image = self._items.get((path, index))
            if image is None:
                self.misses += 1
                return None
            self._items.move_to_end((path, index))
            self.hits += 1
            return image

    def nearest(self, path: str, index: int) -> QImage | None:
        """The cached frame of ``path`` closest to ``index`` (for an instant approximate answer)."""
        with self._lock:
            best, best_distance = None, None
            for (p, i), image in self._items.items():
                if p == path and (best_distance is None or abs(i - index) < best_distance):
                    best, best_distance = image, abs(i - index)
            return best

    def put(self, path: str, index: int, image: QImage) -> None:
        with self._lock:
            key = (path, index)
            if key in self._items:
                self._bytes -= self._items.pop(key).sizeInBytes()
            self._items[key] = image
            self._bytes += image.sizeInBytes()
            while self._bytes > self.max_bytes and len(self._items) > 1:
                _, old = self._items.popitem(last=False)
                self._bytes -= old.sizeInBytes()

    def __len__(self) -> int:
        return len(self._items)

    @property
    def nbytes(self) -> int:
        return self._bytes

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0
