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
#: The in-app text size, on top of the system's: allowed factors and one step of View ▸ Larger text.
TEXT_SCALE_RANGE: tuple[float, float] = (0.8, 1.6)
TEXT_SCALE_STEP = 0.1
STYLE = "Fusion"
#: Arguments that make a new QApplication start in :data:`STYLE`: cheaper at start-up than
#: ``setStyle``, whose returned QStyle makes PySide create that class's enums (about 6 ms).
STYLE_ARGS = ["-style", STYLE]
_FONT_FACTOR = "flossgui_font_factor"  # dynamic properties: how set_font scaled a widget's font
_FONT_BOLD = "flossgui_font_bold"
_system_font: QFont | None = None  # the application font before flossgui scaled it
_text_scale = 1.0


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
    """Give ``widget`` the application font scaled by ``factor`` (and again whenever the text size changes)."""
    widget.setProperty(_FONT_FACTOR, factor)
    widget.setProperty(_FONT_BOLD, bold)
    widget.setFont(scaled_font(factor, bold=bold))


def text_scale() -> float:
    """The in-app text size factor (1 = the system's size)."""
    return _text_scale


def set_text_scale(app: QApplication, scale: float) -> float:
    """Scale every text by ``scale`` (clamped to :data:`TEXT_SCALE_RANGE`); returns the factor used."""
    global _text_scale
    lo, hi = TEXT_SCALE_RANGE
    _text_scale = min(max(float(scale), lo), hi) if scale == scale else 1.0  # NaN: the system's size
    app.setFont(scaled_font(BODY_SCALE * _text_scale, base=_system_font or app.font()))
    for widget in app.allWidgets():
        factor = widget.property(_FONT_FACTOR)
        if factor is not None:
            widget.setFont(scaled_font(float(factor), bold=bool(widget.property(_FONT_BOLD))))
    return _text_scale


def apply(app: QApplication) -> None:
    """:data:`STYLE`, the calm palette and a slightly larger base font for the whole application."""
    app.setStyle(STYLE)
    dress(app)


def dress(app: QApplication) -> None:
    """The calm palette, the larger base font and the style sheet (for an app already in :data:`STYLE`)."""
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
    global _system_font
    if _system_font is None:
        _system_font = QFont(app.font())
    app.setFont(scaled_font(BODY_SCALE * _text_scale, base=_system_font))
    app.setStyleSheet(
        f"""
        QPushButton {{ padding: 0.35em 0.9em; border: 1px solid {palette.FLOOR}; border-radius: 6px;
                       background: {palette.PANEL}; }}
        QPushButton:focus {{ border: 2px solid {palette.ACCENT}; }}
        QPushButton#primary {{ background: {palette.ACCENT}; color: {palette.ON_ACCENT}; border-color: {palette.ACCENT};
                               font-weight: bold; }}
        QPushButton#primary:focus {{ border: 2px solid {palette.TEXT}; }}
        QPushButton#warning {{ color: {palette.WARNING}; border-color: {palette.WARNING}; }}
        QPushButton:disabled, QPushButton#primary:disabled {{ background: {palette.FLOOR_FILL};
                               color: {palette.MUTED_TEXT}; border: 1px dashed {palette.FLOOR}; font-weight: normal; }}
        QLabel#notice {{ background: {palette.NOTICE_BG}; border-radius: 6px; padding: 0.5em; }}
        QLabel#muted {{ color: {palette.MUTED_TEXT}; }}
        QGroupBox {{ font-weight: bold; border: 1px solid #D8D2C4; border-radius: 8px; margin-top: 1.2em;
                     padding: 0.4em; background: {palette.PANEL}; }}
        QGroupBox::title {{ subcontrol-origin: margin; left: 0.6em; padding: 0 0.3em; }}
        """
    )
