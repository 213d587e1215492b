"""Look and feel: the calm palette on every widget, and fonts scaled from the system's.

Sizes are factors of the application font (which follows the user's system setting), never
fixed pixel sizes, so the whole window grows with the user's chosen text size.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from flossgui.ui.theme import palette

CAPTION_SCALE = 1.9  # the current step, to be read from a couple of metres
TITLE_SCALE = 1.25
COUNTER_SCALE = 2.6
BODY_SCALE = 1.1  # everything else, a little larger than the desktop default


def scaled_font(factor: float, *, bold: bool = False, base: QFont | None = None) -> QFont:
    """The application font (or ``base``) scaled by ``factor``."""
    font = QFont(base if base is not None else QApplication.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    else:  # a pixel-sized font: scale that instead
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


def set_font(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    """Give ``widget`` the application font scaled by ``factor``."""
    widget.setFont(scaled_font(factor, bold=bold))


def apply(app: QApplication) -> None:
    """The calm palette and a slightly larger base font for the whole application."""
    app.setStyle("Fusion")
    pal = QPalette()
    colours = {
        QPalette.ColorRole.Window: palette.BACKGROUND,
        QPalette.ColorRole.Base: palette.PANEL,
        QPalette.ColorRole.AlternateBase: palette.BACKGROUND,
        QPalette.ColorRole.Button: palette.PANEL,
        QPalette.ColorRole.WindowText: palette.TEXT,
        QPalette.ColorRole.Text: palette.TEXT,
        QPalette.ColorRole.ButtonText: palette.TEXT,
        QPalette.ColorRole.ToolTipBase: palette.PANEL,
        QPalette.ColorRole.ToolTipText: palette.TEXT,
        QPalette.ColorRole.Highlight: palette.ACCENT,
        QPalette.ColorRole.HighlightedText: palette.ON_ACCENT,
        QPalette.ColorRole.PlaceholderText: palette.MUTED_TEXT,
    }
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    app.setPalette(pal)
    app.setFont(scaled_font(BODY_SCALE, base=app.font()))
    app.setStyleSheet(
        f"""
        QPushButton {{ padding: 0.35em 0.9em; border: 1px solid {palette.FLOOR}; border-radius: 6px;
                       background: {palette.PANEL}; }}
        QPushButton:focus {{ border: 2px solid {palette.ACCENT}; }}
        QPushButton#primary {{ background: {palette.ACCENT}; color: {palette.ON_ACCENT}; border-color: {palette.ACCENT};
                               font-weight: bold; }}
        QPushButton#primary:focus {{ border: 2px solid {palette.TEXT}; }}
        QPushButton#warning {{ color: {palette.WARNING}; border-color: {palette.WARNING}; }}
        QLabel#notice {{ background: {palette.NOTICE_BG}; border-radius: 6px; padding: 0.5em; }}
        QLabel#muted {{ color: {palette.MUTED_TEXT}; }}
        QGroupBox {{ font-weight: bold; border: 1px solid #D8D2C4; border-radius: 8px; margin-top: 1.2em;
                     padding: 0.4em; background: {palette.PANEL}; }}
        QGroupBox::title {{ subcontrol-origin: margin; left: 0.6em; padding: 0 0.3em; }}
        """
    )
