"""The preview's decoding, off the GUI thread: planning the cut, rendering its frames ahead of
playback (across joins, crossfades blended) and its sound.

One render thread serves both playback and scrubbing; the newest request wins, so a fast drag
never builds a queue. During playback the thread stays up to :data:`FRAMES_AHEAD` frames
ahead of the picture on screen, so the next clip is already decoded when a join arrives.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage

from .frames import FrameCache, to_qimage

log = logging.getLogger(__name__)

FRAMES_AHEAD = 36
"""Frames rendered ahead of the screen during playback (1.5 s at 24 fps)."""
AUDIO_AHEAD = 48000
"""Samples of sound rendered ahead of the sound device (one second)."""


def _cut_preview():
    from studio.services.media import cut_preview  # loads PyAV: only in a worker, on first use

    return cut_preview


class _Stream:
    """A producer thread's bounded queue of items, dropped as a whole when the request changes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.items: deque = deque()
        self.cond = threading.Condition()
        self.generation = 0
        self.request: tuple | None = None
        self.cancel = threading.Event()
        self.closed = False

    def ask(self, request: tuple | None) -> int:
        with self.cond:
            self.generation += 1
            self.cancel.set()
            self.cancel = threading.Event()
            self.request = request
            self.items.clear()
            self.cond.notify_all()
            return self.generation

    def next_request(self) -> tuple[int, tuple, threading.Event] | None:
        with self.cond:
            while self.request is None and not self.closed:
                self.cond.wait()
            if self.closed:
                return None
            request, self.request = self.request, None
            return self.generation, request, self.cancel

    def put(self, generation: int, item: Any, weight: int = 1) -> bool:
        """Queue ``item`` (blocking while the queue is full); False once the request changed."""
        with self.cond:
            while self.generation == generation and not self.closed and self._queued() >= self.limit:
                self.cond.wait(0.2)
            if self.generation != generation or self.closed:
                return False
            self.items.append((weight, item))
            return True

    def _queued(self) -> int:
        return sum(weight for weight, _ in self.items)

    def take(self, keep: Callable[[Any], bool]) -> list:
        """Items from the front while ``keep(item)`` says so."""
        taken = []
        with self.cond:
            while self.items and keep(self.items[0][1]):
                taken.append(self.items.popleft()[1])
            if taken:
                self.cond.notify_all()
        return taken

    def peek(self) -> Any:
        with self.cond:
            return self.items[0][1] if self.items else None

    def close(self) -> None:
        with self.cond:
            self.closed = True
            self.cancel.set()
            self.items.clear()
            self.cond.notify_all()


class CutEngine(QObject):
    """Plans a cut and renders it in worker threads.

    ``planned(token, PreviewPlan or error sentence)`` answers :meth:`plan`;
    ``still_ready(generation, frame, image)`` answers :meth:`still`; playback frames and sound
    are taken from :meth:`take_frames` and :meth:`take_sound` by the pane's clock.
    """

    planned = Signal(int, object)
    still_ready = Signal(int, int, QImage)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache = FrameCache(max_bytes=192 * 1024 * 1024)
        self._planner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="studio-preview-plan")
        self._frames = _Stream(FRAMES_AHEAD)
        self._sound = _Stream(AUDIO_AHEAD)
        self._preview = None
        self._cache_key = ""
        self.view_size: QSize | None = None  # the picture's size on screen, in device pixels
        self._threads = [
            threading.Thread(target=self._render_loop, name="studio-preview-render", daemon=True),
            threading.Thread(target=self._sound_loop, name="studio-preview-sound", daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    # -- requests (GUI thread) ------------------------------------------------------------

    def plan(self, token: int, items: list, transitions: list[float] | None, fps: float | None) -> None:
        """Plan ``items`` (``(path, trim_in, trim_out)``) in the worker; ``planned(token, …)`` answers."""

        def work() -> None:
            try:
                from pathlib import Path

                from studio.services.media.plan import ClipIn

                clips = [ClipIn(Path(path), trim_in=i, trim_out=o) for path, i, o in items]
                result: Any = _cut_preview().plan_preview(clips, transitions, fps)
            except Exception as exc:
                log.debug("planning the preview failed", exc_info=True)
                result = getattr(exc, "user_message", None) or "The cut cannot be played."
            self._emit(self.planned, token, result)

        self._planner.submit(work)

    def use(self, preview, key: str) -> None:
        """Render from ``preview`` (a PreviewPlan) from now on; ``key`` names it in the cache."""
        self.stop()
        self._preview = preview
        self._cache_key = key

    def play_from(self, frame: int, sound: bool) -> int:
        """Render every frame from ``frame`` on (and the sound, if ``sound``); returns the generation."""
        if sound:
            self._sound.ask((self._preview, frame))
        else:
            self._sound.ask(None)
        return self._frames.ask((self._preview, self._cache_key, frame, None))

    def still(self, frame: int) -> tuple[int, QImage | None]:
        """Ask for the picture at output ``frame``; returns (generation, the cached picture or the
        nearest cached one for an instant answer). The exact one follows through ``still_ready``."""
        cached = self.cache.get(self._cache_key, frame)
        self._sound.ask(None)
        if cached is not None:
            return self._frames.ask(None), cached
        generation = self._frames.ask((self._preview, self._cache_key, frame, 1))
        return generation, self.cache.nearest(self._cache_key, frame)

    def stop(self) -> None:
        self._frames.ask(None)
        self._sound.ask(None)

    def take_frames(self, generation: int, upto: int) -> list[tuple[int, QImage]]:
        """Rendered frames up to output frame ``upto`` (oldest first) for ``generation``."""
        if generation != self._frames.generation:
            return []
        return self._frames.take(lambda item: item[0] <= upto)

    def next_frame(self) -> int | None:
        """The output frame of the next rendered picture waiting, if any."""
        item = self._frames.peek()
        return item[0] if item else None

    def take_sound(self, most: int) -> list:
        """Rendered sound blocks, at most ``most`` samples in all (blocks are never split)."""
        budget = [most]

        def fits(block) -> bool:
            if block.shape[1] > budget[0]:
                return False
            budget[0] -= block.shape[1]
            return True

        return self._sound.take(fits)

    def close(self) -> None:
        self._frames.close()
        self._sound.close()
        self._planner.shutdown(wait=False, cancel_futures=True)

    # -- workers --------------------------------------------------------------------------

    def _render_loop(self) -> None:
        while True:
            job = self._frames.next_request()
            if job is None:
                return
            generation, (preview, key, start, limit), cancel = job
            try:
                for index, image in self._pictures(preview, key, start, cancel):
                    if limit is not None:
                        self._emit(self.still_ready, generation, index, image)
                        break
                    if not self._frames.put(generation, (index, image)):
                        break
            except Exception as exc:
                if not cancel.is_set():
                    log.debug("rendering the preview failed", exc_info=True)
                    self._emit(self.failed, getattr(exc, "user_message", None) or "The cut cannot be played.")

    def _pictures(self, preview, key: str, start: int, cancel: threading.Event) -> Iterator[tuple[int, QImage]]:
        """Pictures from ``start`` on: from the cache while it has them, then decoded."""
        first = start
        while (cached := self.cache.get(key, first)) is not None:
            yield first, cached
            first += 1
        for index, rgb in _cut_preview().preview_pictures(preview, first, cancel):
            image = to_qimage(rgb, max_width=rgb.shape[1])
            view = self.view_size
            if view is not None and image.width() > view.width() and image.height() > view.height():
                # Scaled here, once, so painting on the GUI thread is a plain copy.
                image = image.scaled(view, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            self.cache.put(key, index, image)
            yield index, image

    def _sound_loop(self) -> None:
        while True:
            job = self._sound.next_request()
            if job is None:
                return
            from studio.services.media.cut_render import cut_audio  # PyAV, on first use only

            generation, (preview, start), cancel = job
            try:
                for block in cut_audio(preview.plan, start, cancel, block=2400):
                    if not self._sound.put(generation, block, block.shape[1]):
                        break
            except Exception:
                if not cancel.is_set():
                    log.debug("rendering the preview's sound failed", exc_info=True)

    def _emit(self, signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the pane is gone
            self.close()
