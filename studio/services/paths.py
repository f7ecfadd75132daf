"""Where Studio keeps its data: ``STUDIO_HOME`` or the platform's data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from studio.core.errors import StorageError


@dataclass(frozen=True)
class StudioPaths:
    """The data folder and what lives in it (``studio.db``, ``clips/``, ``logs/`` …)."""

    home: Path

    @property
    def db(self) -> Path:
        return self.home / "studio.db"

    @property
    def clips(self) -> Path:
        return self.home / "clips"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def projects(self) -> Path:
        return self.home / "projects"

    @property
    def user_models(self) -> Path:
        return self.home / "models"

    @property
    def settings_file(self) -> Path:
        return self.home / "settings.json"

    @property
    def lock_file(self) -> Path:
        return self.home / "runner.lock"

    def ensure(self) -> "StudioPaths":
        """Create the folders; a data folder that is a file, read-only or full raises StorageError."""
        try:
            # A new data folder is the owner's alone (it holds prompts, spend and clips).
            self.home.mkdir(mode=0o700, parents=True, exist_ok=True)
            for folder in (self.clips, self.logs, self.projects, self.user_models):
                folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise data_folder_error(exc, self.home) from None
        return self


def default_home() -> Path:
    """``STUDIO_HOME`` when set, else the platform's per-user data folder."""
    override = os.environ.get("STUDIO_HOME")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("Studio", appauthor=False))


def studio_paths(home: Path | str | None = None) -> StudioPaths:
    """The data folder (created if needed)."""
    return StudioPaths(Path(home).expanduser() if home else default_home()).ensure()


def data_folder_error(exc: BaseException, home: Path) -> StorageError:
    """One sentence for a failure to use the data folder ``home`` (re-raises what is not one)."""
    from .storage import storage_error  # here: the window reads its paths before it paints, sqlite3 after

    error = storage_error(exc, home, data_folder=True)
    if error is None:
        raise exc
    return error
