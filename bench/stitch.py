"""Benchmark Studio's stitch against the FFmpeg CLI, and measure A/V sync at every join.

    python bench/stitch.py [--runs N] [--quick] [--keep DIR]

Matching set: 10 clips (8 s, 720x1280, 30 fps, H.264 + AAC, one tone and one
centre colour per clip, a white flash frame and a 10 ms tone burst at each clip's
start). Our fast path with copied audio (the default) is timed against ``ffmpeg -f
concat -c copy``, and with exact audio against ``ffmpeg -f concat -c:v copy -c:a
aac`` (moviepy too when installed). Sync is measured on the decoded outputs: the
offset from each flash to its burst, at the start and at all 9 joins.
Mixed set: other sizes and rates, one clip without audio, one 44.1 kHz mono; our
conform is timed against an ffmpeg filter_complex with the same encoder settings.
Runs alternate between tools; medians are reported. The FFmpeg CLI is used here
only as the yardstick; the product never runs it.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import av
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "services" / "media"))

from media_testkit import BURST_HZ, BURST_S, sync_offsets

from studio.services.media import ExportSettings, plan_stitch, probe, stitch
from studio.services.media.encode import resolve_quality

AAC_FRAME_MS = 1024 / 48000 * 1000
COLORS = ["0xE01E1E", "0x1EC81E", "0x1E1EDC", "0xDCDC1E", "0x1EDCDC", "0xDC1EDC",
          "0xFF8000", "0x8000FF", "0x00FF80", "0xFFFFFF"]  # fmt: skip
# Kept clear of the 1.5 kHz sync burst.
TONES = [300, 450, 600, 750, 900, 2400, 2700, 3000, 3300, 3600]
BOX = 64  # join marker size in pixels


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


def make_clip(path: Path, w: int, h: int, fps: float, dur: float, color: str, tone: int | None,
              rate: int = 48000, layout: str = "stereo", flash: bool = False) -> Path:  # fmt: skip
    """A moving test pattern with a solid colour box in the centre, and a sine tone.

    The centre survives both scaling and letterboxing, so joins stay detectable.
    ``flash``: the first frame is white and the sound opens with a short tone burst
    (quiet tone underneath), for the flash-to-burst sync meter.
    """
    box = f"drawbox=x=(iw-{BOX})/2:y=(ih-{BOX})/2:w={BOX}:h={BOX}:color={color}:t=fill"
    video = f"testsrc2=s={w}x{h}:r={fps}:d={dur},{box}"
    if flash:
        video += r",drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='eq(n\,0)'"
    args = ["-f", "lavfi", "-i", video]
    if tone and flash:
        burst = f"if(lt(t\,{BURST_S})\,0.3*(1-cos(2*PI*t/{BURST_S}))*sin(2*PI*{BURST_HZ}*t)\,0)"
        expr = f"0.1*sin(2*PI*{tone}*t)+{burst}"
        args += ["-f", "lavfi", "-i", f"aevalsrc=exprs='{expr}|{expr}':s={rate}:d={dur}"]
    elif tone:
        args += ["-f", "lavfi", "-i", f"sine=f={tone}:r={rate}:d={dur},volume=0.4,aformat=channel_layouts={layout}"]
    args += ["-c:v", "libx264", "-preset", "veryfast", "-crf", "21", "-pix_fmt", "yuv420p"]
    args += ["-c:a", "aac", "-b:a", "128k"] if tone else []
    ffmpeg(*args, str(path))
    return path


def make_sets(root: Path, quick: bool) -> tuple[list[Path], list[Path], list[dict]]:
    dur = 2.0 if quick else 8.0
    n = 4 if quick else 10
    matching = [
        make_clip(root / f"match{i}.mp4", 720, 1280, 30, dur, COLORS[i], TONES[i], flash=True) for i in range(n)
    ]
    specs = [
        dict(w=720, h=1280, fps=30, tone=TONES[0]),
        dict(w=1080, h=1920, fps=30, tone=TONES[1]),
        dict(w=720, h=1280, fps=24, tone=TONES[2]),
        dict(w=1280, h=720, fps=25, tone=None),
        dict(w=720, h=1280, fps=30, tone=TONES[4], rate=44100, layout="mono"),
        dict(w=576, h=1024, fps=60, tone=TONES[5]),
    ]
    if quick:
        specs = specs[:4] + specs[4:5]
    mixed = []
    for i, s in enumerate(specs):
        extra = {k: s[k] for k in ("rate", "layout") if k in s}
        mixed.append(make_clip(root / f"mixed{i}.mp4", s["w"], s["h"], s["fps"], dur, COLORS[i], s["tone"], **extra))
    return matching, mixed, specs


# --- sync measurement ---------------------------------------------------------------


def video_joins(path: Path, colors: list[str]) -> list[float]:
    """Times where the centre box switches to the next clip's colour."""
    rgb = [np.array([int(c[2:4], 16), int(c[4:6], 16), int(c[6:8], 16)]) for c in colors]
    times, want = [], 1
    with av.open(str(path)) as c:
        stream = c.streams.video[0]
        stream.thread_type = "AUTO"
        for frame in c.decode(stream):
            if want >= len(colors):
                break
            img = frame.to_ndarray(format="rgb24")
            # Inside the box even after scaling a 1080-wide clip down to 720.
            cy, cx = img.shape[0] // 2, img.shape[1] // 2
            px = img[cy - 12 : cy + 12, cx - 12 : cx + 12].reshape(-1, 3).mean(axis=0)
            if int(np.argmin([np.abs(px - col).sum() for col in rgb])) == want:
                times.append(float(frame.time))
                want += 1
    return times


def audio_joins(path: Path, tones: list[int], window: int = 512, hop: int = 32) -> list[float]:
    """Times where the dominant tone switches to the next expected tone."""
    with av.open(str(path)) as c:
        rs = av.AudioResampler(format="flt", layout="mono", rate=48000)
        chunks, t0 = [], None
        for frame in c.decode(audio=0):
            t0 = float(frame.time or 0.0) if t0 is None else t0
            chunks += [r.to_ndarray().reshape(-1) for r in rs.resample(frame)]
    sig = np.concatenate(chunks)
    n = np.arange(window)
    basis = np.stack([np.exp(-2j * np.pi * f * n / 48000) for f in tones])
    hann = np.hanning(window)
    times, want, start = [], 1, 0
    while start < len(sig) - window and want < len(tones):
        power = np.abs(basis @ (sig[start : start + window] * hann))
        if power.max() > 1.0 and int(np.argmax(power)) == want:
            times.append(t0 + (start + window / 2) / 48000)
            want += 1
        else:
            start += hop
            continue
        start += hop
    return times


def join_offsets(path: Path, colors: list[str], tones: list[int | None]) -> list[str]:
    """Audio-minus-video offset (ms) at each join into a clip that has a tone."""
    vj = video_joins(path, colors)
    audible = [i for i, t in enumerate(tones) if t]
    aj = audio_joins(path, [tones[i] for i in audible])
    out = []
    for k, clip in enumerate(audible[1:]):
        if clip - 1 >= len(vj) or k >= len(aj):
            out.append("?")
            continue
        out.append(f"{(aj[k] - vj[clip - 1]) * 1000:+.1f}")
    return out


# --- runners ------------------------------------------------------------------------


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def ours(clips: list[Path], out: Path, settings: ExportSettings | None = None) -> str:
    plan = plan_stitch(clips, settings)
    stitch(plan, out)
    return plan.mode


def concat_list(clips: list[Path], root: Path) -> Path:
    listing = root / "list.txt"
    listing.write_text("".join(f"file '{c}'\n" for c in clips))
    return listing


def ffmpeg_concat(listing: Path, out: Path, audio_copy: bool, bitrate: int) -> None:
    audio = ["-c:a", "copy"] if audio_copy else ["-c:a", "aac", "-b:a", str(bitrate), "-ar", "48000", "-ac", "2"]
    ffmpeg("-f", "concat", "-safe", "0", "-i", str(listing), "-c:v", "copy", *audio, str(out))


def ffmpeg_conform(clips: list[Path], specs: list[dict], out: Path, w: int, h: int, fps: int) -> None:
    q = resolve_quality("standard")
    args, parts = [], []
    for clip in clips:
        args += ["-i", str(clip)]
    graph = []
    for i, (clip, spec) in enumerate(zip(clips, specs)):
        graph.append(
            f"[{i}:v]scale={w}:{h}:force_original_aspect_ratio=decrease,"
            f"pad={w}:{h}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps={fps},format=yuv420p[v{i}]"
        )
        if spec["tone"]:
            graph.append(f"[{i}:a]aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo[a{i}]")
        else:
            graph.append(f"anullsrc=r=48000:cl=stereo,atrim=duration={probe(clip).duration}[a{i}]")
        parts.append(f"[v{i}][a{i}]")
    graph.append(f"{''.join(parts)}concat=n={len(clips)}:v=1:a=1[v][a]")
    ffmpeg(*args, "-filter_complex", ";".join(graph), "-map", "[v]", "-map", "[a]",
           "-c:v", "libx264", "-crf", str(q.crf), "-preset", q.preset, "-pix_fmt", "yuv420p",
           "-c:a", "aac", "-b:a", str(q.audio_bitrate), str(out))  # fmt: skip


def moviepy_concat(clips: list[Path], out: Path) -> None:
    from moviepy import VideoFileClip, concatenate_videoclips  # type: ignore[import-not-found]

    loaded = [VideoFileClip(str(c)) for c in clips]
    concatenate_videoclips(loaded).write_videofile(str(out), codec="libx264", audio_codec="aac", logger=None)


def smart_section(root: Path, quick: bool) -> None:
    """How much of typical provider-like clips smart render can copy, and what it saves."""
    from studio.services.media import ClipIn
    from studio.services.media.smart import matching_encoder, smart_render

    dur = 3.0 if quick else 8.0
    kinds = {
        "x264 defaults (keyint 250)": [],
        "one keyframe per clip": ["-g", "100000"],
        "keyframe every 1 s": ["-g", "24", "-keyint_min", "24", "-sc_threshold", "0"],
    }
    print(f"\nSmart render: 4 clips x {dur:g} s, 720x1280 24 fps, libx264 preset medium crf 23 (ffmpeg defaults)")
    for label, extra in kinds.items():
        clips = []
        for i in range(4):
            path = root / f"smart{len(clips)}_{abs(hash(label)) % 1000}.mp4"
            video = f"testsrc2=s=720x1280:r=24:d={dur},drawbox=x=0:y=0:w=80:h=80:color={COLORS[i]}:t=fill"
            ffmpeg("-f", "lavfi", "-i", video, "-f", "lavfi", "-i", f"sine=f={TONES[i]}:d={dur}",
                   "-c:v", "libx264", "-pix_fmt", "yuv420p", *extra, "-c:a", "aac", str(path))  # fmt: skip
            clips.append(path)
        for case, items, settings in (
            ("0.5 s crossfades", clips, ExportSettings(crossfade=0.5)),
            ("trims 1.3 s in / 1.3 s before the end", [ClipIn(c, trim_in=1.3, trim_out=dur - 1.3) for c in clips],
             ExportSettings()),
        ):  # fmt: skip
            plan = plan_stitch(items, settings)
            decisions = plan.smart or smart_render(plan)
            share = sum(d.copyable for d in decisions) / sum(d.frames for d in decisions)
            keys = ", ".join(str(d.keyframes) for d in decisions)
            encoder = matching_encoder(clips[0], probe(clips[0]).video) or "none matched"
            line = f"  {label:28s} {case:38s} keyframes/clip {keys}; copyable {share:4.0%}; SPS/PPS match: {encoder}"
            if plan.smart:
                full = plan_stitch(items, replace(settings, smart_render=False))
                t_smart = timed(lambda p=plan: stitch(p, root / "smart.mp4"))
                t_full = timed(lambda p=full: stitch(p, root / "full.mp4"))
                line += f"\n  {'':28s} smart {t_smart:.2f} s vs full re-encode {t_full:.2f} s ({t_smart / t_full:.2f}x)"
            print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="4-5 short clips per set")
    parser.add_argument("--keep", type=Path, help="keep inputs and outputs in this folder")
    parser.add_argument("--only", choices=["stitch", "smart"], help="run one part")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="stitch-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        if args.only != "smart":
            run(root, args.runs, args.quick)
        if args.only != "stitch":
            smart_section(root, args.quick)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def run(root: Path, runs: int, quick: bool) -> None:
    t = time.perf_counter()
    matching, mixed, specs = make_sets(root, quick)
    total = sum(probe(c).duration for c in matching)
    print(f"inputs generated in {time.perf_counter() - t:.1f} s; matching set {len(matching)} clips, {total:.0f} s")
    listing = concat_list(matching, root)
    bitrate = resolve_quality("standard").audio_bitrate
    try:
        import moviepy  # noqa: F401

        has_moviepy = True
    except ImportError:
        has_moviepy = False

    exact = ExportSettings(exact_audio=True)
    tools = {
        "studio fast, audio copied": lambda: ours(matching, root / "ours_fast.mp4"),
        "studio fast, exact audio": lambda: ours(matching, root / "ours_exact.mp4", exact),
        "ffmpeg -c copy": lambda: ffmpeg_concat(listing, root / "ff_copy.mp4", True, bitrate),
        "ffmpeg -c:v copy -c:a aac": lambda: ffmpeg_concat(listing, root / "ff_aac.mp4", False, bitrate),
    }
    if has_moviepy:
        tools["moviepy"] = lambda: moviepy_concat(matching, root / "moviepy.mp4")
    times = {name: [] for name in tools}
    for _ in range(runs):
        for name, fn in tools.items():
            times[name].append(timed(fn))
    print(f"\nMatching set ({runs} runs, median seconds):")
    med = {name: statistics.median(values) for name, values in times.items()}
    for name, value in med.items():
        print(f"  {name:28s} {value:7.3f} s")
    if not has_moviepy:
        print("  moviepy                      not installed, skipped")
    copy_ratio = med["studio fast, audio copied"] / med["ffmpeg -c copy"]
    exact_ratio = med["studio fast, exact audio"] / med["ffmpeg -c:v copy -c:a aac"]
    print(f"  audio copied vs ffmpeg -c copy:            {copy_ratio:5.2f}x (goal <= 2x)")
    print(f"  exact audio vs ffmpeg -c:v copy -c:a aac:  {exact_ratio:5.2f}x")
    plan = plan_stitch(matching)
    assert plan.mode == "fast" and plan.audio_copy, plan.describe()

    print("\nA/V offset, flash to burst, at the start and each join (ms; one AAC frame = 21.3 ms):")
    worst_copied = None
    for label, name in (("studio, audio copied", "ours_fast.mp4"), ("studio, exact audio", "ours_exact.mp4"),
                        ("ffmpeg -c copy", "ff_copy.mp4"), ("ffmpeg -c:v copy -c:a aac", "ff_aac.mp4")):  # fmt: skip
        offsets = [o * 1000 for o in sync_offsets(root / name)]
        worst = max(abs(o) for o in offsets[1:])
        worst_copied = worst if worst_copied is None else worst_copied
        info = probe(root / name)
        print(f"  {label:26s} {' '.join(f'{o:+.1f}' for o in offsets)}")
        print(f"  {'':26s} worst join {worst:.1f} ms; audio - video duration "
              f"{(info.audio.duration - info.video.duration) * 1000:+.1f} ms")  # fmt: skip
    print(f"\nstitch, audio copied: {copy_ratio:.2f}x ffmpeg -c copy, worst join {worst_copied:.1f} ms "
          f"(goal <= 2x, <= {AAC_FRAME_MS / 2:.1f} ms); exact audio {exact_ratio:.2f}x ffmpeg -c:v copy -c:a aac")  # fmt: skip

    w, h, fps = 720, 1280, 30
    mixed_tools = {
        "studio conform": lambda: ours(mixed, root / "ours_mixed.mp4", ExportSettings(width=w, height=h, fps=fps)),
        "ffmpeg filter_complex": lambda: ffmpeg_conform(mixed, specs, root / "ff_mixed.mp4", w, h, fps),
    }
    mtimes = {name: [] for name in mixed_tools}
    for _ in range(runs):
        for name, fn in mixed_tools.items():
            mtimes[name].append(timed(fn))
    mixed_total = sum(probe(c).duration for c in mixed)
    print(f"\nMixed set ({len(mixed)} clips, {mixed_total:.0f} s, -> {w}x{h} {fps} fps; {runs} runs, median seconds):")
    mbase = statistics.median(mtimes["ffmpeg filter_complex"])
    for name, values in mtimes.items():
        med = statistics.median(values)
        print(f"  {name:28s} {med:7.3f} s   {med / mbase:5.2f}x")
    plan = plan_stitch(mixed, ExportSettings(width=w, height=h, fps=fps))
    print("  plan:\n    " + "\n    ".join(plan.describe()))
    mtones = [s["tone"] for s in specs]
    for label, name in (("studio conform", "ours_mixed.mp4"), ("ffmpeg filter_complex", "ff_mixed.mp4")):
        offsets = join_offsets(root / name, COLORS[: len(mixed)], mtones)
        info = probe(root / name)
        drift = (info.audio.duration - info.video.duration) * 1000
        print(f"  A/V at joins {label:22s} {' '.join(offsets)} ms; audio - video duration {drift:+.1f} ms")


if __name__ == "__main__":
    main()
