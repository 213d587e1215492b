"""One window per user and data folder: a second start brings the first forward."""

from __future__ import annotations

import subprocess
import sys
import uuid

from flossgui.ui.shell.instance_socket import InstanceServer, ask_first_instance, server_name
from flossgui.ui.shell.single_instance import LOCK_FILE_NAME, InstanceLock

#: A child process that takes the instance lock of the folder in argv[1], says so, and waits.
_HOLDER = """
import sys
from pathlib import Path
from flossgui.ui.shell.single_instance import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
print(lock.acquire() and lock.held, flush=True)
sys.stdin.readline()
"""


def _holder(folder) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", _HOLDER, str(folder)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert child.stdout.readline().strip() == "True"
    return child


def test_one_running_instance_holds_the_data_folder(tmp_path):
    folder = tmp_path / "data"
    first = _holder(folder)
    try:
        assert not InstanceLock(folder).acquire()  # a second start: someone else is there
        assert InstanceLock(tmp_path / "other").acquire()  # another data folder is another instance
    finally:
        first.kill()  # as a crash: no clean-up, the lock file stays behind
        first.wait(10)
    assert (folder / LOCK_FILE_NAME).exists()
    again = InstanceLock(folder)
    assert again.acquire() and again.held  # its process is gone: the lock is taken over
    assert (folder.stat().st_mode & 0o777) == 0o700


def test_a_folder_that_cannot_be_made_does_not_stop_the_app(tmp_path):
    (tmp_path / "file").write_text("")
    lock = InstanceLock(tmp_path / "file" / "data")
    assert lock.acquire() and not lock.held  # the diary will say it cannot save


def test_a_second_start_waits_for_the_first_window_to_listen(tmp_path):
    name = f"flossgui-test-{uuid.uuid4().hex[:8]}"
    late = subprocess.Popen([sys.executable, "-c", f"""
import time
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtNetwork import QLocalServer
app = QCoreApplication([])
server = QLocalServer()
QTimer.singleShot(1000, lambda: server.listen({name!r}))  # as a window that is still being built
QTimer.singleShot(8000, app.quit)
app.exec()
"""])  # fmt: skip
    try:
        assert not ask_first_instance(name, wait_s=0.2)
        assert ask_first_instance(name, wait_s=5.0)
    finally:
        late.kill()
        late.wait(10)


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
