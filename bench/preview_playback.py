"""The preview playing a cut: does it keep time, and does the event loop stay free?

Makes three 1280x720 H.264 + AAC clips (3 s each, distinct colours and tones), shows them in
the preview pane offscreen as a cut with two 0.5 s crossfades, plays it to the end, and
reports: the cut's length against the wall time it took, the longest time the position stood
still (a stall at a join would show here), and how late a 5 ms QTimer was served meanwhile
(goal: max < 50 ms). With a sound device the clock is the device, so its start-up latency
adds to the wall time.

    python bench/preview_playback.py [--seconds 3] [--size 1280x720] [--sound]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def make_clip(path: Path, seconds: float, colour: tuple[int, int, int], tone: float, size: tuple[int, int]) -> Path:
    import av
    import numpy as np

    width, height = size
    with av.open(str(path), "w") as container:
        video = container.add_stream("h264", rate=24)
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        sound = container.add_stream("aac", rate=48000)
        sound.layout = "stereo"
        frames = int(seconds * 24)
        for i in range(frames):
            img = np.zeros((height, width, 3), np.uint8)
            img[:] = colour
            img[: height // 8, : (i + 1) * width // frames] = 255
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, 24)
            container.mux(video.encode(frame))
        total, pts = int(seconds * 48000), 0
        while pts < total:
            n = min(1024, total - pts)
            wave = (0.1 * np.sin(2 * np.pi * tone * (np.arange(n) + pts) / 48000)).astype(np.float32)
            af = av.AudioFrame.from_ndarray(np.stack([wave, wave]), format="fltp", layout="stereo")
            af.sample_rate, af.pts = 48000, pts
            pts += n
            container.mux(sound.encode(af))
        container.mux(video.encode(None))
        container.mux(sound.encode(None))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--sound", action="store_true", help="play through the sound device, if there is one")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive for the run
    from studio.ui.preview import PreviewPane

    folder = Path(tempfile.mkdtemp(prefix="preview-bench-"))
    colours = [((200, 40, 40), 330.0), ((40, 200, 40), 440.0), ((40, 40, 200), 550.0)]
    clips = [make_clip(folder / f"c{i}.mp4", args.seconds, c, t, size) for i, (c, t) in enumerate(colours)]

    pane = PreviewPane(None, multimedia=args.sound)
    pane.resize(800, 500)
    pane.show()
    loop = QEventLoop()
    pane.loaded.connect(loop.quit)
    pane.show_cut([(str(c), 0.0, None) for c in clips], [0.5, 0.5], 24)
    loop.exec()

    lateness: list[float] = []
    last = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        lateness.append(max(0.0, now - last[0] - 0.005))
        last[0] = now

    samples: list[tuple[float, float]] = []
    pane.position_changed.connect(lambda s: samples.append((time.monotonic(), s)))
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    done = QEventLoop()
    watch = QTimer()
    watch.setInterval(20)
    watch.timeout.connect(lambda: None if pane.is_playing() else done.quit())
    started = time.monotonic()
    pane.play()
    timer.start()
    watch.start()
    done.exec()
    wall = time.monotonic() - started
    timer.stop()
    still = max((b[0] - a[0] for a, b in zip(samples, samples[1:]) if b[1] > a[1]), default=0.0)
    ms = sorted(x * 1000 for x in lateness)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"cut {pane.duration():.2f} s played in {wall:.2f} s; position never still for more than {still * 1000:.0f} ms")
    print(f"event loop lateness: p50 {statistics.median(ms):.1f} ms, p99 {p99:.1f} ms, max {ms[-1]:.1f} ms")
    pane.shutdown()


if __name__ == "__main__":
    main()
