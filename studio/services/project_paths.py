"""Every path read or written through a project stays inside its folder.

A project file may come from a shared folder; its paths are checked for shape when it is
parsed (:mod:`studio.core.project_fields`) and here, where the folder is known, for where
they really lead once symlinks are followed. A path that leaves the folder is refused with
one sentence naming the field; nothing outside is read, sent or written.
"""

from __future__ import annotations

from pathlib import Path

from studio.core.errors import ProjectError
from studio.core.project import Project
from studio.core.project_fields import check_id, check_project_path

ASSETS = "assets"


def project_root(folder: Path) -> Path:
    """The project folder with every symlink resolved (what containment is measured against)."""
    return Path(folder).resolve()


def inside_project(folder: Path, rel: str, field: str, where: str = "") -> Path:
    """The real absolute path of project-relative ``rel``, refused if it leads outside ``folder``.

    ``rel`` must be relative without ``..`` (its shape), and what it names, links followed,
    must lie inside the folder. Returns the resolved path, so the caller reads or writes the
    place that was checked. Raises ProjectError naming ``field``.
    """
    check_project_path(rel, field)
    root = project_root(folder)
    real = (root / rel).resolve()
    if not real.is_relative_to(root):
        subject = f"{where}{field}" if where else f"The {field}"
        raise ProjectError(
            f"{subject} ({rel}) leads outside the project folder through a link; "
            "copy the file into the project's assets instead.",
            field=field,
        )
    return real


def assets_dir(folder: Path) -> Path:
    """The project's ``assets`` folder (resolved); refused when it is a link to somewhere else."""
    try:
        return inside_project(folder, ASSETS, ASSETS)
    except ProjectError:
        raise ProjectError(
            "The project's assets folder is a link to a folder outside the project; "
            "replace the link with a real folder (copy its files in).",
            field=ASSETS,
        ) from None


def id_file(folder: Path, shot_id: str, suffix: str) -> Path:
    """``assets/continuity-<shot id><suffix>``: a file named after a shot, checked on both counts."""
    check_id(shot_id, "id")
    return inside_project(folder, f"{ASSETS}/continuity-{shot_id}{suffix}", "id")


def check_project_paths(project: Project, folder: Path) -> None:
    """Refuse a loaded project if any of its paths (or its assets folder) leads outside ``folder``."""
    if (Path(folder) / ASSETS).is_symlink() or (Path(folder) / ASSETS).exists():
        assets_dir(folder)
    for number, shot in enumerate(project.shots, 1):
        where = f"Shot {number}'s "
        for field in ("first_frame", "last_frame"):
            value = getattr(shot, field)
            if value:
                inside_project(folder, value, field, where)
        for value in shot.reference_images:
            inside_project(folder, value, "reference_images", where)
        for take_number, take in enumerate(shot.takes, 1):
            if take.path:
                inside_project(folder, take.path, "path", f"{where}take {take_number} ")
