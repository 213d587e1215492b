"""A programme file opens from the file manager: its MIME type, the menu entry's association, the command."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from flossgui.cli.main import build_parser, main
from flossgui.model.programme import Programme, save_programme

LINUX = Path(__file__).resolve().parents[1] / "packaging" / "linux"
APP_ID = "io.github.flossgui.flossgui"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_the_mime_type_is_the_one_the_menu_entry_opens():
    root = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    [mime] = root.iterfind(f"{MIME_NS}mime-type")
    assert [g.get("pattern") for g in mime.iterfind(f"{MIME_NS}glob")] == ["*.floss.toml"]
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["MimeType"] == mime.get("type") + ";" and "%f" in entry["Exec"].split()


def test_a_programme_file_alone_opens_the_patient_window_with_it(tmp_path, monkeypatch):
    path = tmp_path / "jo.floss.toml"
    save_programme(Programme(reps=7, sets=1, grade="knee", exercise="floss-knee"), path)
    seen = []
    monkeypatch.setattr("flossgui.cli.main.run_window", lambda options: seen.append(options) or 0)
    assert main([str(path)]) == 0
    [options] = seen
    assert options.programme == Programme(reps=7, sets=1, grade="knee", exercise="floss-knee")
    assert options.mode == "patient"


def test_a_bad_programme_file_alone_is_one_line(tmp_path, capsys):
    path = tmp_path / "bad.floss.toml"
    path.write_text("format = 9\n")
    try:
        main([str(path)])
    except SystemExit as exc:
        assert exc.code == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{path}: format" in err and "allowed: 1 or 2" in err


def test_subcommands_are_not_taken_for_programme_files():
    assert build_parser().parse_args(["timeline"]).command == "timeline"
