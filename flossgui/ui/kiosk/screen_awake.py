"""Keeping the screen from blanking during opening hours, where the session offers a way.

Qt has no portable call for this. Under cage, the kiosk's compositor, nothing blanks the
screen, so nothing is needed. In a desktop session (GNOME, KDE, Xfce and others)
``org.freedesktop.ScreenSaver.Inhibit`` on the session D-Bus holds blanking off; QtDBus ships
in PySide6-Essentials. The call is made on a connection of our own, and the hold released by
closing that connection: screensavers drop an inhibition when its caller leaves the bus
(which also happens if the app stops), and this spares passing back the cookie, a D-Bus
``uint`` that PySide cannot type. No bus or no screensaver service: nothing happens. Only a
bus that is already running is used (:mod:`flossgui.kiosk.session_bus`): asking Qt for "the
session bus" where there is none makes libdbus autolaunch a daemon that outlives the kiosk.
"""

from __future__ import annotations

import os

from flossgui.kiosk.session_bus import running_session_bus

_SERVICE = "org.freedesktop.ScreenSaver"
_PATH = "/org/freedesktop/ScreenSaver"
_CONNECTION = "flossgui-screen-awake"
_TIMEOUT_MS = 2000


class ScreenAwake:
    """Asks the session's screensaver not to blank the screen while held."""

    def __init__(self, reason: str = "waiting-room screen, during opening hours") -> None:
        self.reason = reason
        self.held = False

    def hold(self, on: bool) -> bool:
        """Hold blanking off (``on``) or let it be; returns whether it is now held."""
        if on and not self.held:
            self.held = self._inhibit()
        elif not on and self.held:
            from PySide6.QtDBus import QDBusConnection

            QDBusConnection.disconnectFromBus(_CONNECTION)
            self.held = False
        return self.held

    def _inhibit(self) -> bool:
        try:
            from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage
        except ImportError:  # a Qt build without D-Bus
            return False
        address = running_session_bus(os.environ)
        if address is None:
            return False
        bus = QDBusConnection.connectToBus(address, _CONNECTION)
        if bus.isConnected():
            message = QDBusMessage.createMethodCall(_SERVICE, _PATH, _SERVICE, "Inhibit")
            message.setArguments(["flossgui", self.reason])
            reply = bus.call(message, QDBus.CallMode.Block, _TIMEOUT_MS)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage:
                return True
        QDBusConnection.disconnectFromBus(_CONNECTION)
        return False
