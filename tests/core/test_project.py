"""Project → shots → takes: mutations for undo, events, durations, JSON and migration."""

from __future__ import annotations

import json

import pytest

from studio.core.errors import ProjectError
from studio.core.project import SCHEMA_VERSION, Project, ProjectSettings, Shot, Take, migrate


class Recorder:
    def __init__(self, project: Project):
        self.events: list[tuple] = []
        project.changed.connect(lambda *a: self.events.append(a))


@pytest.fixture
def project() -> Project:
    p = Project("Film")
    for name in ("A", "B", "C"):
        p.add_shot(Shot(id=name, title=name, prompt=f"prompt {name}"))
    return p


def ids(project: Project) -> list[str]:
    return [s.id for s in project.shots]


# -- list mutations ----------------------------------------------------------------------


def test_add_shot_appends_and_names_it(project):
    rec = Recorder(project)
    shot = project.add_shot()
    assert project.shots[-1] is shot
    assert shot.title == "Shot 4"
    assert rec.events == [("inserted", shot.id)]


def test_insert_clamps_index(project):
    rec = Recorder(project)
    first = project.insert_shot(-5, Shot(id="F"))
    last = project.insert_shot(99, Shot(id="L"))
    middle = project.insert_shot(2, Shot(id="M"))
    assert ids(project) == ["F", "A", "M", "B", "C", "L"]
    assert rec.events == [("inserted", "F"), ("inserted", "L"), ("inserted", "M")]
    assert first.id == "F" and last.id == "L" and middle.id == "M"


def test_remove_returns_index_and_shot_for_undo(project):
    rec = Recorder(project)
    b = project.shot("B")
    index, shot = project.remove_shot("B")
    assert (index, shot) == (1, b)
    assert ids(project) == ["A", "C"]
    assert rec.events == [("removed", "B")]
    project.insert_shot(index, shot)  # undo
    assert ids(project) == ["A", "B", "C"]


def test_remove_unknown_shot_raises_and_changes_nothing(project):
    rec = Recorder(project)
    with pytest.raises(KeyError):
        project.remove_shot("nope")
    assert ids(project) == ["A", "B", "C"]
    assert rec.events == []


def test_duplicate_is_a_deep_copy_after_the_original(project):
    project.add_take("A", Take(id="t1", path="a.mp4", duration=3.0))
    project.update_shot("A", reference_images=["r.png"], extra={"k": [1]})
    rec = Recorder(project)
    clone = project.duplicate_shot("A")
    assert ids(project)[:2] == ["A", clone.id]
    assert clone.id != "A"
    assert clone.title == "A (copy)"
    assert clone.prompt == "prompt A"
    assert clone.chosen_take is not None and clone.chosen_take.path == "a.mp4"
    assert rec.events == [("inserted", clone.id)]
    # deep: editing the clone leaves the original alone
    clone.reference_images.append("s.png")
    clone.extra["k"].append(2)
    clone.takes[0].path = "changed.mp4"
    original = project.shot("A")
    assert original.reference_images == ["r.png"]
    assert original.extra == {"k": [1]}
    assert original.takes[0].path == "a.mp4"


def test_duplicate_untitled_shot_stays_untitled():
    p = Project()
    p.add_shot(Shot(id="X", title=""))
    assert p.duplicate_shot("X").title == ""


@pytest.mark.parametrize(
    "shot_id, new_index, expected",
    [
        ("A", 2, ["B", "C", "A"]),
        ("C", 0, ["C", "A", "B"]),
        ("B", 99, ["A", "C", "B"]),
        ("B", -3, ["B", "A", "C"]),
        ("B", 1, ["A", "B", "C"]),
    ],
)
def test_move_returns_old_index_for_undo(project, shot_id, new_index, expected):
    rec = Recorder(project)
    old = project.move_shot(shot_id, new_index)
    assert ids(project) == expected
    assert old == ["A", "B", "C"].index(shot_id)
    assert rec.events == [("moved", shot_id)]
    project.move_shot(shot_id, old)  # undo
    assert ids(project) == ["A", "B", "C"]


# -- field updates -----------------------------------------------------------------------


def test_update_returns_previous_values(project):
    rec = Recorder(project)
    previous = project.update_shot("B", prompt="new", duration=6.0, continuity="chained")
    assert previous == {"prompt": "prompt B", "duration": 4.0, "continuity": "independent"}
    shot = project.shot("B")
    assert (shot.prompt, shot.duration, shot.continuity) == ("new", 6.0, "chained")
    assert rec.events == [("updated", "B")]
    project.update_shot("B", **previous)  # undo
    assert (shot.prompt, shot.duration, shot.continuity) == ("prompt B", 4.0, "independent")


def test_update_previous_values_are_copies(project):
    project.update_shot("A", reference_images=["a.png"])
    previous = project.update_shot("A", reference_images=["b.png"])
    project.shot("A").reference_images.append("c.png")
    assert previous == {"reference_images": ["a.png"]}


def test_update_with_nothing_emits_nothing(project):
    rec = Recorder(project)
    assert project.update_shot("A") == {}
    assert rec.events == []


@pytest.mark.parametrize(
    "changes",
    [
        {"no_such_field": 1},
        {"id": "Z"},
        {"takes": []},
        {"continuity": "sideways"},
        {"transition": "wipe"},
        {"prompt": "partial", "continuity": "sideways"},
        {"title": "partial", "nope": 1},
        {"prompt": "partial", "duration": float("nan")},
        {"first_frame": "../outside.png"},
        {"first_frame": "/etc/passwd"},
        {"reference_images": ["assets/a.png", "assets/../../b.png"]},
        {"seed": -1},
        {"duration": True},
        {"extra": {"steps": float("inf")}},
    ],
)
def test_update_refuses_bad_changes_without_applying_any(project, changes):
    rec = Recorder(project)
    before = project.shot("A").to_dict()
    with pytest.raises(ProjectError):
        project.update_shot("A", **changes)
    assert project.shot("A").to_dict() == before
    assert rec.events == []


def test_set_settings_returns_previous(project):
    rec = Recorder(project)
    previous = project.set_settings(width=1920, height=1080)
    assert previous == {"width": 1280, "height": 720}
    assert (project.settings.width, project.settings.height) == (1920, 1080)
    assert rec.events == [("settings", None)]


@pytest.mark.parametrize("changes", [{"width": -5}, {"width": 1e9}, {"height": "720"}, {"fps": float("inf")}])
def test_set_settings_refuses_out_of_range_values_naming_the_field(project, changes):
    with pytest.raises(ProjectError) as info:
        project.set_settings(**changes)
    assert info.value.field == next(iter(changes))
    assert info.value.field in info.value.user_message
    assert project.settings.width == 1280


def test_whole_floats_are_whole_numbers_and_ints_are_seconds():
    p = Project.from_dict({"schema_version": 2, "settings": {"width": 1920.0, "height": 1080}, "shots": [{"id": "a", "duration": 4}]})
    assert p.settings.width == 1920 and isinstance(p.settings.width, int)
    assert p.shots[0].duration == 4.0 and isinstance(p.shots[0].duration, float)


def test_a_choice_of_a_missing_take_chooses_nothing():
    p = Project.from_dict({"schema_version": 2, "shots": [{"id": "a", "chosen_take_id": "gone"}]})
    assert p.shots[0].chosen_take_id is None


def test_set_settings_refuses_unknown_field_without_applying_any(project):
    rec = Recorder(project)
    with pytest.raises(ProjectError):
        project.set_settings(width=640, bitrate=5)
    assert project.settings.width == 1280
    assert rec.events == []


# -- takes -------------------------------------------------------------------------------


def test_add_take_chooses_by_default(project):
    rec = Recorder(project)
    t1 = project.add_take("A", Take(id="t1"))
    assert project.shot("A").chosen_take is t1
    t2 = project.add_take("A", Take(id="t2"), choose=False)
    assert project.shot("A").chosen_take_id == "t1"
    assert [t.id for t in project.shot("A").takes] == ["t1", "t2"]
    assert t2.id == "t2"
    assert rec.events == [("take_added", "A"), ("take_added", "A")]


def test_add_take_without_choose_still_chooses_the_first(project):
    project.add_take("A", Take(id="t1"), choose=False)
    assert project.shot("A").chosen_take_id == "t1"


def test_choose_take_returns_previous(project):
    project.add_take("A", Take(id="t1"))
    project.add_take("A", Take(id="t2"))
    rec = Recorder(project)
    assert project.choose_take("A", "t1") == "t2"
    assert project.shot("A").chosen_take_id == "t1"
    assert project.choose_take("A", None) == "t1"
    assert project.shot("A").chosen_take is None
    assert rec.events == [("take_chosen", "A"), ("take_chosen", "A")]


def test_choose_foreign_take_is_refused(project):
    project.add_take("B", Take(id="tb"))
    rec = Recorder(project)
    with pytest.raises(ProjectError):
        project.choose_take("A", "tb")
    assert project.shot("A").chosen_take_id is None
    assert rec.events == []


def test_remove_chosen_take_falls_back_to_the_last(project):
    for t in ("t1", "t2", "t3"):
        project.add_take("A", Take(id=t))
    project.choose_take("A", "t2")
    rec = Recorder(project)
    removed = project.remove_take("A", "t2")
    assert removed.id == "t2"
    assert project.shot("A").chosen_take_id == "t3"
    assert rec.events == [("take_removed", "A")]
    project.remove_take("A", "t1")
    assert project.shot("A").chosen_take_id == "t3"
    project.remove_take("A", "t3")
    assert project.shot("A").chosen_take_id is None


def test_remove_unknown_take_raises_a_lookup_error(project):
    project.add_take("A", Take(id="t1"))
    rec = Recorder(project)
    with pytest.raises(LookupError):
        project.remove_take("A", "nope")
    assert [t.id for t in project.shot("A").takes] == ["t1"]
    assert rec.events == []


def test_shots_without_take_and_previous_shot(project):
    project.add_take("B", Take(id="t"))
    assert [s.id for s in project.shots_without_take()] == ["A", "C"]
    assert project.previous_shot("A") is None
    assert project.previous_shot("C").id == "B"
    assert project.index_of("C") == 2
    with pytest.raises(KeyError):
        project.shot("nope")


# -- durations ---------------------------------------------------------------------------


def test_cut_duration_planned_then_take():
    shot = Shot(duration=5.0)
    assert shot.cut_duration == 5.0
    shot.takes.append(Take(id="t", duration=8.0))
    assert shot.cut_duration == 5.0  # not chosen yet
    shot.chosen_take_id = "t"
    assert shot.cut_duration == 8.0
    shot.takes[0].duration = 0.0  # unknown length: fall back to the plan
    assert shot.cut_duration == 5.0


@pytest.mark.parametrize(
    "trim_in, trim_out, expected",
    [
        (0.0, None, 8.0),
        (1.5, None, 6.5),
        (0.0, 6.0, 6.0),
        (1.0, 6.0, 5.0),
        (2.0, 20.0, 6.0),  # trim_out past the end is clamped
        (7.0, 3.0, 0.0),  # never negative
    ],
)
def test_cut_duration_with_trims(trim_in, trim_out, expected):
    shot = Shot(takes=[Take(id="t", duration=8.0)], chosen_take_id="t", trim_in=trim_in, trim_out=trim_out)
    assert shot.cut_duration == pytest.approx(expected)


def test_project_duration_with_crossfades():
    p = Project()
    p.add_shot(Shot(id="a", duration=4.0))
    p.add_shot(Shot(id="b", duration=4.0, transition="crossfade", transition_duration=1.0))
    p.add_shot(Shot(id="c", duration=2.0, transition="cut"))
    assert p.duration == pytest.approx(9.0)
    p.update_shot("c", transition="crossfade", transition_duration=0.5)
    assert p.duration == pytest.approx(8.5)
    # a crossfade longer than a neighbour is limited by the shorter shot
    p.update_shot("c", transition_duration=10.0)
    assert p.duration == pytest.approx(7.0)


def test_crossfade_on_the_first_shot_has_no_effect():
    p = Project()
    p.add_shot(Shot(duration=3.0, transition="crossfade", transition_duration=1.0))
    assert p.duration == 3.0
    assert Project().duration == 0.0


# -- JSON --------------------------------------------------------------------------------


def full_project() -> Project:
    p = Project("Round trip", settings=ProjectSettings(width=1080, height=1920, fps=30.0, style="noir"))
    p.add_shot(
        Shot(
            id="s1",
            title="One",
            prompt="p1",
            negative_prompt="blur",
            model_id="replicate:acme/vid",
            duration=6.0,
            aspect_ratio="9:16",
            resolution="1080p",
            audio=False,
            seed=42,
            extra={"style": "film"},
            first_frame="assets/a.png",
            last_frame="assets/b.png",
            reference_images=["assets/c.png"],
            continuity="bridged",
            trim_in=0.5,
            trim_out=5.0,
            transition="crossfade",
            transition_duration=0.75,
        )
    )
    p.add_take("s1", Take(id="t1", path="assets/one.mp4", job_id="j1", model_id="m", duration=6.0, width=1080,
                          height=1920, has_audio=True, seed=42, cost=0.6, created_at=123.0))
    p.add_shot(Shot(id="s2"))
    return p


def test_to_dict_from_dict_round_trip():
    p = full_project()
    data = p.to_dict()
    assert data["schema_version"] == SCHEMA_VERSION
    again = Project.from_dict(json.loads(json.dumps(data)))
    assert again.to_dict() == data
    assert again.id == p.id
    assert again.created_at == p.created_at
    assert again.title == "Round trip"
    assert again.settings == p.settings
    assert again.shot("s1").chosen_take.path == "assets/one.mp4"
    assert isinstance(again.shot("s1").takes[0], Take)


def test_from_dict_ignores_unknown_fields():
    data = full_project().to_dict()
    data["shots"][0]["future"] = 1
    data["shots"][0]["takes"][0]["future"] = 2
    data["settings"]["future"] = 3
    again = Project.from_dict(data)
    assert again.shot("s1").prompt == "p1"


def test_from_dict_does_not_modify_its_input():
    data = migrate_fixture()
    snapshot = json.dumps(data, sort_keys=True)
    Project.from_dict(data)
    assert json.dumps(data, sort_keys=True) == snapshot


def migrate_fixture() -> dict:
    return {
        "schema_version": 1,
        "title": "Old",
        "size": "1920x1080",
        "shots": [
            {"id": "a", "prompt": "first", "clip": "assets/a.mp4"},
            {"id": "b", "prompt": "second"},
        ],
    }


def test_migrate_v1():
    p = Project.from_dict(migrate_fixture())
    assert (p.settings.width, p.settings.height) == (1920, 1080)
    a, b = p.shots
    assert len(a.takes) == 1
    assert a.takes[0].path == "assets/a.mp4"
    assert a.chosen_take_id == a.takes[0].id
    assert a.chosen_take.path == "assets/a.mp4"
    assert b.takes == [] and b.chosen_take_id is None
    assert p.to_dict()["schema_version"] == SCHEMA_VERSION
    assert "size" not in p.to_dict()


def test_migrate_function_bumps_version():
    data = migrate(migrate_fixture())
    assert data["schema_version"] == SCHEMA_VERSION
    assert "clip" not in data["shots"][0]
    assert data["settings"] == {"width": 1920, "height": 1080}


def test_newer_schema_is_refused_with_a_clear_sentence():
    data = full_project().to_dict()
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(ProjectError) as info:
        Project.from_dict(data)
    message = info.value.user_message
    assert "newer Studio" in message
    assert str(SCHEMA_VERSION + 1) in message
    assert "Update Studio" in message


@pytest.mark.parametrize(
    "data",
    [
        [],
        "project",
        None,
        {},
        {"schema_version": "2"},
        {"schema_version": 0},
        {"schema_version": -1},
        {"schema_version": 2, "shots": 5},
        {"schema_version": 2, "shots": ["not a shot"]},
        {"schema_version": 2, "shots": [{"takes": ["not a take"]}]},
        {"schema_version": 2, "shots": [{"no_such": 1, "takes": [{"bogus": 1}]}], "settings": "wide"},
        {"schema_version": 2, "settings": [1, 2]},
        {"schema_version": 1, "size": "huge"},
        {"schema_version": 1, "size": "1x2x3"},
        {"schema_version": 1, "shots": "abc"},
    ],
)
def test_malformed_documents_raise_project_error(data):
    with pytest.raises(ProjectError) as info:
        Project.from_dict(data)
    assert info.value.user_message


def test_a_bad_timestamp_does_not_refuse_the_project():
    p = Project.from_dict({"schema_version": 2, "title": "T", "created_at": "yesterday"})
    assert p.title == "T"
    assert isinstance(p.created_at, float)


def test_frame_crops_round_trip_and_malformed_ones_are_dropped():
    from studio.core.errors import ProjectError
    from studio.core.project import Project, Shot

    project = Project(shots=[Shot(id="s1", first_frame="assets/a.png", crops={"first_frame": [0, 120, 512, 288]})])
    again = Project.from_dict(project.to_dict())
    assert again.shots[0].crops == {"first_frame": [0, 120, 512, 288]}

    data = project.to_dict()
    data["shots"][0]["crops"] = {"first_frame": [0, -5, 512, 288], "last_frame": "x", 3: [1, 2, 3, 4], "ok": [1, 2, 3, 4]}
    assert Project.from_dict(data).shots[0].crops == {"ok": [1, 2, 3, 4]}
    data["shots"][0]["crops"] = "not a mapping"
    assert Project.from_dict(data).shots[0].crops == {}
    with pytest.raises(ProjectError, match="four whole numbers"):
        project.update_shot("s1", crops={"first_frame": [0, 0, 1.5, 2]})


def test_every_field_of_every_part_has_a_check():
    """A field without a check would be silently dropped when a project is read."""
    from dataclasses import fields as dataclass_fields

    from studio.core.project_fields import SETTINGS_FIELDS, SHOT_FIELDS, TAKE_FIELDS

    assert {f.name for f in dataclass_fields(Shot)} - {"takes"} == set(SHOT_FIELDS)
    assert {f.name for f in dataclass_fields(Take)} == set(TAKE_FIELDS)
    assert {f.name for f in dataclass_fields(ProjectSettings)} == set(SETTINGS_FIELDS)


def test_transition_length_is_clamped_between_a_tenth_and_the_shorter_neighbour():
    p = Project()
    p.add_shot(Shot(id="a", duration=6.0))
    p.add_shot(Shot(id="b", duration=3.0, transition="crossfade"))
    assert p.transition_limit("a") == 0.0
    assert p.transition_limit("b") == pytest.approx(3.0)
    p.update_shot("b", transition_duration=0.01)
    assert p.shot("b").transition_duration == pytest.approx(0.1)
    p.update_shot("b", transition_duration=5.0)
    assert p.shot("b").transition_duration == pytest.approx(3.0)
    p.update_shot("b", transition_duration=1.25)
    assert p.transition_lengths() == [pytest.approx(1.25)]
    # a trim of a neighbour afterwards shortens what is played, not what was asked for
    p.shot("a").takes.append(Take(id="t", duration=6.0))
    p.update_shot("a", chosen_take_id="t", trim_in=5.0)
    assert p.transition_limit("b") == pytest.approx(1.0)
    assert p.transition_lengths() == [pytest.approx(1.0)]
    assert p.duration == pytest.approx(1.0 + 3.0 - 1.0)
    p.update_shot("b", transition="cut")
    assert p.transition_lengths() == [0.0]
