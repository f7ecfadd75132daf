"""Join clips into one MP4 following a :class:`~.plan.StitchPlan`.

Fast path: video packets are copied with rebased timestamps. When every clip's AAC
matches, its packets are copied too, placed frame by frame against the video's
running time (see ``_aac_copy``: each join within half an AAC frame, no drift).
Otherwise, or when exact audio is asked for, the audio is decoded, fitted to each
clip's video length and encoded once as one continuous AAC track (sample-exact).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av

from studio.core.errors import Cancelled, MediaError

from ._aac_copy import AacSplicer
from ._audio import read_audio
from .cut_render import stitch_conform
from ._files import atomic_path
from .encode import SAMPLE_RATE, AudioEncoder, add_audio_stream, resolve_quality, tag_bt709
from .plan import StitchPlan
from .probe import MediaInfo, open_input, probe
from .smart_stitch import stitch_smart

Progress = Callable[[float], None]


def stitch(
    plan: StitchPlan,
    out: Path | str,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> MediaInfo:
    """Write the stitched result to ``out`` and return its probe.

    Raises :class:`Cancelled` when ``cancel`` is set (no file is left behind) and
    :class:`MediaError` when a clip cannot be read or the output cannot be written.
    """
    out = Path(out)
    try:
        if plan.mode == "fast":
            _stitch_fast(plan, out, progress, cancel)
        elif plan.smart:
            stitch_smart(plan, plan.smart, out, progress, cancel)
        else:
            stitch_conform(plan, out, progress, cancel)
    except (Cancelled, MediaError):
        raise
    except av.FFmpegError as exc:
        raise MediaError(f"Export to {out.name} failed while processing the video.", detail=str(exc)) from exc
    except OSError as exc:
        raise MediaError(f"Could not write {out.name}: {exc.strerror or exc}.", detail=str(exc)) from exc
    if progress is not None:
        progress(1.0)
    return probe(out)


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("The export was cancelled.")


def _stitch_fast(plan: StitchPlan, out: Path, progress: Progress | None, cancel: threading.Event | None) -> None:
    total = max(plan.total_frames, 1)
    with atomic_path(out) as tmp:
        template = open_input(plan.clips[0].clip.path)
        output = av.open(str(tmp), "w", format="mp4")
        try:
            src = template.streams.video[0]
            video = output.add_stream_from_template(src)
            video.time_base = src.time_base
            if not plan.clips[0].info.video.transfer:
                tag_bt709(video.codec_context)  # untagged input is BT.709; say so in the file
            tb = src.time_base
            audio = splicer = None
            if plan.has_audio and plan.audio_copy:
                splicer = AacSplicer(output, plan.clips[0].clip.path)
            elif plan.has_audio:
                audio = AudioEncoder(output, add_audio_stream(output, resolve_quality(plan.quality)))
            offset = 0  # output ticks (in tb) where the next clip starts
            last_dts: int | None = None
            done = 0
            for cp in plan.clips:
                _check_cancel(cancel)
                length, start_time, last_dts, copied = _copy_video(cp, output, video, tb, offset, last_dts, cancel)
                done += copied
                if audio is not None:
                    # Cumulative rounding: each join lands on the sample nearest the video join.
                    want = round((offset + length) * tb * SAMPLE_RATE) - audio.samples_written - audio.pending
                    audio.write(read_audio(Path(cp.clip.path), start_time, want))
                elif splicer is not None:
                    span = (round(offset * tb * splicer.rate), round((offset + length) * tb * splicer.rate))
                    splicer.add_clip(Path(cp.clip.path), start_time, *span, first=cp.index == 0)
                offset += length
                if progress is not None:
                    progress(min(done / total, 0.99))
            if audio is not None:
                audio.flush()
            if splicer is not None:
                splicer.finish()
            output.close()
        except BaseException:
            output.close()
            raise
        finally:
            template.close()


def _copy_video(cp, output, video, tb: Fraction, offset: int, last_dts: int | None, cancel):
    """Copy one clip's video packets; returns (length in ticks, source start seconds, last dts, count)."""
    container = open_input(cp.clip.path)
    try:
        stream = container.streams.video[0]
        src_tb = stream.time_base
        lo = round(cp.start / src_tb)
        hi = round(cp.end / src_tb)
        half = max(1, round(0.5 / float(cp.info.video.rate or 30) / src_tb))
        frame_ticks = round(1 / float(cp.info.video.rate or 30) / src_tb)
        base: int | None = None
        end = None
        count = 0
        for packet in container.demux(stream):
            if packet.pts is None or packet.dts is None:
                continue
            if packet.pts < lo - half or packet.pts >= hi - half:
                continue
            if count % 32 == 0:
                _check_cancel(cancel)
            if base is None:
                base = packet.pts
            pts = _rescale(packet.pts - base, src_tb, tb) + offset
            dts = _rescale(packet.dts - base, src_tb, tb) + offset
            if last_dts is not None and dts <= last_dts:
                dts = last_dts + 1
                if dts > pts:
                    raise MediaError(f"Shot {cp.index + 1} cannot be joined without re-encoding.")
            tail = packet.pts + (packet.duration or frame_ticks)
            end = tail if end is None else max(end, tail)
            packet.pts, packet.dts = pts, dts
            packet.duration = _rescale(packet.duration or frame_ticks, src_tb, tb)
            packet.stream = video
            output.mux(packet)
            last_dts = dts
            count += 1
        if base is None:
            raise MediaError(f"Shot {cp.index + 1} has no video in the chosen range.")
        return _rescale(end - base, src_tb, tb), float(base * src_tb), last_dts, count
    finally:
        container.close()


def _rescale(ticks: int, src: Fraction, dst: Fraction) -> int:
    if src == dst:
        return ticks
    return round(ticks * src / dst)
