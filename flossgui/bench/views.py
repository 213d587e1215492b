"""The views the bench draws, each with a way to put one moment of the animation on it.

The bench drives a view from a fake clock, so every figure is reproducible and no view keeps
its own time. Until ``flossgui.ui`` provides the patient window, a stand-in figure view (one
pyqtgraph :class:`~pyqtgraph.GraphItem`, as the design suggests) is measured instead, and
labelled so.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from flossgui.model.exercise import builtin_exercise
from flossgui.model.kinematics import Skeleton
from flossgui.model.motion import Frame, Movement
from flossgui.model.playback import Playback


@dataclass
class View:
    """A view under test: its top-level widget and ``show_at(seconds)``, which computes the
    frame that many seconds into the animation and updates the widget (without painting)."""

    name: str
    widget: QWidget
    show_at: Callable[[float], None]


class FakeClock:
    """A monotonic clock that reads whatever it was last set to."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class StandInFigure(pg.PlotWidget):
    """The skeleton as one GraphItem updated in place, head drawn to scale."""

    _ADJ = np.array([[Skeleton.NAMES.index(a), Skeleton.NAMES.index(b)] for a, b in Skeleton.BONES])
    _HEAD = Skeleton.NAMES.index("head")

    def __init__(self) -> None:
        super().__init__()
        self.setAspectLocked(True)
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.setXRange(-80, 120)
        self.setYRange(0, 160)
        self.disableAutoRange()
        self._pos = np.zeros((len(Skeleton.NAMES), 2))
        self._size = np.zeros(len(Skeleton.NAMES))
        self._graph = pg.GraphItem(pen=pg.mkPen(width=6), pxMode=False, symbolPen=pg.mkPen(width=3), symbolBrush=None)
        self.addItem(self._graph)

    def show_frame(self, frame: Frame) -> None:
        """Draw ``frame`` at the next paint."""
        for i, name in enumerate(Skeleton.NAMES):
            self._pos[i] = frame.skeleton.point(name)
        self._size[self._HEAD] = 2 * frame.skeleton.head_radius
        self._graph.setData(pos=self._pos, adj=self._ADJ, size=self._size)


def stand_in_view() -> View:
    """The stand-in figure view, played from a fake clock."""
    movement = Movement(builtin_exercise())
    clock = FakeClock()
    playback = Playback(movement.exercise.period_s, clock)
    figure = StandInFigure()

    def show_at(seconds: float) -> None:
        clock.now = seconds
        figure.show_frame(movement.frame(playback.cycles))

    return View("stand-in", figure, show_at)


def views() -> list[Callable[[], View]]:
    """Makers of every view to measure (call them once a QApplication exists)."""
    return [stand_in_view]


def has_window() -> bool:
    """Whether this install has the flossgui window (it is being written)."""
    try:
        return importlib.util.find_spec("flossgui.ui.app") is not None
    except ModuleNotFoundError:
        return False
