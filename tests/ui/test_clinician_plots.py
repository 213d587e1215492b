"""Clinician plots: the curves, the cursor, the compared variant and the seat marker."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from flossgui.model.exercise import VARIANTS, builtin_exercise
from flossgui.model.motion import Movement, Setup
from flossgui.ui.clinician.plots import _CURSOR as CURSOR
from flossgui.ui.clinician.plots import GRID_MIN, ClinicianPlots


def movement(kind: str = "slider", seat: float = 46.0) -> Movement:
    return Movement(builtin_exercise(VARIANTS[kind]), Setup(seat_height_cm=seat))


@pytest.fixture
def plots(qtbot) -> ClinicianPlots:
    widget = ClinicianPlots()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.set_movements(movement(), movement("tensioner"))
    return widget


def test_plots_show_one_rep_of_angles_and_string(plots):
    knee = plots.angle_curves["knee", 0].getData()[1]
    assert knee[0] == pytest.approx(90) and knee.min() == pytest.approx(0, abs=1e-6)
    for curves in (plots.length_curves, plots.tension_curves, plots.slide_curves):
        x, y = curves[0].getData()
        assert x[0] == 0 and x[-1] == 100 and len(y) == len(x) > 100
    assert plots.rest_line.value() == pytest.approx(plots.curves[0].rest_length_cm)


def test_compared_variant_is_overlaid(plots):
    shown, compared = (c.getData()[1] for c in plots.tension_curves)
    assert compared.max() > 4 * shown.max()  # the tensioner against the floss
    assert plots.angle_curves["neck", 1].getData()[1].min() == pytest.approx(55)  # chin kept down
    assert len(plots.variant_legend.items) == 2
    plots.set_movements(movement())
    assert plots.tension_curves[1].getData() == (None, None)  # no comparison: its curves are emptied
    assert len(plots.variant_legend.items) == 1


def expected_xs(plots: ClinicianPlots, phi: float) -> list[float]:
    """Where each rep plot shows ``phi`` of the rep, in the widget's pixels."""
    return [plots.view.mapFromScene(p.vb.mapViewToScene(QPointF(100 * phi, 0))).x() for p in plots.rep_plots]


def test_cursor_follows_phi_without_repainting_the_plots(plots, qtbot):
    plots.show()
    qtbot.waitExposed(plots)
    changes: list[object] = []
    plots.view.scene().changed.connect(changes.append)
    for _ in range(10):  # pyqtgraph lays the plots out over the first few paints
        changes.clear()
        plots.grab()
        QApplication.processEvents()
        if not changes:
            break
    items = [len(p.items) for p in plots.rep_plots]
    for phi in (0.0, 0.35, 0.999):
        plots.set_phi(phi)
        QApplication.processEvents()
        assert plots.phi == pytest.approx(phi)
        xs = plots.cursor.line_xs()
        assert xs == pytest.approx(expected_xs(plots, phi), abs=1)
        image = plots.grab().toImage()
        y = plots.view.mapFromScene(plots.tension.vb.sceneBoundingRect().center()).y()
        assert image.pixelColor(round(xs[2]), y).name() == CURSOR.lower()  # drawn over the tension plot
    assert changes == []  # the plots' own scene never changed: nothing of them was repainted
    assert [len(p.items) for p in plots.rep_plots] == items


def test_seat_marker_moves_with_the_seat_and_sits_on_the_curve(plots):
    def marker() -> tuple[np.ndarray, np.ndarray]:
        return plots.seat_markers.getData()

    x46, y46 = marker()
    plots.set_movements(movement(seat=60), movement("tensioner", seat=60))
    x60, y60 = marker()
    assert list(x46) == [46, 46] and list(x60) == [60, 60] and plots.seat_line.value() == 60
    assert y60[1] < y46[1]  # higher seat, lower peak tension
    seats, peaks = plots.seat_curves[1].getData()
    assert y60[1] == pytest.approx(np.interp(60, seats, peaks))


def test_renders_at_clinic_size(plots, tmp_path):
    plots.show()
    path = tmp_path / "plots.png"
    assert plots.grab().save(str(path))
    assert path.stat().st_size > 10_000


def test_the_seat_plot_marks_where_the_feet_leave_the_floor(plots):
    """The curve steps there (thighs level from then on); the line says why."""
    shown = movement()
    assert plots.hang_line.isVisible() and plots.hang_line.value() == pytest.approx(shown.feet_hang_from_cm())
    seats, peaks = plots.seat_curves[1].getData()  # the tensioner's: it falls as the seat rises…
    rises = seats[1:][np.diff(peaks) > 1e-9]
    assert len(rises) > 0 and np.all(np.abs(rises - plots.hang_line.value()) <= 1.0)  # …but at the line


def test_a_small_panel_shows_one_plot_at_a_time_picked_from_a_list(plots, qtbot):
    """A 1024×600 netbook leaves no room for the grid of five: one readable plot at a time instead."""
    plots.show()
    qtbot.waitExposed(plots)
    assert not plots.one_at_a_time and not plots.picker.isVisible()
    assert len(plots.shown_plots()) == 5 and all(p.scene() is not None for p in plots.plots)
    plots.resize(GRID_MIN.width() - 120, GRID_MIN.height() - 120)
    qtbot.waitUntil(lambda: plots.one_at_a_time)
    assert plots.picker.isVisible() and plots.picker.accessibleName()
    assert plots.shown_plots() == (plots.angles,) and plots.tension.scene() is None
    plots.picker.setFocus()
    qtbot.keyClick(plots.picker, Qt.Key.Key_Down)  # as a user picks: the next plot
    qtbot.keyClick(plots.picker, Qt.Key.Key_Down)
    assert plots.shown_plots() == (plots.tension,) and plots.angles.scene() is None
    assert plots.cursor.plots == (plots.tension,)  # the playback cursor is drawn over it alone
    QApplication.processEvents()
    plots.grab()
    box = plots.view.mapFromScene(plots.tension.vb.sceneBoundingRect()).boundingRect()
    assert box.height() >= 100 and box.width() >= 250  # the one plot gets the room
    plots.set_phi(0.5)
    QApplication.processEvents()
    assert plots.cursor.line_xs() == pytest.approx(expected_xs(plots, 0.5)[2:3], abs=1)
    plots.resize(1280, 800)
    qtbot.waitUntil(lambda: not plots.one_at_a_time)
    assert not plots.picker.isVisible() and len(plots.shown_plots()) == 5
    assert all(p.scene() is not None for p in plots.plots) and plots.cursor.plots == plots.rep_plots
