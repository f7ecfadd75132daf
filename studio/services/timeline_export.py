"""Export the cut as an editable timeline (OpenTimelineIO), for finishing in an editor.

The timeline is built from the same :class:`~studio.services.media.plan.StitchPlan` the video
export uses, so an editor sees exactly the cut Studio would render: one clip per shot's chosen
take (media linked by absolute path), trims as source ranges, crossfades as dissolves, the
project's frame rate. A video track holds every shot; an audio track mirrors the shots whose
take has sound (a gap stands in for a silent one).

A Studio crossfade of ``d`` frames overlaps the last ``d`` frames of one shot with the first
``d`` of the next. OpenTimelineIO centres a transition on a cut: ``in_offset`` frames before it
(the incoming clip's pre-roll) and ``out_offset`` after it (the outgoing clip's post-roll), taken
from the clips' handles. So each clip's source range gives up its half of the overlap, and the
timeline lasts exactly as long as the exported video.

The format follows the file's extension through OpenTimelineIO's adapters: ``.otio`` (native),
``.fcpxml`` (Final Cut Pro X, from the ``otio-fcpx-xml-adapter`` plugin) and ``.edl`` (CMX 3600,
from ``otio-cmx3600-adapter``). The FCPXML adapter writes no transitions: there each crossfade
becomes a cut at its middle (:data:`CROSSFADES_KEPT` says which formats keep them), so the
timing still matches and the editor can add the dissolve back.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import opentimelineio as otio

from studio.core.errors import InvalidRequest
from studio.core.project import Project

from .export import plan_export

#: File extension → OpenTimelineIO adapter name.
TIMELINE_FORMATS = {".otio": "otio_json", ".fcpxml": "fcpx_xml", ".edl": "cmx_3600"}
#: Adapters that write crossfades as transitions (the others leave a cut at the crossfade's middle).
CROSSFADES_KEPT = frozenset({"otio_json", "cmx_3600"})


def timeline_format(path: Path) -> str:
    """The adapter for ``path``'s extension; InvalidRequest naming the choices otherwise."""
    adapter = TIMELINE_FORMATS.get(Path(path).suffix.lower())
    if adapter is None:
        choices = ", ".join(TIMELINE_FORMATS)
        raise InvalidRequest(f"A timeline file must end in one of {choices}.", field="output")
    if adapter not in otio.adapters.available_adapter_names():
        raise InvalidRequest(
            f"This installation cannot write {Path(path).suffix} timelines (the OpenTimelineIO adapter "
            f"{adapter!r} is missing); write .otio instead.",
            field="output",
        )
    return adapter


#: Frame rates the FCPXML adapter can name; NTSC rates are spelled to two decimals there.
FCPXML_RATES = (23.98, 24.0, 25.0, 29.97, 30.0, 50.0, 59.94, 60.0)


def build_timeline(project: Project, folder: Path, *, rate: float | None = None) -> otio.schema.Timeline:
    """The project's cut as an OpenTimelineIO timeline. Blocking: it probes every clip.

    ``rate`` overrides how the frame rate is written (frame counts stay the same), for
    adapters that know NTSC rates only by their rounded spelling.
    """
    plan = plan_export(project, Path(folder), None)
    rate = rate or float(plan.fps)

    def frames(count: int) -> otio.opentime.RationalTime:
        return otio.opentime.RationalTime(count, rate)

    # Each join's overlap split around the cut: pre-roll of the next clip, post-roll of this one.
    splits = [(x // 2, x - x // 2) for x in plan.transitions]
    timeline = otio.schema.Timeline(name=project.title or "Studio cut")
    timeline.global_start_time = frames(0)
    video = otio.schema.Track(name="Video", kind=otio.schema.TrackKind.Video)
    audio = otio.schema.Track(name="Audio", kind=otio.schema.TrackKind.Audio)

    for index, (cp, shot) in enumerate(zip(plan.clips, project.shots)):
        head_in = splits[index - 1][0] if index else 0  # frames the transition before takes
        tail_out = splits[index][1] if index < len(splits) else 0  # frames the one after takes
        start_frame = round((cp.start - (cp.info.video.start_time or 0.0)) * rate) + head_in
        length = cp.frames - head_in - tail_out
        source = otio.opentime.TimeRange(frames(start_frame), frames(length))
        available = otio.opentime.TimeRange(frames(0), frames(round(cp.info.duration * rate)))
        name = shot.title or f"Shot {index + 1}"
        url = Path(cp.clip.path).resolve().as_uri()
        take = shot.chosen_take
        metadata = {"studio": {"shot_id": shot.id, "take_id": take.id if take else None,
                               "model_id": take.model_id if take else shot.model_id}}

        if index:
            pre, post = splits[index - 1]
            if pre + post:
                # A dissolve needs media on both sides: none on the audio track next to a silent shot.
                both_sound = cp.info.audio is not None and plan.clips[index - 1].info.audio is not None
                for track in (video, audio) if both_sound else (video,):
                    track.append(otio.schema.Transition(
                        name="Cross Dissolve",
                        transition_type=otio.schema.TransitionTypes.SMPTE_Dissolve,
                        in_offset=frames(pre),
                        out_offset=frames(post),
                    ))

        video.append(otio.schema.Clip(
            name=name,
            media_reference=otio.schema.ExternalReference(target_url=url, available_range=available),
            source_range=source,
            metadata=metadata,
        ))
        if cp.info.audio is not None:
            audio.append(otio.schema.Clip(
                name=name,
                media_reference=otio.schema.ExternalReference(target_url=url, available_range=available),
                source_range=source,
                metadata=metadata,
            ))
        else:
            audio.append(otio.schema.Gap(source_range=otio.opentime.TimeRange(frames(0), frames(length))))

    timeline.tracks.append(video)
    if plan.has_audio:
        timeline.tracks.append(audio)
    return timeline


def write_timeline(project: Project, folder: Path, out: Path) -> otio.schema.Timeline:
    """Build the timeline and write it to ``out`` atomically, in the format its extension names."""
    from .atomic import atomic_write_bytes

    adapter = timeline_format(out)
    rate = None
    if adapter == "fcpx_xml":
        rate = _fcpxml_rate(project)
    timeline = build_timeline(project, folder, rate=rate)
    try:
        text = otio.adapters.write_to_string(timeline, adapter_name=adapter)
    except (ValueError, KeyError, otio.exceptions.OTIOError) as exc:
        raise InvalidRequest(
            f"{Path(out).suffix} cannot hold this cut ({exc}); write .otio instead, which any editor with "
            "OpenTimelineIO can read.",
            field="output",
        ) from None
    if adapter == "fcpx_xml":
        text = _fcpxml_sized(text, project.settings.width, project.settings.height)
    atomic_write_bytes(Path(out), text.encode("utf-8"))
    os.chmod(out, 0o666 & ~_umask())  # a file for other programs: the user's usual permissions
    return timeline


def _fcpxml_rate(project: Project) -> float:
    """The project's rate as the FCPXML adapter spells it, or InvalidRequest naming the choices."""
    fps = float(project.settings.fps)
    for known in FCPXML_RATES:
        if abs(fps - known) < 0.01:
            return known
    choices = ", ".join(f"{r:g}" for r in FCPXML_RATES)
    raise InvalidRequest(
        f"FCPXML takes {choices} fps; this project is {fps:g} fps. Write .otio or .edl instead.", field="output"
    )


def _fcpxml_sized(text: str, width: int, height: int) -> str:
    """Give the FCPXML formats the frame size (the adapter only guesses a name with ffprobe)."""
    import re

    def sized(match: re.Match) -> str:
        tag = match.group(0)
        if " width=" in tag:
            return tag
        return tag[:-2] + f' width="{width}" height="{height}"/>' if tag.endswith("/>") else tag

    return re.sub(r"<format\b[^>]*>", sized, text)


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race other threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


async def export_timeline(project: Project, folder: Path, out: Path) -> otio.schema.Timeline:
    """:func:`write_timeline` off the event loop."""
    return await asyncio.to_thread(write_timeline, project, folder, out)
