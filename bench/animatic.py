"""Time the offline animatic: a title card (text drawn once) and a Ken Burns clip, 1280x720.

    python bench/animatic.py [repeats]

Prints the best CPU time (all threads of the process) of each over ``repeats`` runs
(default 3), and of drawing one title card alone. CPU time, not wall time, because the
machines these run on are shared and wall time there mostly measures the neighbours.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from studio.services.media import render_animatic, save_image, title_card

PROMPT = "Wide shot of a lighthouse at dusk, waves breaking on the rocks, gulls circling the lamp"


def best(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        still = save_image(np.random.default_rng(1).integers(0, 255, (1080, 1440, 3), dtype=np.uint8), folder / "s.png")
        card = best(lambda: title_card(1280, 720, PROMPT), repeats * 3)
        text = best(
            lambda: render_animatic(folder / "t.mp4", width=1280, height=720, fps=24, duration=4, prompt=PROMPT), repeats
        )
        burns = best(
            lambda: render_animatic(
                folder / "k.mp4", width=1280, height=720, fps=24, duration=4, prompt=PROMPT, image=still
            ),
            repeats,
        )
    print(f"title card drawn:            {card * 1000:7.1f} ms CPU")
    print(f"title-card clip, 4 s 720p:   {text:7.2f} s CPU")
    print(f"Ken Burns clip, 4 s 720p:    {burns:7.2f} s CPU")


if __name__ == "__main__":
    main()
