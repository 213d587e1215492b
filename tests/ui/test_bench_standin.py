"""The bench's stand-in (:mod:`flossgui.bench.standin`) keeps the patient window's widgets, scene
items and actions as they are at the first paint, so its start-up stays the floor for that window."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGraphicsView, QWidget

from flossgui.bench.standin import standin_window


def census(window: QWidget) -> Counter[str]:
    """How many of each Qt class (a subclass counts as its nearest Qt class) the window holds."""

    def qt_class(thing: object) -> str:
        return next(k.__name__ for k in type(thing).__mro__ if k.__module__.startswith("PySide6"))

    counts = Counter(qt_class(w) for w in [window, *window.findChildren(QWidget)])
    counts["actions"] = len(window.findChildren(QAction))
    counts["actions with keys"] = sum(bool(a.shortcuts()) for a in window.findChildren(QAction))
    (view,) = window.findChildren(QGraphicsView)
    counts.update(f"scene: {qt_class(item)}" for item in view.scene().items())
    return counts


def test_the_stand_in_has_the_patient_windows_widgets(make_window, qtbot):
    real = make_window(staged=True)  # as it is at the first paint
    stand_in = standin_window()
    qtbot.addWidget(stand_in)
    for window in (real, stand_in):
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
    want, have = census(real), census(stand_in)
    assert sum(want.values()) > 150  # the census sees the real window
    for name in sorted(set(want) | set(have)):
        off = abs(want[name] - have[name])
        assert off <= max(1, want[name] // 10), f"{name}: window {want[name]}, stand-in {have[name]}"
