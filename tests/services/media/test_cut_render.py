"""The cut renderer gives the same frames and sound from any start as from the beginning."""

from pathlib import Path

import numpy as np
import pytest

from studio.services.media import ClipIn, ExportSettings, plan_stitch
from studio.services.media.cut_render import cut_audio, cut_pictures
from studio.services.media.encode import SAMPLE_RATE

from media_testkit import make_clip


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cutrender")
    colours = [(200, 40, 40), (40, 200, 40), (40, 40, 200)]
    clips = [make_clip(folder / f"c{i}.mp4", 64, 36, fps=24, color=c, tone_hz=300 + 200 * i) for i, c in enumerate(colours)]
    return plan_stitch([ClipIn(Path(c), trim_in=0.25 if i == 1 else 0.0) for i, c in enumerate(clips)],
                       ExportSettings(fps=24, transitions=[0.25, 0.4]))


def test_pictures_from_any_start_match_the_full_render(plan):
    full = [(i, f.to_ndarray()) for i, f in cut_pictures(plan)]
    assert [i for i, _ in full] == list(range(plan.total_frames))
    for start in (5, 14, 17, 40, plan.total_frames - 1):  # in a clip, in a crossfade, at the last frame
        resumed = [(i, f.to_ndarray()) for i, f in cut_pictures(plan, start)]
        assert [i for i, _ in resumed] == list(range(start, plan.total_frames))
        for (_, a), (_, b) in zip(resumed[:8], full[start:start + 8]):
            assert np.abs(a.astype(int) - b.astype(int)).max() <= 2


def test_sound_from_any_start_matches_the_full_render(plan):
    full = np.concatenate(list(cut_audio(plan)), axis=1)
    assert full.shape[1] == plan.cut.sample_at(plan.total_frames, SAMPLE_RATE)
    for start in (5, 15, 40):
        at = plan.cut.sample_at(start, SAMPLE_RATE)
        resumed = np.concatenate(list(cut_audio(plan, start)), axis=1)
        assert resumed.shape[1] == full.shape[1] - at
        assert np.abs(resumed[:, 4800:9600] - full[:, at + 4800 : at + 9600]).max() < 0.02
