"""Start the window, or render it to a PNG (``--screenshot``)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QSize,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from flossgui import __version__
from flossgui.model.clock import ManualClock
from flossgui.resources import asset
from flossgui.text.translate import tr
from flossgui.ui import style
from flossgui.ui.first_paint import after_first_paint
from flossgui.ui.main_window import MainWindow
from flossgui.ui.patient_session import PatientSession, open_history
from flossgui.ui.settings import APPLICATION, ORGANIZATION, open_settings
from flossgui.ui.tr import install_language
from flossgui.ui.tutorial import Tutorial

DESKTOP_FILE_NAME = "io.github.flossgui.flossgui"
"""The desktop entry's name less ``.desktop``: the app id of packaging/linux."""


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
        # Lets Wayland compositors and docks match the window to the installed desktop entry
        # (packaging/linux) for its name and icon; the window icon covers X11 and no install.
        QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
        app = QApplication(sys.argv[:1])
        app.setWindowIcon(QIcon(str(asset("icons", "flossgui.svg"))))
        install_language(app, open_settings())
        style.apply(app)
    return app  # type: ignore[return-value]


def save_screenshot(window: MainWindow, options: argparse.Namespace, at: Callable[[], object]) -> int:
    """Lay ``window`` out at ``--size``, call ``at`` to move it to ``--at``, and write the PNG."""
    app = QApplication.instance()
    size = QSize(*options.size)
    window.resize(size)
    window.show()
    app.processEvents()
    at()
    app.processEvents()
    image = window.render_image(size)
    window.close()
    Shiboken.delete(window)  # now, with its timers: not whenever the garbage collector gets to it
    if not image.save(str(options.screenshot), "PNG", 0):  # 0: smallest file
        print(f"flossgui: error: {options.screenshot}: could not write the PNG", file=sys.stderr)
        return 2
    return 0


def run(options: argparse.Namespace) -> int:
    """Run the window from parsed command-line options; returns the exit status.

    1. Without a display, render offscreen if ``--screenshot`` was asked for, else say so.
    2. Create the application (name and organisation for settings, HiDPI, calm palette).
    3. ``--kiosk``: hand over to :func:`flossgui.ui.kiosk_app.run_kiosk`.
    4. Build the tutorial from the options: exercise, set-up, speed; a real monotonic clock,
       or a hand-set one at ``--at`` seconds for a screenshot.
    5. Patient mode gets guided sessions, the programme builder and exports; the diary is
       opened just after the first paint.
    6. Screenshot: lay the window out at ``--size``, grab it, write the PNG, exit 0.
    7. Otherwise show the window, the safety card on first run, and run the event loop.
    """
    from flossgui.cli import exercise_from, setup_from

    if not has_display():
        if options.screenshot is None:
            print(f"flossgui: error: {tr('error.no_display')}", file=sys.stderr)
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = application()
    if options.mode == "kiosk":
        from flossgui.ui.kiosk_app import run_kiosk

        return run_kiosk(options)
    screenshot = options.screenshot is not None
    clock = ManualClock(0.0) if screenshot else time.monotonic
    tutorial = Tutorial(exercise_from(options), setup_from(options), clock=clock, speed=options.speed)
    window = MainWindow(tutorial)
    if options.mode == "patient":
        session = PatientSession(window, options.programme)
        if not screenshot:  # a screenshot shows the same window but never opens (or creates) the diary
            after_first_paint(window, lambda: (session.set_history(*open_history()), session.player.prepare()))
    elif options.mode in window.modes:
        window.change_mode(options.mode)

    if screenshot:

        def at() -> None:
            clock.now = options.at
            tutorial.tick()

        return save_screenshot(window, options, at)

    window.resize(1280, 800)
    window.show()
    tutorial.start()
    window.maybe_show_safety_card()
    return app.exec()
