"""Copy AAC packets from clip to clip, keeping the sound in step with the copied video.

AAC comes in whole frames (1024 samples, 21.3 ms at 48 kHz) and every clip starts
with a priming frame that the decoder throws away (the MP4 edit list / the
demuxer's negative first timestamp says so). Appending every packet of every clip,
as a plain concat does, adds that frame at each join and the sound drifts one
frame late per join.

Here each packet is placed by its own timestamp against the video's running time:
at each clip start the packet that belongs nearest the join is taken, and packets
stop where the clip's picture ends. Both ends are decided against the absolute
video time, so the error at any join is at most half a frame and never adds up.
The packet just before the join's first one (the clip's priming frame) replaces
the previous clip's last frame: AAC frames overlap by half, so it is the pre-roll
the decoder needs to give the new clip's first frame cleanly; the previous clip's
sound fades out over that frame (21 ms) instead of the new clip's fading in late.
A clip whose sound starts late or ends early is padded with silent frames.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from .probe import open_input

_FRAME = 1024  # samples per AAC-LC frame


class AacSplicer:
    """One output AAC track built from the clips' own packets.

    ``cursor`` is the output sample where the next packet's sound begins (0 = the
    start of the film); ``worst`` is the largest placement error seen at a join,
    in samples.
    """

    def __init__(self, output, template_path: Path) -> None:
        template = open_input(template_path)
        try:
            src = template.streams.audio[0]
            self.rate = src.codec_context.sample_rate
            self.stream = output.add_stream_from_template(src)
            self._layout = src.codec_context.layout.name
            self._frame = src.codec_context.frame_size or _FRAME
        finally:
            template.close()
        self.stream.time_base = Fraction(1, self.rate)
        self._output = output
        self.cursor = 0
        self.worst = 0
        self._silence: bytes | None = None
        # The last placed packet is held back so the next clip's pre-roll can take its slot.
        self._held: tuple[av.Packet, int] | None = None

    def add_clip(self, path: Path, clip_start: float, video_start: int, video_end: int, first: bool) -> None:
        """Copy the packets of ``path`` that belong between the output samples ``video_start`` and ``video_end``.

        ``clip_start`` is the source second the clip's copied picture begins at. The
        first clip keeps the packet before its start (the decoder's pre-roll) at a
        negative time, which the MP4 muxer turns into an edit list.
        """
        half = self._frame // 2
        container = open_input(path)
        try:
            stream = container.streams.audio[0]
            tb = stream.time_base
            origin = Fraction(clip_start).limit_denominator(10**9)
            placed = False
            previous = None
            for packet in container.demux(stream):
                if packet.pts is None or not packet.size:
                    continue
                # The output sample this packet's sound belongs at, by its own timestamp.
                want = video_start + round((packet.pts * tb - origin) * self.rate)
                if not placed:
                    if want < self.cursor - half:
                        previous = packet
                        continue  # belongs before the join: dropped
                    if want > self.cursor + half:
                        self._pad_to(min(want - half, video_end - half))
                    if self.cursor + half > video_end:
                        break
                    slot = self.cursor - self._frame
                    if previous is not None and self._held is not None and self._held[1] == slot:
                        self._held = None  # the previous clip's last frame gives way to the pre-roll
                        self._put(previous, slot)
                    elif previous is not None and first and self.cursor == 0:
                        self._put(previous, slot)  # before the start: the muxer writes an edit list
                    self.worst = max(self.worst, abs(self.cursor - want))
                    placed = True
                if self.cursor + half > video_end:
                    break
                self._put(packet, self.cursor)
                self.cursor += self._frame
        finally:
            container.close()
        self._pad_to(video_end - half)

    def _pad_to(self, limit: int) -> None:
        """Silent frames while a whole frame still starts at or before ``limit``."""
        while self.cursor <= limit:
            self._put(av.Packet(self._silent_frame()), self.cursor)
            self.cursor += self._frame

    def finish(self) -> None:
        """Write the last held packet; call once after the last clip."""
        if self._held is not None:
            self._mux(*self._held)
            self._held = None

    def _put(self, packet, pts: int) -> None:
        if self._held is not None:
            self._mux(*self._held)
        self._held = (packet, pts)

    def _mux(self, packet, pts: int) -> None:
        packet.pts = packet.dts = pts
        packet.duration = self._frame
        packet.time_base = self.stream.time_base
        packet.stream = self.stream
        self._output.mux(packet)

    def _silent_frame(self) -> bytes:
        """One AAC frame of silence in the clips' own format, from PyAV's encoder."""
        if self._silence is None:
            ctx = av.CodecContext.create("aac", "w")
            ctx.sample_rate = self.rate
            ctx.layout = self._layout
            ctx.format = "fltp"
            ctx.time_base = Fraction(1, self.rate)
            channels = len(ctx.layout.channels)
            packets = []
            for i in range(4):
                frame = av.AudioFrame.from_ndarray(
                    np.zeros((channels, self._frame), np.float32), format="fltp", layout=self._layout
                )
                frame.sample_rate, frame.pts = self.rate, i * self._frame
                packets.extend(ctx.encode(frame))
            packets.extend(ctx.encode(None))
            # The first packet is the priming frame; a later one is steady-state silence.
            self._silence = bytes(packets[2])
        return self._silence


def aac_copyable(infos) -> str | None:
    """Why the clips' AAC cannot be copied into one track, or None when it can."""
    first = infos[0].audio
    for i, info in enumerate(infos):
        audio = info.audio
        if audio is None:
            return f"shot {i + 1} has no sound"
        if audio.codec != "aac":
            return f"shot {i + 1}'s sound is {audio.codec}, not AAC"
        if (audio.sample_rate, audio.channels) != (first.sample_rate, first.channels):
            return f"shot {i + 1}'s sound is {audio.sample_rate / 1000:g} kHz, {audio.channels} channels"
        if not audio.extradata or audio.extradata != first.extradata:
            return f"shot {i + 1}'s sound was encoded with other settings"
    return None
