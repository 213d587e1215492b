"""A stand-in for the patient window as it first appears: the same Qt widgets, scene items,
menus and style, and none of flossgui's own code (no model, settings, text or behaviour).

Its start-up is the least a window of these widgets costs in PySide6 on this machine, so the
bench can tell what the app's own work adds from what the widgets themselves cost.
``tests/test_bench_standin.py`` keeps its widget census equal to the real window's.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainterPath, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGraphicsScene,
    QGraphicsView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

_TEXT = "Straighten the knee slowly as you sit up"


def _labels(layout: QVBoxLayout | QHBoxLayout, count: int) -> None:
    for i in range(count):
        layout.addWidget(QLabel(f"{_TEXT} ({i})"))


def _buttons(layout: QVBoxLayout | QHBoxLayout, count: int) -> None:
    for i in range(count):
        layout.addWidget(QPushButton(f"Button {i}"))


def _caption() -> QWidget:
    caption = QWidget()
    layout = QVBoxLayout(caption)
    _labels(layout, 5)
    buttons = QWidget()
    _buttons(QHBoxLayout(buttons), 2)
    layout.addWidget(buttons)
    return caption


def _figure() -> QGraphicsView:
    view = QGraphicsView()
    scene = QGraphicsScene(view)
    path = QPainterPath(QPointF(0, 0))
    path.cubicTo(10, 40, 30, 60, 50, 90)
    for i in range(4):
        scene.addLine(QLineF(0, i, 40, 80 + i))
    for i in range(5):
        scene.addPath(path.translated(i, 0))
        scene.addSimpleText(f"{i}°")
    for i in range(7):
        scene.addRect(QRectF(-100 + i, 0, 200, 20))
    for i in range(9):
        scene.addEllipse(QRectF(i * 4, 0, 8, 8))
    for i in range(2):
        scene.addPolygon(QPolygonF([QPointF(0, 0), QPointF(10 + i, 0), QPointF(5, 8)]))
    view.setScene(scene)
    gauge = QWidget(view)  # the tension gauge
    gauge.resize(120, 24)
    return view


def _side_tab(fields: int, labels: int) -> QScrollArea:
    tab = QWidget()
    layout = QVBoxLayout(tab)
    group = QGroupBox("Reps and sets")
    form = QFormLayout(group)
    for i in range(fields):
        form.addRow(QLabel(f"Field {i}"), QSpinBox())
    panel = QWidget()  # a panel of its own, as each part of the side sheet is
    QVBoxLayout(panel).addWidget(group)
    layout.addWidget(panel)
    _labels(layout, labels)
    area = QScrollArea()
    area.setWidget(tab)
    area.setWidgetResizable(True)
    return area


def _side_sheet() -> QTabWidget:
    session, setup = _side_tab(3, 8), _side_tab(3, 8)
    inner = setup.widget().layout()
    inner.addWidget(QRadioButton("Left"))
    inner.addWidget(QRadioButton("Right"))
    inner.addWidget(QComboBox())
    _buttons(session.widget().layout(), 3)
    sheet = QTabWidget()
    sheet.addTab(session, "Session")
    sheet.addTab(setup, "Set-up")
    sheet.setFixedWidth(330)
    return sheet


def _transport() -> QWidget:
    bar = QWidget()
    layout = QHBoxLayout(bar)
    layout.addWidget(QSlider(Qt.Orientation.Horizontal))
    for _ in range(3):  # steps, speed, session: each a group of its own
        part = QWidget()
        inner = QHBoxLayout(part)
        _buttons(inner, 2)
        _labels(inner, 1)
        layout.addWidget(part)
    layout.addWidget(QComboBox())
    return bar


def _menus(window: QMainWindow) -> None:
    """Five menus on the bar and a submenu, with 32 actions, 12 of them with keys."""
    bar = window.menuBar()
    menus = [bar.addMenu(f"Menu {i}") for i in range(5)]
    menus.append(menus[0].addMenu("Submenu"))
    for i in range(32):
        action = QAction(f"Action {i}", window)
        if i < 12:
            action.setShortcut(QKeySequence(f"Ctrl+{chr(ord('A') + i)}"))
        menus[i % len(menus)].addAction(action)
        window.addAction(action)


def standin_window() -> QMainWindow:
    """The stand-in, laid out as the patient window is (caption and figure beside the side sheet,
    the transport bar below, the menus above)."""
    window = QMainWindow()
    pages = QStackedWidget()
    pages.addWidget(_figure())
    stage = QSplitter(Qt.Orientation.Horizontal)
    stage.addWidget(pages)
    main = QVBoxLayout()
    main.addWidget(_caption())
    main.addWidget(stage, 1)
    row = QHBoxLayout()
    row.addLayout(main, 1)
    row.addWidget(_side_sheet())
    central = QWidget()
    outer = QVBoxLayout(central)
    outer.addLayout(row, 1)
    outer.addWidget(_transport())
    window.setCentralWidget(central)
    _menus(window)
    return window
