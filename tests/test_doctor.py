"""flossgui doctor: each check finds what is wrong and says what to do; no Qt needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from flossgui import doctor
from flossgui.cli.main import main
from flossgui.diary.store import History

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibQt6Gui.so.6 => /x/libQt6Gui.so.6 (0x00007f)
"""


def test_a_missing_xcb_library_is_named_with_its_package(monkeypatch, tmp_path):
    plugins = tmp_path / "platforms"
    plugins.mkdir()
    (plugins / "libqxcb.so").touch()
    monkeypatch.setattr(doctor, "qt_plugin_dir", lambda: plugins)
    monkeypatch.setattr(sys, "platform", "linux")
    check = doctor.check_qt_plugin(ldd=lambda path: LDD)
    assert not check.ok and "libxcb-cursor.so.0, libxkbcommon-x11.so.0 not found" in check.found
    assert check.fix == "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0"
    assert doctor.check_qt_plugin(ldd=lambda path: "").ok


def test_display_and_fonts(tmp_path):
    assert doctor.check_display({"DISPLAY": ":0"}).ok
    if sys.platform.startswith("linux"):
        assert "--screenshot" in doctor.check_display({}).fix
        assert doctor.check_fonts([tmp_path]).fix == "sudo apt-get install fonts-dejavu-core"
        (tmp_path / "DejaVuSans.ttf").touch()
        assert doctor.check_fonts([tmp_path]).ok


def test_audio_on_the_null_backend_plays_a_cue_and_a_phrase(monkeypatch):
    check = doctor.check_audio("en", play=True)
    assert check.ok and "sound played" in check.found
    monkeypatch.setenv("FLOSSGUI_AUDIO", "nosuch")
    check = doctor.check_audio("en")
    assert not check.ok and "unknown audio backend" in check.found and "sound server" in check.fix


def test_voice_clips_for_each_language():
    for language in ("en", "es", "de"):
        assert doctor.check_voice(language).ok, language
    assert not doctor.check_voice("xx").ok


def test_data_folder_diary_and_settings(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert doctor.check_data_folder(tmp_path / "new").ok
    assert not doctor.check_data_folder(blocker / "sub").ok  # a file where the folder should be
    diary = tmp_path / "diary.sqlite3"
    assert doctor.check_diary(diary).ok  # none yet
    with History(diary) as h:
        h.start_session(exercise="x", side="left", reps_per_set=1, sets_planned=1, range_percent=100, speed=1.0)
    assert "intact, 1 session" in doctor.check_diary(diary).found
    diary.write_bytes(b"not a database" * 100)
    check = doctor.check_diary(diary)
    assert not check.ok and "mv " in check.fix
    settings = tmp_path / "s.ini"
    assert doctor.check_settings(settings).ok
    settings.write_text("[ui]\nlanguage=de\n")
    assert doctor.check_settings(settings).ok and doctor.language_from_settings(settings) == "de"
    settings.write_text("[ui]\nlanguage=fr\n")
    assert not doctor.check_settings(settings).ok
    settings.write_bytes(b"\xff\xfe[bad")
    assert "rm " in doctor.check_settings(settings).fix


def test_the_command_prints_the_checklist_and_fails_if_anything_does(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("DISPLAY", ":99")
    status = main(["doctor"])
    out = capsys.readouterr().out
    assert out.startswith("flossgui doctor\n") and "Voice clips (English)" in out
    assert status == (0 if out.rstrip().endswith("All checks passed.") else 1)
    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    if sys.platform.startswith("linux"):
        assert main(["doctor"]) == 1
        assert "fix: start flossgui from the desktop session" in capsys.readouterr().out


def test_the_doctor_loads_no_qt():
    code = "import sys; from flossgui import doctor; assert not any(m.startswith('PySide6') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parent)
