"""Project → shots → takes: the storyboard domain.

A project is a folder (``project.json`` + ``assets/``); this module holds the in-memory
model and its JSON form. Reading and writing the folder lives in
:mod:`studio.services.projects`. Every mutation goes through a method here, which emits
``changed`` so the window's models and the undo stack stay in step.
"""

from __future__ import annotations

import copy
import math
import time
import uuid
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from .errors import ProjectError
from .events import Signal
from .project_fields import (
    CONTINUITY_MODES,
    MAX_SHOTS,
    MAX_TAKES,
    SETTINGS_FIELDS,
    SHOT_FIELDS,
    TAKE_FIELDS,
    TRANSITIONS,
    check_fields,
    check_id,
    optional_path,
    text,
    valid_crops,
)

SCHEMA_VERSION = 2
#: The shortest crossfade: shorter than this reads as a glitch, not a transition.
MIN_TRANSITION = 0.1
# The window lists these; they live with the other field checks.
__all__ = ["CONTINUITY_MODES", "MIN_TRANSITION", "SCHEMA_VERSION", "TRANSITIONS", "Project", "ProjectSettings", "Shot", "Take", "migrate"]


def _new_id() -> str:
    return uuid.uuid4().hex[:10]


@dataclass
class Take:
    """One generated clip for a shot."""

    id: str = field(default_factory=_new_id)
    path: str = ""
    job_id: str | None = None
    model_id: str = ""
    duration: float = 0.0
    width: int = 0
    height: int = 0
    has_audio: bool = False
    seed: int | None = None
    cost: float | None = None
    created_at: float = field(default_factory=time.time)
    # A remix, edit or extension: {"op", "take_id", "job_id"} of the take it was made from.
    derived_from: dict[str, Any] | None = None


@dataclass
class Shot:
    """One shot of the storyboard: what to generate, its takes, and how it sits in the cut."""

    id: str = field(default_factory=_new_id)
    title: str = ""
    prompt: str = ""
    negative_prompt: str = ""
    model_id: str = "animatic:kenburns"
    duration: float = 4.0
    aspect_ratio: str | None = None
    resolution: str | None = None
    audio: bool | None = None
    seed: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    first_frame: str | None = None
    last_frame: str | None = None
    reference_images: list[str] = field(default_factory=list)
    # The part of each frame image that is sent when it is cropped to the model's shape, per
    # slot ("first_frame", "last_frame"): [x, y, width, height] in the upright source's pixels.
    # Chosen by face detection or dragged in the fit preview; kept so a regenerate (or a refit
    # after the fitted copy is lost) sends the same pixels.
    crops: dict[str, list[int]] = field(default_factory=dict)
    continuity: str = "independent"
    takes: list[Take] = field(default_factory=list)
    chosen_take_id: str | None = None
    # Jobs whose takes the person deleted: their clips stay in the history library, and they
    # are not attached again as "finished while the project was closed".
    removed_take_jobs: list[str] = field(default_factory=list)
    trim_in: float = 0.0
    trim_out: float | None = None
    transition: str = "cut"
    transition_duration: float = 0.5

    @property
    def chosen_take(self) -> Take | None:
        for take in self.takes:
            if take.id == self.chosen_take_id:
                return take
        return None

    @property
    def cut_duration(self) -> float:
        """How long the shot lasts in the cut (its chosen take, trimmed; else the planned duration)."""
        take = self.chosen_take
        length = take.duration if take and take.duration else self.duration
        end = min(self.trim_out, length) if self.trim_out is not None else length
        return max(0.0, end - self.trim_in)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "A shot's ") -> "Shot":
        """A shot from its JSON form; every field is checked (ProjectError names the first bad one)."""
        if not isinstance(data, dict):
            raise ProjectError(f"{where}entry in shots must be a JSON object.", field="shots")
        data = dict(data)
        data["crops"] = valid_crops(data.get("crops"))  # malformed crops are dropped, not refused
        raw_takes = data.pop("takes", [])
        if not isinstance(raw_takes, list) or len(raw_takes) > MAX_TAKES:
            raise ProjectError(f"{where}takes must be a list of at most {MAX_TAKES} takes.", field="takes")
        takes = []
        for number, raw in enumerate(raw_takes, 1):
            take_where = f"{where}take {number} "
            if not isinstance(raw, dict):
                raise ProjectError(f"{take_where}entry in takes must be a JSON object.", field="takes")
            takes.append(Take(**check_fields(TAKE_FIELDS, raw, take_where)))
        if len({t.id for t in takes}) != len(takes):
            raise ProjectError(f"{where}takes share an id; each take needs its own.", field="takes")
        shot = cls(**check_fields(SHOT_FIELDS, data, where))
        shot.takes = takes
        if shot.chosen_take_id is not None and all(t.id != shot.chosen_take_id for t in takes):
            shot.chosen_take_id = None  # a choice of a take that is not there chooses nothing
        return shot


def _transition_into(previous: Shot | None, shot: Shot) -> float:
    """The crossfade into ``shot`` after ``previous`` in seconds, within its limit (0 for a cut)."""
    if previous is None or shot.transition != "crossfade":
        return 0.0
    limit = round(min(previous.cut_duration, shot.cut_duration), 3)  # as transition_limit
    if limit <= 0:
        return 0.0
    return min(max(shot.transition_duration, MIN_TRANSITION), limit)


@dataclass
class ProjectSettings:
    """Output settings of the finished video."""

    width: int = 1280
    height: int = 720
    fps: float = 24.0
    style: str = ""
    # The most this project may spend in total (jobs in flight counted at their quote); None: no limit.
    budget: float | None = None


class Project:
    """The storyboard: ordered shots plus output settings. Emits ``changed(kind, shot_id)``."""

    def __init__(self, title: str = "Untitled", settings: ProjectSettings | None = None, shots: list[Shot] | None = None):
        self.id = _new_id()
        self.title = title
        self.settings = settings or ProjectSettings()
        self.shots: list[Shot] = list(shots or [])
        self.created_at = time.time()
        self.changed = Signal()

    # -- queries ---------------------------------------------------------------------

    def shot(self, shot_id: str) -> Shot:
        for shot in self.shots:
            if shot.id == shot_id:
                return shot
        raise KeyError(shot_id)

    def index_of(self, shot_id: str) -> int:
        for i, shot in enumerate(self.shots):
            if shot.id == shot_id:
                return i
        raise KeyError(shot_id)

    def previous_shot(self, shot_id: str) -> Shot | None:
        index = self.index_of(shot_id)
        return self.shots[index - 1] if index > 0 else None

    def shots_without_take(self) -> list[Shot]:
        return [s for s in self.shots if s.chosen_take is None]

    def transition_limit(self, shot_id: str) -> float:
        """The longest crossfade into this shot: the shorter of it and the shot before (both as trimmed).

        0 for the first shot, which has nothing to fade from.
        """
        index = self.index_of(shot_id)
        if index == 0:
            return 0.0
        return round(min(self.shots[index - 1].cut_duration, self.shots[index].cut_duration), 3)

    def transition_seconds(self, shot_id: str) -> float:
        """How long the transition into this shot lasts in the cut (0 for a cut).

        The stored length is kept within ``[MIN_TRANSITION, transition_limit]`` here as well as
        when it is set, because a trim or a new take can shorten a neighbour afterwards.
        """
        index = self.index_of(shot_id)
        return _transition_into(self.shots[index - 1] if index > 0 else None, self.shots[index])

    def transition_lengths(self) -> list[float]:
        """The transition at each join, in seconds (0 = a cut): what the export and the preview play.

        One pass over the shots: the window's summary asks for it (through :attr:`duration`) on
        every take that lands."""
        return [_transition_into(previous, shot) for previous, shot in zip(self.shots, self.shots[1:])]

    @property
    def duration(self) -> float:
        total = sum(s.cut_duration for s in self.shots) - sum(self.transition_lengths())
        return max(0.0, total)

    # -- mutations (each emits changed) ----------------------------------------------

    def insert_shot(self, index: int, shot: Shot) -> Shot:
        index = max(0, min(index, len(self.shots)))
        self.shots.insert(index, shot)
        self.changed.emit("inserted", shot.id)
        return shot

    def add_shot(self, shot: Shot | None = None) -> Shot:
        return self.insert_shot(len(self.shots), shot or Shot(title=f"Shot {len(self.shots) + 1}"))

    def remove_shot(self, shot_id: str) -> tuple[int, Shot]:
        index = self.index_of(shot_id)
        shot = self.shots.pop(index)
        self.changed.emit("removed", shot_id)
        return index, shot

    def duplicate_shot(self, shot_id: str) -> Shot:
        original = self.shot(shot_id)
        clone = Shot.from_dict(copy.deepcopy(original.to_dict()))
        clone.id = _new_id()
        clone.title = f"{original.title} (copy)" if original.title else ""
        return self.insert_shot(self.index_of(shot_id) + 1, clone)

    def move_shot(self, shot_id: str, new_index: int) -> int:
        """Move a shot; returns its old index (for undo)."""
        old_index = self.index_of(shot_id)
        shot = self.shots.pop(old_index)
        new_index = max(0, min(new_index, len(self.shots)))
        self.shots.insert(new_index, shot)
        self.changed.emit("moved", shot_id)
        return old_index

    def update_shot(self, shot_id: str, **changes: Any) -> dict[str, Any]:
        """Set fields of a shot; returns their previous values (for undo)."""
        shot = self.shot(shot_id)
        names = {f.name for f in fields(Shot)} - {"id", "takes", "removed_take_jobs"}
        for name in changes:  # check every change before applying any
            if name not in names:
                raise ProjectError(f"A shot has no field {name!r}.", field=name)
        changes = check_fields(SHOT_FIELDS, changes, "A shot's ")
        if "transition_duration" in changes:  # 0.1 s up to the shorter neighbour
            changes["transition_duration"] = self._clamped_transition(shot_id, changes["transition_duration"])
        previous: dict[str, Any] = {}
        for name, value in changes.items():
            previous[name] = copy.deepcopy(getattr(shot, name))
            setattr(shot, name, value)
        if previous:
            self.changed.emit("updated", shot_id)
        return previous

    def _clamped_transition(self, shot_id: str, seconds: float) -> float:
        """``seconds`` kept within ``[MIN_TRANSITION, transition_limit]`` (as is, into the first shot)."""
        limit = self.transition_limit(shot_id)
        if limit <= 0:
            return seconds  # nothing to fade from: kept for when the shot moves, never played
        return round(min(max(seconds, MIN_TRANSITION), max(limit, MIN_TRANSITION)), 3)

    def add_take(self, shot_id: str, take: Take, *, choose: bool = True) -> Take:
        shot = self.shot(shot_id)
        shot.takes.append(take)
        if take.job_id in shot.removed_take_jobs:  # a deleted take brought back (undo)
            shot.removed_take_jobs.remove(take.job_id)
        if choose or shot.chosen_take_id is None:
            shot.chosen_take_id = take.id
        self.changed.emit("take_added", shot_id)
        return take

    def remove_take(self, shot_id: str, take_id: str) -> Take:
        shot = self.shot(shot_id)
        take = next((t for t in shot.takes if t.id == take_id), None)
        if take is None:
            raise KeyError(take_id)
        shot.takes.remove(take)
        if take.job_id and take.job_id not in shot.removed_take_jobs:
            shot.removed_take_jobs.append(take.job_id)
        if shot.chosen_take_id == take_id:
            shot.chosen_take_id = shot.takes[-1].id if shot.takes else None
        self.changed.emit("take_removed", shot_id)
        return take

    def choose_take(self, shot_id: str, take_id: str | None) -> str | None:
        shot = self.shot(shot_id)
        if take_id is not None and all(t.id != take_id for t in shot.takes):
            raise ProjectError("That take does not belong to this shot.")
        previous = shot.chosen_take_id
        shot.chosen_take_id = take_id
        self.changed.emit("take_chosen", shot_id)
        return previous

    def set_settings(self, **changes: Any) -> dict[str, Any]:
        for key in changes:
            if key not in SETTINGS_FIELDS:
                raise ProjectError(f"Project settings have no field {key!r}.", field=key)
        changes = check_fields(SETTINGS_FIELDS, changes, "The project's ")
        previous = {k: getattr(self.settings, k) for k in changes}
        for key, value in changes.items():
            setattr(self.settings, key, value)
        self.changed.emit("settings", None)
        return previous

    # -- JSON ------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "title": self.title,
            "created_at": self.created_at,
            "settings": asdict(self.settings),
            "shots": [s.to_dict() for s in self.shots],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Project":
        """Build a project from ``project.json`` data, migrating older schemas.

        Raises ProjectError for a newer schema or a malformed document.
        """
        if not isinstance(data, dict):
            raise ProjectError("project.json does not hold a project (expected a JSON object).")
        version = data.get("schema_version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ProjectError("project.json has no schema_version; it is not a Studio project.")
        if version > SCHEMA_VERSION:
            raise ProjectError(
                f"This project was saved by a newer Studio (schema {version}; this one reads up to "
                f"{SCHEMA_VERSION}). Update Studio to open it."
            )
        data = migrate(copy.deepcopy(data))
        title = data.get("title", "Untitled")
        settings = data.get("settings") or {}
        shots = data.get("shots", [])
        if not isinstance(settings, dict):
            raise ProjectError("The project's settings must be a JSON object.", field="settings")
        if not isinstance(shots, list) or len(shots) > MAX_SHOTS:
            raise ProjectError(f"The project's shots must be a list of at most {MAX_SHOTS} shots.", field="shots")
        project = cls(
            title=check_fields({"title": text(500)}, {"title": title}, "The project's ")["title"],
            settings=ProjectSettings(**check_fields(SETTINGS_FIELDS, settings, "The project's ")),
            shots=[Shot.from_dict(s, f"Shot {n}'s ") for n, s in enumerate(shots, 1)],
        )
        if len({s.id for s in project.shots}) != len(project.shots):
            raise ProjectError("Two shots share an id; each shot needs its own.", field="id")
        if data.get("id") is not None:
            project.id = check_id(data["id"], "id")
        created = data.get("created_at")
        if isinstance(created, (int, float)) and not isinstance(created, bool) and math.isfinite(created):
            project.created_at = float(created)  # a bad timestamp is not worth refusing the project for
        return project


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring ``project.json`` data up to :data:`SCHEMA_VERSION`, one version at a time."""
    version = data["schema_version"]
    if version < 1:
        raise ProjectError(f"Schema version {version} is not one Studio ever wrote.")
    if version == 1:
        # v1 kept one clip per shot ("clip") and a global "size" string "WxH".
        shots = data.get("shots", [])
        if not isinstance(shots, list):
            raise ProjectError("The project's shots must be a list.", field="shots")
        for number, shot in enumerate(shots, 1):
            if not isinstance(shot, dict):
                raise ProjectError(f"Shot {number}'s entry in shots must be a JSON object.", field="shots")
            clip = shot.pop("clip", None)
            if clip is not None:
                clip = check_fields({"clip": optional_path}, {"clip": clip}, f"Shot {number}'s ")["clip"]
            if clip:
                take = {"id": _new_id(), "path": clip}
                shot["takes"] = [take]
                shot["chosen_take_id"] = take["id"]
        size = data.pop("size", None)
        if size:
            try:
                width, height = (int(x) for x in str(size).lower().split("x"))
            except ValueError:
                shown = str(size)[:40]
                raise ProjectError(f"The project's size must be WxH like 1280x720 (it is {shown!r}).", field="size") from None
            settings = data.setdefault("settings", {})
            if not isinstance(settings, dict):
                raise ProjectError("The project's settings must be a JSON object.", field="settings")
            settings.update(width=width, height=height)
        version = 2
    data["schema_version"] = version
    return data

