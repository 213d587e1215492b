"""Desktop integration and packaging files: well-formed and consistent with each other.

Fast and offline: no wheel is built here (``packaging/check-wheel.sh`` does that) and no
validator tool is needed (``desktop-file-validate`` / ``appstreamcli`` are run by hand, see
``packaging/linux/README.md``).
"""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.flossgui.flossgui"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON = ROOT / "assets" / "icons" / "flossgui.svg"
SVG_NS = "{http://www.w3.org/2000/svg}"
# The user's pip cache, read at import: the autouse fixtures give each test a private HOME and
# XDG_CACHE_HOME, and check-wheel.sh without a warm cache downloads ~250 MB.
PIP_CACHE = os.environ.get("PIP_CACHE_DIR") or str(
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pip"
)


@pytest.fixture(scope="module")
def pyproject() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)


@pytest.fixture(scope="module")
def desktop() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    with DESKTOP.open(encoding="utf-8") as f:
        parser.read_file(f)
    return parser


@pytest.fixture(scope="module")
def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_linux_files_are_named_after_the_one_app_id():
    names = sorted(p.name for p in LINUX.glob(f"{APP_ID}.*"))
    assert names == [f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml"]


def test_desktop_entry_runs_the_flossgui_command(desktop, pyproject):
    entry = desktop["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "flossgui"
    assert entry["Exec"] in pyproject["project"]["scripts"]
    assert entry["TryExec"] == "flossgui"
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == APP_ID
    assert entry["Name"] and entry["Comment"]


def test_desktop_entry_categories_are_listed_with_a_main_category(desktop):
    categories = desktop["Desktop Entry"]["Categories"]
    assert categories.endswith(";")
    assert {"Education", "MedicalSoftware"} <= set(categories.rstrip(";").split(";"))


def test_every_desktop_action_has_a_group_and_runs_flossgui(desktop):
    actions = [a for a in desktop["Desktop Entry"]["Actions"].split(";") if a]
    assert actions == ["kiosk"]
    for action in actions:
        group = desktop[f"Desktop Action {action}"]
        assert group["Name"]
        assert group["Exec"].split()[0] == "flossgui"
    assert desktop["Desktop Action kiosk"]["Exec"] == "flossgui --kiosk"


def test_metainfo_ids_match_the_desktop_file(metainfo):
    assert metainfo.tag == "component"
    assert metainfo.get("type") == "desktop-application"
    assert metainfo.findtext("id") == APP_ID
    launchable = metainfo.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert metainfo.findtext("icon") == APP_ID
    assert [b.text for b in metainfo.iterfind("provides/binary")] == ["flossgui"]


def test_metainfo_licences_and_release_match_pyproject(metainfo, pyproject):
    assert metainfo.findtext("metadata_license") == "CC0-1.0"
    assert metainfo.findtext("project_license") == pyproject["project"]["license"]
    releases = [r.get("version") for r in metainfo.iterfind("releases/release")]
    assert releases, "metainfo lists no release"
    assert releases[0] == pyproject["project"]["version"], "newest <release> first, same as pyproject"
    for release in metainfo.iterfind("releases/release"):
        assert len(release.get("date", "")) == 10  # YYYY-MM-DD


def test_metainfo_describes_the_app_for_its_audiences(metainfo):
    assert {c.text for c in metainfo.iterfind("categories/category")} >= {"MedicalSoftware", "Education"}
    assert metainfo.find("content_rating") is not None
    summary = metainfo.findtext("summary")
    assert summary and not summary.endswith(".")
    description = " ".join(metainfo.find("description").itertext()).lower()
    for audience in ("patients", "clinicians", "kiosk"):
        assert audience in description


def test_icon_is_a_square_svg():
    root = ET.parse(ICON).getroot()
    assert root.tag == f"{SVG_NS}svg"
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    assert width == height > 0
    assert root.find(f"{SVG_NS}title").text == "flossgui"


def test_wheel_pyinstaller_and_resources_agree_on_the_assets_location(pyproject):
    force_include = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force_include == {"assets": "flossgui/assets"}
    spec = (ROOT / "packaging" / "pyinstaller" / "flossgui.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    assert '"flossgui/assets"' in spec
    assert 'ROOT / "flossgui" / "__main__.py"' in spec


@pytest.mark.skipif(shutil.which("sh") is None or shutil.which("install") is None, reason="needs sh")
def test_install_script_installs_and_uninstalls_into_a_staging_tree(tmp_path):
    env = {**os.environ, "DESTDIR": str(tmp_path), "PREFIX": "/usr"}
    script = LINUX / "install.sh"
    subprocess.run(["sh", str(script)], env=env, check=True, capture_output=True, timeout=30)
    share = tmp_path / "usr" / "share"
    installed = {
        share / "applications" / DESKTOP.name: DESKTOP,
        share / "metainfo" / METAINFO.name: METAINFO,
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": ICON,
    }
    for dest, source in installed.items():
        assert dest.read_bytes() == source.read_bytes()
    subprocess.run(["sh", str(script), "--uninstall"], env=env, check=True, capture_output=True, timeout=30)
    assert not any(dest.exists() for dest in installed)


def _spec_list(name: str) -> list[str]:
    """A module-level list from the PyInstaller spec, evaluated without PyInstaller."""
    spec = (ROOT / "packaging" / "pyinstaller" / "flossgui.spec").read_text(encoding="utf-8")
    for node in ast.parse(spec).body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets if isinstance(t, ast.Name)] == [name]:
            return eval(compile(ast.Expression(node.value), "flossgui.spec", "eval"), {})
    raise AssertionError(f"flossgui.spec defines no {name}")


def _spec_keep_qt_file():
    """The spec's ``keep_qt_file``, with its lists and imports but none of the build steps."""
    spec = (ROOT / "packaging" / "pyinstaller" / "flossgui.spec").read_text(encoding="utf-8")

    def definition(node: ast.stmt) -> bool:
        if isinstance(node, ast.FunctionDef | ast.Import | ast.ImportFrom):
            return True
        return (
            isinstance(node, ast.Assign)
            and all(isinstance(t, ast.Name) for t in node.targets)
            and not isinstance(node.value, ast.Call)
        )

    keep = [node for node in ast.parse(spec).body if definition(node)]
    namespace: dict = {"SPECPATH": str(ROOT / "packaging" / "pyinstaller")}
    exec(compile(ast.Module(keep, type_ignores=[]), "flossgui.spec", "exec"), namespace)
    return namespace["keep_qt_file"]


def test_bundle_includes_the_qt_modules_the_app_imports():
    used = {f"PySide6.{name}" for name in _qt_modules_imported_by_the_app()}
    bundled = set(_spec_list("QT_MODULES"))
    excluded = set(_spec_list("QT_EXCLUDES"))
    assert used <= bundled, f"imported by flossgui but not listed in QT_MODULES: {used - bundled}"
    assert not bundled & excluded
    for needed in ("QtDBus", "QtOpenGL"):
        assert f"PySide6.{needed}" in bundled
    for unwanted in ("QtWebEngineCore", "QtQuick", "QtQml", "Qt3DCore", "QtCharts", "QtDataVisualization", "QtPdf",
                     "QtMultimedia", "QtTextToSpeech"):  # fmt: skip
        assert f"PySide6.{unwanted}" in excluded


def _qt_modules_imported_by_the_app() -> set[str]:
    names = set()
    for path in (ROOT / "flossgui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                names.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6."))
    return names


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),  # sound is miniaudio's
        ("PySide6/Qt/lib/libavcodec.so.61", False),
        ("PySide6/Qt/lib/libQt6Multimedia.so.6", False),
        ("PySide6/Qt/lib/libQt6TextToSpeech.so.6", False),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so", False),
        ("PySide6/Qt/lib/libQt6DBus.so.6", True),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/lib/libQt6QuickControls2.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick3D.so.6", False),
        ("PySide6/Qt/lib/libQt6QmlCompiler.so.6", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/qml/QtMultimedia/qmldir", False),
        ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so", False),
        ("PySide6/Qt/translations/qtmultimedia_de.qm", False),
        ("libspeechd.so.2", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
    ],
)
def test_bundle_file_filter_keeps_audio_and_drops_the_rest(dest, kept):
    assert _spec_keep_qt_file()(dest) is kept


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_wheel_installs_and_runs_from_another_directory(tmp_path):
    """packaging/check-wheel.sh: sdist + wheel, a non-editable install that plays sound, within 380 MiB.

    About 30 s with a warm pip cache, minutes without one;
    so it is marked slow and left out of `make test`. .ci/run runs it as a step of its own.
    """
    env = {**os.environ, "TMPDIR": str(tmp_path), "PIP_CACHE_DIR": PIP_CACHE}
    env.pop("QT_QPA_PLATFORM", None)  # the script sets it where it starts the app
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "check-wheel.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    for line in ("assets ok", "screenshot ok", "timeline ok", "sound ok", "size ok", "miniaudio"):
        assert line in result.stdout
