"""Work deferred until a window has been painted once."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

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


def test_watching_the_application_runs_once_for_all_its_widgets(qtbot, qapp):
    """The bench watches the whole application: its first paint, not each widget's (nor the last)."""
    window = QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(QLabel("a"))
    window.layout().addWidget(QLabel("b"))
    calls: list[int] = []
    after_first_paint(qapp, lambda: calls.append(1))
    window.show()
    qtbot.waitUntil(lambda: calls == [1])
    window.repaint()
    qtbot.wait(10)
    assert calls == [1]
