"""Work deferred until a window has been painted once."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from flossgui.ui.shell.first_paint import after_first_paint


def test_runs_once_after_the_first_paint(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    after_first_paint(widget, lambda: calls.append(1))
    qtbot.wait(10)
    assert calls == []  # not shown, not painted
    widget.show()
    qtbot.waitUntil(lambda: calls == [1])
    widget.update()
    widget.repaint()
    qtbot.wait(10)
    assert calls == [1]
