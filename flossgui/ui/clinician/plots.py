"""Plots for clinicians: one rep of the joints and the string, two variants overlaid, and
the peak tension against seat height.

Curves are computed once per change of settings (:meth:`ClinicianPlots.set_movements`);
during playback :meth:`ClinicianPlots.set_phi` only moves the cursor lines, which a
:class:`~flossgui.ui.clinician.plot_cursor.CursorLayer` draws over a picture of the plots.
Where there is no room for the grid of five (a 1024×600 netbook), one plot is shown at a time,
picked from a list above it.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QStackedLayout, QVBoxLayout, QWidget

from flossgui.model.motion import Movement
from flossgui.model.nerve_curves import RepCurves, peak_tension_by_seat, rep_curves
from flossgui.model.pose import JOINTS
from flossgui.model.seat import SEAT_RANGE_CM
from flossgui.ui.clinician.colours import KIND_COLOURS  # whether shown (solid) or compared with (dashed)
from flossgui.ui.clinician.plot_cursor import CursorLayer
from flossgui.ui.theme import palette
from flossgui.ui.theme.tr import tr

# Calm colours on a light panel (the window's palette); joints in Okabe–Ito colour-blind-safe hues.
_BACKGROUND = palette.PANEL
_TEXT = palette.TEXT
_MUTED = palette.MUTED_LINE
_CURSOR = palette.MUTED_TEXT
_JOINT_COLOURS = dict(zip(JOINTS, ("#0072B2", "#009E73", "#E69F00", "#CC79A7", "#56B4E9"), strict=True))
_SCALE_MARGIN = 0.05  # of each fixed range, above and below
_SEAT_STEP_CM = 2.5
_SEAT_SAMPLES = 101  # per rep, for the seat curve: peaks within 0.5 % and quick to recompute
#: The least room for the grid of five plots with readable axes (logical pixels); below it, one at a time.
GRID_MIN = QSize(560, 490)
#: The angles, length, tension, glide and seat plots: title, axes, and row, column and rows in the grid.
_PLOTS = (
    ("plots.angles", "plots.angle_axis", "plots.rep_axis", (1, 0, 1)),
    ("plots.length", "plots.length_axis", "plots.rep_axis", (2, 0, 1)),
    ("plots.tension", "plots.tension_axis", "plots.rep_axis", (3, 0, 1)),
    ("plots.slide", "plots.slide_axis", "plots.rep_axis", (1, 1, 1)),
    ("plots.seat", "plots.peak_axis", "plots.seat_axis", (2, 1, 2)),
)


def _pen(colour: str, width: float = 2.0, dashed: bool = False) -> pg.QtGui.QPen:
    return pg.mkPen(colour, width=width, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


class ClinicianPlots(QWidget):
    """Angles, string length, tension and glide over a rep, and peak tension by seat height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground(_BACKGROUND)
        self.one_at_a_time = False  # see GRID_MIN

        # Keys in rows of their own (joints above, variants below), so no curve is ever hidden.
        self.joint_legend = self._legend(0, columns=len(JOINTS))
        self.plots = tuple(self._plot(*cell, title, left, bottom) for title, left, bottom, cell in _PLOTS)
        self.angles, self.length, self.tension, self.slide, self.seat = self.plots
        # One key for the variants (same colours in every plot).
        self.variant_legend = self._legend(4, columns=2)
        self.rep_plots = (self.angles, self.length, self.tension, self.slide)
        for plot in self.rep_plots:
            plot.setXRange(0, 100, padding=0.02)
            if plot is not self.angles:
                plot.setXLink(self.angles)
        self.seat.setXRange(*SEAT_RANGE_CM, padding=0.02)
        for plot in (*self.rep_plots, self.seat):
            plot.disableAutoRange(axis="y")  # fixed scales (:meth:`set_scales`): switching variants never rescales

        # Curves for (shown, compared) variants; created once, their data replaced on change.
        self.angle_curves = {
            (j, v): self.angles.plot(pen=_pen(_JOINT_COLOURS[j], dashed=v == 1)) for v in (0, 1) for j in JOINTS
        }
        for j in JOINTS:
            self.joint_legend.addItem(self.angle_curves[j, 0], tr(f"angle.{j}"))
        self.length_curves = [self.length.plot() for _ in (0, 1)]
        self.tension_curves = [self.tension.plot() for _ in (0, 1)]
        self.slide_curves = [self.slide.plot() for _ in (0, 1)]
        self.seat_curves = [self.seat.plot() for _ in (0, 1)]
        self.rest_line = pg.InfiniteLine(
            angle=0, pen=_pen(_MUTED, 1.0, dashed=True), label=tr("plots.rest_length"),
            labelOpts={"position": 0.06, "color": _MUTED, "anchors": [(0, 1), (0, 1)]},
        )  # fmt: skip
        self.length.addItem(self.rest_line)
        self.seat_line = pg.InfiniteLine(
            angle=90, pen=_pen(_CURSOR, 1.0, dashed=True), label=tr("plots.current_seat"),
            labelOpts={"position": 0.95, "color": _CURSOR, "anchors": [(0, 0), (0, 0)]},
        )  # fmt: skip
        self.seat.addItem(self.seat_line)
        # Above this seat the feet hang and the thighs rest level: a change of posture, and a step in the curve.
        self.hang_line = pg.InfiniteLine(
            angle=90, pen=_pen(_MUTED, 1.0, dashed=True), label=tr("plots.feet_hang"),
            labelOpts={"position": 0.95, "color": _MUTED, "anchors": [(0, 0), (0, 0)]},
        )  # fmt: skip
        self.seat.addItem(self.hang_line)
        self.seat_markers = pg.ScatterPlotItem(size=11, pen=pg.mkPen(_BACKGROUND, width=1.5))
        self.seat.addItem(self.seat_markers)

        # The cursor lines live above the plots, not in them: moving them never repaints a plot.
        self.cursor = CursorLayer(self.view, self.rep_plots, _CURSOR, 1.5)
        stack = QWidget()
        layers = QStackedLayout(stack)
        layers.setStackingMode(QStackedLayout.StackingMode.StackAll)
        layers.addWidget(self.view)
        layers.addWidget(self.cursor)
        layers.setCurrentWidget(self.cursor)  # on top
        # Which plot to show when they are shown one at a time.
        self.picker = QComboBox()
        for title, *_ in _PLOTS:
            self.picker.addItem(tr(title))
        self.picker.setAccessibleName(tr("plots.pick"))
        self.picker.hide()
        self.picker.currentIndexChanged.connect(lambda _: self._arrange())
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.picker)
        column.addWidget(stack, 1)

        self.seats_cm = np.arange(SEAT_RANGE_CM[0], SEAT_RANGE_CM[1] + 1e-9, _SEAT_STEP_CM)
        self.curves: list[RepCurves] = []
        self._seat_cache: dict[tuple, np.ndarray] = {}

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        one = size.width() < GRID_MIN.width() or size.height() < GRID_MIN.height()
        if one != self.one_at_a_time:
            self.one_at_a_time = one
            self._arrange()

    def shown_plots(self) -> tuple[pg.PlotItem, ...]:
        """The plots on screen: all five, or the one picked."""
        return (self.plots[self.picker.currentIndex()],) if self.one_at_a_time else self.plots

    def _arrange(self) -> None:
        """Lay out the grid of five, or only the plot picked (with its keys)."""
        layout = self.view.ci
        for item in (self.joint_legend, *self.plots, self.variant_legend):
            if item in layout.items:
                layout.removeItem(item)
        self.picker.setVisible(self.one_at_a_time)
        self.joint_legend.setColumnCount(3 if self.one_at_a_time else len(JOINTS))  # keys never set the width
        self.variant_legend.setColumnCount(1 if self.one_at_a_time else 2)
        if self.one_at_a_time:
            (plot,) = self.shown_plots()
            if plot is self.angles:
                layout.addItem(self.joint_legend, 0, 0)
            layout.addItem(plot, 1, 0)
            layout.addItem(self.variant_legend, 2, 0)
        else:
            layout.addItem(self.joint_legend, 0, 0, colspan=2)
            for plot, (*_, (row, col, rows)) in zip(self.plots, _PLOTS, strict=True):
                layout.addItem(plot, row, col, rowspan=rows)
            layout.addItem(self.variant_legend, 4, 0, colspan=2)
        self.cursor.plots = tuple(p for p in self.shown_plots() if p in self.rep_plots)
        self.cursor.refresh()

    def _legend(self, row: int, columns: int) -> pg.LegendItem:
        legend = pg.LegendItem(labelTextColor=_TEXT, labelTextSize="10pt", colCount=columns, frame=False)
        self.view.addItem(legend, row=row, col=0, colspan=2)
        return legend

    def _plot(self, row: int, col: int, rowspan: int, title: str, left: str, bottom: str) -> pg.PlotItem:
        plot = self.view.addPlot(row=row, col=col, rowspan=rowspan)
        plot.setTitle(tr(title), color=_TEXT, size="11pt")
        for side, key in (("left", left), ("bottom", bottom)):
            axis = plot.getAxis(side)
            axis.setLabel(tr(key), color=_TEXT)
            axis.enableAutoSIPrefix(False)
            axis.setPen(_MUTED)
            axis.setTextPen(_TEXT)
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        return plot

    def set_movements(self, shown: Movement, compared: Movement | None = None) -> None:
        """Recompute every curve for ``shown`` (solid) and ``compared`` (dashed, optional), each in its
        exercise's colour (:data:`KIND_COLOURS`)."""
        movements = [m for m in (shown, compared) if m is not None]
        self.curves = [rep_curves(m) for m in movements]
        self.variant_legend.clear()
        empty = np.empty(0)
        for v in (0, 1):
            if v < len(movements):
                c, movement = self.curves[v], movements[v]
                x, angles, series = 100.0 * c.phi, c.angles, (c.length_cm, c.tension, c.slide_mm)
                seat_x, seat_y = self.seats_cm, self._seat_curve(movement)
                pen = _pen(KIND_COLOURS[movement.exercise.kind], dashed=v == 1)
                for curves in (self.length_curves, self.tension_curves, self.slide_curves, self.seat_curves):
                    curves[v].setPen(pen)
                self.variant_legend.addItem(self.seat_curves[v], tr(movement.exercise.title))
            else:
                x, angles, series, seat_x, seat_y = empty, dict.fromkeys(JOINTS, empty), (empty,) * 3, empty, empty
            for j in JOINTS:
                self.angle_curves[j, v].setData(x, angles[j])
            for curve, y in zip((self.length_curves, self.tension_curves, self.slide_curves), series, strict=True):
                curve[v].setData(x, y)
            self.seat_curves[v].setData(seat_x, seat_y)
        self.rest_line.setValue(self.curves[0].rest_length_cm)
        seat = shown.setup.seat_height_cm
        self.seat_line.setValue(seat)
        hang = shown.feet_hang_from_cm()
        self.hang_line.setVisible(hang is not None)
        if hang is not None:
            self.hang_line.setValue(hang)
        self.seat_markers.setData(
            [seat] * len(movements),
            [float(np.interp(seat, self.seats_cm, self._seat_curve(m))) for m in movements],
            brush=[pg.mkBrush(KIND_COLOURS[m.exercise.kind]) for m in movements],
        )

    def set_scales(self, movements: list[Movement]) -> None:
        """Fix every plot's scale to hold all of ``movements`` (every variant on this set-up), so
        choosing what to show or compare never rescales a plot."""
        curves = [rep_curves(m) for m in movements]

        def span(values: list[np.ndarray], floor: float | None = None) -> tuple[float, float]:
            lo = min(float(v.min()) for v in values) if floor is None else floor
            hi = max(float(v.max()) for v in values)
            pad = max(hi - lo, 1e-6) * _SCALE_MARGIN
            return (lo - pad if floor is None else lo), hi + pad

        self.angles.setYRange(*span([a for c in curves for a in c.angles.values()]), padding=0)
        self.length.setYRange(*span([c.length_cm for c in curves] + [np.array([curves[0].rest_length_cm])]), padding=0)
        self.tension.setYRange(*span([c.tension for c in curves], floor=0.0), padding=0)
        self.slide.setYRange(*span([c.slide_mm for c in curves]), padding=0)
        self.seat.setYRange(*span([self._seat_curve(m) for m in movements], floor=0.0), padding=0)

    def _seat_curve(self, movement: Movement) -> np.ndarray:
        """Peak tension at each of :attr:`seats_cm` (cached: the seat itself is not in the key)."""
        setup = dataclasses.replace(movement.setup, seat_height_cm=SEAT_RANGE_CM[0])
        key = (movement.exercise, setup)
        if key not in self._seat_cache:
            self._seat_cache[key] = peak_tension_by_seat(movement.exercise, setup, self.seats_cm, _SEAT_SAMPLES)
        return self._seat_cache[key]

    @property
    def phi(self) -> float:
        """Where the cursor lines are, as a fraction of the rep."""
        return self.cursor.x / 100.0

    def set_phi(self, phi: float) -> None:
        """Move the cursor to fraction ``phi`` of the rep (only the cursor lines change)."""
        self.cursor.set_x(100.0 * phi)
