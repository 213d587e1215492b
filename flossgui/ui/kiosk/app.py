"""Starting the kiosk: ``flossgui --kiosk [--config PATH]``, or a screenshot of it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from flossgui.kiosk.config import DEFAULT_CONFIG_PATH, load_kiosk_config
from flossgui.kiosk.lockout_file import default_lockout_path
from flossgui.model.clock import ManualClock
from flossgui.model.launch import LaunchOptions
from flossgui.model.playback import Clock
from flossgui.ui.kiosk.log import report_errors
from flossgui.ui.kiosk.mode import KioskMode
from flossgui.ui.kiosk.screen_awake import ScreenAwake
from flossgui.ui.shell.application import save_screenshot
from flossgui.ui.shell.build import build_window
from flossgui.ui.shell.main_window import MainWindow
from flossgui.ui.shell.tutorial import Tutorial


def config_path(options: LaunchOptions) -> Path | None:
    """``--config``, else the system-wide file if there is one (where ``flossgui kiosk-pin`` writes)."""
    if options.kiosk_config is not None:
        return options.kiosk_config
    return DEFAULT_CONFIG_PATH if DEFAULT_CONFIG_PATH.exists() else None


def paint_on_one_thread() -> None:
    """Keep Qt's painting on the GUI thread; call before the first paint. Qt otherwise hands every
    fill of 96 spans or more, and every image drawn under a clip of many rectangles, to a pool of
    threads and waits for them: for the kiosk's frames that hand-over (waking threads, 60 times a
    second) costs more than the painting (packaging/kiosk/README.md, "CPU")."""
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")  # read by Qt when the pool is first wanted


def build_kiosk(
    options: LaunchOptions,
    clock: Clock,
    *,
    locked: bool,
    wall: Callable[[], datetime] = datetime.now,
    keep_awake: Callable[[bool], object] = lambda on: None,
    lockout_path: Path | None = None,
) -> tuple[MainWindow, KioskMode]:
    """Read the settings (reporting what is wrong, going on with defaults) and make the kiosk
    window, in kiosk mode; the movement's speed and leg come from the settings."""
    config, errors = load_kiosk_config(config_path(options))
    report_errors(errors)
    tutorial = Tutorial(options.exercise, replace(options.setup, side=config.side), clock=clock, speed=config.speed)
    window = build_window(tutorial, remember=False)  # the kiosk's settings, never a patient's preferences
    mode = KioskMode(window, config, wall=wall, keep_awake=keep_awake, locked=locked, lockout_path=lockout_path)
    window.add_mode(mode)
    window.change_mode(mode.name)
    return window, mode


def run_kiosk(options: LaunchOptions) -> int:
    """Run the kiosk until staff leave it with the PIN; returns the exit status.

    With ``--screenshot``: compose the screen at ``--size`` on a hand-set clock at ``--at``
    seconds, without taking over the display, and write the PNG.
    """
    if options.screenshot is not None:
        clock = ManualClock(0.0)
        window, mode = build_kiosk(options, clock, locked=False)

        def at() -> None:
            clock.now = options.at_s
            mode.loop.tick()
            mode.loop.housekeep()

        return save_screenshot(window, options, at)

    paint_on_one_thread()
    app = QApplication.instance()
    app.setQuitOnLastWindowClosed(False)
    awake = ScreenAwake()
    window, _ = build_kiosk(
        options, time.monotonic, locked=True, keep_awake=awake.hold, lockout_path=default_lockout_path()
    )
    status = app.exec()
    awake.hold(False)
    window.tutorial.stop()
    return status
