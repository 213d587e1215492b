"""Drawing the figure more cheaply while the kiosk shows it, with no visible difference.

A waiting-room screen redraws the figure up to 60 times a second for weeks, at 1920 × 1080
and more, and most of the cost is Qt stroking the antialiased figure afresh each frame. While
the kiosk is on (and undone when it is left):

- the floor, the seat and its legs never move: each is drawn once into a pixmap in screen
  pixels and blitted after that (``DeviceCoordinateCache``);
- every item moves every frame, so the scene's spatial index only costs upkeep (``NoIndex``);
- the string and its halo are joined with mitres instead of round joins: the string is a
  smooth chain of curves, so the joins are invisible, and round joins between its flattened
  pieces were a good share of the whole frame. Its round ends stay.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from flossgui.ui.figure.figure_view import FigureView


class LeanFigure:
    """Applies the cheaper drawing to ``view`` (:meth:`apply`) and puts it back (:meth:`undo`)."""

    def __init__(self, view: FigureView) -> None:
        self.view = view
        self._saved: tuple | None = None

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

    def undo(self) -> None:
        if self._saved is None:
            return
        scene = self.view.figure
        caches, index, joins = self._saved
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
