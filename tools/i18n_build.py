"""Compile Studio's Qt translations: ``studio/resources/i18n/studio_<lang>.ts`` → ``.qm``.

Used by the build hook in setup.py (so every install ships the .qm files) and by
``python tools/i18n.py compile``. Needs PySide6's ``lrelease`` (in PySide6-Essentials).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def qt_tool(name: str) -> list[str]:
    """The command that runs PySide6's bundled Qt tool ``name`` (``lrelease``, ``lupdate``)."""
    try:
        import PySide6
    except ImportError as exc:
        raise SystemExit(f"PySide6 is needed to run {name} (pip install PySide6-Essentials)") from exc
    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.exists():
            return [str(candidate)]
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper:
        return [wrapper]
    return [sys.executable, "-c", f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.exit({name}())"]


def compile_all(folder: Path, out: Path | None = None) -> list[Path]:
    """Run lrelease on every ``*.ts`` in ``folder`` (into ``out``, default beside them);
    returns the ``.qm`` files written."""
    written = []
    for ts in sorted(folder.glob("*.ts")):
        qm = (out or folder) / ts.with_suffix(".qm").name
        subprocess.run([*qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.exists():
            raise RuntimeError(f"lrelease wrote no {qm.name}")
        written.append(qm)
    return written


if __name__ == "__main__":
    # python tools/i18n_build.py [OUT]: compile the repository's .ts files (into OUT)
    root = Path(__file__).resolve().parent.parent / "studio" / "resources" / "i18n"
    for path in compile_all(root, Path(sys.argv[1]) if len(sys.argv) > 1 else None):
        print("compiled", path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)
