"""Property: a mutated project.json either loads as a safe project or is refused in one sentence.

Hypothesis takes a valid project file and changes one field anywhere in it (top level,
settings, a shot, a take; a schema-1 file's ``size`` and ``clip``) to something hostile:
paths out of the folder (``..``, absolute, home, drive letters, links to files and folders
elsewhere), wrong types, huge numbers, NaN and infinity, unknown enum values, ids that are
paths, or arbitrary JSON. Then:

* loading either succeeds with a project whose every path resolves inside the folder, whose
  numbers are finite and in range, whose enums and ids are valid, and which saves and reloads
  to the same thing; or it raises one ProjectError sentence naming the mutated field;
* nothing outside the project folder is created or changed, through loading, saving, or
  building each shot's request and continuity file names.

The number of examples is bounded so the suite runs in seconds.
"""

from __future__ import annotations

import copy
import json
import math
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from studio.core.errors import ProjectError
from studio.core.project import CONTINUITY_MODES, TRANSITIONS, Project
from studio.core.project_fields import ID_PATTERN, SETTINGS_FIELDS, SHOT_FIELDS, TAKE_FIELDS
from studio.services.project_paths import check_project_paths, id_file, inside_project
from studio.services.projects import ProjectStore
from studio.services.storyboard import shot_request
from tests.project_kit import snapshot, write_png

# No example database: the run writes nothing into the checkout; a failure prints its seed.
EXAMPLES = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

PATH_FIELDS = ("first_frame", "last_frame")


def base_document() -> dict:
    take = {"id": "t1", "path": "assets/one.mp4", "job_id": "j1", "model_id": "animatic:kenburns", "duration": 3.0,
            "width": 256, "height": 144, "has_audio": True, "seed": 7, "cost": 0.0, "created_at": 100.0}
    first = {"id": "s1", "title": "One", "prompt": "a lighthouse", "negative_prompt": "", "model_id": "animatic:kenburns",
             "duration": 3.0, "aspect_ratio": "16:9", "resolution": "480p", "audio": None, "seed": 1, "extra": {},
             "first_frame": "assets/start.png", "last_frame": None, "reference_images": ["assets/ref.png"],
             "continuity": "independent", "takes": [take], "chosen_take_id": "t1", "trim_in": 0.0, "trim_out": None,
             "transition": "cut", "transition_duration": 0.5}
    second = {**copy.deepcopy(first), "id": "s2", "continuity": "chained", "first_frame": None, "takes": [],
              "chosen_take_id": None, "transition": "crossfade"}
    return {"schema_version": 2, "id": "p1", "title": "Fuzz", "created_at": 1.0,
            "settings": {"width": 1280, "height": 720, "fps": 24.0, "style": ""}, "shots": [first, second]}


def v1_document() -> dict:
    return {"schema_version": 1, "title": "Old", "size": "640x360",
            "shots": [{"id": "a", "prompt": "first", "clip": "assets/one.mp4"}, {"id": "b", "prompt": "second"}]}


# -- hostile values ------------------------------------------------------------------------

ESCAPING_PATHS = [
    "../outside.png", "../../elsewhere/secret.png", "assets/../../elsewhere/secret.png", "assets/../..",
    "/etc/passwd", "~/.ssh/id_rsa", "C:/Windows/win.ini", "C:\\Windows\\win.ini", "\\\\server\\share\\x.png",
    "assets/link-out.png", "linked-dir/secret.png", "assets/dangling.png", "assets/\x00.png", "", ".", "assets/",
    "assets//one.mp4", "./assets/one.mp4", "..", "a" * 2000,
]
SECRET_PLACEHOLDER = "<absolute secret>"

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=8,
)
hostile = st.one_of(
    st.sampled_from(ESCAPING_PATHS + [SECRET_PLACEHOLDER]),
    st.sampled_from([float("nan"), float("inf"), -float("inf"), 1e308, -1e308, 10**30, 2**64, -1, 0, 1e9, True, False,
                     None, "abc", ["x"], {"a": 1}, [], {}, "sideways", "wipe", "../../../elsewhere/evil", "a/b"]),
    json_values,
    st.lists(st.sampled_from(ESCAPING_PATHS + ["assets/ref.png"]), max_size=20),
)

shot_fields = st.sampled_from(sorted(set(SHOT_FIELDS) | {"takes"}))
take_fields = st.sampled_from(sorted(TAKE_FIELDS))
settings_fields = st.sampled_from(sorted(SETTINGS_FIELDS))
top_fields = st.sampled_from(["title", "id", "settings", "shots", "created_at"])


@st.composite
def mutations(draw) -> tuple[dict, str, object]:
    """``(document, field, value)``: a project file with ``field`` somewhere set to ``value``."""
    where = draw(st.sampled_from(["top", "settings", "shot", "take", "v1"]))
    value = draw(hostile)
    if where == "v1":
        doc = v1_document()
        field = draw(st.sampled_from(["size", "clip", "shots"]))
        if field == "clip":
            doc["shots"][0]["clip"] = value
        else:
            doc[field] = value
        return doc, field, value
    doc = base_document()
    if where == "top":
        field = draw(top_fields)
        doc[field] = value
    elif where == "settings":
        field = draw(settings_fields)
        doc["settings"][field] = value
    elif where == "shot":
        field = draw(shot_fields)
        doc["shots"][draw(st.integers(0, 1))][field] = value
    else:
        field = draw(take_fields)
        doc["shots"][0]["takes"][0][field] = value
    return doc, field, value


# -- the world each example runs in ----------------------------------------------------------


def make_world(root: Path) -> tuple[Path, Path]:
    project = root / "world" / "project"
    elsewhere = root / "world" / "elsewhere"
    write_png(elsewhere / "secret.png", (200, 0, 0))
    write_png(project / "assets" / "start.png")
    write_png(project / "assets" / "ref.png")
    (project / "assets" / "one.mp4").write_bytes(b"clip")
    (project / "assets" / "link-out.png").symlink_to(elsewhere / "secret.png")
    (project / "assets" / "dangling.png").symlink_to(elsewhere / "missing.png")
    (project / "linked-dir").symlink_to(elsewhere, target_is_directory=True)
    return project, elsewhere


def substitute(value, secret: Path):
    if value == SECRET_PLACEHOLDER:
        return str(secret)
    if isinstance(value, list):
        return [substitute(v, secret) for v in value]
    return value


def assert_safe(project: Project, folder: Path) -> None:
    """Every path inside the folder, every number finite and in range, every enum and id valid."""
    check_project_paths(project, folder)
    root = folder.resolve()
    for shot in project.shots:
        assert ID_PATTERN.fullmatch(shot.id)
        assert shot.continuity in CONTINUITY_MODES and shot.transition in TRANSITIONS
        for number in (shot.duration, shot.trim_in, shot.transition_duration):
            assert isinstance(number, float) and math.isfinite(number)
        assert shot.duration > 0
        for rel in [shot.first_frame, shot.last_frame, *shot.reference_images, *(t.path for t in shot.takes)]:
            if rel:
                assert not os.path.isabs(rel) and ".." not in rel.split("/")
                assert inside_project(folder, rel, "path").is_relative_to(root)
        for take in shot.takes:
            assert ID_PATTERN.fullmatch(take.id)
            assert math.isfinite(take.duration) and isinstance(take.width, int) and isinstance(take.height, int)
        assert id_file(folder, shot.id, "-first.png").is_relative_to(root)
    s = project.settings
    assert isinstance(s.width, int) and 16 <= s.width <= 8192 and isinstance(s.height, int) and 16 <= s.height <= 8192
    assert math.isfinite(s.fps) and 1 <= s.fps <= 240


# What a refusal may name besides the mutated field itself: what that field holds or becomes.
NAMED_INSTEAD = {
    "takes": {"takes", *TAKE_FIELDS},
    "settings": {"settings", *SETTINGS_FIELDS},
    "size": {"size", "settings", "width", "height"},  # a schema-1 size becomes width and height
    "clip": {"clip", "path"},  # a schema-1 clip becomes a take's path; its link is checked as that
    "id": {"id"},  # a shot id equal to another's is refused as a shared id
}


def assert_one_sentence(error: ProjectError, field: str) -> None:
    message = error.user_message
    assert "\n" not in message and message.endswith(".") and len(message) < 400, message
    if field != "shots":  # a whole new list of shots may fail on any field of any shot
        assert error.field in NAMED_INSTEAD.get(field, {field}), (error.field, field, message)
    assert error.field and error.field in message, message


@EXAMPLES
@given(mutations())
def test_a_mutated_project_file_loads_safely_or_is_refused_naming_the_field(mutation):
    doc, field, value = mutation
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder, elsewhere = make_world(root)
        secret = elsewhere / "secret.png"
        value = substitute(value, secret)
        doc = json.loads(json.dumps(doc).replace(json.dumps(SECRET_PLACEHOLDER), json.dumps(str(secret))))
        (folder / "project.json").write_text(json.dumps(doc, allow_nan=True), "utf-8")
        before = snapshot(root / "world", skip=(folder,))
        store = ProjectStore()
        try:
            project = store.load(folder)
        except ProjectError as error:
            event("refused")
            assert_one_sentence(error, field)
        else:
            event("loaded")
            assert_safe(project, folder)
            for shot in project.shots:
                shot_request(project, folder, shot)  # resolves every image the shot would send
            store.save(project, folder)
            assert store.load(folder).to_dict() == project.to_dict()
        assert snapshot(root / "world", skip=(folder,)) == before
        assert sorted(os.listdir(elsewhere)) == ["secret.png"]


@EXAMPLES
@given(st.sampled_from(ESCAPING_PATHS[:12] + [SECRET_PLACEHOLDER]), st.sampled_from(PATH_FIELDS + ("reference_images", "path")))
def test_every_escaping_path_in_every_path_field_is_refused(path, field):
    with tempfile.TemporaryDirectory() as tmp:
        folder, elsewhere = make_world(Path(tmp))
        doc = base_document()
        value = str(elsewhere / "secret.png") if path == SECRET_PLACEHOLDER else path
        if field == "path":
            doc["shots"][0]["takes"][0]["path"] = value
        elif field == "reference_images":
            doc["shots"][0]["reference_images"] = [value]
        else:
            doc["shots"][1][field] = value
        (folder / "project.json").write_text(json.dumps(doc), "utf-8")
        try:
            ProjectStore().load(folder)
        except ProjectError as error:
            assert error.field == field and field in error.user_message
        else:
            raise AssertionError(f"{field}={value!r} was accepted")
