"""Project folders on disk: ``project.json`` (atomic writes, migrated on load) + ``assets/``."""

from __future__ import annotations

import json
import shutil
import time
import uuid
from pathlib import Path

from studio.core.errors import ProjectError
from studio.core.jobs import Job
from studio.core.project import Project, ProjectSettings, Shot, Take

from .atomic import atomic_write_json
from .project_paths import ASSETS, assets_dir, check_project_paths, inside_project, project_root

PROJECT_FILE = "project.json"
AUTOSAVE_FILE = ".autosave.json"


class ProjectStore:
    """Load, save and populate project folders."""

    def load(self, folder: Path) -> Project:
        """Read a project; a malformed or newer file raises ProjectError and is left untouched.

        The file is untrusted: every field is checked, and every path it names must stay
        inside ``folder`` (symlinks followed); the first that does not is named in the error.
        """
        path = Path(folder) / PROJECT_FILE
        if not path.exists():
            raise ProjectError(f"{Path(folder).name} is not a Studio project (it has no {PROJECT_FILE}).")
        try:
            data = json.loads(path.read_text("utf-8"))
        except UnicodeDecodeError:
            raise ProjectError(f"{PROJECT_FILE} in {Path(folder).name} is not text; it is damaged.") from None
        except ValueError as exc:
            raise ProjectError(
                f"{PROJECT_FILE} in {Path(folder).name} is damaged (not valid JSON); it was not changed.",
                detail=str(exc),
            ) from None
        project = Project.from_dict(data)
        check_project_paths(project, folder)
        return project

    def save(self, project: Project, folder: Path) -> Path:
        """Write ``project.json`` atomically; refuses to replace a file from a newer Studio."""
        return self.save_data(project.to_dict(), folder)

    def save_data(self, data: dict, folder: Path) -> Path:
        """Write already-serialised project data (see :meth:`save`).

        The data is checked as :meth:`load` would check it, so a project that saves also opens
        again (a shot built in code with, say, a 600-character title is named and refused).
        """
        folder = Path(folder)
        path = folder / PROJECT_FILE
        Project.from_dict(data)
        if path.exists():
            self._refuse_newer(path)
        assets_dir(folder).mkdir(parents=True, exist_ok=True)
        atomic_write_json(path, data)
        (folder / AUTOSAVE_FILE).unlink(missing_ok=True)
        return path

    def autosave(self, project: Project, folder: Path) -> Path:
        """Write a recovery copy beside ``project.json`` (removed by the next save)."""
        return self.autosave_data(project.to_dict(), folder)

    def autosave_data(self, data: dict, folder: Path) -> Path:
        """:meth:`autosave` from a snapshot taken on another thread (blocking: it fsyncs)."""
        path = Path(folder) / AUTOSAVE_FILE
        atomic_write_json(path, data)
        return path

    def recovery_available(self, folder: Path) -> bool:
        """True when an autosave newer than ``project.json`` exists (the last session crashed)."""
        auto = Path(folder) / AUTOSAVE_FILE
        main = Path(folder) / PROJECT_FILE
        return auto.exists() and (not main.exists() or auto.stat().st_mtime > main.stat().st_mtime)

    def load_autosave(self, folder: Path) -> Project:
        """The recovery copy, checked like :meth:`load` (a damaged one raises ProjectError)."""
        try:
            data = json.loads((Path(folder) / AUTOSAVE_FILE).read_text("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ProjectError("The recovery copy of this project is damaged.", detail=str(exc)) from None
        project = Project.from_dict(data)
        check_project_paths(project, folder)
        return project

    def discard_autosave(self, folder: Path) -> None:
        (Path(folder) / AUTOSAVE_FILE).unlink(missing_ok=True)

    def import_asset(self, folder: Path, source: Path) -> str:
        """Copy a file into ``assets/`` (kept unique) and return its project-relative path.

        This is how an image from anywhere becomes part of a project: the project only ever
        names files inside its own folder. Refused when ``assets`` links outside the folder.
        """
        source = Path(source)
        assets = assets_dir(folder)
        assets.mkdir(parents=True, exist_ok=True)
        if source.resolve().parent == assets:
            return f"{ASSETS}/{source.name}"
        target = assets / source.name
        counter = 1
        while target.exists():
            if target.stat().st_size == source.stat().st_size and target.read_bytes() == source.read_bytes():
                return f"{ASSETS}/{target.name}"
            target = assets / f"{source.stem}-{counter}{source.suffix}"
            counter += 1
        tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")  # two runs may attach one clip at once
        shutil.copyfile(source, tmp)
        tmp.replace(target)
        return f"{ASSETS}/{target.name}"

    def copy_assets(self, source: Path, target: Path) -> None:
        """Copy ``source``'s ``assets/`` into ``target`` (Save as), leaving out links that lead outside ``source``.

        Blocking I/O. A project's folder may hold links to files elsewhere that it never names;
        copying them would read outside the project, so they are not copied.
        """
        Path(target).mkdir(parents=True, exist_ok=True)
        if not (Path(source) / ASSETS).exists():
            return
        root = project_root(source)
        assets = assets_dir(source)

        def outside(folder: str, names: list[str]) -> list[str]:
            return [name for name in names if not (Path(folder) / name).resolve().is_relative_to(root)]

        shutil.copytree(assets, Path(target) / ASSETS, ignore=outside, dirs_exist_ok=True)

    @staticmethod
    def resolve(folder: Path, path: str | None, field: str = "path") -> Path | None:
        """The real absolute path of a project-relative path (None for none).

        Raises ProjectError naming ``field`` for an absolute path, ``..``, or a link that
        leads outside the project folder.
        """
        if not path:
            return None
        return inside_project(folder, path, field)

    def take_for_job(self, folder: Path, job: Job, info=None) -> Take:
        """Copy a finished job's clip into ``assets/`` and describe it as a Take (blocking I/O)."""
        if not job.output_path:
            raise ProjectError("This job has no clip to attach.")
        rel = self.import_asset(folder, Path(job.output_path))
        video = getattr(info, "video", None)
        return Take(
            path=rel,
            job_id=job.id,
            model_id=job.model_id,
            duration=float(getattr(info, "duration", None) or job.request.get("duration") or 0.0),
            width=int(getattr(video, "width", 0) or 0),
            height=int(getattr(video, "height", 0) or 0),
            has_audio=bool(getattr(info, "audio", None)),
            seed=job.request.get("seed"),
            cost=job.cost_quote,
            created_at=time.time(),
            derived_from=job.request.get("derived_from"),
        )

    def attach_take(self, project: Project, folder: Path, shot_id: str, job: Job, info=None) -> Take:
        """Copy a finished job's clip into the project and add it as the shot's chosen take."""
        return project.add_take(shot_id, self.take_for_job(folder, job, info))

    def create_sample(self, folder: Path) -> Project:
        """A three-shot storyboard that runs on the offline animatic provider."""
        project = Project(title="Sample: Lighthouse at dawn", settings=ProjectSettings(width=1280, height=720, fps=24))
        prompts = [
            ("Establishing", "Wide shot of a lighthouse on a rocky coast at dawn, mist over the water, slow push in."),
            ("Keeper", "Medium shot: the keeper climbs the spiral stairs with a lantern, warm light on stone walls."),
            ("Beam", "Close-up of the lamp igniting, the beam sweeping across the sea as the sun breaks through."),
        ]
        for index, (title, prompt) in enumerate(prompts):
            shot = Shot(
                title=title,
                prompt=prompt,
                model_id="animatic:kenburns",
                duration=3.0,
                continuity="independent",
                transition="cut" if index < 2 else "crossfade",
            )
            project.add_shot(shot)
        self.save(project, folder)
        return project

    @staticmethod
    def _refuse_newer(path: Path) -> None:
        from studio.core.project import SCHEMA_VERSION

        try:
            version = json.loads(path.read_text("utf-8")).get("schema_version")
        except (ValueError, AttributeError, UnicodeDecodeError):
            return  # a damaged file: the person chose to save over it
        if isinstance(version, int) and version > SCHEMA_VERSION:
            raise ProjectError(
                f"{PROJECT_FILE} was written by a newer Studio (schema {version}); it was not overwritten."
            )
