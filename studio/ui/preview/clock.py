"""The preview's playback clock and its sound output.

With sound, the clock is the sound device: the cut position is where playback started plus
what the device has taken (QAudioSink.processedUSecs), so the picture follows the sound even
when the device starts late (about 0.7 s was measured with PulseAudio) or runs dry. Without
sound it runs on ``time.monotonic`` and holds when the picture it would show is not decoded
yet, so a slow machine plays late rather than skipping. The sound goes to a QAudioSink in push
mode (48 kHz stereo float), fed from the engine's rendered blocks.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

SAMPLE_RATE = 48000
CHANNELS = 2


SOUND_SILENT_LIMIT = 2.0
"""Seconds a started sound device may take nothing before the clock goes on without it."""


class Clock:
    """Seconds into the cut while playing, from the sound device (``sound``) or the system clock."""

    def __init__(self) -> None:
        self._origin = (0.0, 0.0)  # (monotonic, cut seconds)
        self._sound: SoundOut | None = None
        self._heard = (0.0, -1)  # (monotonic, processed microseconds) when the device last took sound

    def start(self, seconds: float, sound: SoundOut | None = None) -> None:
        self._origin = (time.monotonic(), seconds)
        self._sound = sound
        self._heard = (self._origin[0], -1)

    @property
    def follows_sound(self) -> bool:
        return self._sound is not None

    def now(self) -> float:
        started, at = self._origin
        if self._sound is None:
            return at + (time.monotonic() - started)
        processed = self._sound.processed_us()
        wall = time.monotonic()
        if processed != self._heard[1]:
            self._heard = (wall, processed)
        elif wall - self._heard[0] > SOUND_SILENT_LIMIT:
            log.info("the sound device stopped taking sound; the preview goes on by the system clock")
            self.start(at + max(processed, 0) / 1e6)
        return at + max(processed, 0) / 1e6

    def hold(self, seconds: float) -> None:
        """Pretend the clock started at ``seconds`` just now (the picture there is not ready yet);
        the sound device's clock is never held."""
        if self._sound is None:
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

    def processed_us(self) -> int:
        """Microseconds of sound the device has taken since :meth:`start`."""
        return self.sink.processedUSecs() if self.sink is not None and self._io is not None else 0

    def write(self, block: np.ndarray) -> None:
        if self._io is not None:
            import numpy as np  # not at module level: the preview pane is built before the window's first paint

            self._io.write(np.ascontiguousarray(block.T, dtype=np.float32).tobytes())

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self.sink is not None:
            self.sink.setVolume(0.0 if muted else 1.0)
