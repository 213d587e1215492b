"""What the kiosk shows outside opening hours: the screen dimmed, or blank."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout

from flossgui.ui.kiosk.overlay import Overlay, screen_unit, set_pixel_font
from flossgui.ui.theme.tr import tr

DIM = QColor(16, 22, 26, 225)  # the frozen figure still shows, faintly
BLANK = QColor(0, 0, 0)
_TEXT, _TEXT_BG = "#C9D1D6", "#10161A"  # 10:1

if TYPE_CHECKING:
    from flossgui.ui.shell.main_window import MainWindow


class Curtain(Overlay):
    """Dims (``"dim"``: dark veil and a quiet line saying when it opens) or blanks the window."""

    def __init__(self, parent: MainWindow, outside_hours: str) -> None:
        blank = outside_hours == "blank"
        super().__init__(parent, BLANK if blank else DIM)
        self.label = QLabel(self)  # a child at once: shown alone, it would be a window
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # may quote a file or its text
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet(f"color: {_TEXT}; background: {_TEXT_BG}; border-radius: 16px; padding: 0.6em 1.2em;")
        self.label.setVisible(not blank)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignCenter)

    def close_until(self, reopens: datetime | None) -> None:
        """Draw the curtain; ``reopens`` is when the room opens again (None: not this week)."""
        lines = [tr("kiosk.closed")]
        if reopens is not None:
            day = QLocale().dayName(reopens.isoweekday())
            lines.append(tr("kiosk.opens", time=f"{reopens:%H:%M}", day=day))
        self.label.setText("\n".join(lines))
        self.show_on_top()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        set_pixel_font(self.label, 44 * screen_unit(event.size()))
