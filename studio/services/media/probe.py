"""Probe and validate media files with PyAV."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av

from studio.core.errors import MediaError


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


@dataclass(frozen=True)
class AudioInfo:
    """The first audio stream of a file."""

    codec: str
    sample_rate: int
    channels: int
    layout: str
    duration: float | None


@dataclass(frozen=True)
class MediaInfo:
    """What :func:`probe` learned about a file; ``duration`` is in seconds."""

    path: Path
    duration: float
    video: VideoInfo | None
    audio: AudioInfo | None
    format_name: str


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
        raise MediaError(f"{path.name} is not a readable video or audio file.", detail=str(exc)) from exc


def _video_info(stream) -> VideoInfo:
    ctx = stream.codec_context
    rate = stream.average_rate or stream.guessed_rate or stream.base_rate
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
        rate=Fraction(rate) if rate else None,
        start_time=_seconds(stream.start_time, stream.time_base) or 0.0,
        extradata=bytes(ctx.extradata) if ctx.extradata else None,
    )


def _audio_info(stream) -> AudioInfo:
    ctx = stream.codec_context
    layout = ctx.layout.name if ctx.layout else ""
    return AudioInfo(
        codec=ctx.name,
        sample_rate=ctx.sample_rate,
        channels=ctx.channels,
        layout=layout,
        duration=_seconds(stream.duration, stream.time_base),
    )


def probe(path: Path | str) -> MediaInfo:
    """Read container and stream facts of ``path`` without decoding.

    Raises :class:`MediaError` for a missing, corrupt or non-media file.
    """
    path = Path(path)
    container = open_input(path)
    try:
        video = audio = None
        if container.streams.video:
            video = _video_info(container.streams.video[0])
        if container.streams.audio:
            audio = _audio_info(container.streams.audio[0])
        if video is None and audio is None:
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
        )
    finally:
        container.close()


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
    if not _decodes_a_frame(path):
        raise MediaError(f"{path.name} is damaged: its video does not decode.")
    return info
