"""The transitions of a whole cut in one pass agree with each shot's own, limits included."""

from __future__ import annotations

from studio.core.project import MIN_TRANSITION, Project, Shot


def test_every_join_in_one_pass_matches_each_shots_own_transition():
    shots = [
        Shot(title="A", duration=4.0),
        Shot(title="B", duration=4.0, transition="crossfade", transition_duration=1.0),
        Shot(title="C", duration=0.5, transition="crossfade", transition_duration=2.0),  # limited by itself
        Shot(title="D", duration=6.0, transition="crossfade", transition_duration=3.0),  # limited by C
        Shot(title="E", duration=6.0, transition="cut", transition_duration=1.0),
        Shot(title="F", duration=6.0, transition="crossfade", transition_duration=0.0),  # raised to the minimum
    ]
    project = Project(shots=shots)
    assert project.transition_lengths() == [project.transition_seconds(s.id) for s in shots[1:]]
    assert project.transition_lengths() == [1.0, 0.5, 0.5, 0.0, MIN_TRANSITION]
    assert project.transition_seconds(shots[0].id) == 0.0  # the first shot fades from nothing
    assert project.duration == sum(s.cut_duration for s in shots) - sum(project.transition_lengths())
