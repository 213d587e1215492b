"""One window per user and data folder: a second start brings the first forward."""

from __future__ import annotations

import subprocess
import sys
import uuid

from flossgui.ui.shell.single_instance import InstanceServer, ask_first_instance, server_name


def test_a_second_start_asks_the_first_to_come_forward(qtbot):
    name = f"flossgui-test-{uuid.uuid4().hex[:8]}"
    assert not ask_first_instance(name)  # nobody there yet
    first = InstanceServer(name)
    assert first.listening
    with qtbot.waitSignal(first.raise_requested, timeout=3000):
        assert ask_first_instance(name)
    first.server.close()
    assert not ask_first_instance(name)


def test_a_socket_left_by_a_crashed_instance_is_taken_over(qtbot):
    name = f"flossgui-test-{uuid.uuid4().hex[:8]}"
    crashed = subprocess.run(
        [sys.executable, "-c", f"""
import os
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer
app = QCoreApplication([])
server = QLocalServer()
assert server.listen({name!r})
os._exit(0)  # no clean-up: the socket file stays behind
"""],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert crashed.returncode == 0, crashed.stderr
    second = InstanceServer(name)
    assert second.listening
    second.server.close()


def test_the_name_follows_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("FLOSSGUI_DATA_DIR", str(tmp_path / "a"))
    a = server_name()
    monkeypatch.setenv("FLOSSGUI_DATA_DIR", str(tmp_path / "b"))
    assert server_name() != a and a.startswith("flossgui-")
