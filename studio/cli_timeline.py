"""`studio-cli storyboard export-otio`: the cut as an editable timeline for an editor."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

EXIT_OK = 0


async def export_otio(services, folder: Path, out: Path, say: Callable[[str], None]) -> int:
    """Write the project's cut to ``out`` (.otio, .fcpxml or .edl); StudioErrors propagate."""
    from studio.services.timeline_export import CROSSFADES_KEPT, export_timeline, timeline_format

    adapter = timeline_format(out)  # refuse a wrong extension before probing anything
    project = services.projects.load(folder)
    timeline = await export_timeline(project, folder, out)
    video = timeline.video_tracks()[0]
    seconds = video.duration().to_seconds()
    fades = sum(1 for item in video if item.schema_name() == "Transition")
    say(f"Wrote {out}: {len(project.shots)} shots, {fades} crossfade(s), {seconds:.2f} s at "
        f"{video.duration().rate:g} fps.")
    if fades and adapter not in CROSSFADES_KEPT:
        say(f"{out.suffix} has no crossfades here: each one is a cut at its middle; add the dissolves in the editor.")
    if adapter == "cmx_3600" and len(timeline.audio_tracks()):
        say("An EDL holds one video track: the sound stays with each clip's media; bring it in from the clips.")
    return EXIT_OK
