"""Smart render: copy the GOPs clear of crossfades and trims, re-encode only the rest.

Used when every clip could be copied (same codec setup, size and rate) and
libx264 can write the clips' exact SPS/PPS (see :mod:`.smart`). Each re-encoded
stretch starts with a fresh encoder, so it opens on an IDR frame, and is flushed
just before a copied GOP's own IDR frame: decoding never reaches across a seam.
The sound is mixed and encoded once, exactly as on the conform path.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from studio.core.errors import Cancelled

from studio.core.cut import crossfade_weight

from ._conform import conformed_frames
from ._files import atomic_path
from .cut_render import blend, cut_audio
from .encode import PIX_FMT, SAMPLE_RATE, AudioEncoder, add_audio_stream, resolve_quality
from .plan import StitchPlan
from .probe import open_input
from .smart import SmartClip, stream_setup, x264_context


class _Track:
    """The output video track: rebases packets to the output clock and keeps dts rising."""

    def __init__(self, output, template_path: Path, options: dict[str, str], rate: Fraction) -> None:
        template = open_input(template_path)
        try:
            src = template.streams.video[0]
            self.stream = output.add_stream_from_template(src)
            self.tb = src.time_base
            self.stream.time_base = self.tb
            self._size = src.codec_context.width, src.codec_context.height
            self._setup = stream_setup(src)
        finally:
            template.close()
        self._output = output
        # avcC's lengthSizeMinusOne: how many bytes give each NAL unit's length.
        self._length_size = (self.stream.codec_context.extradata[4] & 3) + 1
        self._options = options
        self._rate = rate
        self._encoder = None
        self.last_dts: int | None = None

    def encode(self, frame: av.VideoFrame, slot: int) -> None:
        """Re-encode ``frame`` as output frame number ``slot``."""
        if self._encoder is None:
            self._encoder = self._open_encoder()
        frame.pts = slot
        frame.time_base = self._encoder.time_base
        for packet in self._encoder.encode(frame):
            self._mux_encoded(packet)

    def end_segment(self) -> None:
        """Flush the encoder so the next packets (a copied IDR frame) start clean."""
        if self._encoder is not None:
            for packet in self._encoder.encode(None):
                self._mux_encoded(packet)
            self._encoder = None

    def copy(self, path: Path, lo: float, hi: float, slot: int) -> int:
        """Copy the packets of ``path`` shown from ``lo`` to ``hi`` seconds to output frame ``slot``."""
        container = open_input(path)
        try:
            stream = container.streams.video[0]
            src_tb = stream.time_base
            half = 0.5 / float(self._rate)
            base = None
            count = 0
            origin = round(slot / self._rate / self.tb)
            for packet in container.demux(stream):
                if packet.pts is None or packet.dts is None or not packet.size:
                    continue
                t = float(packet.pts * src_tb)
                if t < lo - half or t >= hi - half:
                    continue
                if base is None:
                    base = packet.pts
                pts = origin + round((packet.pts - base) * src_tb / self.tb)
                dts = origin + round((packet.dts - base) * src_tb / self.tb)
                duration = round((packet.duration or 0) * src_tb / self.tb)
                self._mux(packet, pts, dts, duration)
                count += 1
            return count
        finally:
            container.close()

    def _open_encoder(self):
        ctx = x264_context(*self._size, self._rate, self._setup, self._options)
        ctx.thread_type = "AUTO"
        ctx.open()
        return ctx

    def _mux_encoded(self, packet) -> None:
        scale = Fraction(1) / self._rate / self.tb
        # libx264 hands out Annex B (start codes); the copied track stores NAL units by length.
        framed = av.Packet(length_prefixed(bytes(packet), self._length_size))
        framed.is_keyframe = packet.is_keyframe
        self._mux(framed, round(packet.pts * scale), round(packet.dts * scale), round((packet.duration or 1) * scale))

    def _mux(self, packet, pts: int, dts: int, duration: int) -> None:
        if self.last_dts is not None and dts <= self.last_dts:
            dts = min(self.last_dts + 1, pts)
        packet.pts, packet.dts, packet.duration = pts, dts, duration
        packet.time_base = self.tb
        packet.stream = self.stream
        self._output.mux(packet)
        self.last_dts = dts


def stitch_smart(
    plan: StitchPlan,
    decisions: list[SmartClip],
    out: Path,
    progress: Callable[[float], None] | None,
    cancel: threading.Event | None,
) -> None:
    """Write ``plan`` to ``out`` copying the GOPs the decisions mark as copyable."""
    rate = plan.fps
    last = len(plan.clips) - 1
    total = max(plan.total_frames, 1)
    options = next(d.encoder for d in decisions if d.encoder)
    with atomic_path(out) as tmp:
        output = av.open(str(tmp), "w", format="mp4")
        try:
            track = _Track(output, plan.clips[0].clip.path, options, rate)
            audio = None
            if plan.has_audio:
                audio = AudioEncoder(output, add_audio_stream(output, resolve_quality(plan.quality)))
            sound = cut_audio(plan, cancel=cancel) if audio is not None else None
            heard = 0  # samples written: the sound runs up to the end of the current clip

            def hear_until(frame: int) -> None:
                nonlocal heard, sound
                while sound is not None and heard < plan.cut.sample_at(frame, SAMPLE_RATE):
                    block = next(sound, None)
                    if block is None:
                        sound = None
                        return
                    audio.write(block)
                    heard += block.shape[1]

            starts = plan.cut.starts
            tail: list[np.ndarray] = []
            for cp, decision in zip(plan.clips, decisions):
                if cancel is not None and cancel.is_set():
                    raise Cancelled("The export was cancelled.")
                start = starts[cp.index]  # output frame where this clip begins
                hear_until(start + cp.frames)
                x_in = plan.transitions[cp.index - 1] if cp.index else 0
                x_out = plan.transitions[cp.index] if cp.index < last else 0
                lo, hi = _copy_range(cp, decision, rate)
                new_tail: list[np.ndarray] = []
                frames = conformed_frames(cp, plan.width, plan.height, rate, skip=range(lo, hi))
                for k, frame in enumerate(frames):
                    if k % 16 == 0 and cancel is not None and cancel.is_set():
                        raise Cancelled("The export was cancelled.")
                    if lo <= k < hi:
                        if k == lo:
                            track.end_segment()
                            lo_s, hi_s = cp.start + lo / float(rate), cp.start + hi / float(rate)
                            track.copy(Path(cp.clip.path), lo_s, hi_s, start + k)
                        continue
                    if k < x_in:
                        mixed = blend(tail[k], frame.to_ndarray(), crossfade_weight(k, x_in))
                        track.encode(av.VideoFrame.from_ndarray(mixed, format=PIX_FMT), start + k)
                    elif k >= cp.frames - x_out:
                        new_tail.append(frame.to_ndarray())
                    else:
                        track.encode(frame, start + k)
                tail = new_tail
                if progress is not None:
                    progress(min((start + cp.frames) / total, 0.99))
            hear_until(plan.total_frames + 1)
            track.end_segment()
            if audio is not None:
                audio.flush()
            output.close()
        except BaseException:
            output.close()
            raise


def length_prefixed(annexb: bytes, size: int = 4) -> bytes:
    """H.264 NAL units from start-code framing to length-prefixed framing (as MP4 stores them)."""
    out = bytearray()
    for nal in re.split(rb"\x00\x00\x00\x01|\x00\x00\x01", annexb):
        if nal:
            out += len(nal).to_bytes(size, "big") + nal
    return bytes(out)


def _copy_range(cp, decision: SmartClip, rate: Fraction) -> tuple[int, int]:
    """The clip's frame numbers (from its first used frame) whose packets are copied; empty when none."""
    if decision.copyable == 0:
        return 0, 0
    first, last = cp.start, cp.end
    for lo, hi in decision.reencode:
        if lo <= cp.start + 1e-6:
            first = hi
        else:
            last = lo
    return round((first - cp.start) * rate), round((last - cp.start) * rate)
