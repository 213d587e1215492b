"""Start the window, or render it to a PNG (``--screenshot``)."""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QSize, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from flossgui import __version__
from flossgui.model.session import SessionPlan
from flossgui.text import TEXT
from flossgui.ui import style
from flossgui.ui.clock import ManualClock
from flossgui.ui.main_window import MainWindow
from flossgui.ui.settings import APPLICATION, ORGANIZATION
from flossgui.ui.tutorial import Tutorial


def has_display() -> bool:
    """False on Linux/BSD with no X11 or Wayland display and no Qt platform chosen."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Pass Qt's messages on, less the offscreen plugin's harmless note about size hints."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def application() -> QApplication:
    """The QApplication, created once with the app's name, HiDPI policy and calm style."""
    app = QApplication.instance()
    if app is None:
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            qInstallMessageHandler(_quiet_offscreen)
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(sys.argv[:1])
        style.apply(app)
    return app  # type: ignore[return-value]


def run(options: argparse.Namespace) -> int:
    """Run the window from parsed command-line options; returns the exit status.

    1. Without a display, render offscreen if ``--screenshot`` was asked for, else say so.
    2. Create the application (name and organisation for settings, HiDPI, calm palette).
    3. Build the tutorial from the options: exercise, set-up, speed; a real monotonic clock,
       or a hand-set one at ``--at`` seconds for a screenshot.
    4. Screenshot: lay the window out at ``--size``, grab it, write the PNG, exit 0.
    5. Otherwise show the window, the safety card on first run, and run the event loop.
    """
    from flossgui.cli import exercise_from, setup_from

    if not has_display():
        if options.screenshot is None:
            print(f"flossgui: error: {TEXT['error.no_display']}", file=sys.stderr)
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = application()
    exercise, setup = exercise_from(options), setup_from(options)

    if options.screenshot is not None:
        clock = ManualClock(0.0)
        tutorial = Tutorial(exercise, setup, clock=clock, speed=options.speed, plan=SessionPlan())
        window = MainWindow(tutorial)
        size = QSize(*options.size)
        window.resize(size)
        window.show()
        app.processEvents()
        clock.now = options.at
        tutorial.tick()
        app.processEvents()
        image = window.render_image(size)
        window.close()
        if not image.save(str(options.screenshot), "PNG", 0):  # 0: smallest file
            print(f"flossgui: error: {options.screenshot}: could not write the PNG", file=sys.stderr)
            return 2
        return 0

    tutorial = Tutorial(exercise, setup, speed=options.speed)
    window = MainWindow(tutorial)
    if options.mode != "patient" and options.mode in window.modes:
        window.change_mode(options.mode)
    window.resize(1280, 800)
    window.show()
    tutorial.start()
    window.maybe_show_safety_card()
    return app.exec()
