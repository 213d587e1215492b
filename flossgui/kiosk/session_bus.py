"""Which D-Bus session bus the kiosk may use: only one that is already running.

With no ``DBUS_SESSION_BUS_ADDRESS`` and no ``$XDG_RUNTIME_DIR/bus`` socket, libdbus falls
back to "autolaunch": where ``dbus-launch`` is installed (package dbus-x11, which comes with
the usual accessibility and desktop tools) it starts a bus daemon that outlives the app, and
the first frame waits on it. Qt's own accessibility bridge asks for the session bus as the
application starts, so the rule is applied to the process's environment before Qt starts:
an existing bus is named explicitly, otherwise the address is ``disabled:``, which libdbus,
GLib and Qt all read as "there is no session bus".
"""

from __future__ import annotations

import os
import stat
from collections.abc import MutableMapping
from pathlib import Path

ADDRESS_VAR = "DBUS_SESSION_BUS_ADDRESS"
#: The address that means "no session bus; never start one".
DISABLED = "disabled:"


def running_session_bus(environ: MutableMapping[str, str]) -> str | None:
    """The address of a session bus that is already there, or None; never one that autolaunches."""
    address = environ.get(ADDRESS_VAR, "")
    if address:
        return None if address == DISABLED or "autolaunch:" in address else address
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime:
        socket = Path(runtime, "bus")
        try:
            if stat.S_ISSOCK(socket.stat().st_mode):
                return f"unix:path={socket}"
        except (OSError, ValueError):  # no such file; a path no file can have
            pass
    return None


def forbid_autolaunch(environ: MutableMapping[str, str] = os.environ) -> str | None:
    """Point ``DBUS_SESSION_BUS_ADDRESS`` at the running session bus, or at ``disabled:`` when
    there is none; returns the bus's address or None. Call before Qt starts."""
    address = running_session_bus(environ)
    environ[ADDRESS_VAR] = address or DISABLED
    return address
