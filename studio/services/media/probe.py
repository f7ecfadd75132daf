"""Probe and validate media files with PyAV."""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av

from studio.core.errors import MediaError

from .rates import snap_rate

# Transfer tags of HDR video, by the short name the studio uses for each.
HDR_TRANSFERS = {"arib-std-b67": "hlg", "smpte2084": "pq"}
# Packets looked at to learn a clip's nominal frame rate: two seconds at 60 fps.
_RATE_PACKETS = 120


@dataclass(frozen=True)
class VideoInfo:
    """The first video stream of a file."""

    codec: str
    width: int
    height: int
    fps: float
    time_base: Fraction | None
    pix_fmt: str | None
    duration: float | None
    frame_count: int | None
    rate: Fraction | None = None
    start_time: float = 0.0
    # Codec setup (SPS/PPS); packets can only be copied between files whose setup matches.
    extradata: bytes | None = field(default=None, repr=False)
    # Counter-clockwise turn (0, 90, 180, 270) that shows the stored picture upright.
    rotation: int = 0
    # The container's average rate; misleading for variable-rate clips, kept for reference.
    average_rate: Fraction | None = None
    # Colour as tagged: primaries, transfer, matrix, range ("" when untagged).
    primaries: str = ""
    transfer: str = ""
    matrix: str = ""
    color_range: str = ""

    @property
    def display_width(self) -> int:
        """Width of the picture as shown, after the rotation."""
        return self.height if self.rotation in (90, 270) else self.width

    @property
    def display_height(self) -> int:
        """Height of the picture as shown, after the rotation."""
        return self.width if self.rotation in (90, 270) else self.height

    @property
    def hdr(self) -> str | None:
        """``"hlg"`` or ``"pq"`` for HDR video, None for SDR (untagged counts as BT.709 SDR)."""
        return HDR_TRANSFERS.get(self.transfer)


@dataclass(frozen=True)
class AudioInfo:
    """The first audio stream of a file."""

    codec: str
    sample_rate: int
    channels: int
    layout: str
    duration: float | None
    start_time: float = 0.0
    # AudioSpecificConfig for AAC; packets can only be copied between files whose setup matches.
    extradata: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class MediaInfo:
    """What :func:`probe` learned about a file; ``duration`` is in seconds."""

    path: Path
    duration: float
    video: VideoInfo | None
    audio: AudioInfo | None
    format_name: str
    # Seconds that can really be read when the file ends early (a cut download), else None.
    readable: float | None = None


def _seconds(value, time_base) -> float | None:
    if value is None or time_base is None:
        return None
    return float(value * time_base)


def open_input(path: Path | str) -> av.container.InputContainer:
    """Open a media file for reading, turning every failure into one MediaError sentence."""
    path = Path(path)
    if not path.exists():
        raise MediaError(f"The file {path.name} does not exist.")
    if path.is_dir():
        raise MediaError(f"{path.name} is a folder, not a media file.")
    try:
        return av.open(str(path), "r")
    except (av.FFmpegError, OSError, UnicodeDecodeError, ValueError) as exc:
        if _mp4_cut_short(path):
            raise _unindexed(path, str(exc)) from exc
        raise MediaError(f"{path.name} is not a readable video or audio file.", detail=str(exc)) from exc


def _unindexed(path: Path, detail: str | None = None) -> MediaError:
    return MediaError(
        f"{path.name} is incomplete: the file stops before its end, and none of it can be read "
        "(0 s; this MP4 keeps its index at the end). Download or export it again.",
        detail=detail,
    )


def _mp4_cut_short(path: Path) -> bool:
    """Whether ``path`` is an MP4/MOV whose last top-level box runs past the end of the file."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            offset, boxes = 0, 0
            while offset + 8 <= size and boxes < 10_000:
                handle.seek(offset)
                header = handle.read(16)
                length, kind = int.from_bytes(header[:4], "big"), header[4:8]
                if boxes == 0 and kind != b"ftyp":
                    return False
                if length == 1 and len(header) == 16:
                    length = int.from_bytes(header[8:16], "big")
                elif length == 0:
                    return False  # "to the end of the file": cannot be cut short by definition
                if length < 8:
                    return False
                offset += length
                boxes += 1
            return boxes > 0 and offset > size
    except OSError:
        return False


_TRANSFERS = {1: "bt709", 6: "smpte170m", 13: "iec61966-2-1", 14: "bt2020-10", 15: "bt2020-12",
              16: "smpte2084", 18: "arib-std-b67", 4: "gamma22", 5: "gamma28", 8: "linear"}  # fmt: skip
_PRIMARIES = {1: "bt709", 5: "bt470bg", 6: "smpte170m", 9: "bt2020", 11: "smpte431", 12: "smpte432"}
_MATRICES = {0: "gbr", 1: "bt709", 5: "bt470bg", 6: "smpte170m", 9: "bt2020nc", 10: "bt2020c"}
_RANGES = {1: "tv", 2: "pc"}


def _tag(table: dict[int, str], value, unspecified: tuple[int, ...] = (0, 2)) -> str:
    """FFmpeg's colour enum as its usual name; "" when untagged (2 = unspecified)."""
    code = int(value or 0)
    return "" if code in unspecified else table.get(code, str(code))


def frame_rotation(frame: av.VideoFrame) -> int:
    """The counter-clockwise quarter turn (0, 90, 180, 270) that shows ``frame`` upright."""
    return (round(frame.rotation or 0) % 360 + 45) // 90 * 90 % 360


def colour_tags(ctx) -> dict[str, str]:
    """A codec context's colour tags by name: primaries, transfer, matrix, color_range."""
    return {
        "primaries": _tag(_PRIMARIES, ctx.color_primaries),
        "transfer": _tag(_TRANSFERS, ctx.color_trc),
        "matrix": _tag(_MATRICES, ctx.colorspace, unspecified=(2,)),  # 0 is RGB, not "unknown"
        "color_range": _RANGES.get(int(ctx.color_range or 0), ""),
    }


def _first_frame_and_rate(container, stream) -> tuple[int, Fraction | None]:
    """Rotation of the first decoded frame, and the nominal rate from frame spacing.

    The rate is the typical gap between frames (outliers from dropped frames left
    out), so a variable-rate phone clip reads as the rate it was shot at, not the
    average its drops produce. MP4's sample index gives the timestamps without
    reading the file; other containers are demuxed for them.
    """
    entries = stream.index_entries
    times = [entries[i].timestamp for i in range(min(len(entries), _RATE_PACKETS))]
    from_index = len(times) >= 3
    if not from_index:
        times = []
    rotation: int | None = None
    # One thread: a single frame is wanted, and frame threads would first queue several.
    stream.thread_count = 1
    try:
        for packet in container.demux(stream):
            if not from_index and packet.pts is not None and packet.size:
                times.append(packet.pts)
            if rotation is None and packet.size:
                frames = stream.decode(packet)
                if frames:
                    rotation = frame_rotation(frames[0])
            if rotation is not None and (from_index or len(times) >= _RATE_PACKETS):
                break
    except av.FFmpegError:
        pass
    return rotation or 0, _typical_rate(sorted(times), stream.time_base)


def _typical_rate(times: list[int], time_base) -> Fraction | None:
    gaps = [b - a for a, b in zip(times, times[1:]) if b > a]
    if not gaps or time_base is None:
        return None
    typical = statistics.median(gaps)
    steady = [g for g in gaps if abs(g - typical) <= 0.25 * typical]
    return snap_rate(1 / (Fraction(sum(steady), len(steady)) * time_base))


def _video_info(container, stream) -> VideoInfo:
    ctx = stream.codec_context
    average = stream.average_rate or stream.guessed_rate or stream.base_rate
    rotation, measured = _first_frame_and_rate(container, stream)
    # FFmpeg's base rate reads timestamps with their time base in mind and copes with
    # jitter; the measured spacing decides only when the two disagree by more than 1 %.
    base = snap_rate(stream.base_rate) if stream.base_rate else None
    if measured is None or (base is not None and abs(float(base) / float(measured) - 1) <= 0.01):
        rate = base or measured or (snap_rate(average) if average else None)
    else:
        rate = measured
    frames = stream.frames or None
    return VideoInfo(
        codec=ctx.name,
        width=ctx.width,
        height=ctx.height,
        fps=float(rate) if rate else 0.0,
        time_base=stream.time_base,
        pix_fmt=ctx.format.name if ctx.format else None,
        duration=_seconds(stream.duration, stream.time_base),
        frame_count=frames,
        rate=rate,
        start_time=_seconds(stream.start_time, stream.time_base) or 0.0,
        extradata=bytes(ctx.extradata) if ctx.extradata else None,
        rotation=rotation,
        average_rate=Fraction(average) if average else None,
        **colour_tags(ctx),
    )


def _indexed_extent(container, path: Path) -> float | None:
    """For MP4/MOV: seconds whose samples lie inside the file, when its index runs past the end.

    The index (moov) of a partly downloaded MP4 still lists every sample; the ones
    beyond the end of the file are the missing part. None when nothing is missing.
    """
    if not any(name in container.format.name for name in ("mp4", "mov")):
        return None
    size = os.path.getsize(path)
    extents = []
    for stream in list(container.streams.video[:1]) + list(container.streams.audio[:1]):
        entries = stream.index_entries
        if not len(entries) or stream.time_base is None:
            continue
        last = entries[len(entries) - 1]
        if last.pos + last.size <= size:
            continue
        first_ts = entries[0].timestamp
        readable = 0.0
        for entry in entries:
            if entry.pos + entry.size > size:
                break
            readable = float((entry.timestamp - first_ts) * stream.time_base)
        extents.append(readable)
    return min(extents) if extents else None


def _audio_info(stream) -> AudioInfo:
    ctx = stream.codec_context
    layout = ctx.layout.name if ctx.layout else ""
    return AudioInfo(
        codec=ctx.name,
        sample_rate=ctx.sample_rate,
        channels=ctx.channels,
        layout=layout,
        duration=_seconds(stream.duration, stream.time_base),
        start_time=_seconds(stream.start_time, stream.time_base) or 0.0,
        extradata=bytes(ctx.extradata) if ctx.extradata else None,
    )


def probe(path: Path | str) -> MediaInfo:
    """Read container and stream facts of ``path`` without decoding.

    Raises :class:`MediaError` for a missing, corrupt or non-media file.
    """
    path = Path(path)
    container = open_input(path)
    try:
        video = audio = None
        if container.streams.audio:
            audio = _audio_info(container.streams.audio[0])
        readable = _indexed_extent(container, path)
        if container.streams.video:
            video = _video_info(container, container.streams.video[0])
        if video is None and audio is None:
            if _mp4_cut_short(path):
                raise _unindexed(path)
            raise MediaError(f"{path.name} has no video or audio in it.")
        duration = container.duration / av.time_base if container.duration else None
        if duration is None:
            candidates = [s.duration for s in (video, audio) if s is not None and s.duration]
            duration = max(candidates) if candidates else 0.0
        return MediaInfo(
            path=path,
            duration=float(duration),
            video=video,
            audio=audio,
            format_name=container.format.name,
            readable=readable,
        )
    finally:
        container.close()


def keyframe_times(path: Path) -> list[float]:
    """Presentation times (seconds) of the video keyframes, read by demuxing only."""
    container = open_input(path)
    try:
        stream = container.streams.video[0]
        times = []
        for packet in container.demux(stream):
            if packet.is_keyframe and packet.pts is not None:
                times.append(float(packet.pts * stream.time_base))
        return sorted(times)
    finally:
        container.close()


def _scanned_extent(path: Path) -> tuple[float, float] | None:
    """Demux every packet (no decoding): (seconds readable, seconds declared) when short.

    For containers without a sample index (Matroska, WebM, fragmented MP4) the only
    way to know a file was cut is to read to its end: a packet cut off mid-way, or a
    last timestamp well short of the declared length.
    """
    container = open_input(path)
    try:
        stream = container.streams.video[0]
        declared = _seconds(stream.duration, stream.time_base) or (
            container.duration / av.time_base if container.duration else None
        )
        first = end = None
        cut = False
        try:
            for packet in container.demux(stream):
                if packet.pts is None:
                    continue
                cut = cut or packet.is_corrupt
                first = packet.pts if first is None else min(first, packet.pts)
                tail = packet.pts + (packet.duration or 0)
                end = tail if end is None else max(end, tail)
        except av.FFmpegError:
            cut = True
        readable = float((end - first) * stream.time_base) if first is not None else 0.0
        rate = stream.base_rate or 30
        slack = max(0.25, 2 / float(rate))
        if cut or (declared is not None and readable < declared - slack):
            return readable, declared or readable
        return None
    finally:
        container.close()


def require_complete(info: MediaInfo) -> None:
    """Refuse a clip that ends early (a cut download or a damaged file), saying how much is there.

    Raises :class:`MediaError` naming the file, with the readable and expected seconds.
    """
    path = info.path
    if info.readable is not None:
        readable, declared = info.readable, info.duration
    elif any(name in info.format_name for name in ("mp4", "mov")) and not _fragmented(info):
        return  # the sample index covered the whole file
    else:
        short = _scanned_extent(path) if info.video is not None else None
        if short is None:
            return
        readable, declared = short
    share = f" ({readable / declared:.0%})" if declared else ""
    raise MediaError(
        f"{path.name} is incomplete or damaged: only {readable:.1f} s of its {declared:.1f} s can be read{share}. "
        "Download or export it again."
    )


def _fragmented(info: MediaInfo) -> bool:
    return info.video is not None and info.video.frame_count is None


def _decodes_a_frame(path: Path) -> bool:
    container = open_input(path)
    try:
        stream = container.streams.video[0]
        for packet in container.demux(stream):
            for _frame in packet.decode():
                return True
        return False
    except av.FFmpegError:
        return False
    finally:
        container.close()


def validate_clip(
    path: Path | str,
    expected_duration: float | None = None,
    tolerance: float = 0.5,
    require_audio: bool = False,
) -> MediaInfo:
    """Check that ``path`` is a usable clip: a video stream that really decodes, a sane duration.

    ``expected_duration`` (seconds) must match within ``tolerance``; ``require_audio``
    demands an audio stream. Returns the probe result; raises :class:`MediaError`.
    """
    path = Path(path)
    info = probe(path)
    if info.video is None:
        raise MediaError(f"{path.name} has no video in it.")
    if info.video.width <= 0 or info.video.height <= 0:
        raise MediaError(f"{path.name} has a video stream with no picture size.")
    if not info.duration or info.duration <= 0:
        raise MediaError(f"{path.name} has no playable length.")
    if info.duration > 6 * 3600:
        raise MediaError(f"{path.name} reports an implausible length of {info.duration:.0f} seconds.")
    if expected_duration is not None and abs(info.duration - expected_duration) > tolerance:
        raise MediaError(
            f"{path.name} is {info.duration:.2f} s long but {expected_duration:.2f} s was expected."
        )
    if require_audio and info.audio is None:
        raise MediaError(f"{path.name} has no sound, but sound was requested.")
    require_complete(info)
    if not _decodes_a_frame(path):
        raise MediaError(f"{path.name} is damaged: its video does not decode.")
    return info
