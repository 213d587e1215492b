"""A small gauge of the string's tension: a bar from "slack" to "taut" in the string's colour."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from flossgui.ui.figure.string_shape import tension_colour, tension_level
from flossgui.ui.theme import palette, style
from flossgui.ui.theme.tr import tr

_TRACK = palette.FLOOR_FILL
_PAD = 8


class TensionGauge(QWidget):
    """Shows one tension (model scale) on the display scale of :func:`tension_level`.

    Repaints only when the fill would visibly change, so a paused or slack string costs nothing.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tension = 0.0
        self.level = 0.0
        self.setFont(style.scaled_font(0.95))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(tr("nerve.gauge.title"))
        self.resize(self.sizeHint())

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        width = max(fm.horizontalAdvance("M") * 11, fm.horizontalAdvance(tr("nerve.gauge.title")))
        return QSize(width + 2 * _PAD, 2 * fm.height() + fm.height() // 2 + 2 * _PAD + 6)

    def set_tension(self, tension: float) -> None:
        """Show model ``tension`` (0 slack, 1 = 10 % strain)."""
        self.tension = tension
        level = tension_level(tension)
        if abs(level - self.level) >= 0.002 or (level == 0.0) != (self.level == 0.0):
            self.level = level
            self.setAccessibleDescription(f"{round(100 * level)} %")
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        fm = self.fontMetrics()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.setPen(QPen(QColor(palette.FLOOR), 1.0))
        p.setBrush(QColor(palette.PANEL))
        p.drawRoundedRect(box, 6, 6)

        inner = box.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        p.setPen(QColor(palette.TEXT))
        p.drawText(QRectF(inner.left(), inner.top(), inner.width(), fm.height()), tr("nerve.gauge.title"))
        bar = QRectF(inner.left(), inner.top() + fm.height() + 3, inner.width(), fm.height() / 2)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(_TRACK))
        p.drawRoundedRect(bar, bar.height() / 2, bar.height() / 2)
        fill = QRectF(bar.left(), bar.top(), max(bar.height(), bar.width() * self.level), bar.height())
        p.setBrush(QColor(tension_colour(self.tension)))
        p.drawRoundedRect(fill, bar.height() / 2, bar.height() / 2)
        p.setPen(QColor(palette.MUTED_TEXT))
        under = QRectF(inner.left(), bar.bottom() + 3, inner.width(), fm.height())
        p.drawText(under, Qt.AlignmentFlag.AlignLeft, tr("nerve.gauge.slack"))
        p.drawText(under, Qt.AlignmentFlag.AlignRight, tr("nerve.gauge.taut"))
        p.end()
