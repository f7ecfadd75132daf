"""Storyboard wall time against a Replicate emulator with a fixed job latency.

    python bench/storyboard.py [--latency 8] [--repeats 1] [--poll-interval SECONDS]

Runs ``studio-cli storyboard run`` (a fresh process and data folder each time, so start-up
and the final export are included) on three projects of Veo 3.1 Fast shots (4 s, 720p):
one shot, four independent shots and three chained shots. Prints each run's timeline as
the emulator saw it (start-up to the first create, the spread of the creates, how late the
last result was noticed and fetched, the export and exit), then

    independent ratio: 4 shots / 1 shot            (goal <= 1.3)
    chained ratio:     3 chained / (3 x 1 shot)    (goal <= 1.15)

Both ratios come from one run on one machine, so a loaded machine moves both sides alike.
``--poll-interval`` sets ``providers.replicate.poll_interval`` (default: Studio's own).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studio.core.project import Project, ProjectSettings, Shot  # noqa: E402
from studio.services.projects import ProjectStore  # noqa: E402
from tests.emulators import _replicate_http  # noqa: E402
from tests.emulators.replicate import DEFAULT_TOKEN, ReplicateEmulator  # noqa: E402

MODEL = "replicate:google/veo-3.1-fast"
PROMPTS = [
    "Wide shot of a lighthouse on a rocky coast at dawn, mist over the water",
    "The keeper climbs the spiral stairs with a lantern, warm light on stone",
    "Close-up of the lamp igniting, the beam sweeping across the sea",
    "Gulls lift off the gallery rail as the sun breaks through the clouds",
]


class RequestLog:
    """Every request the emulator answers, with its arrival time (bench-side instrumentation)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: list[tuple[float, str, str]] = []
        original = _replicate_http.ReplicateHandler._dispatch
        log = self

        def recording(handler, method: str) -> None:
            with log.lock:
                log.entries.append((time.monotonic(), method, handler.path))
            original(handler, method)

        _replicate_http.ReplicateHandler._dispatch = recording

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()

    def times(self, method: str, fragment: str) -> list[float]:
        with self.lock:
            return [t for t, m, p in self.entries if m == method and fragment in p]


def write_project(folder: Path, shots: int, continuity: str) -> None:
    # The project's size and rate are the emulator's clips' (256x144, 24 fps), as a real project's
    # match its provider's clips: the export then takes the matching-clips path. A project that
    # must scale every clip measures the conform encoder (bench/stitch.py), not the storyboard.
    project = Project(title=f"{shots} {continuity}", settings=ProjectSettings(width=256, height=144, fps=24))
    for index in range(shots):
        project.add_shot(
            Shot(
                title=f"Shot {index + 1}",
                prompt=PROMPTS[index % len(PROMPTS)],
                model_id=MODEL,
                duration=4.0,
                aspect_ratio="16:9",
                resolution="720p",
                audio=False,
                continuity="independent" if index == 0 else continuity,
            )
        )
    ProjectStore().save(project, folder)


def run_once(emulator: ReplicateEmulator, log: RequestLog, shots: int, continuity: str, poll_interval: float | None) -> float:
    with tempfile.TemporaryDirectory(prefix="studio-bench-") as tmp:
        home, folder = Path(tmp) / "home", Path(tmp) / "project"
        home.mkdir()
        if poll_interval is not None:
            (home / "settings.json").write_text(json.dumps({"providers.replicate.poll_interval": poll_interval}))
        write_project(folder, shots, continuity)
        env = {k: v for k, v in os.environ.items() if not k.startswith("STUDIO_")}
        env.update(
            STUDIO_HOME=str(home),
            STUDIO_REPLICATE_BASE_URL=emulator.url,
            REPLICATE_API_TOKEN=emulator.token,
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            STUDIO_NO_QT="1",
        )
        log.clear()
        start = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "studio.cli", "storyboard", "run", str(folder), "-o", str(Path(tmp) / "cut.mp4")],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        wall = time.monotonic() - start
        if proc.returncode != 0:
            sys.exit(f"storyboard run failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    creates = log.times("POST", "/predictions")
    polls = log.times("GET", "/v1/predictions/")
    outputs = log.times("GET", "/_emulator/output/")
    ready = [c + emulator.faults["latency"] for c in creates]
    print(
        f"  {shots} {continuity:<11} {wall:6.2f} s: first create +{creates[0] - start:.2f} s, "
        f"creates spread {creates[-1] - creates[0]:.2f} s, last result ready +{max(ready) - start:.2f} s, "
        f"last fetch +{max(outputs) - start:.2f} s, export+exit {start + wall - max(outputs):.2f} s, "
        f"{len(polls)} polls ({len(polls) / shots:.1f}/shot)",
        flush=True,
    )
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=8.0, help="seconds each emulated job takes (default 8)")
    parser.add_argument("--repeats", type=int, default=1, help="runs of each project; the best counts (default 1)")
    parser.add_argument("--poll-interval", type=float, default=None, help="providers.replicate.poll_interval")
    args = parser.parse_args()
    log = RequestLog()
    with ReplicateEmulator(token=DEFAULT_TOKEN, latency=args.latency) as emulator:
        best: dict[str, float] = {}
        for _ in range(args.repeats):
            for name, shots, continuity in (("one", 1, "independent"), ("four", 4, "independent"), ("chain", 3, "chained")):
                wall = run_once(emulator, log, shots, continuity, args.poll_interval)
                best[name] = min(best.get(name, wall), wall)
    print(f"1 shot {best['one']:.2f} s, 4 independent {best['four']:.2f} s, 3 chained {best['chain']:.2f} s "
          f"(job latency {args.latency:g} s)")
    print(f"independent ratio: {best['four'] / best['one']:.2f}x (goal <= 1.3)")
    print(f"chained ratio:     {best['chain'] / (3 * best['one']):.2f}x (goal <= 1.15)")


if __name__ == "__main__":
    main()
