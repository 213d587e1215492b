"""The kiosk's still picture as plain ground and detail paints back exactly the picture."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from flossgui.ui.kiosk.plain_ground import TILE, plain_ground

GROUND = QColor("#f4f1ea")


def _picture(ratio: float) -> QImage:
    """Mostly ground, with an antialiased slanting line, one pixel a shade off the ground, and a
    block in the last corner."""
    image = QImage(round(400 * ratio), round(300 * ratio), QImage.Format.Format_RGB32)
    image.fill(GROUND)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#8b6b4a"), 3.5 * ratio))
    painter.drawLine(QPointF(20.3 * ratio, 250.7 * ratio), QPointF(150.2 * ratio, 40.1 * ratio))
    painter.end()
    image.setPixelColor(round(300 * ratio), round(77 * ratio), GROUND.darker(101))
    image.setPixelColor(image.width() - 1, image.height() - 1, QColor("black"))
    image.setDevicePixelRatio(ratio)
    return image


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0])
def test_ground_and_detail_paint_the_picture_back_exactly(qapp, ratio):
    picture = _picture(ratio)
    colour, detail = plain_ground(picture, ratio)
    assert colour == GROUND
    area = sum(r.width() * r.height() for r in detail)
    assert 0 < area < 0.3 * 400 * 300  # most of it is plain ground

    painted = QImage(picture.size(), QImage.Format.Format_RGB32)
    painted.setDevicePixelRatio(ratio)
    painted.fill(Qt.GlobalColor.magenta)
    painter = QPainter(painted)
    painter.fillRect(QRect(0, 0, 400, 300), colour)
    painter.setClipRegion(detail)
    painter.drawImage(0, 0, picture)
    painter.end()
    assert painted == picture


def test_a_plain_picture_has_no_detail(qapp):
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(GROUND)
    colour, detail = plain_ground(image, 1.0)
    assert colour == GROUND and detail.isEmpty()
    image.setPixelColor(TILE + 3, 5, QColor("black"))  # positive control: one pixel is a tile of detail
    assert plain_ground(image, 1.0)[1].boundingRect() == QRect(TILE, 0, TILE, TILE)
