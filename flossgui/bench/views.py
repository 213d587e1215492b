"""The windows under test: the patient/clinician window driven frame by frame from a clock
the bench sets, and the kiosk, started as ``flossgui --kiosk --config FILE`` starts it.

The settings live in a temporary file, so the bench never reads or writes the user's own.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from flossgui.model.clock import ManualClock
from flossgui.model.exercise import builtin_exercise
from flossgui.model.playback import Clock
from flossgui.ui.kiosk.mode import KioskMode
from flossgui.ui.patient.safety import SAFETY_SEEN_KEY
from flossgui.ui.shell.application import application
from flossgui.ui.shell.build import build_window
from flossgui.ui.shell.main_window import MainWindow
from flossgui.ui.shell.tutorial import Tutorial


@dataclass
class View:
    """The window, its tutorial, and the clock that tutorial reads."""

    window: MainWindow
    tutorial: Tutorial
    clock: ManualClock

    @property
    def mode(self) -> str:
        return self.window.mode.name if self.window.mode else ""

    def modes(self) -> list[str]:
        """The modes this window offers (patient; clinician and kiosk as they arrive)."""
        return list(self.window.modes)

    def change_mode(self, name: str) -> None:
        self.window.change_mode(name)
        QApplication.processEvents()

    def show_at(self, seconds: float) -> None:
        """Compute the frame ``seconds`` into the animation and update the widgets (not yet painted)."""
        self.clock.now = seconds
        self.tutorial.tick()


def settings_file(folder: str) -> str:
    """An INI file in ``folder`` for a returning user: the safety card has been seen."""
    path = os.path.join(folder, "flossgui.ini")
    settings = QSettings(path, QSettings.Format.IniFormat)
    settings.setValue(SAFETY_SEEN_KEY, True)
    settings.sync()
    return path


@contextmanager
def shown_window() -> Iterator[View]:
    """The window shown at 1280×800 in patient mode, on a clock the bench sets.

    Creates the application as the app does (name, style) if there is none yet.
    """
    application()
    with tempfile.TemporaryDirectory(prefix="flossgui-bench-") as folder:
        clock = ManualClock()
        tutorial = Tutorial(builtin_exercise(), clock=clock)
        window = build_window(tutorial, QSettings(settings_file(folder), QSettings.Format.IniFormat))
        window.resize(1280, 800)
        window.show()
        QApplication.processEvents()
        try:
            yield View(window, tutorial, clock)
        finally:
            window.close()


@contextmanager
def shown_kiosk(
    config_toml: str, clock: Clock, wall: Callable[[], datetime], size: tuple[int, int] = (1280, 800)
) -> Iterator[KioskMode]:
    """The kiosk, built by the app's own :func:`~flossgui.ui.kiosk.app.build_kiosk` from a settings
    file holding ``config_toml``, shown at ``size`` and running (its own timers started).

    Unlocked: the bench never takes over the screen (the lock is an event filter and a full-screen
    window, idle without input). Reads the monotonic ``clock`` and the ``wall`` clock given.
    """
    from flossgui.model.launch import LaunchOptions
    from flossgui.ui.kiosk.app import build_kiosk

    application()
    with tempfile.TemporaryDirectory(prefix="flossgui-bench-") as folder:
        config = Path(folder, "kiosk.toml")
        config.write_text(config_toml, encoding="utf-8")
        options = LaunchOptions(mode="kiosk", kiosk_config=config)
        window, mode = build_kiosk(options, clock, locked=False, wall=wall)
        window.resize(*size)
        window.show()
        QApplication.processEvents()
        try:
            yield mode
        finally:
            window.change_mode("patient")
            window.close()
