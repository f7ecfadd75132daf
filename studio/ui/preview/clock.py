"""The preview's playback clock and its sound output.

The clock runs on ``time.monotonic`` and holds when the picture it would show is not decoded
yet, so a slow machine plays late rather than skipping. The sound goes to a QAudioSink in push
mode (48 kHz stereo float), fed from the engine's rendered blocks a few tens of milliseconds
ahead; it starts with the picture at the same cut position.
"""

from __future__ import annotations

import logging
import time

import numpy as np
from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

SAMPLE_RATE = 48000
CHANNELS = 2


class Clock:
    """Seconds into the cut while playing; :meth:`hold` stops it at a point until :meth:`start` again."""

    def __init__(self) -> None:
        self._origin = (0.0, 0.0)  # (monotonic, cut seconds)

    def start(self, seconds: float) -> None:
        self._origin = (time.monotonic(), seconds)

    def now(self) -> float:
        started, at = self._origin
        return at + (time.monotonic() - started)

    def hold(self, seconds: float) -> None:
        """Pretend the clock started at ``seconds`` just now (the picture there is not ready yet)."""
        self.start(seconds)


class SoundOut(QObject):
    """A QAudioSink fed with (2, n) float32 blocks; silent (and says so) without a device."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudio, QAudioFormat, QAudioSink, QMediaDevices

        self.sink = None
        self._io = None
        self._muted = False
        self._state = QAudio.State
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            return
        fmt = QAudioFormat()
        fmt.setSampleRate(SAMPLE_RATE)
        fmt.setChannelCount(CHANNELS)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Float)
        if not device.isFormatSupported(fmt):
            log.info("the sound device takes no 48 kHz float stereo; playing without sound")
            return
        self.sink = QAudioSink(device, fmt, self)
        self.sink.setBufferSize(SAMPLE_RATE * CHANNELS * 4 // 5)  # 200 ms

    @property
    def available(self) -> bool:
        return self.sink is not None

    def start(self) -> None:
        if self.sink is not None:
            self._io = self.sink.start()
            self.sink.setVolume(0.0 if self._muted else 1.0)

    def stop(self) -> None:
        if self.sink is not None:
            self.sink.stop()
        self._io = None

    def free_samples(self) -> int:
        if self.sink is None or self._io is None:
            return 0
        return self.sink.bytesFree() // (CHANNELS * 4)

    def write(self, block: np.ndarray) -> None:
        if self._io is not None:
            self._io.write(np.ascontiguousarray(block.T, dtype=np.float32).tobytes())

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self.sink is not None:
            self.sink.setVolume(0.0 if muted else 1.0)
