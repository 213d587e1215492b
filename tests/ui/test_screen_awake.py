"""Keeping the screen awake asks a running session bus, and never makes libdbus start one.

libdbus autolaunches by running ``dbus-launch`` from ``PATH``; a stand-in placed first on
``PATH`` records whether that was tried, without installing dbus-x11. Each case runs in a
fresh interpreter, because libdbus decides about the session bus once per process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flossgui.kiosk.session_bus import ADDRESS_VAR, DISABLED
from flossgui.ui.kiosk.screen_awake import ScreenAwake

_FAKE_SAVER = """
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class Saver(QObject):
    @Slot(str, str, result=int)
    def Inhibit(self, app, reason):
        print("Inhibit", app, flush=True)
        return 7

app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
saver = Saver()
bus.registerObject("/org/freedesktop/ScreenSaver", saver, QDBusConnection.RegisterOption.ExportAllSlots)
print("ready" if bus.registerService("org.freedesktop.ScreenSaver") else "taken", flush=True)
app.exec()
"""


def _busless_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment with no session bus and a stand-in ``dbus-launch`` that leaves a mark."""
    mark = tmp_path / "autolaunched"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    launcher = bin_dir / "dbus-launch"
    launcher.write_text(f'#!/bin/sh\necho "$@" >> "{mark}"\nexit 1\n')
    launcher.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in (ADDRESS_VAR, "XDG_RUNTIME_DIR")}
    # libdbus autolaunches only with an X display named; none need be there.
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", QT_QPA_PLATFORM="offscreen", DISPLAY=":99")
    return env, mark


def _run(code: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout


def test_without_a_bus_nothing_is_held_and_no_bus_is_started(tmp_path):
    env, mark = _busless_env(tmp_path)
    out = _run(
        "from PySide6.QtWidgets import QApplication\n"
        "from flossgui.ui.kiosk.screen_awake import ScreenAwake\n"
        "app = QApplication([])\n"
        "awake = ScreenAwake()\n"
        "print(awake.hold(True), awake.hold(False))\n",
        env,
    )
    assert out.split() == ["False", "False"]
    assert not mark.exists()


def test_the_stand_in_catches_an_autolaunch_and_the_kiosk_rule_prevents_it(tmp_path):
    ask_qt = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtDBus import QDBusConnection\n"
        "app = QCoreApplication([])\n"
        "print(QDBusConnection.sessionBus().isConnected())\n"
    )
    env, mark = _busless_env(tmp_path)
    assert _run(ask_qt, env).split() == ["False"]
    assert mark.exists(), "positive control: asking Qt for the session bus autolaunches"
    mark.unlink()
    forbid = "from flossgui.kiosk.session_bus import forbid_autolaunch\nforbid_autolaunch()\n"
    assert _run(forbid + ask_qt, env).split() == ["False"]
    assert not mark.exists()


def test_starting_the_kiosk_forbids_autolaunch(monkeypatch, tmp_path, qapp):
    from flossgui.cli.main import main

    monkeypatch.delenv(ADDRESS_VAR, raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    assert main(["--kiosk", "--config", str(tmp_path / "none.toml"), "--screenshot", str(tmp_path / "k.png")]) == 0
    assert os.environ[ADDRESS_VAR] == DISABLED


@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="dbus-daemon is not installed")
def test_with_a_running_bus_the_screensaver_is_asked(tmp_path):
    env, mark = _busless_env(tmp_path)
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1", f"--address=unix:dir={tmp_path}"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        env[ADDRESS_VAR] = daemon.stdout.readline().strip()
        saver = subprocess.Popen([sys.executable, "-c", _FAKE_SAVER], env=env, stdout=subprocess.PIPE, text=True)
        try:
            assert saver.stdout.readline().strip() == "ready"
            out = _run(
                "from PySide6.QtCore import QCoreApplication\n"
                "from flossgui.ui.kiosk.screen_awake import ScreenAwake\n"
                "app = QCoreApplication([])\n"
                "awake = ScreenAwake()\n"
                "print(awake.hold(True), awake.hold(False))\n",
                env,
            )
            assert out.split() == ["True", "False"]
            assert saver.stdout.readline().strip() == "Inhibit flossgui"
        finally:
            saver.kill()
            saver.wait()
    finally:
        daemon.kill()
        daemon.wait()
    assert not mark.exists()


def test_an_address_pointing_nowhere_holds_nothing(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv(ADDRESS_VAR, f"unix:path={tmp_path}/no-bus")
    awake = ScreenAwake()
    assert awake.hold(True) is False and awake.hold(False) is False
