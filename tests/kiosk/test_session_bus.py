"""The kiosk uses a session bus only when one is already running, and never lets one autolaunch."""

from __future__ import annotations

import socket

from hypothesis import given
from hypothesis import strategies as st

from flossgui.kiosk.session_bus import ADDRESS_VAR, DISABLED, forbid_autolaunch, running_session_bus


def test_an_address_in_the_environment_is_the_bus():
    assert running_session_bus({ADDRESS_VAR: "unix:path=/run/user/1000/bus"}) == "unix:path=/run/user/1000/bus"


def test_an_address_that_would_autolaunch_is_no_bus():
    assert running_session_bus({ADDRESS_VAR: "autolaunch:"}) is None
    assert running_session_bus({ADDRESS_VAR: "unix:path=/nowhere;autolaunch:scope=x"}) is None
    assert running_session_bus({ADDRESS_VAR: DISABLED}) is None


def test_the_user_bus_socket_in_the_runtime_folder_is_the_bus(tmp_path):
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "bus"))
        assert running_session_bus({"XDG_RUNTIME_DIR": str(tmp_path)}) == f"unix:path={tmp_path}/bus"


def test_a_plain_file_or_nothing_in_the_runtime_folder_is_no_bus(tmp_path):
    assert running_session_bus({"XDG_RUNTIME_DIR": str(tmp_path)}) is None
    (tmp_path / "bus").write_text("")
    assert running_session_bus({"XDG_RUNTIME_DIR": str(tmp_path)}) is None
    assert running_session_bus({}) is None


@given(st.dictionaries(st.sampled_from([ADDRESS_VAR, "XDG_RUNTIME_DIR", "DISPLAY"]), st.text(max_size=40)))
def test_after_forbidding_the_address_is_the_running_bus_or_disabled(environ):
    before = running_session_bus(dict(environ))
    returned = forbid_autolaunch(environ)
    assert returned == before
    assert environ[ADDRESS_VAR] == (before or DISABLED)
    assert "autolaunch:" not in environ[ADDRESS_VAR]
