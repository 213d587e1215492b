"""The kiosk draws the figure more cheaply, looks the same, and gives the normal drawing back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from flossgui.ui.kiosk.lean_view import FigureInOnePass, moving_parts

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def _one_pass_items(scene) -> list:
    return [item for item in scene.items() if isinstance(item, FigureInOnePass)]


def _grab(kiosk) -> QImage:
    kiosk.advance(0.0)
    return kiosk.window.figure_view.grab().toImage()


def _differing(a: QImage, b: QImage) -> float:
    """Share of pixels that differ by more than a quarter of the range in some channel."""
    assert a.size() == b.size()
    step = 2
    cells = [(x, y) for x in range(0, a.width(), step) for y in range(0, a.height(), step)]

    def far(x: int, y: int) -> bool:
        p, q = a.pixelColor(x, y), b.pixelColor(x, y)
        return max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue())) > 64

    return sum(far(x, y) for x, y in cells) / len(cells)


def test_lean_drawing_is_on_in_the_kiosk_and_undone_when_left(make_kiosk):
    kiosk = make_kiosk(locked=False)
    scene = kiosk.window.figure_view.figure
    assert scene.furniture.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert scene.itemIndexMethod() == QGraphicsScene.ItemIndexMethod.NoIndex
    assert scene.string.pen().joinStyle() == Qt.PenJoinStyle.MiterJoin
    assert len(_one_pass_items(scene)) == 1 and all(item.flags() & NO_CONTENTS for item in moving_parts(scene))
    kiosk.window.change_mode("patient")
    assert _one_pass_items(scene) == [] and not any(item.flags() & NO_CONTENTS for item in moving_parts(scene))
    assert scene.furniture.cacheMode() == QGraphicsItem.CacheMode.NoCache
    assert scene.itemIndexMethod() == QGraphicsScene.ItemIndexMethod.BspTreeIndex
    assert scene.string.pen().joinStyle() == Qt.PenJoinStyle.RoundJoin
    assert scene.string.halo.pen().joinStyle() == Qt.PenJoinStyle.RoundJoin


def test_lean_drawing_looks_the_same(make_kiosk):
    kiosk = make_kiosk(locked=False)
    kiosk.clock.now = 2.0
    lean = _grab(kiosk)
    kiosk.mode.lean.undo()
    normal = _grab(kiosk)
    assert _differing(lean, normal) < 0.002  # a few antialiased edge pixels (sub-pixel rounding)
    kiosk.clock.now = 6.0
    moved = _grab(kiosk)
    assert _differing(moved, normal) > 0.01  # positive control: a different pose is seen as different
