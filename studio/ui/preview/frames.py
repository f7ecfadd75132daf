"""Frames for scrubbing: grabbed with OpenCV (``studio.services.media``) in a worker thread,
kept in a bounded LRU cache, newest request wins.

While the person drags the seek slider, :meth:`FrameGrabber.request` answers at once from
the cache (the exact frame, or the nearest one already grabbed, so the picture always
follows the hand) and asks the worker for the exact frame. The worker only ever grabs the
most recent request, so a fast drag never builds a queue.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from ..lazy_media import media

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

FRAME_WIDTH = 960
"""Grabbed frames are scaled down to at most this width (memory, not quality, is the limit)."""


@dataclass(frozen=True)
class ClipFacts:
    """What the grabber and the player need to know about one file."""

    path: str
    duration: float
    fps: float
    width: int
    height: int
    has_audio: bool

    def frame_index(self, seconds: float) -> int:
        last = max(0, int(self.duration * self.fps) - 1) if self.duration else 0
        return max(0, min(last, int(seconds * self.fps + 1e-6)))


def clip_facts(path: str) -> ClipFacts:
    """Probe ``path`` (blocking)."""
    info = media.probe(path)
    video = info.video
    return ClipFacts(
        path=str(path),
        duration=float(info.duration or 0.0),
        fps=float(video.fps) if video and video.fps else 24.0,
        width=video.display_width if video else 0,  # as shown: phone clips stand upright
        height=video.display_height if video else 0,
        has_audio=info.audio is not None,
    )


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


class FrameGrabber(QObject):
    """Grabs frames off the GUI thread; ``frame_ready(path, seconds, image)`` delivers them.

    ``seconds`` is the time that was asked for, so a late answer can be ignored.
    ``failed(path, message)`` reports a file that cannot be read.
    """

    frame_ready = Signal(str, float, QImage)
    failed = Signal(str, str)
    probed = Signal(int, object)  # (token, list of ClipFacts or error sentence per path)

    def __init__(self, parent: QObject | None = None, cache: FrameCache | None = None) -> None:
        super().__init__(parent)
        self.cache = cache or FrameCache()
        self._facts: dict[str, ClipFacts] = {}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="studio-frames")
        self._prefetch_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="studio-filmstrip")
        self._lock = threading.Lock()
        self._wanted: tuple[ClipFacts, float] | None = None
        self._busy = False
        self._closed = False

    def set_facts(self, facts: ClipFacts) -> None:
        self._facts[facts.path] = facts

    def request(self, path: str, seconds: float) -> QImage | None:
        """The frame at ``seconds`` if cached (else the nearest cached one, or None); the exact
        frame follows through ``frame_ready`` when it was not cached."""
        facts = self._facts.get(path)
        if facts is None:
            return None
        index = facts.frame_index(seconds)
        image = self.cache.get(path, index)
        if image is not None:
            return image
        with self._lock:
            self._wanted = (facts, seconds)
            start = not self._busy and not self._closed
            if start:
                self._busy = True
        if start:
            self._executor.submit(self._work)
        return self.cache.nearest(path, index)

    def _work(self) -> None:
        while True:
            with self._lock:
                wanted, self._wanted = self._wanted, None
                if wanted is None or self._closed:
                    self._busy = False
                    return
            facts, seconds = wanted
            index = facts.frame_index(seconds)
            image = self.cache.get(facts.path, index)
            if image is None:
                try:
                    # Mid-frame time, so rounding never lands on the previous frame.
                    image = to_qimage(media.frame_at(facts.path, (index + 0.5) / facts.fps))
                except Exception as exc:  # noqa: BLE001 - reported to the pane
                    self._emit_failed(facts.path, getattr(exc, "user_message", None) or str(exc))
                    continue
                self.cache.put(facts.path, index, image)
            self._emit_ready(facts.path, seconds, image)

    def prefetch(self, facts: ClipFacts, count: int = 48) -> None:
        """Fill the cache with ``count`` evenly spaced frames in one decode pass (a filmstrip),
        so the first drag across a fresh clip already has a picture everywhere."""
        self.set_facts(facts)
        total = max(1, int(facts.duration * facts.fps))
        count = max(1, min(count, total))

        def work() -> None:
            if self._closed:
                return
            try:
                width = min(FRAME_WIDTH, facts.width or FRAME_WIDTH)
                frames = media.thumbnails(facts.path, count, width)
            except Exception:
                log.debug("filmstrip of %s failed", facts.path, exc_info=True)
                return
            for i, rgb in enumerate(frames):
                index = min(total - 1, int((i + 0.5) * total / count))
                if self.cache.get(facts.path, index) is None:
                    self.cache.put(facts.path, index, to_qimage(rgb))

        if not self._closed:
            self._prefetch_executor.submit(work)

    def _emit_ready(self, path: str, seconds: float, image: QImage) -> None:
        try:
            self.frame_ready.emit(path, seconds, image)
        except RuntimeError:  # the pane is gone
            self._closed = True

    def _emit_failed(self, path: str, message: str) -> None:
        try:
            self.failed.emit(path, message)
        except RuntimeError:
            self._closed = True

    def probe_async(self, paths: list[str], token: int) -> None:
        """Probe ``paths`` in the worker; ``probed(token, results)`` answers in the same order,
        each a :class:`ClipFacts` or the sentence saying why the file cannot be played."""

        def work() -> None:
            results: list[ClipFacts | str] = []
            for path in paths:
                try:
                    facts = clip_facts(path)
                    self.set_facts(facts)
                    results.append(facts)
                except Exception as exc:  # noqa: BLE001 - shown as one sentence
                    results.append(getattr(exc, "user_message", None) or f"{path} cannot be read.")
            if not self._closed:
                try:
                    self.probed.emit(token, results)
                except RuntimeError:
                    self._closed = True

        if not self._closed:
            self._executor.submit(work)

    def grab_now(self, path: str, seconds: float) -> QImage:
        """Blocking exact grab (tests and single stills); also fills the cache."""
        facts = self._facts[path]
        index = facts.frame_index(seconds)
        image = self.cache.get(path, index)
        if image is None:
            image = to_qimage(media.frame_at(path, (index + 0.5) / facts.fps))
            self.cache.put(path, index, image)
        return image

    def close(self) -> None:
        self._closed = True
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._prefetch_executor.shutdown(wait=False, cancel_futures=True)
