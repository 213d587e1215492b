"""Issue 13: the kiosk starts on defaults whatever its settings file holds, and the window
starts whatever its own settings file is (a FIFO, a device, a huge file)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flossgui.cli.main import build_parser
from flossgui.cli.options import launch_options
from flossgui.core.tomlwrite import dumps
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
def test_the_kiosk_starts_on_defaults_whatever_the_settings_hold(qtbot, tmp_path, special_file, capsys, case):
    path = tmp_path / "kiosk.toml"
    if case == "FIFO":
        special_file(path, "fifo")
    elif case == "symlink to /dev/zero":
        special_file(path, "device")
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
def test_an_unusable_settings_file_is_passed_over(tmp_path, special_file, monkeypatch, caplog, kind):
    path = tmp_path / "settings.ini"
    if kind == "huge":
        with path.open("wb") as f:
            f.truncate(5 * 1024 * 1024)
    else:
        special_file(path, kind)
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


kiosk_texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80).filter(str.strip)
kiosk_files = st.fixed_dictionaries(
    {},
    optional={
        "clinic_name": kiosk_texts,
        "messages": st.lists(kiosk_texts, max_size=4),
        "speed": st.one_of(st.floats(allow_nan=True), st.integers(min_value=-(2**63), max_value=2**63 - 1)),
        "max_fps": st.integers(min_value=-(2**63), max_value=2**63 - 1),
        "idle_timeout_seconds": st.floats(allow_nan=True),
        "side": kiosk_texts,
        "hours": st.dictionaries(st.sampled_from(["daily", "mon", "sun", "x"]), kiosk_texts, max_size=2),
    },
)


def _start_kiosk_on(qtbot, tmp_path, data) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(dumps(data), encoding="utf-8")
    options = launch_options(build_parser().parse_args(["--kiosk", "--config", str(path)]))
    window, mode = build_kiosk(options, ManualClock(0.0), locked=False)
    try:
        mode.loop.tick()
        mode.loop.housekeep()
        assert mode.loop.frame_timer.isActive() and 0.25 <= mode.config.speed <= 3
    finally:
        window.change_mode("patient")
        window.close()
        window.deleteLater()


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=kiosk_files)
def test_the_kiosk_starts_whatever_its_settings_hold(qtbot, tmp_path, data):
    _start_kiosk_on(qtbot, tmp_path, data)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=kiosk_files)
def test_the_kiosk_starts_whatever_its_settings_hold_many(qtbot, tmp_path, data):
    _start_kiosk_on(qtbot, tmp_path, data)
