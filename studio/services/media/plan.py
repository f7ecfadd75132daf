"""Decide how a list of clips becomes one file, before any work is done.

The plan is what the person sees before export: which shots are copied, which
are scaled or padded, where silence is added, and where the joins fade.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from studio.core.cut import Cut, plan_cut
from studio.core.errors import InvalidRequest, MediaError

from ._aac_copy import aac_copyable
from .encode import CHANNELS, SAMPLE_RATE, resolve_quality
from .probe import MediaInfo, require_complete
from .probe_cache import PROBES
from .rates import export_rate, parse_rate

# Only containers whose H.264 is stored with its setup out of band (avcC) can have
# their packets moved into an MP4 unchanged.
_COPYABLE_FORMATS = ("mp4", "mov", "matroska")


@dataclass(frozen=True)
class ClipIn:
    """One input shot; ``trim_in``/``trim_out`` are seconds into the clip (None = to the end)."""

    path: Path
    trim_in: float = 0.0
    trim_out: float | None = None


@dataclass(frozen=True)
class ExportSettings:
    """Target size, rate and quality, and the joins.

    Size None = the first clip's as shown (after its rotation); fps None = the
    standard rate most of the footage runs at. ``crossfade`` (seconds) applies at
    every join unless ``transitions`` gives one value per join (0 = a cut).
    ``audio`` False writes a file with no sound track at all. ``exact_audio`` True
    re-encodes the sound as one continuous track (sample-exact joins) even when the
    clips' AAC could be copied (joins within half an AAC frame, far faster).
    """

    width: int | None = None
    height: int | None = None
    fps: float | None = None
    quality: str = "standard"
    crossfade: float = 0.0
    transitions: Sequence[float] | None = None
    audio: bool = True
    exact_audio: bool = False
    # Copy the GOPs clear of crossfades and trims when the clips allow it (see smart.py).
    smart_render: bool = True


@dataclass
class ClipPlan:
    """What happens to one clip. ``start``/``end`` are source timestamps in seconds."""

    index: int
    clip: ClipIn
    info: MediaInfo
    start: float
    end: float
    frames: int
    action: str = "conform"
    notes: list[str] = field(default_factory=list)

    @property
    def duration(self) -> float:
        """Seconds of the source this clip contributes."""
        return self.end - self.start


@dataclass
class StitchPlan:
    """The whole export: ``mode`` is ``fast`` (video copied) or ``conform`` (re-encoded)."""

    clips: list[ClipPlan]
    mode: str
    width: int
    height: int
    fps: Fraction
    quality: str
    transitions: list[int]  # crossfade length in frames at each join
    has_audio: bool
    reasons: list[str] = field(default_factory=list)
    # Fast mode only: the clips' AAC packets are copied instead of re-encoded.
    audio_copy: bool = False
    # Why the sound is re-encoded on the fast path ("" when copied or asked for).
    audio_reason: str = ""
    # Conform mode only: per-clip smart-render decisions when some GOPs are copied.
    smart: list | None = None

    @property
    def copied_frames(self) -> int:
        """Frames whose packets are copied on the smart-render path (0 otherwise)."""
        return sum(d.copyable for d in self.smart) if self.smart else 0

    @property
    def cut(self) -> Cut:
        """The timeline (each clip's place, the crossfades), shared with the preview."""
        return Cut(rate=self.fps, frames=tuple(c.frames for c in self.clips), transitions=tuple(self.transitions))

    @property
    def total_frames(self) -> int:
        """Output frame count once crossfades overlap their neighbours."""
        return self.cut.total_frames

    @property
    def duration(self) -> float:
        """Expected output length in seconds."""
        return self.cut.duration

    def describe(self) -> list[str]:
        """Human lines for the export preview, one for the whole and one per shot and fade."""
        fps = f"{float(self.fps):g}"
        if self.mode == "fast":
            if not self.has_audio:
                sound = "no sound track"
            elif self.audio_copy:
                sound = "audio copied (every join within half an AAC frame)"
            else:
                why = f" ({self.audio_reason})" if self.audio_reason else ""
                sound = f"audio re-encoded as one track{why}"
            head = f"Fast export: video copied as is ({self.width}x{self.height}, {fps} fps), {sound}."
        elif self.smart:
            share = self.copied_frames / max(sum(c.frames for c in self.clips), 1)
            sound = "" if self.has_audio else " No sound track."
            head = (
                f"Smart render: {share:.0%} of the frames copied as is; the rest re-encoded around the "
                f"crossfades and trims ({self.width}x{self.height}, {fps} fps).{sound}"
            )
        else:
            why = f" ({self.reasons[0]})" if self.reasons else ""
            sound = "" if self.has_audio else " No sound track."
            head = f"Re-encode every shot to {self.width}x{self.height} at {fps} fps{why}.{sound}"
        lines = [head]
        for cp in self.clips:
            notes = cp.notes or (["copied"] if cp.action == "copy" else ["re-encoded"])
            lines.append(f"Shot {cp.index + 1}: " + "; ".join(notes))
        for j, frames in enumerate(self.transitions):
            if frames:
                lines.append(f"Join {j + 1}\u2192{j + 2}: crossfade {float(frames / self.fps):.2f} s")
        return lines


def fit_size(w: int, h: int, width: int, height: int) -> tuple[int, int]:
    """Largest even size with ``w:h`` aspect inside ``width`` x ``height``."""
    scale = min(width / w, height / h)
    sw = min(width, max(2, int(round(w * scale / 2)) * 2))
    sh = min(height, max(2, int(round(h * scale / 2)) * 2))
    return sw, sh


def _join_seconds(settings: ExportSettings, joins: int) -> list[float]:
    if settings.transitions is not None:
        values = [float(v or 0.0) for v in settings.transitions]
        if len(values) != joins:
            raise InvalidRequest(
                f"Give one transition per join: {joins} expected, {len(values)} given.", field="transitions"
            )
    else:
        values = [float(settings.crossfade or 0.0)] * joins
    if not all(math.isfinite(v) for v in values):
        raise InvalidRequest("A crossfade must be a number of seconds, like 0.5.", field="transitions")
    if any(v < 0 for v in values):
        raise InvalidRequest("A crossfade cannot be negative.", field="transitions")
    return values


def _clip_range(clip: ClipIn, info: MediaInfo) -> tuple[float, float]:
    video = info.video
    base = video.start_time
    length = video.duration or (info.duration - base if info.duration else 0.0)
    for value in (clip.trim_in, clip.trim_out):
        if value is not None and not math.isfinite(value):
            raise InvalidRequest(f"Shot {Path(clip.path).name}: a trim must be a number of seconds.", field="trim")
    trim_in = max(0.0, clip.trim_in or 0.0)
    trim_out = length if clip.trim_out is None else min(clip.trim_out, length)
    if trim_out - trim_in <= 0:
        raise InvalidRequest(
            f"Shot {Path(clip.path).name}: the trim leaves nothing ({trim_in:.2f}-{trim_out:.2f} s).", field="trim"
        )
    return base + trim_in, base + trim_out


# Sound that runs past the picture by more than this (about two AAC frames) is worth a note.
_AUDIO_OVERHANG = 0.05


def _audio_notes(cp: ClipPlan) -> list[str]:
    audio, video = cp.info.audio, cp.info.video
    if audio is None:
        return ["silence added (no audio)"]
    notes = []
    if audio.sample_rate != SAMPLE_RATE or audio.channels != CHANNELS:
        kind = {1: "mono", 2: "stereo", 6: "5.1"}.get(audio.channels, f"{audio.channels} channels")
        how = "downmixed" if audio.channels > CHANNELS else "resampled"
        notes.append(f"audio {how} from {audio.sample_rate / 1000:g} kHz {kind}")
    if audio.duration is not None and video.duration is not None:
        overhang = (audio.start_time + audio.duration) - (video.start_time + video.duration)
        if overhang > _AUDIO_OVERHANG and cp.clip.trim_out is None:
            notes.append(f"audio trimmed: its last {overhang:.2f} s ran past the picture")
        elif overhang < -_AUDIO_OVERHANG and cp.clip.trim_out is None:
            notes.append(f"audio ends {-overhang:.2f} s early; silence added")
    return notes


def _turn_note(rotation: int) -> str:
    turn = {90: "90\u00b0 counter-clockwise", 180: "180\u00b0", 270: "90\u00b0 clockwise"}[rotation]
    return f"turned {turn} to stand upright"


def _fast_blocker(
    cp: ClipPlan, first: MediaInfo, width: int, height: int, rate: Fraction, check_trims: bool = True
) -> str | None:
    """Why this clip's packets cannot be copied into the output, or None if they can."""
    v, f = cp.info.video, first.video
    name = f"shot {cp.index + 1}"
    if v.hdr:
        return f"{name} is HDR ({v.hdr.upper()}) and is converted to SDR"
    if v.codec != "h264":
        return f"{name} is {v.codec}, not H.264"
    if v.rotation != f.rotation:
        return f"{name} is stored turned {v.rotation}\u00b0, unlike shot 1"
    if (v.display_width, v.display_height) != (width, height) or (v.width, v.height) != (f.width, f.height):
        return f"{name} is {v.display_width}x{v.display_height}"
    if (v.matrix or "bt709", v.primaries or "bt709", v.transfer or "bt709") != (
        f.matrix or "bt709",
        f.primaries or "bt709",
        f.transfer or "bt709",
    ):
        return f"{name} is in another colour space"
    if v.rate is None or abs(float(v.rate) - float(rate)) > 1e-3:
        return f"{name} runs at {v.fps:g} fps"
    if v.pix_fmt != f.pix_fmt:
        return f"{name} uses {v.pix_fmt} pixels"
    if not v.extradata or v.extradata != f.extradata:
        return f"{name} was encoded with different settings"
    if not any(k in cp.info.format_name for k in _COPYABLE_FORMATS):
        return f"{name} is in a {cp.info.format_name} container"
    clip = cp.clip
    if check_trims and ((clip.trim_in or 0) > 0 or clip.trim_out is not None):
        half = 0.5 / float(rate)
        keys = PROBES.keyframes(Path(clip.path))
        if not any(abs(k - cp.start) < half for k in keys):
            return f"{name}'s trim does not start on a keyframe"
        ends_at_end = cp.end >= v.start_time + (v.duration or cp.info.duration) - half
        if not ends_at_end and not any(abs(k - cp.end) < half for k in keys):
            return f"{name}'s trim does not end on a keyframe"
    return None


_STILL_FORMATS = {"image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "gif", "tiff_pipe"}


def plan_stitch(clips: Sequence[ClipIn | Path | str], settings: ExportSettings | None = None) -> StitchPlan:
    """Probe every clip and decide, per clip, copy or conform; see :class:`StitchPlan`.

    Raises :class:`MediaError` for unreadable clips and :class:`InvalidRequest` for
    impossible trims or crossfades.
    """
    settings = settings or ExportSettings()
    quality = resolve_quality(settings.quality).name
    items = [c if isinstance(c, ClipIn) else ClipIn(Path(c)) for c in clips]
    if not items:
        raise InvalidRequest("There are no shots to export.", field="clips")
    infos = [PROBES.probe(c.path) for c in items]
    for clip, info in zip(items, infos):
        if info.video is None:
            raise MediaError(f"{Path(clip.path).name} has no video in it.")
        if info.format_name.split(",")[0] in _STILL_FORMATS or (info.duration or 0) <= 0:
            raise MediaError(f"{Path(clip.path).name} is a still image, not a video clip.")
        require_complete(info)

    first = infos[0].video
    width = first.display_width if settings.width is None else settings.width
    height = first.display_height if settings.height is None else settings.height
    if (settings.width is None) != (settings.height is None):
        raise InvalidRequest("Give both width and height, or neither.", field="size")
    if not (2 <= width <= 8192 and 2 <= height <= 8192):
        raise InvalidRequest(f"The size {width}x{height} is not usable; give 2 to 8192 pixels a side.", field="size")
    width, height = width - width % 2, height - height % 2
    if settings.fps is not None:
        rate = parse_rate(settings.fps)
    else:
        rate = export_rate((info.video.rate, info.video.duration or info.duration) for info in infos)

    ranges = [_clip_range(clip, info) for clip, info in zip(items, infos)]
    cut = plan_cut([end - start for start, end in ranges], rate, _join_seconds(settings, len(items) - 1))
    plans = [
        ClipPlan(index=i, clip=clip, info=info, start=start, end=end, frames=frames)
        for i, (clip, info, (start, end), frames) in enumerate(zip(items, infos, ranges, cut.frames))
    ]
    transitions = list(cut.transitions)
    has_audio = settings.audio and any(info.audio is not None for info in infos)

    reasons: list[str] = []
    if any(transitions):
        reasons.append("crossfades need re-encoding")
    for cp in plans:
        if not reasons:
            blocker = _fast_blocker(cp, infos[0], width, height, rate)
            if blocker:
                reasons.append(blocker)
    mode = "conform" if reasons else "fast"
    audio_copy, audio_reason = False, ""
    if mode == "fast" and has_audio and not settings.exact_audio:
        audio_reason = aac_copyable(infos) or ""
        audio_copy = not audio_reason

    for cp in plans:
        v = cp.info.video
        notes: list[str] = []
        if mode == "fast":
            cp.action = "copy"
            notes.append("video copied")
            if v.rotation:
                notes.append(f"kept its {v.rotation}\u00b0 display rotation (plays upright)")
        else:
            cp.action = "conform"
            if v.rotation:
                notes.append(_turn_note(v.rotation))
            dw, dh = v.display_width, v.display_height
            if (dw, dh) != (width, height):
                sw, sh = fit_size(dw, dh, width, height)
                note = f"scaled {dw}x{dh} \u2192 {sw}x{sh}" if (sw, sh) != (dw, dh) else ""
                if (sw, sh) != (width, height):
                    note = f"{note}, padded to {width}x{height}" if note else f"padded to {width}x{height}"
                notes.append(note)
            if v.rate is None or abs(float(v.rate) - float(rate)) > 1e-3:
                notes.append(f"{v.fps:g} \u2192 {float(rate):g} fps")
            if v.hdr:
                notes.append(f"HDR ({v.hdr.upper()}) tone-mapped to SDR BT.709")
            if not notes:
                notes.append("re-encoded")
        if (cp.clip.trim_in or 0) > 0 or cp.clip.trim_out is not None:
            notes.append(f"trimmed to {cp.start - v.start_time:.2f}\u2013{cp.end - v.start_time:.2f} s")
        if has_audio:
            notes.extend(_audio_notes(cp))
        cp.notes = notes

    plan = StitchPlan(
        clips=plans,
        mode=mode,
        width=width,
        height=height,
        fps=rate,
        quality=quality,
        transitions=transitions,
        has_audio=has_audio,
        reasons=reasons,
        audio_copy=audio_copy,
        audio_reason=audio_reason,
    )
    if mode == "conform" and settings.smart_render:
        if not any(_fast_blocker(cp, infos[0], width, height, rate, check_trims=False) for cp in plans):
            _apply_smart(plan)
    PROBES.save()
    return plan


def _apply_smart(plan: StitchPlan) -> None:
    """Copy what can be copied: keep the smart-render decisions when some GOPs qualify."""
    from .smart import smart_render

    decisions = smart_render(plan)
    if not any(d.copyable for d in decisions) or not all(d.encoder for d in decisions if d.copyable):
        return
    plan.smart = decisions
    for cp, d in zip(plan.clips, decisions):
        if d.copyable:
            note = f"{d.share:.0%} copied, re-encoded from the keyframe before each crossfade or trim"
        else:
            note = f"re-encoded whole ({d.reason})" if d.reason else "copied"
        cp.notes = [note] + [n for n in cp.notes if n != "re-encoded"]
