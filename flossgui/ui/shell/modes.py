"""Modes, after Mu: small classes that arrange the same widgets for different users.

A mode has a name and a View-menu title, ``activate()``/``deactivate()`` to show and hide what
it needs, ``menus()`` it adds to the menu bar, and ``shortcuts()``: its own actions and keys,
live only while it is the current mode (M mutes in the patient window, mirrors in the clinician
view). The window owns the shared widgets and the Playback actions; a mode only composes them.
The app builds every mode at start (:func:`flossgui.ui.shell.app.build_window`), so the menus of
a mode are the same however the window got there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from flossgui.ui.shell.main_window import MainWindow


class Mode:
    """Base mode: shows nothing extra, has no menus or keys of its own."""

    name = "base"
    #: Text id of the mode's entry in the View menu; None keeps it out of the menu (e.g. kiosk).
    title_key: str | None = None
    #: Whether the window's Playback menu and keys (Space, arrows, + −, F11) work in this mode.
    uses_playback = True

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def activate(self) -> None:
        """Arrange the window for this mode."""

    def deactivate(self) -> None:
        """Undo :meth:`activate` before another mode takes over."""

    def menus(self) -> list[QMenu]:
        """Menus shown between View and Help while this mode is current."""
        return []

    def shortcuts(self) -> list[tuple[QAction, QKeySequence]]:
        """This mode's own keys: each action gets its key while the mode is current, none otherwise."""
        return []
