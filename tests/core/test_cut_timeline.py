"""The cut's timeline: clip places, crossfade layers and length, shared by export and preview."""

from fractions import Fraction

import pytest

from studio.core.cut import crossfade_weight, plan_cut
from studio.core.errors import InvalidRequest


def test_crossfades_overlap_neighbours_and_shorten_the_cut():
    cut = plan_cut([1.0, 1.0, 1.0], Fraction(24), [0.25, 0.0])
    assert cut.frames == (24, 24, 24)
    assert cut.transitions == (6, 0)
    assert cut.starts == (0, 18, 42)
    assert cut.total_frames == 66
    assert cut.duration == pytest.approx(66 / 24)


def test_layers_blend_inside_a_crossfade_only():
    cut = plan_cut([1.0, 1.0], Fraction(24), [0.25])
    assert [(layer.clip, layer.frame, layer.weight) for layer in cut.layers(17)] == [(0, 17, 1.0)]
    inside = cut.layers(20)
    assert [(layer.clip, layer.frame) for layer in inside] == [(0, 20), (1, 2)]
    assert inside[1].weight == pytest.approx(crossfade_weight(2, 6))
    assert sum(layer.weight for layer in inside) == pytest.approx(1.0)
    assert cut.clip_at(19) == 0 and cut.clip_at(22) == 1
    assert cut.layers(24) == (cut.layers(24)[0],) and cut.layers(24)[0].clip == 1


def test_frame_at_and_samples_are_consistent():
    cut = plan_cut([0.5, 0.5], Fraction(30000, 1001), [0.0])
    assert cut.frame_at(0.0) == 0
    assert cut.frame_at(10.0) == cut.total_frames - 1
    assert cut.frame_at(cut.seconds_of(7)) == 7
    assert cut.sample_at(cut.total_frames, 48000) == round(cut.total_frames * 48000 * 1001 / 30000)


def test_a_crossfade_longer_than_its_neighbours_is_refused():
    with pytest.raises(InvalidRequest, match="join 1"):
        plan_cut([0.5, 1.0], Fraction(24), [0.5])
    with pytest.raises(InvalidRequest, match="one transition per join"):
        plan_cut([0.5, 1.0], Fraction(24), [])
