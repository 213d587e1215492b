"""Guard against a broken Qt binding: PySide6 6.12.0 on Python 3.11 drops a reference to None
on every void call, and the app aborts after a few seconds of animation."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QGraphicsLineItem


def test_void_qt_calls_keep_none_alive(qapp):
    item = QGraphicsLineItem()
    before = sys.getrefcount(None)
    for _ in range(1000):
        item.setLine(0, 0, 1, 1)
    assert sys.getrefcount(None) >= before - 10
