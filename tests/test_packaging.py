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
