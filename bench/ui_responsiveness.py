"""UI responsiveness under load: does the window's event loop stay free?

Opens the studio window offscreen with a 50-shot project, then runs 20 offline animatic jobs
at once (their takes attach to the shots, so filmstrips decode as they land) and, once the
first clips exist, an export of the cut. Meanwhile a 5 ms QTimer measures how late the event
loop serves it (lateness = actual interval − 5 ms): goal p99 < 16 ms, max < 50 ms.
Also reports peak RSS, and with ``--memory`` peak Python memory (tracemalloc, which slows
every allocation in every thread and so inflates the lateness figures).

    python bench/ui_responsiveness.py [--jobs 20] [--shots 50] [--seconds 2]

With ``--model`` any catalog model runs instead, e.g. a Replicate model against the emulator:

    python -m tests.emulators.replicate --port 0 --set latency=30   # prints its URL
    STUDIO_REPLICATE_BASE_URL=<url> REPLICATE_API_TOKEN=<the emulator's token> \
        python bench/ui_responsiveness.py --model replicate:google/veo-3.1-fast --jobs 100

or, in one command, ``--emulator`` starts that emulator (its own process, 30 s jobs) and points
the run at it. The runner works on its own event loop in a worker thread, as in the app.

Every job then polls at the app's own cadence (default runner timing, the provider's
settings), the provider's concurrency is raised to ``--jobs`` so all of them are in flight,
and the export (of four clips rendered before the measurement) starts as soon as every job
is sent, so it runs while they poll. The last line is ``p50 A ms, p99 B ms, max C ms``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import struct
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rss_mb() -> float:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class StallSampler:
    """With ``--stalls``: a thread that samples the GUI thread's stack while a tick is late,
    so a stall names the code that caused it."""

    def __init__(self, probe: "LatenessProbe", threshold_ms: float = 30.0) -> None:
        import collections

        self.probe, self.threshold = probe, threshold_ms / 1000
        self.main = threading.main_thread().ident
        self.counts: collections.Counter = collections.Counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import traceback

        while not self._stop.wait(0.005):
            if time.perf_counter() - self.probe._last > self.threshold:
                frame = sys._current_frames().get(self.main)
                if frame is not None:
                    full = traceback.extract_stack(frame)
                    # the innermost Studio frames (who asked) and the innermost frames (what ran)
                    ours = [f for f in full if "/studio/" in f.filename][-3:]
                    stack = ours + [f for f in full[-3:] if f not in ours]
                    self.counts["\n".join(f"    {f.filename.split('site-packages/')[-1]}:{f.lineno} {f.name}" for f in stack)] += 1

    def report(self) -> None:
        for stack, hits in self.counts.most_common(6):
            print(f"  GUI thread busy in ({hits} samples of 5 ms):\n{stack}")


class LatenessProbe:
    """A 5 ms repeating QTimer; records how late each tick arrives."""

    def __init__(self, interval_ms: int = 5) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.interval = interval_ms / 1000
        self.samples: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self._last = 0.0
        self.peak_rss = 0.0
        self.late: list[tuple[float, float]] = []
        self.late_split: list[tuple[float, float, float]] = []  # late ticks: (cpu, run-queue, interval) ms
        self.heartbeat = None
        self.schedstat: str | None = None
        self._sched = (0, 0)

    def split_schedstat(self) -> None:
        """Record where the GUI thread's time went during each late tick (Linux schedstat)."""
        path = f"/proc/self/task/{threading.get_native_id()}/schedstat"
        if os.path.exists(path):
            self.schedstat = path
            with open(path) as f:
                self._sched = tuple(int(x) for x in f.read().split()[:2])

    def split_summary(self) -> str:
        if not self.late_split:
            return "no schedstat"
        cpu, wait, total = (sum(x[i] for x in self.late_split) for i in range(3))
        worst = max(self.late_split, key=lambda x: x[2])
        return (f"{len(self.late_split)} ticks later than 30 ms, {total:.0f} ms in all: GUI thread on a core "
                f"{cpu / total:.0%}, runnable but waiting for a core {wait / total:.0%}, asleep (GIL, locks) "
                f"{1 - (cpu + wait) / total:.0%}; the worst ({worst[2]:.0f} ms): on a core {worst[0]:.0f} ms, "
                f"waiting for a core {worst[1]:.0f} ms")

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.samples.append(max(0.0, now - self._last - self.interval) * 1000)
        self._last = now
        if self.heartbeat is not None:
            self.heartbeat[:8] = struct.pack("d", time.monotonic())
        if self.schedstat is not None:
            # where the GUI thread's time went since the last tick: on a core, waiting for one
            # (the OS), or neither (asleep: waiting for the GIL, a lock or the next event)
            with open(self.schedstat) as f:
                cpu_ns, wait_ns = (int(x) for x in f.read().split()[:2])
            last_cpu, last_wait = self._sched
            self._sched = (cpu_ns, wait_ns)
            if self.samples[-1] > 30:
                self.late_split.append(((cpu_ns - last_cpu) / 1e6, (wait_ns - last_wait) / 1e6,
                                        self.samples[-1] + self.interval * 1000))
        if self.samples[-1] > 30:
            self.late.append((time.monotonic(), self.samples[-1]))
        if len(self.samples) % 40 == 0:
            self.peak_rss = max(self.peak_rss, rss_mb())

    def summary(self) -> dict[str, float]:
        data = sorted(self.samples)
        if not data:
            return {"ticks": 0}
        pick = lambda q: data[min(len(data) - 1, int(q * len(data)))]  # noqa: E731
        return {
            "ticks": len(data),
            "p50_ms": pick(0.50),
            "p99_ms": pick(0.99),
            "max_ms": data[-1],
            "mean_ms": statistics.fmean(data),
        }


async def scenario(args, app) -> dict:
    from PySide6.QtCore import QSettings

    from studio.core.jobs import Job, JobState
    from studio.services.media import probe as services_probe
    from studio.core.project import Shot
    from studio.services import export as export_service
    from studio.services.context import build_services
    from studio.services.runner import Timing
    from studio.ui.main_window import MainWindow

    home = Path(tempfile.mkdtemp(prefix="studio-bench-"))
    cloud = not args.model.startswith("animatic:")
    # The offline renderer is polled fast so takes land quickly; a cloud model polls as the app does.
    timing = None if cloud else Timing(poll_first=0.05, poll_max=0.25)
    services = build_services(home, log_to_file=False, timing=timing, runner_thread=True)  # as studio.app does
    spec = services.catalog.get(args.model)
    if args.concurrency or cloud:
        services.settings.set(f"providers.{spec.provider}.concurrency", args.concurrency or args.jobs)
    await services.start()

    folder = home / "projects" / "Bench"
    project = services.projects.create_sample(folder)
    seconds = args.seconds if not cloud else (args.seconds if spec.durations.allows(args.seconds) else spec.default_duration)
    resolution = "480p" if not cloud else spec.default_resolution
    while len(project.shots) < max(args.shots, args.jobs + (4 if cloud else 0)):
        n = len(project.shots) + 1
        project.add_shot(Shot(title=f"Shot {n}", prompt=f"Shot {n}: a slow pan across a harbour at dusk, boats, gulls.",
                              model_id=args.model, duration=seconds, resolution=resolution,
                              continuity="independent"))
    for shot in project.shots:
        shot.model_id, shot.duration, shot.resolution, shot.continuity = args.model, seconds, resolution, "independent"
    if cloud:
        # Four takes to export while the cloud jobs poll (rendered now, before the measurement).
        from studio.services.media import render_animatic

        for index, shot in enumerate(project.shots[:4]):
            clip = home / f"ready-{index}.mp4"
            render_animatic(clip, width=854, height=480, fps=24, duration=2.0, prompt=shot.prompt)
            job = Job.new("animatic:kenburns", {"prompt": shot.prompt}, state=JobState.DONE, output_path=str(clip))
            project.add_take(shot.id, services.projects.take_for_job(folder, job, services_probe(clip)))
    services.projects.save(project, folder)

    if args.memory:
        tracemalloc.start()
    rss_before = rss_mb()
    window = MainWindow(services, qsettings=QSettings(str(home / "ui.ini"), QSettings.IniFormat))
    window.resize(1500, 950)
    window.show()
    from studio.ui.warmup import warm_up

    await warm_up()  # as studio.app does after the first paint
    assert window.controller.open(folder, guard=False)
    await asyncio.sleep(0.5)

    # The machine's own noise floor in the same run: the same probe, the window open and idle.
    idle = LatenessProbe(5)
    idle.start()
    await asyncio.sleep(args.idle_seconds)
    idle.stop()
    idle_summary = idle.summary()

    async def until(pred, timeout):
        end = time.perf_counter() + timeout
        while not pred() and time.perf_counter() < end:
            await asyncio.sleep(0.05)
        return pred()

    targets = window.project.shots[-args.jobs:] if cloud else window.project.shots[: args.jobs]
    quote = None
    if cloud:
        # The cloud jobs start as a person starts them: Generate missing opens the run's quote
        # (before the measurement), and pressing its Run (measured) sends every shot without a take.
        assert [s.id for s in window.project.shots_without_take()] == [s.id for s in targets]
        window.generate_missing()
        await until(lambda: window.quote_dialog is not None and window.quote_dialog.isVisible(), 60)
        quote = window.quote_dialog
        if quote.accept_unknown_box.isVisible():
            quote.accept_unknown_box.setChecked(True)
        await asyncio.sleep(0.5)

    probe = LatenessProbe(5)
    marks: list[tuple[float, str]] = []
    watcher = None
    if args.native_stalls:
        import mmap
        import subprocess

        beat_file = Path(args.native_stalls) / "heartbeat"
        beat_file.parent.mkdir(parents=True, exist_ok=True)
        beat_file.write_bytes(b"\0" * 8)
        beat_fd = open(beat_file, "r+b")
        probe.heartbeat = mmap.mmap(beat_fd.fileno(), 8)
        watcher = subprocess.Popen([sys.executable, str(Path(__file__).with_name("stall_watch.py")), str(os.getpid()),
                                    str(beat_file), str(args.native_stalls)])
    gc_pauses: list[tuple[float, float, int, str]] = []
    if args.native_stalls or args.stalls:
        import gc

        gc_start: dict[str, float] = {}

        def on_gc(phase, info):
            if phase == "start":
                gc_start["t"] = time.monotonic()
            elif "t" in gc_start:
                took = (time.monotonic() - gc_start.pop("t")) * 1000
                if took > 5:
                    gc_pauses.append((time.monotonic(), took, info["generation"], threading.current_thread().name))

        gc.callbacks.append(on_gc)
    if args.native_stalls or args.stalls:
        probe.split_schedstat()
    probe.start()
    sampler = StallSampler(probe) if args.stalls else None
    if sampler:
        sampler.start()
    t0 = time.perf_counter()

    if quote is not None:
        quote.run_button.click()  # Generate missing's Run: the shots are handed to the runner from here
    else:  # offline: the Generate button on each of the first --jobs shots
        for shot in targets:
            window.generate_shot(shot.id)

    # wait for a few takes, then export the cut of the shots that have one while the rest run
    if cloud:
        # Every job sent (or settled): from here on they poll while the export runs.
        await until(lambda: len(services.runner._jobs) >= args.jobs
                    and not any(j.state in (JobState.QUEUED, JobState.SUBMITTING) for j in services.runner.active()), 120)
    else:
        await until(lambda: sum(1 for s in targets if s.chosen_take) >= 4, 120)
    export_state = {"done": False, "seconds": None, "error": None}
    cancel = threading.Event()
    from studio.core.project import Project

    cut = Project.from_dict(window.project.to_dict())
    cut.shots = cut.shots[:4] if cloud else [s for s in cut.shots if s.chosen_take]
    out = home / "bench-export.mp4"

    async def run_export():
        start = time.perf_counter()
        try:
            await export_service.export_project(cut, folder, out, None, progress=lambda _f: None, cancel=cancel)
        except Exception as exc:  # report, do not hide
            export_state["error"] = f"{type(exc).__name__}: {exc}"
        export_state["seconds"] = time.perf_counter() - start
        marks.append((time.monotonic(), "export ends"))
        export_state["done"] = True

    marks.append((time.monotonic(), "export starts"))
    export_task = asyncio.ensure_future(run_export())
    jobs_started_export = sum(1 for j in services.runner.active())
    def attached_marks() -> bool:
        count = sum(1 for s in targets if s.chosen_take)
        if count and not any(w == "first take attached" for _, w in marks):
            marks.append((time.monotonic(), "first take attached"))
        if count == len(targets) and not any(w == "last take attached" for _, w in marks):
            marks.append((time.monotonic(), "last take attached"))
        return count == len(targets)

    all_done = await until(lambda: attached_marks() and export_state["done"], 900)
    await asyncio.sleep(1.0)  # filmstrips of the last takes decode
    elapsed = time.perf_counter() - t0
    probe.stop()
    if watcher is not None:
        watcher.terminate()
    if args.native_stalls or args.stalls:
        first = next((t for t, _ in marks), time.monotonic())
        events = sorted(marks + [(t, f"late {ms:.0f} ms") for t, ms in probe.late]
                        + [(t, f"gc gen {g} {ms:.0f} ms on {who}") for t, ms, g, who in gc_pauses])
        print(f"  late ticks: {probe.split_summary()}")
        print("  timeline (monotonic s):")
        for t, what in events:
            print(f"    {t:.3f} (+{t - first:6.2f}) {what}")
    if sampler:
        sampler.stop()
        sampler.report()
    await export_task
    _, py_peak = tracemalloc.get_traced_memory() if args.memory else (0, float("nan"))
    tracemalloc.stop()
    states = [services.jobstore.get(s.chosen_take.job_id).state for s in targets if s.chosen_take]
    result = {
        "shots_in_project": len(window.project.shots),
        "model": args.model,
        "jobs": len(targets),
        "provider_concurrency": services.settings.concurrency(spec.provider),
        "jobs_done": sum(1 for s in states if s is JobState.DONE),
        "jobs_in_flight_when_export_started": jobs_started_export,
        "export_clips": len(cut.shots),
        "export_seconds": export_state["seconds"],
        "export_error": export_state["error"],
        "all_finished": all_done,
        "wall_seconds": elapsed,
        "filmstrips_cached": len(window.storyboard.canvas.strips) if window.storyboard.canvas else 0,
        "tracemalloc_peak_mb": py_peak / 1e6,
        "rss_before_window_mb": rss_before,
        "rss_peak_mb": max(probe.peak_rss, rss_mb()),
        **probe.summary(),
        "idle_p99_ms": idle_summary.get("p99_ms", float("nan")),
        "idle_max_ms": idle_summary.get("max_ms", float("nan")),
        "load_average_1min": os.getloadavg()[0],
        "emulator_nice": args.emulator_nice if args.emulator else None,
    }
    window.controller.undo_stack.setClean()
    window.controller._external_dirty = False
    window.close()
    await services.aclose()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stalls", action="store_true", help="print where the GUI thread was when it was late")
    parser.add_argument("--native-stalls", metavar="DIR", help="dump native stacks of every thread (py-spy) into DIR while a tick is late")
    parser.add_argument("--model", default="animatic:kenburns", help="the catalog model every job uses")
    parser.add_argument("--jobs", type=int, default=20, help="jobs started at once")
    parser.add_argument(
        "--emulator", action="store_true",
        help="start the loopback Replicate emulator (30 s jobs) in its own process and point the run at it",
    )
    parser.add_argument(
        "--emulator-nice", type=int, default=10, metavar="N",
        help="run the emulator N nice levels down (a real provider runs on another machine; 0: same priority)",
    )
    parser.add_argument("--shots", type=int, default=50)
    parser.add_argument(
        "--memory", action="store_true",
        help="trace Python allocations (tracemalloc slows every allocation, so the lateness figures rise)",
    )
    parser.add_argument("--idle-seconds", type=float, default=5.0, help="the idle window's probe before the load (noise floor)")
    parser.add_argument("--seconds", type=float, default=2.0, help="length of each animatic clip")
    parser.add_argument(
        "--concurrency", type=int, default=0,
        help="animatic renders at once (default: the app's setting, 2; the rest wait queued, still in flight)",
    )
    args = parser.parse_args()
    emulator = start_emulator(args.emulator_nice) if args.emulator else None
    try:
        return run(args)
    finally:
        if emulator is not None:
            emulator.terminate()
            emulator.wait(10)


def start_emulator(nice: int = 0):
    """The Replicate emulator in its own process (the GUI process's GIL stays the app's).

    ``nice`` lowers its priority: a real provider answers from other machines, not from the
    two cores the window runs on.
    """
    from tests.emulators._process import start_module

    process, url = start_module("tests.emulators.replicate", "--port", "0", "--set", "latency=30")
    if nice:
        # Linux keeps a nice level per thread: lower each one there now (the server's
        # request threads are started later by its serving thread, and inherit it).
        for task in Path(f"/proc/{process.pid}/task").iterdir():
            os.setpriority(os.PRIO_PROCESS, int(task.name), nice)
    os.environ["STUDIO_REPLICATE_BASE_URL"] = url
    os.environ.setdefault("REPLICATE_API_TOKEN", "test-key-replicate")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return process


def run(args) -> int:
    import qasync
    from PySide6.QtWidgets import QApplication

    from studio.ui.style import apply_theme

    from studio.ui.interpreter import tune_switch_interval

    tune_switch_interval()  # as studio.app.main does
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    app.setQuitOnLastWindowClosed(False)  # the scenario closes the window before it returns
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        result = loop.run_until_complete(scenario(args, app))

    print("UI responsiveness (offscreen window, 5 ms probe timer)")
    for key, value in result.items():
        print(f"  {key:36s} {value:.2f}" if isinstance(value, float) else f"  {key:36s} {value}")
    ok = result.get("p99_ms", 1e9) < 16 and result.get("max_ms", 1e9) < 50
    print(f"  goal p99 < 16 ms and max < 50 ms: {'met' if ok else 'NOT met'}")
    print(f"p50 {result.get('p50_ms', float('nan')):.1f} ms, p99 {result.get('p99_ms', float('nan')):.1f} ms, "
          f"max {result.get('max_ms', float('nan')):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
