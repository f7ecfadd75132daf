# The PyInstaller spec for the desktop build: one folder, dist/studio/, holding two
# executables that share every library: `studio` (the window) and `studio-cli`.
#
#     python build_spec.py            (extra arguments go to PyInstaller, e.g. --clean)
#
# PyInstaller reads a spec only from a file named *.spec and would freeze a .py file given on
# its command line as a program, so running this file hands it to PyInstaller through a
# two-line .spec under build/. See docs/build.md for the platforms and the measured figures.
#
# The spec collects what is installed rather than a fixed list, so a dependency added to
# pyproject.toml (and installed) is frozen without editing this file.
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    ROOT = Path(__file__).resolve().parent
    try:
        import PyInstaller.__main__
    except ImportError:
        sys.exit('PyInstaller is not installed: pip install -e ".[build]"')
    shim = ROOT / "build" / "studio.spec"
    shim.parent.mkdir(exist_ok=True)
    shim.write_text(
        f"SPECPATH = {str(ROOT)!r}\n"
        f"exec(compile(open(SPECPATH + '/build_spec.py', 'rb').read(), SPECPATH + '/build_spec.py', 'exec'))\n",
        "utf-8",
    )
    sys.exit(PyInstaller.__main__.run([
        "--noconfirm", "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
        *sys.argv[1:], str(shim),
    ]))

from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

ROOT = Path(SPECPATH)  # noqa: F821 - PyInstaller defines the spec's globals
WORK = Path(workpath)  # noqa: F821
sys.path.insert(0, str(ROOT / "freeze"))

from spec_helpers import (  # noqa: E402 - needs the path above
    PLUGIN_GROUPS,
    is_package,
    licence_datas,
    plugin_packages,
    without_unused_qt,
    write_launcher,
)

# --- What to analyse -----------------------------------------------------------------------

launchers = {
    "studio": write_launcher(WORK, "studio.app", "main"),
    "studio-cli": write_launcher(WORK, "studio.cli", "main"),
}

# Every studio module (some are imported lazily inside functions, e.g. per command) and every
# file under studio/ that is not Python: studio/resources (catalog, fonts, translations ...).
hiddenimports = collect_submodules("studio")
# The window's translations (.qm) are build products of the .ts sources: compile them now, so
# the frozen folder ships them even from a checkout that was never pip-installed.
sys.path.insert(0, str(ROOT / "tools"))
from i18n_build import compile_all  # noqa: E402

compile_all(ROOT / "studio" / "resources" / "i18n")
datas = collect_data_files("studio")

# importlib.metadata must answer in the frozen app as it does installed: packages read their
# own version, and plugin systems find plugins through entry points. `recursive` follows the
# requirements of the installed studio distribution, so new dependencies come along.
try:
    datas += copy_metadata("studio", recursive=True)
except Exception as exc:  # studio not pip-installed: build from the checkout all the same
    print(f"build_spec: studio's metadata is not installed ({exc}); plugin metadata only")

# Plugins found through entry points (keyring backends, OpenTimelineIO adapters): their
# modules, data files (adapter manifests) and distribution metadata.
module_collection_mode = {}
for group, module, dist_name in plugin_packages(PLUGIN_GROUPS):
    hiddenimports.append(module)
    if is_package(module):
        hiddenimports += collect_submodules(module)
        datas += collect_data_files(module)
    datas += copy_metadata(dist_name)
    if PLUGIN_GROUPS[group].get("source_on_disk"):
        # OpenTimelineIO imports an adapter from the .py file its manifest names.
        module_collection_mode[module] = "pyz+py"
for package in ("opentimelineio", "keyring.backends"):
    try:
        hiddenimports += collect_submodules(package)
        datas += collect_data_files(package)
    except Exception:  # not installed: nothing of it to freeze
        pass

# Qt modules the app does not import (`grep -rn "PySide6\." studio`): keep them out even if
# a library mentions them. The other Qt bindings qasync probes for must not be collected.
QT_UNUSED = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtCharts", "QtConcurrent",
    "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp",
    "QtHttpServer", "QtLocation", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets",
    "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick",
    "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects",
    "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools",
    "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml",
]
excludes = [f"PySide6.{name}" for name in QT_UNUSED] + [
    "PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter",
    # Test runners and the command-line tools of libraries (httpx's CLI pulls in click, rich
    # and pygments; OpenTimelineIO's console scripts pull in pkg_resources): never run here.
    "pytest", "_pytest", "pytestqt", "IPython", "httpx._main", "httpx2._main",
    "opentimelineio.console", "google.genai.tests",
    # pydantic imports rich only to pretty-print schemas when debugging; it is optional there.
    "rich",
]

# collect_submodules() lists everything, excluded parts too; asking for those is an error.
hiddenimports = [
    name for name in dict.fromkeys(hiddenimports)
    if not any(name == excluded or name.startswith(excluded + ".") for excluded in excludes)
]

a = Analysis(  # noqa: F821
    [str(launchers["studio"]), str(launchers["studio-cli"])],
    pathex=[str(ROOT)],
    datas=datas,
    hiddenimports=hiddenimports,
    excludes=excludes,
    module_collection_mode=module_collection_mode,
    noarchive=False,
)

# Qt's plugin folders pull in libraries the app never uses (the PDF and SVG image readers, the
# virtual keyboard's QtQuick, embedded-Linux platforms ...): drop them and what only they need.
a.binaries, a.datas = without_unused_qt(a.binaries, a.datas)
a.datas += licence_datas(a, ROOT, WORK)

pyz = PYZ(a.pure)  # noqa: F821


def script_only(name):
    """The bootstrap and runtime hooks plus one of the two launchers."""
    other = {Path(path).stem for path in launchers.values()} - {Path(launchers[name]).stem}
    return [entry for entry in a.scripts if entry[0] not in other]


def icon(suffix):
    path = ROOT / "studio" / "resources" / "icons" / f"studio{suffix}"
    return str(path) if path.exists() else None


platform_icon = icon(".icns") if sys.platform == "darwin" else icon(".ico")

executables = [
    EXE(  # noqa: F821
        pyz,
        script_only(name),
        exclude_binaries=True,
        name=name,
        console=(name == "studio-cli"),
        icon=platform_icon,
        upx=False,  # UPX breaks Qt's plugins and several wheels' libraries
        strip=False,
        # macOS: a "Developer ID Application" identity signs every binary (docs/build.md).
        codesign_identity=os.environ.get("STUDIO_CODESIGN_IDENTITY"),
        entitlements_file=os.environ.get("STUDIO_ENTITLEMENTS"),
    )
    for name in ("studio", "studio-cli")
]

coll = COLLECT(  # noqa: F821
    *executables,
    a.binaries,
    a.datas,
    upx=False,
    name="studio",
)

if sys.platform == "darwin":
    app = BUNDLE(  # noqa: F821
        coll,
        name="Studio.app",
        icon=platform_icon,
        bundle_identifier="org.studio.Studio",
        info_plist={"NSHighResolutionCapable": True, "LSMinimumSystemVersion": "12.0"},
    )
