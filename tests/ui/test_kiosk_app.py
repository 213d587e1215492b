"""Starting the kiosk: settings errors are reported and logged, the screen runs on defaults;
screenshots of the kiosk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from flossgui.cli.main import build_parser
from flossgui.cli.options import launch_options
from flossgui.kiosk.config import KioskConfig
from flossgui.model.clock import ManualClock
from flossgui.ui.kiosk import app as kiosk_app
from flossgui.ui.kiosk import log as kiosk_log
from flossgui.ui.kiosk.app import build_kiosk
from flossgui.ui.shell.app import run

DEFAULTS = KioskConfig()

# One file per kind of mistake, and the setting that falls back to its default.
BAD_FILES = {
    "not TOML": ("speed = = 2", None),
    "not UTF-8": (b"clinic_name = '\xff'", None),
    "unknown key": ("colour = 'red'", None),
    "out of range": ("speed = 9", "speed"),
    "wrong type": ("max_fps = 'fast'", "max_fps"),
    "not a choice": ("side = 'middle'", "side"),
    "schema version": ("schema_version = 2", "schema_version"),
    "empty messages": ("messages = []", "messages"),
    "bad hours": ("[hours]\ndaily = '25:00-26:00'", "hours"),
    "bad PIN hash": ("pin_hash = 'letmein'", "pin_hash"),
}


def _options(*argv: str):
    return launch_options(build_parser().parse_args(["--kiosk", *argv]))


def _build(qtbot, *argv: str):
    window, mode = build_kiosk(_options(*argv), ManualClock(0.0), locked=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.change_mode("patient"))
    return window, mode


def _log_lines() -> list[str]:
    path = Path(os.environ["XDG_DATA_HOME"]) / "flossgui" / "kiosk.log"
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("kind", BAD_FILES)
def test_each_settings_error_is_reported_logged_and_defaulted(qtbot, tmp_path, capsys, kind):
    text, key = BAD_FILES[kind]
    path = tmp_path / "kiosk.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    window, mode = _build(qtbot, "--config", str(path))
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("flossgui: kiosk settings: ") and str(path) in err[0]
    assert _log_lines()[-1].endswith(err[0])
    if key is not None:
        assert getattr(mode.config, key) == getattr(DEFAULTS, key)
    mode.loop.tick()  # and the screen runs
    assert mode.panel.isVisibleTo(window) and mode.loop.frame_timer.isActive()


def test_missing_file_is_reported_too(qtbot, tmp_path, capsys):
    _, mode = _build(qtbot, "--config", str(tmp_path / "absent.toml"))
    assert "file not found" in capsys.readouterr().err and mode.config == DEFAULTS
    assert len(_log_lines()) == 1


def test_good_file_is_quiet(qtbot, tmp_path, capsys):
    path = tmp_path / "kiosk.toml"
    path.write_text('clinic_name = "Riverside"\nspeed = 0.75\nside = "left"\n', encoding="utf-8")
    window, mode = _build(qtbot, "--config", str(path))
    assert capsys.readouterr().err == ""
    assert mode.panel.clinic.text() == "Riverside"
    assert window.tutorial.speed == 0.75 and window.tutorial.setup.side == "left"


def test_no_config_and_no_system_file_means_defaults(monkeypatch, tmp_path):
    monkeypatch.setattr(kiosk_app, "DEFAULT_CONFIG_PATH", tmp_path / "none.toml")
    assert kiosk_app.config_path(_options()) is None
    (tmp_path / "none.toml").write_text("")
    assert kiosk_app.config_path(_options()) == tmp_path / "none.toml"


def test_the_log_is_kept_small(tmp_path):
    log = tmp_path / "kiosk.log"
    log.write_text("x" * (kiosk_log.MAX_LOG_BYTES + 1))
    error = kiosk_log.InputError("k.toml", "speed", "is 9", "0.25 to 3")
    kiosk_log.report_errors([error], log)
    assert log.with_name("kiosk.log.1").stat().st_size > kiosk_log.MAX_LOG_BYTES
    assert len(log.read_text().splitlines()) == 1


def test_the_log_lies_beside_the_diary(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FLOSSGUI_DATA_DIR", str(tmp_path / "data"))
    kiosk_log.report_errors([kiosk_log.InputError("k.toml", "speed", "is 9", "0.25 to 3")])
    assert "speed" in (tmp_path / "data" / "kiosk.log").read_text()
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "flossgui" / "kiosk.log").exists()
    assert capsys.readouterr().err.count("\n") == 1


def test_an_unwritable_log_is_said_once_and_ignored(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    error = kiosk_log.InputError("k.toml", "speed", "is 9", "0.25 to 3")
    kiosk_log.report_errors([error], blocker / "kiosk.log")
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "cannot write the log" in err[1]


def test_kiosk_screenshots(qapp, tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text('clinic_name = "Riverside Physiotherapy"\n', encoding="utf-8")
    images = []
    for at in (0.0, 4.0):
        out = tmp_path / f"k{at}.png"
        argv = ["--config", str(config), "--screenshot", str(out), "--at", str(at), "--size", "1280x720"]
        assert run(_options(*argv)) == 0
        image = QImage(str(out))
        assert image.size() == QSize(1280, 720)
        images.append(image)
    assert images[0] != images[1]
