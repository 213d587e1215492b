"""One flossgui window per user and data folder: a second start brings the first window forward
instead of opening a second writer of the same diary.

The first instance listens on a local socket named after the data folder; a later one connects,
asks it to come forward, and exits. A socket left behind by a crashed instance is removed.
"""

from __future__ import annotations

import hashlib
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from flossgui.diary.paths import default_data_dir

_RAISE = b"raise\n"
_CONNECT_MS = 500


def server_name() -> str:
    """The socket's name: the user and the data folder, so separate folders (tests, kiosks) never meet."""
    folder = str(default_data_dir().resolve())
    digest = hashlib.sha256(folder.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"flossgui-{os.getuid() if hasattr(os, 'getuid') else 0}-{digest}"


def ask_first_instance(name: str | None = None) -> bool:
    """True if another instance is running (it has been asked to come forward)."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(_CONNECT_MS):
        return False
    socket.write(_RAISE)
    socket.waitForBytesWritten(_CONNECT_MS)
    socket.disconnectFromServer()
    return True


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
