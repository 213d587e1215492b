"""Keeping the screen awake asks the session bus, and does nothing where there is none."""

from __future__ import annotations

from flossgui.ui.kiosk.screen_awake import ScreenAwake


def test_without_a_session_bus_nothing_is_held(qapp, monkeypatch, tmp_path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    awake = ScreenAwake()
    assert awake.hold(True) is False and awake.hold(False) is False
