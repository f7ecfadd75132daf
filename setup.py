"""Build hook: compile the window's translations (.ts → .qm) whenever the package is built.

Everything else about the package is in pyproject.toml. ``pip install .`` and
``pip install -e .`` both run ``build_py``; it turns ``studio/resources/i18n/*.ts`` into
``.qm`` files with PySide6's ``lrelease`` (PySide6-Essentials is a build requirement for that
reason) and ships them as package data. The .qm files are build products and are not in git.
"""

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
import i18n_build


class BuildPyWithTranslations(build_py):
    def run(self):
        source = Path(__file__).resolve().parent / "studio" / "resources" / "i18n"
        # Into the source tree first: an editable install reads them from there, and the wheel's
        # package data (resources/**/*) picks them up from there.
        compiled = i18n_build.compile_all(source)
        super().run()
        if not getattr(self, "editable_mode", False):
            target = Path(self.build_lib) / "studio" / "resources" / "i18n"
            target.mkdir(parents=True, exist_ok=True)
            for qm in compiled:
                shutil.copy2(qm, target / qm.name)


setup(cmdclass={"build_py": BuildPyWithTranslations})
