"""Smoke-test the frozen build in dist/studio/ and print its figures (docs/build.md).

    python freeze/smoke.py [--dist dist/studio] [--screenshot window.png]

Runs the frozen executables as a user would, from another folder and with a bare
environment (no venv, no PYTHONPATH, only PATH and HOME):

1. ``studio-cli demo -o demo.mp4``: timed; the output is decoded with PyAV (the build
   environment's, not the frozen one) and must hold H.264 video and AAC audio throughout.
2. ``studio`` offscreen: timed until the window is up and has opened its sample project,
   then SIGTERM must close it with exit status 0 and no traceback.
3. ``studio`` on an X server (Xvfb) when one can be started: timed until its window is mapped
   (what a person waits for), optionally screenshotted, then closed the same way.

Exits non-zero on the first failure. Needs PyAV in the Python that runs it; Xvfb,
xwininfo and ImageMagick's ``import`` are optional (step 3 is skipped without them).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

START_TIMEOUT = 120
EXIT_TIMEOUT = 60


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "STUDIO_HOME": str(home)}
    env.update(extra)
    return env


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def check_demo(dist: Path, work: Path) -> float:
    import av

    out = work / "demo.mp4"
    started = time.perf_counter()
    result = subprocess.run([str(dist / "studio-cli"), "--home", str(work / "cli-home"), "demo", "-o", str(out)],
                            cwd=work, env=bare_env(work / "cli-home"), capture_output=True, text=True,
                            timeout=600)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"studio-cli demo failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    with av.open(str(out)) as container:
        video = container.streams.video[0]
        audio = container.streams.audio[0]
        names = (video.codec_context.name, audio.codec_context.name)
        frames = sum(1 for _ in container.decode(video=0))
        container.seek(0)
        samples = sum(frame.samples for frame in container.decode(audio=0))
        seconds = float(container.duration / av.time_base)
    if names != ("h264", "aac") or frames < seconds * 20 or samples < seconds * audio.rate * 0.95:
        sys.exit(f"demo.mp4 is not a whole video with sound: {names}, {frames} frames, "
                 f"{samples} samples over {seconds:.2f} s")
    print(f"studio-cli demo: {elapsed:.1f} s; {out.name}: {seconds:.2f} s, {names[0]} {video.width}x{video.height} "
          f"{frames} frames, {names[1]} {audio.rate} Hz {samples} samples")
    return elapsed


def close_with_sigterm(proc: subprocess.Popen, what: str) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        output, _ = proc.communicate(timeout=EXIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        sys.exit(f"{what}: did not exit within {EXIT_TIMEOUT} s of SIGTERM")
    if proc.returncode != 0 or "Traceback" in output:
        sys.exit(f"{what}: exit status {proc.returncode} after SIGTERM:\n{output}")


def start_window(dist: Path, home: Path, work: Path, **env: str) -> tuple[subprocess.Popen, float]:
    started = time.perf_counter()
    proc = subprocess.Popen([str(dist / "studio"), "--home", str(home)], cwd=work,
                            env=bare_env(home, **env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    return proc, started


def wait(proc: subprocess.Popen, ready, what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not ready():
        if proc.poll() is not None:
            sys.exit(f"{what}: exited early ({proc.returncode}):\n{proc.stdout.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            sys.exit(f"{what}: not up within {START_TIMEOUT} s:\n{proc.communicate()[0]}")
        time.sleep(0.05)


def check_offscreen(dist: Path, work: Path) -> float:
    home = work / "offscreen-home"
    proc, started = start_window(dist, home, work, QT_QPA_PLATFORM="offscreen")
    # The sample project is written after the window is shown and the services have started.
    wait(proc, lambda: any((home / "projects").glob("*/project.json")), "studio (offscreen)")
    elapsed = time.perf_counter() - started
    time.sleep(3)  # let the first background reads finish, as a person would before quitting
    close_with_sigterm(proc, "studio (offscreen)")
    print(f"studio offscreen: window up with the sample project in {elapsed:.1f} s; SIGTERM closed it cleanly")
    return elapsed


def studio_window_mapped(display: str) -> bool:
    tree = subprocess.run(["xwininfo", "-root", "-tree", "-display", display], capture_output=True, text=True).stdout
    for line in tree.splitlines():
        if '"Studio' in line or 'Studio"' in line:
            window = line.split()[0]
            info = subprocess.run(["xwininfo", "-id", window, "-display", display], capture_output=True,
                                  text=True).stdout
            if "IsViewable" in info:
                return True
    return False


def check_x11(dist: Path, work: Path, screenshot: Path | None) -> float | None:
    if not (shutil.which("Xvfb") and shutil.which("xwininfo")):
        print("studio on X11: skipped (Xvfb or xwininfo not installed)")
        return None
    display = ":%d" % (90 + os.getpid() % 100)
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        home = work / "x11-home"
        proc, started = start_window(dist, home, work, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        wait(proc, lambda: studio_window_mapped(display), "studio (X11)")
        elapsed = time.perf_counter() - started
        wait(proc, lambda: any((home / "projects").glob("*/project.json")), "studio (X11)")
        time.sleep(3)
        if screenshot and shutil.which("import"):
            subprocess.run(["import", "-display", display, "-window", "root", str(screenshot)], check=True)
        close_with_sigterm(proc, "studio (X11)")
        print(f"studio on X11 (Xvfb): window mapped in {elapsed:.1f} s; SIGTERM closed it cleanly")
        return elapsed
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dist", default=str(Path(__file__).resolve().parents[1] / "dist" / "studio"))
    parser.add_argument("--screenshot", help="save the X11 window to this PNG")
    args = parser.parse_args()
    dist = Path(args.dist).resolve()
    for name in ("studio", "studio-cli"):
        if not (dist / name).is_file():
            sys.exit(f"{dist / name} is missing: build it with `python build_spec.py`")
    print(f"folder: {dist} {folder_size(dist) / 1e6:.0f} MB")
    with tempfile.TemporaryDirectory(prefix="studio-frozen-") as tmp:
        work = Path(tmp)
        check_demo(dist, work)
        check_offscreen(dist, work)
        check_x11(dist, work, Path(args.screenshot).resolve() if args.screenshot else None)


if __name__ == "__main__":
    main()
