"""Modes, after Mu: small classes that arrange the same widgets for different users.

A mode has a name, ``activate()``/``deactivate()`` to show and hide what it needs, and
``actions()``: the keys it answers. The window owns the widgets; a mode only composes them.
To add one (e.g. clinician, kiosk): subclass :class:`Mode`, then
``window.add_mode(MyMode(window))`` and ``window.change_mode("my-mode")``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from flossgui.ui.shell.main_window import MainWindow


@dataclass(frozen=True, slots=True)
class ModeAction:
    """A thing the user can do by key: its name, the keys, and what it calls."""

    name: str
    keys: tuple[Qt.Key, ...]
    handler: Callable[[], object]


class Mode:
    """Base mode: shows everything and answers no keys."""

    name = "base"
    #: Text id of the mode's entry in the View menu; None keeps it out of the menu (e.g. kiosk).
    title_key: str | None = None

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def activate(self) -> None:
        """Arrange the window for this mode."""

    def deactivate(self) -> None:
        """Undo :meth:`activate` before another mode takes over."""

    def actions(self) -> list[ModeAction]:
        """The keys this mode answers."""
        return []


def playback_actions(window: MainWindow) -> list[ModeAction]:
    """The keys of the tutorial: play, steps, speed, range, full screen."""
    t, w = window.tutorial, window
    return [
        ModeAction("play_pause", (Qt.Key.Key_Space,), t.toggle),
        ModeAction("previous_step", (Qt.Key.Key_Left,), lambda: t.step_phase(-1)),
        ModeAction("next_step", (Qt.Key.Key_Right,), lambda: t.step_phase(+1)),
        ModeAction("faster", (Qt.Key.Key_Up,), lambda: t.step_speed(+1)),
        ModeAction("slower", (Qt.Key.Key_Down,), lambda: t.step_speed(-1)),
        ModeAction("more_range", (Qt.Key.Key_Plus, Qt.Key.Key_Equal), lambda: t.step_range(+1)),
        ModeAction("less_range", (Qt.Key.Key_Minus, Qt.Key.Key_Underscore), lambda: t.step_range(-1)),
        ModeAction("fullscreen", (Qt.Key.Key_F11,), w.toggle_fullscreen),
    ]


class PatientMode(Mode):
    """Everything a patient at home needs: the figure, captions, controls, counter, set-up, safety."""

    name = "patient"
    title_key = "mode.patient"

    def activate(self) -> None:
        w = self.window
        for widget in (w.caption, w.controls, w.side_panel, w.keys_help):
            widget.show()

    def actions(self) -> list[ModeAction]:
        return playback_actions(self.window)
