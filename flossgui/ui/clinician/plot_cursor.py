"""A playback cursor over still plots, drawn without repainting the plots.

A cursor that is an item of the plots' scene dirties them every frame: Qt then replays
every axis, grid and curve under the line (pyqtgraph's ``AxisItem.paint`` for eight axes, at
10 ms a frame). Here the plots are pictured once, whenever their scene changes (new curves,
a resize), and an opaque layer above them paints that picture with the cursor lines on top.
A frame repaints only the two thin strips where a line left and arrived, and only when it
moved by a whole device pixel.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget


class CursorLayer(QWidget):
    """Paints a picture of ``view`` and, over each of ``plots``, a vertical line at data x.

    Lay it exactly over ``view`` (e.g. in a ``QStackedLayout`` that stacks all). The lines share
    one x in data units (``set_x``); each plot's own x range maps it to pixels.
    """

    def __init__(self, view: pg.GraphicsView, plots: Sequence[pg.PlotItem], colour: str, width: float) -> None:
        super().__init__()
        self.view = view
        self.plots = tuple(plots)
        self.pen = QPen(QColor(colour), width)
        self.x = 0.0
        self._picture: QPixmap | None = None
        self._spans: list[tuple[float, float, float, float]] = []  # per plot: px at x = 0, px per unit, top, bottom
        self._drawn: list[int] = []  # each line's x in device pixels, as last painted
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every pixel painted: the plots below never are
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.scene().changed.connect(self.refresh)

    def set_x(self, x: float) -> None:
        """Move every line to data ``x``; repaints only if a line moves by a device pixel."""
        self.x = x
        if self._picture is None:
            return  # the next paint takes the picture and draws the lines
        drawn = self._device_xs()
        if drawn != self._drawn:
            for old, new, span in zip(self._drawn, drawn, self._spans, strict=True):
                if old != new:
                    self.update(self._strip(old, span))
                    self.update(self._strip(new, span))
            self._drawn = drawn

    def line_xs(self) -> list[float]:
        """Where each line is drawn now, in this widget's (logical) pixels."""
        ratio = self.devicePixelRatioF()
        return [d / ratio for d in self._device_xs()]

    # -- picture ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Picture the plots again at the next paint: curves, ranges, legend or size changed, or
        :attr:`plots` did."""
        self._picture = None
        self.update()

    def _take_picture(self) -> None:
        picture = self.view.grab()
        to_view = self.view.viewportTransform()
        offset = QPointF(self.view.viewport().mapTo(self.view, QPoint()) + self.view.pos() - self.pos())
        self._spans = []
        for plot in self.plots:
            vb = plot.vb
            left = to_view.map(vb.mapViewToScene(QPointF(0.0, 0.0))).x() + offset.x()
            right = to_view.map(vb.mapViewToScene(QPointF(1.0, 0.0))).x() + offset.x()
            box = to_view.mapRect(vb.sceneBoundingRect()).translated(offset)
            self._spans.append((left, right - left, box.top(), box.bottom()))
        self._picture = picture  # after grab(): its paint may emit changed(), which must not undo this

    def _device_xs(self) -> list[int]:
        ratio = self.devicePixelRatioF()
        return [math.floor((x0 + per_unit * self.x) * ratio) for x0, per_unit, _, _ in self._spans]

    def _strip(self, device_x: int, span: tuple[float, float, float, float]) -> QRect:
        ratio, half = self.devicePixelRatioF(), self.pen.widthF()
        x = (device_x + 0.5) / ratio
        return QRectF(x - half - 1, span[2], 2 * half + 2, span[3] - span[2]).toAlignedRect()

    # -- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._picture is None:
            self._take_picture()
            self._drawn = self._device_xs()
        assert self._picture is not None
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)  # clipped to the dirty strips by Qt
        painter.setPen(self.pen)
        ratio = self.devicePixelRatioF()
        for device_x, (_, _, top, bottom) in zip(self._drawn, self._spans, strict=True):
            x = (device_x + 0.5) / ratio  # the centre of the device pixel: a crisp line
            painter.drawLine(QLineF(x, top, x, bottom))
        painter.end()
