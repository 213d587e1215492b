"""Drawing the figure more cheaply while the kiosk shows it, with no visible difference.

A waiting-room screen redraws the figure up to 60 times a second for weeks, at 1920 × 1080
and more, and most of the cost is Qt stroking the antialiased figure afresh each frame. While
the kiosk is on (and undone when it is left):

- the floor, the seat and its legs never move: each is drawn once into a pixmap in screen
  pixels and blitted after that (``DeviceCoordinateCache``);
- every item moves every frame, so the scene's spatial index only costs upkeep (``NoIndex``);
- the string and its halo are joined with mitres instead of round joins: the string is a
  smooth chain of curves, so the joins are invisible, and round joins between its flattened
  pieces were a good share of the whole frame. Its round ends stay;
- the moving parts (body, head, string) are painted by one item, :class:`FigureInOnePass`,
  in screen pixels, from the very items the scene keeps up to date. Those are flagged as
  having no contents, and after each frame the area they left and entered is repainted: the
  same shapes, pens and order, without the scene's per-item set-up and without stroking
  under the centimetre-to-pixel scale, which together cost more than the stroking itself.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from flossgui.ui.figure.figure_view import FigureScene, FigureView

_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_SHAPES = (QGraphicsLineItem, QGraphicsPathItem, QGraphicsEllipseItem, QGraphicsPolygonItem)
#: Bounds of the one item, in scene centimetres: beyond any figure, so wherever a part moved
#: the item is painted there (clipped to what changed).
_EVERYWHERE = QRectF(-1000.0, -1000.0, 2000.0, 2000.0)


def moving_parts(scene: FigureScene) -> list[QGraphicsItem]:
    """The figure's shapes that the one item paints, bottom to top: every visible line, path,
    ellipse or polygon of the scene but the floor and the furniture (angle labels are cards)."""
    static = (scene.floor, scene.furniture, scene.seat)
    return [
        item
        for item in scene.items(Qt.SortOrder.AscendingOrder)
        if isinstance(item, _SHAPES) and item.isVisible() and not any(item is s for s in static)
    ]


class FigureInOnePass(QGraphicsItem):
    """Paints the figure's moving parts, looked up in its scene each time, in screen pixels.

    Keeps no references to the scene or its items (they are owned, and deleted, by the scene).
    """

    def __init__(self, z: float) -> None:
        super().__init__()
        self.setZValue(z)

    def boundingRect(self) -> QRectF:
        return _EVERYWHERE

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scene = self.scene()
        if scene is None:
            return
        to_screen = painter.worldTransform()
        scale = math.sqrt(abs(to_screen.determinant()))
        painter.setWorldTransform(QTransform())
        for item in moving_parts(scene):
            m = item.sceneTransform() * to_screen
            pen = QPen(item.pen())
            pen.setWidthF(pen.widthF() * scale)
            painter.setPen(pen)
            if isinstance(item, QGraphicsLineItem):
                painter.drawLine(m.map(item.line()))
                continue
            painter.setBrush(item.brush())
            if isinstance(item, QGraphicsPathItem):
                painter.drawPath(m.map(item.path()))
            elif isinstance(item, QGraphicsEllipseItem):
                painter.drawEllipse(m.mapRect(item.rect()))
            elif isinstance(item, QGraphicsPolygonItem):
                painter.drawPolygon(m.map(item.polygon()))


class LeanFigure:
    """Applies the cheaper drawing to ``view`` (:meth:`apply`) and puts it back (:meth:`undo`)."""

    def __init__(self, view: FigureView, frame_signals: tuple = ()) -> None:
        self.view = view
        self.frame_signals = frame_signals  # emitted once the scene shows a new frame
        self._saved: tuple | None = None
        self._last = QRectF()

    def apply(self) -> None:
        if self._saved is not None:
            return
        scene = self.view.figure
        static = (scene.floor, scene.furniture, scene.seat)
        strings = (scene.string, scene.string.halo)
        self._saved = (
            [item.cacheMode() for item in static],
            scene.itemIndexMethod(),
            [item.pen().joinStyle() for item in strings],
        )
        for item in static:
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for item in strings:
            _set_join(item, Qt.PenJoinStyle.MiterJoin)
        for item in moving_parts(scene):
            item.setFlag(_NO_CONTENTS, True)
        scene.addItem(FigureInOnePass(scene.string.zValue()))
        for signal in self.frame_signals:
            signal.connect(self._repaint)
        self._last = QRectF()
        self._repaint()

    def _repaint(self, *_: object) -> None:
        """Repaint where the moving parts were and are (they have no contents of their own)."""
        scene = self.view.figure
        now = QRectF()
        for item in moving_parts(scene):
            now = now.united(item.sceneBoundingRect())
        scene.update(now.united(self._last))
        self._last = now

    def undo(self) -> None:
        if self._saved is None:
            return
        scene = self.view.figure
        caches, index, joins = self._saved
        for signal in self.frame_signals:
            signal.disconnect(self._repaint)
        for item in scene.items():
            if isinstance(item, FigureInOnePass):
                scene.removeItem(item)
        for item in scene.items():
            if isinstance(item, _SHAPES):
                item.setFlag(_NO_CONTENTS, False)
        for item, cache in zip((scene.floor, scene.furniture, scene.seat), caches, strict=True):
            item.setCacheMode(cache)
        scene.setItemIndexMethod(index)
        for item, join in zip((scene.string, scene.string.halo), joins, strict=True):
            _set_join(item, join)
        self._saved = None


def _set_join(item: QGraphicsItem, join: Qt.PenJoinStyle) -> None:
    pen = item.pen()
    pen.setJoinStyle(join)
    item.setPen(pen)
