"""Smart render, the decision: which GOPs of each clip could be copied around crossfades and trims.

Only frames that change need re-encoding: from the last keyframe at or before a
crossfade or trim point to the first keyframe at or after it. The GOPs in
between could be copied, but only if the re-encoded pieces can share the copied
stream's codec setup: an MP4 track has one H.264 sample description, so the
re-encoder's SPS and PPS must be byte-identical to the clip's. That is checked
for real here, by opening libx264 with candidate settings (the clip's own x264
settings when it carries x264's options message, else each preset) and comparing
the parameter sets it writes.

Provider clips are typically 4-10 s with one keyframe (x264's default keyint is
250 frames, about 10 s), so any fade or mid-clip trim reaches back to the first
frame and nothing can be copied; see docs/bench-stitch.md for the figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av

from .probe import VideoInfo, open_input
from .probe_cache import PROBES

_PRESETS = ("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow")
_X264_OPTIONS = re.compile(rb"x264 - core \d+[^\x00]*? - options: ([ -~]*)")
_matches: dict[tuple, dict[str, str] | None] = {}


@dataclass(frozen=True)
class SmartClip:
    """The smart-render decision for one clip of a plan.

    ``reencode`` lists source-second ranges that must be re-encoded (keyframe to
    keyframe); ``copyable`` counts the frames of the GOPs in between; ``encoder``
    holds libx264 options whose SPS/PPS equal the clip's (None when none do);
    ``reason`` says why the clip is re-encoded whole ("" when it need not be).
    """

    index: int
    frames: int
    copyable: int
    keyframes: int
    reencode: list[tuple[float, float]]
    encoder: dict[str, str] | None
    reason: str

    @property
    def share(self) -> float:
        """Fraction of the clip's frames that could be copied."""
        return self.copyable / self.frames if self.frames else 0.0


def smart_render(plan) -> list[SmartClip]:
    """Decide, per clip, which GOPs could be copied and whether an encoder can match them."""
    rate = float(plan.fps)
    decisions = []
    for cp in plan.clips:
        head = plan.transitions[cp.index - 1] / rate if cp.index > 0 else 0.0
        tail = plan.transitions[cp.index] / rate if cp.index < len(plan.transitions) else 0.0
        keys = PROBES.keyframes(Path(cp.clip.path))
        slack = 0.5 / rate
        video = cp.info.video
        clip_end = video.start_time + (video.duration or cp.info.duration)
        first = (
            _first_key_at_or_after(keys, cp.start + head - slack)
            if head or not _on_key(keys, cp.start, slack)
            else cp.start
        )
        ends_whole = cp.end >= clip_end - slack
        if tail or not (ends_whole or _on_key(keys, cp.end, slack)):
            last = _last_key_at_or_before(keys, cp.end - tail + slack)
        else:
            last = cp.end
        reencode = []
        if first is None or last is None or first >= last:
            reencode.append((cp.start, cp.end))
            copyable = 0
        else:
            if first > cp.start + slack:
                reencode.append((cp.start, first))
            if last < cp.end - slack:
                reencode.append((last, cp.end))
            copyable = min(cp.frames, round((last - first) * rate))
        encoder = None
        if not reencode:
            reason = ""
        elif copyable == 0:
            reason = (
                "no GOP lies clear of the crossfade or trim (one keyframe)"
                if len(keys) <= 1
                else ("no GOP lies clear of the crossfade or trim")
            )
        else:
            encoder = matching_encoder(cp.clip.path, video)
            reason = "" if encoder else "libx264 cannot reproduce its SPS/PPS"
        decisions.append(SmartClip(cp.index, cp.frames, copyable, len(keys), reencode, encoder, reason))
    return decisions


def _on_key(keys: list[float], t: float, slack: float) -> bool:
    return any(abs(k - t) < slack for k in keys)


def _first_key_at_or_after(keys: list[float], t: float) -> float | None:
    return next((k for k in keys if k >= t), None)


def _last_key_at_or_before(keys: list[float], t: float) -> float | None:
    return next((k for k in reversed(keys) if k <= t), None)


def parameter_sets(extradata: bytes) -> list[bytes]:
    """The SPS and PPS NAL units in H.264 extradata, avcC or Annex B."""
    if extradata[:1] == b"\x01" and len(extradata) > 6:
        sets, i = [], 5
        for mask in (0x1F, 0xFF):
            count = extradata[i] & mask
            i += 1
            for _ in range(count):
                size = int.from_bytes(extradata[i : i + 2], "big")
                sets.append(extradata[i + 2 : i + 2 + size])
                i += 2 + size
        return sets
    return [part for part in re.split(rb"\x00\x00\x00\x01|\x00\x00\x01", extradata) if part]


def matching_encoder(path: Path | str, video: VideoInfo) -> dict[str, str] | None:
    """libx264 options whose SPS/PPS equal those of the clip at ``path``, or None."""
    if video.codec != "h264" or not video.extradata:
        return None
    key = (video.extradata, video.width, video.height, video.rate)
    if key in _matches:
        return _matches[key]
    wanted = parameter_sets(video.extradata)
    crf, preset, setup = _clip_setup(path)
    if setup.pop("open_gop", False):
        _matches[key] = None  # keyframes that are not IDR: a copied GOP would lean on the one before
        return None
    candidates = [preset] if preset else []
    candidates += [p for p in _PRESETS if p != preset]
    found = None
    for name in candidates:
        options = {"preset": name, "crf": crf or "23"}
        try:
            sets = parameter_sets(_encoder_extradata(video, options, setup))
        except av.FFmpegError:
            continue
        if sets[:2] == wanted[:2]:
            found = options
            break
    _matches[key] = found
    return found


def _clip_setup(path: Path | str) -> tuple[str | None, str | None, dict]:
    """The crf and a preset guess from x264's options message in the first packet, if any,
    and the stream facts that x264 writes into the SPS (aspect ratio, colour tags)."""
    container = open_input(path)
    try:
        stream = container.streams.video[0]
        setup = stream_setup(stream)
        for packet in container.demux(stream):
            match = _X264_OPTIONS.search(bytes(packet))
            if not match:
                return None, None, setup
            text = match.group(1).decode("ascii", "replace")
            crf = re.search(r"\bcrf=([\d.]+)", text)
            subme = re.search(r"\bsubme=(\d+)", text)
            # x264's presets differ in subme first of all (0 ultrafast ... 11 placebo).
            by_subme = {"0": "ultrafast", "1": "superfast", "2": "veryfast", "4": "faster", "6": "fast",
                        "7": "medium", "8": "slow", "9": "slower", "10": "veryslow"}  # fmt: skip
            preset = by_subme.get(subme.group(1)) if subme else None
            setup["open_gop"] = bool(re.search(r"\bopen_gop=[12]", text))
            return (crf.group(1) if crf else None), preset, setup
        return None, None, setup
    finally:
        container.close()


def stream_setup(stream) -> dict:
    """What x264 writes into the SPS besides its options: aspect ratio and colour tags."""
    ctx = stream.codec_context
    return {
        "sample_aspect_ratio": stream.sample_aspect_ratio or ctx.sample_aspect_ratio,
        "color_primaries": ctx.color_primaries,
        "color_trc": ctx.color_trc,
        "colorspace": ctx.colorspace,
        "color_range": ctx.color_range,
    }


def x264_context(width: int, height: int, rate: Fraction, setup: dict, options: dict[str, str]):
    """An unopened libx264 encoder with parameter sets out of band (as MP4 keeps them)."""
    from av.codec.context import Flags

    ctx = av.CodecContext.create("libx264", "w")
    ctx.width, ctx.height, ctx.pix_fmt = width, height, "yuv420p"
    ctx.time_base = 1 / Fraction(rate)
    ctx.framerate = Fraction(rate)
    ctx.flags |= Flags.global_header
    for name, value in setup.items():
        if value:
            setattr(ctx, name, value)
    ctx.options = dict(options)
    return ctx


def _encoder_extradata(video: VideoInfo, options: dict[str, str], setup: dict) -> bytes:
    """The SPS/PPS libx264 writes for this clip's size, rate, aspect and colour with ``options``."""
    ctx = x264_context(video.width, video.height, video.rate or Fraction(30), setup, options)
    ctx.open()
    return bytes(ctx.extradata or b"")
