"""The installed Qt binding is one the app can run on for weeks."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter


def test_void_qt_calls_keep_their_reference_to_none(qapp):
    # PySide6 6.12.0 on CPython 3.11 returns None from void methods without taking a reference:
    # None's count falls by one per call until the interpreter aborts, seconds into an animation.
    image = QImage(8, 8, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.drawRect(QRectF(0, 0, 1, 1))
    after = sys.getrefcount(None)
    painter.end()
    assert after > before - 100, "this PySide6 drops references to None; see the pin in pyproject.toml"
