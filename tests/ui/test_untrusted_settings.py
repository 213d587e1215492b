"""Issue 13: the kiosk starts on defaults whatever its settings file holds, and the window
starts whatever its own settings file is (a FIFO, a device, a huge file)."""

from __future__ import annotations

import os

import pytest

from flossgui.cli.main import build_parser
from flossgui.cli.options import launch_options
from flossgui.kiosk.config import KioskConfig
from flossgui.model.clock import ManualClock
from flossgui.ui.kiosk.app import build_kiosk
from flossgui.ui.shell.settings import ENV_VAR, open_settings

ABSURD = {
    "integer speed of 400 digits": "speed = 1" + "0" * 400,
    "4301-digit integer": "max_fps = 1" + "0" * 4300,
    "float past the largest": "speed = 1e400\nidle_timeout_seconds = -1e400",
    "nested 1000 deep": "messages = " + "[" * 1000 + "]" * 1000,
    "dotted key 300000 parts": "a" + ".a" * 300_000 + " = 1",
    "symlink to /dev/zero": None,
    "FIFO": None,
}


@pytest.mark.parametrize("case", ABSURD)
def test_the_kiosk_starts_on_defaults_whatever_the_settings_hold(qtbot, tmp_path, capsys, case):
    path = tmp_path / "kiosk.toml"
    if case == "FIFO":
        os.mkfifo(path)
    elif case == "symlink to /dev/zero":
        path.symlink_to("/dev/zero")
    else:
        path.write_text(ABSURD[case] + "\n", encoding="utf-8")
    options = launch_options(build_parser().parse_args(["--kiosk", "--config", str(path)]))
    window, mode = build_kiosk(options, ManualClock(0.0), locked=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.change_mode("patient"))
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"kiosk settings: {path}" in err
    assert (mode.config.speed, mode.config.max_fps, mode.config.messages) == (1.0, 30, KioskConfig().messages)
    mode.loop.tick()
    assert mode.loop.frame_timer.isActive()


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "huge"])
def test_an_unusable_settings_file_is_passed_over(tmp_path, monkeypatch, caplog, kind):
    path = tmp_path / "settings.ini"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        with path.open("wb") as f:
            f.truncate(5 * 1024 * 1024)
    monkeypatch.setenv(ENV_VAR, str(path))
    settings = open_settings()
    assert settings.fileName() != str(path)
    settings.setValue("k", 1)
    settings.sync()
    assert settings.value("k", type=int) == 1
    assert f"settings: {path}" in caplog.text


def test_a_good_settings_file_is_used(tmp_path, monkeypatch):
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nk=2\n", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(path))
    settings = open_settings()
    assert settings.fileName() == str(path) and settings.value("k", type=int) == 2
