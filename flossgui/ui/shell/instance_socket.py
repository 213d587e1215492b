"""The running instance's local socket, named after the user and the data folder: a later start
(which found the instance lock held, :mod:`.single_instance`) asks through it for the window to
come forward. Only the lock's holder listens, so a socket found in the way was left by a crash.
"""

from __future__ import annotations

import hashlib
import os
import time

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from flossgui.diary.paths import default_data_dir

_RAISE = b"raise\n"
_CONNECT_MS = 500
#: How long a later start waits for the running instance to listen (it does once its window is shown).
WAIT_FOR_FIRST_S = 5.0


def server_name() -> str:
    """The socket's name: the user and the data folder, so separate folders (tests, kiosks) never meet."""
    folder = str(default_data_dir().resolve())
    digest = hashlib.sha256(folder.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"flossgui-{os.getuid() if hasattr(os, 'getuid') else 0}-{digest}"


def ask_first_instance(name: str | None = None, wait_s: float = 0.0) -> bool:
    """Ask the instance listening on ``name`` to come forward, trying again for up to ``wait_s``
    seconds; True if it was asked."""
    deadline = time.monotonic() + wait_s
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name or server_name())
        if socket.waitForConnected(_CONNECT_MS):
            socket.write(_RAISE)
            socket.waitForBytesWritten(_CONNECT_MS)
            socket.disconnectFromServer()
            return True
        if time.monotonic() >= deadline:
            return False
        QThread.msleep(100)


class InstanceServer(QObject):
    """Listens for later starts; :attr:`raise_requested` fires when one asks the window to come forward."""

    raise_requested = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            QLocalServer.removeServer(self.name)  # left by an instance that crashed
            self.server.listen(self.name)
        self.server.newConnection.connect(self._on_connection)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _on_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            asked = socket.waitForReadyRead(_CONNECT_MS) and bytes(socket.readAll().data()).startswith(_RAISE)
            socket.abort()
            socket.deleteLater()
            if asked:
                self.raise_requested.emit()
