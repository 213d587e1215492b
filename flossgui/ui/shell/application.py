"""The QApplication as flossgui makes it (name, icon, HiDPI, calm style), whether there is a display,
and still pictures of a window (``--screenshot``)."""

from __future__ import annotations

import os
import sys
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
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from shiboken6 import Shiboken

from flossgui import __version__
from flossgui.core.resources import asset
from flossgui.model.launch import LaunchOptions
from flossgui.ui.shell.settings import APPLICATION, ORGANIZATION, open_settings
from flossgui.ui.theme import style
from flossgui.ui.theme.tr import install_language

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
        app = QApplication([*sys.argv[:1], *style.STYLE_ARGS])
        app.setWindowIcon(QIcon(str(asset("icons", "flossgui.svg"))))
        install_language(app, open_settings())
        style.dress(app)
    return app  # type: ignore[return-value]


def save_screenshot(window: QMainWindow, options: LaunchOptions, at: Callable[[], object]) -> int:
    """Lay ``window`` out at ``options.size``, call ``at`` to move it to ``options.at_s``, and write the PNG."""
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


def show_error(message: str) -> None:
    """One line about why flossgui could not start, in a dialog (plain text), until it is closed."""
    application()
    box = QMessageBox(QMessageBox.Icon.Warning, "flossgui", message)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
