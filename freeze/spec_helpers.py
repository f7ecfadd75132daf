"""Helpers for build_spec.py: launchers, entry-point plugins, Qt pruning and licence texts.

Kept out of the spec so each piece has a name; nothing here is imported by the app.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path, PurePosixPath

# Entry-point groups whose plugins must be found in the frozen app as they are installed.
PLUGIN_GROUPS: dict[str, dict] = {
    "keyring.backends": {},
    # An OTIO adapter's manifest names its module by file path, so it must exist on disk.
    "opentimelineio.plugins": {"source_on_disk": True},
}

# Qt plugins that would pull in libraries the app never uses. Platforms kept: xcb (X11),
# wayland and offscreen on Linux, the native one elsewhere; image formats kept: the raster ones
# (jpeg, gif, webp, tiff, ico ...). Names are matched as Linux, Windows and macOS spell them.
_PLUGIN = r"(lib)?{}\.(so|dll|dylib)$"
UNUSED_QT_PLUGINS = re.compile(
    r"PySide6/(Qt/)?plugins/("
    + "platforms/" + _PLUGIN.format(r"q(eglfs|linuxfb|minimal|minimalegl|vkkhrdisplay|vnc)")
    + "|imageformats/" + _PLUGIN.format(r"q(pdf|svg)")
    + "|iconengines/" + _PLUGIN.format(r"qsvgicon")
    + r"|egldeviceintegrations/.*"
    + r"|generic/.*"  # evdev and TUIO input, for eglfs and linuxfb only
    + "|platforminputcontexts/" + _PLUGIN.format(r"qtvirtualkeyboardplugin")  # QtQuick and QML
    + "|platformthemes/" + _PLUGIN.format(r"qgtk3")  # links the build machine's GTK stack
    + "|multimedia/" + _PLUGIN.format(r"gstreamermediaplugin")  # FFmpeg is the media backend
    + r")"
)
# Qt libraries that only the plugins above need; the build stops if a kept binary links one.
# (QtQuick and QML stay: Qt's FFmpeg media plugin links them; QtSvg stays for Wayland's
# Adwaita window decorations.)
UNUSED_QT_LIBRARIES = re.compile(
    r"(^|/)(lib)?Qt6?(Pdf|EglFSDeviceIntegration|EglFsKmsSupport|EglFsKmsGbmSupport|VncSupport"
    r"|VirtualKeyboard|VirtualKeyboardQml|VirtualKeyboardSettings)(\.so|\.dll|\.framework/|$)"
)

LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
# Wheels that ship no licence text of their own, and the texts their licences name.
LICENCE_TEXTS_BY_DISTRIBUTION = {
    # Qt's own FFmpeg, used by its media plugin, is LGPL-2.1-or-later.
    "pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt", "LGPL-2.1.txt"),
    "pyside6-addons": ("LGPL-3.0.txt", "GPL-3.0.txt", "LGPL-2.1.txt"),
    "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    # PyAV's FFmpeg reports LGPL-3.0-or-later; its wheel also carries x264 and x265 (GPL-2.0+).
    "av": ("LGPL-3.0.txt", "GPL-3.0.txt", "GPL-2.0.txt"),
}


def write_launcher(workdir: Path, module: str, function: str) -> Path:
    """A two-line script that runs ``module:function`` (PyInstaller freezes scripts, not entry points).

    Named after the module rather than ``studio.py`` so the script never shadows the package.
    """
    folder = Path(workdir) / "launchers"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"launch_{module.replace('.', '_')}.py"
    path.write_text(f"import sys\n\nfrom {module} import {function}\n\nsys.exit({function}())\n", "utf-8")
    return path


def plugin_packages(groups) -> list[tuple[str, str, str]]:
    """(group, importable module, distribution name) for every installed entry point in ``groups``."""
    found = []
    for group in groups:
        for entry in metadata.entry_points(group=group):
            module = entry.value.split(":")[0].strip()
            dist = entry.dist.name if entry.dist is not None else module.split(".")[0]
            found.append((group, module, dist))
    return found


def _unused(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    return bool(UNUSED_QT_PLUGINS.search(dest) or UNUSED_QT_LIBRARIES.search(dest))


def without_unused_qt(binaries, datas) -> tuple[list, list]:
    """``binaries`` and ``datas`` (which hold the symlinks) less the Qt plugins and libraries
    the app does not need; stops the build if a kept Qt binary links a removed library."""
    from PyInstaller.depend.bindepend import get_imports

    removed = {PurePosixPath(dest.replace("\\", "/")).name for dest, *_ in binaries if _unused(dest)}
    kept = [entry for entry in binaries if not _unused(entry[0])]
    for dest, source, *_ in kept:
        if "Qt" not in dest or not Path(source).is_file():
            continue
        needed = {PurePosixPath(str(name).replace("\\", "/")).name for name, _ in get_imports(source)}
        if needed & removed:
            raise SystemExit(f"build_spec: {dest} needs {sorted(needed & removed)}; keep them in spec_helpers.py")
    return kept, [entry for entry in datas if not _unused(entry[0])]


def is_package(module: str) -> bool:
    """Whether ``module`` is a package (has submodules and maybe data files) or a plain module."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return False
    return bool(spec and spec.submodule_search_locations)


def _top_level_names(analysis) -> set[str]:
    names = {name.split(".")[0] for name, *_ in analysis.pure}
    for dest, *_ in list(analysis.binaries) + list(analysis.datas):
        first = PurePosixPath(dest.replace("\\", "/")).parts[0]
        names.add(first.split(".")[0])
    return names


def bundled_distributions(analysis) -> list[metadata.Distribution]:
    """The installed distributions whose top-level packages the build collected."""
    by_top = metadata.packages_distributions()
    names = set()
    for top in _top_level_names(analysis):
        names.update(by_top.get(top, ()))
    dists = {}
    for name in names:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        dists[_canonical(dist.metadata["Name"])] = dist
    return [dists[key] for key in sorted(dists)]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip().splitlines()
    if text and len(text[0]) < 80:
        return text[0]
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or "see the files in this folder"


def _licence_files(dist: metadata.Distribution) -> list[tuple[Path, str]]:
    """(source file, name inside licenses/<dist>/) for each licence text the wheel ships."""
    found = []
    for file in dist.files or ():
        if file.suffix in (".py", ".pyc") or not LICENCE_FILE.search(file.name):
            continue
        source = Path(dist.locate_file(file))
        if source.is_file():
            found.append((source, file.name))
    return found


def _ffmpeg_lines() -> list[str]:
    try:
        import av
    except ImportError:
        return []
    try:
        from av._core import library_meta as meta
    except ImportError:
        meta = getattr(av, "library_meta", {})
    util = meta.get("libavutil", {})
    return [
        f"FFmpeg {av.ffmpeg_version_info} in PyAV {av.__version__}: {util.get('license', 'licence not reported')}; "
        "the wheel also carries libx264 and libx265 (GPL-2.0-or-later).",
    ]


def licence_datas(analysis, root: Path, workdir: Path) -> list[tuple[str, str, str]]:
    """Licence texts for everything bundled, as COLLECT data entries under ``licenses/``.

    Writes ``licenses/THIRD-PARTY.txt`` (every bundled distribution, version and licence) into
    the build's work folder, copies each wheel's own licence files, adds the full GNU texts for
    the wheels that ship none (Qt, FFmpeg), and any font licences under studio/resources/fonts.
    """
    texts = Path(root) / "freeze" / "licenses"
    entries: list[tuple[str, str, str]] = []
    lines = [
        "Studio is distributed with the following open-source components.",
        "Qt's libraries (PySide6) are separate shared libraries in this folder, so they can be",
        "replaced with a compatible build, as the LGPL-3.0 allows.",
        "",
    ]
    needed_texts: set[str] = set()
    for dist in bundled_distributions(analysis):
        name, version = dist.metadata["Name"], dist.version
        if _canonical(name) == "studio":
            continue
        lines.append(f"{name} {version}: {_licence_of(dist)}")
        for source, file_name in _licence_files(dist):
            entries.append((f"licenses/{_canonical(name)}/{file_name}", str(source), "DATA"))
        needed_texts.update(LICENCE_TEXTS_BY_DISTRIBUTION.get(_canonical(name), ()))
    lines += ["", *_ffmpeg_lines()]
    lines += ["Qt's multimedia plugin uses Qt's own FFmpeg build (LGPL-2.1-or-later, see LGPL-2.1.txt).",
              "OpenCV's FFmpeg notice is in licenses/opencv-python-headless/LICENSE-3RD-PARTY.txt.", ""]
    for text in sorted(needed_texts):
        entries.append((f"licenses/{text}", str(texts / text), "DATA"))
    fonts = Path(root) / "studio" / "resources" / "fonts"
    if fonts.is_dir():
        for source in sorted(fonts.rglob("*")):
            if source.is_file() and (LICENCE_FILE.search(source.name) or source.name.upper().startswith("OFL")):
                entries.append((f"licenses/fonts/{source.relative_to(fonts).as_posix()}", str(source), "DATA"))
                lines.append(f"Font licence: licenses/fonts/{source.relative_to(fonts).as_posix()}")
    summary = Path(workdir) / "THIRD-PARTY.txt"
    summary.parent.mkdir(parents=True, exist_ok=True)
    summary.write_text("\n".join(lines) + "\n", "utf-8")
    entries.append(("licenses/THIRD-PARTY.txt", str(summary), "DATA"))
    return entries
