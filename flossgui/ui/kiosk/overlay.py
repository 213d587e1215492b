"""Layers laid over a whole window (the closed-hours curtain, the staff PIN pad), and fonts
sized for a screen read from across a room."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from flossgui.ui.shell.main_window import MainWindow

#: The long side, in pixels, of the screen for which the kiosk's sizes are given (1080p).
DESIGN_LONG_SIDE = 1920


def screen_unit(size: QSize) -> float:
    """How many pixels one design pixel is on a window of ``size``.

    Sizes follow the screen's long side (less, if the screen is squarer than 16:9), since a
    kiosk's text must fill the same share of the screen whatever panel it runs on, landscape
    or portrait.
    """
    long, short = max(size.width(), size.height()), min(size.width(), size.height())
    return max(min(long, short * 16 / 9), 1) / DESIGN_LONG_SIDE


def set_pixel_font(widget: QWidget, pixels: float, *, bold: bool = False) -> None:
    """Give ``widget`` the application font at ``pixels`` high (never below 8)."""
    font = QFont(widget.font())
    font.setPixelSize(max(8, round(pixels)))
    font.setBold(bold)
    widget.setFont(font)


class Overlay(QWidget):
    """A layer over the whole of its parent window, painted in one (often translucent) colour.

    It keeps to the window's size, and clicks on it never reach the widgets underneath.
    Hidden until shown.
    """

    def __init__(self, parent: MainWindow, colour: QColor) -> None:
        super().__init__(parent)
        self.colour = colour
        self.setAttribute(Qt.WidgetAttribute.WA_NoMousePropagation)
        parent.resized.connect(lambda size: self.setGeometry(0, 0, size.width(), size.height()))
        self.setGeometry(parent.rect())
        self.hide()

    def show_on_top(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.end()
