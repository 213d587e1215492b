"""The clinician view: plots in sync with the figure, variants, compare, angles, mirror, present."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import show_active
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QImage

from flossgui.model.nerve import BEADS
from flossgui.model.nerve_curves import peak_tension
from flossgui.model.pose import JOINTS
from flossgui.ui.clinician.mode import ClinicianMode
from flossgui.ui.figure.figure_view import angle_text
from flossgui.ui.figure.string_shape import SAG_EXAGGERATION
from flossgui.ui.shell.app import run
from flossgui.ui.theme.tr import tr


@pytest.fixture
def clinician(window) -> ClinicianMode:
    window.change_mode("clinician")
    return window.modes["clinician"]


def _choose(box, kind) -> None:
    box.setCurrentIndex(box.findData(kind))
    box.activated.emit(box.currentIndex())


def _at(tutorial, clock, seconds: float):
    clock.advance(seconds)
    return tutorial.tick()


def test_clinician_view_has_plots_and_tools(window, clinician):
    assert clinician.plots.isVisibleTo(window) and clinician.bar.isVisibleTo(window)
    assert not window.counter_panel.isVisibleTo(window)
    assert window.mode_actions.checkedAction().data() == "clinician"
    shown = window.tutorial.movement
    assert clinician.plots.curves[0].peak_tension == pytest.approx(peak_tension(shown.exercise, shown.setup), abs=1e-3)


def test_cursor_follows_the_clock_and_the_scrub_while_frozen(window, clinician, tutorial, clock):
    for seconds in (1.0, 2.4, 1.5):
        frame = _at(tutorial, clock, seconds)
        assert clinician.plots.phi == pytest.approx(frame.phi)
    window.controls.play_button.click()  # freeze
    assert not tutorial.playing
    window.controls.scrub.sliderMoved.emit(700)
    frame = _at(tutorial, clock, 5.0)
    assert not tutorial.playing and frame.phi == pytest.approx(0.7)
    assert clinician.plots.phi == pytest.approx(0.7)
    window.controls.next_button.click()  # phase buttons while frozen
    assert clinician.plots.phi == pytest.approx(tutorial.frame.phi)


def test_variant_switch_changes_the_exercise_and_the_plots(clinician, tutorial, clock):
    before = _at(tutorial, clock, 3.0).cycles
    _choose(clinician.bar.variant_box, "tensioner")
    assert tutorial.movement.exercise.kind == "tensioner" and tutorial.frame.cycles == pytest.approx(before)
    # it was the compared one, so now the floss is compared with it
    assert clinician.bar.compare_box.currentData() == "slider"
    assert clinician.plots.curves[0].peak_tension > 3 * clinician.plots.curves[1].peak_tension


def test_compare_overlay_appears_and_goes(clinician):
    curve = clinician.plots.tension_curves[1]
    _choose(clinician.bar.compare_box, None)
    assert curve.getData() == (None, None) and len(clinician.plots.curves) == 1
    _choose(clinician.bar.compare_box, "mistake")
    x, y = curve.getData()
    assert len(x) > 100 and y.max() > clinician.plots.curves[0].peak_tension
    assert len(clinician.plots.variant_legend.items) == 2


def test_mirror_flips_the_figure_but_not_the_text(window, clinician, tutorial):
    view, scene = window.figure_view, window.figure_view.figure
    clinician.bar.angles_action.setChecked(True)
    window.show()
    sk = tutorial.frame.skeleton

    def knee_right_of_hip() -> bool:
        return view.mapFromScene(QPointF(*sk.knee)).x() > view.mapFromScene(QPointF(*sk.hip)).x()

    assert knee_right_of_hip()
    clinician.bar.mirror_action.setChecked(True)
    assert view.mirrored and not knee_right_of_hip()
    for label in scene.angle_labels.values():
        assert label.deviceTransform(view.viewportTransform()).m11() == pytest.approx(1.0)
    assert tutorial.setup.side == "right"  # independent of the leg
    window.change_mode("patient")
    assert not view.mirrored and not scene.angle_labels_shown


def test_angle_labels_show_the_poses_degrees_in_place(window, clinician, tutorial, clock):
    scene = window.figure_view.figure
    assert not scene.angle_labels_shown
    window.show()
    clinician.bar.angles_action.setChecked(True)
    items = scene.items()
    frame = _at(tutorial, clock, 3.4)
    angles = frame.pose.as_dict()
    for joint in JOINTS:
        assert scene.angle_labels[joint].text.text() == angle_text(joint, angles[joint])
    assert angle_text("knee", frame.pose.knee) == tr("angle.label", joint=tr("angle.knee"), degrees="0")
    assert angle_text("ankle", -40.0).endswith("−40°")
    _at(tutorial, clock, 1.0)
    assert scene.items() == items
    rect = scene.sceneRect()
    assert all(rect.contains(label.pos()) for label in scene.angle_labels.values())


def test_tensioner_draws_the_string_tighter_at_the_straight_knee(window, clinician, tutorial):
    string = window.figure_view.figure.string

    def drawn_at_straight_knee() -> tuple[float, str]:
        tutorial.seek_phi(0.35)
        assert tutorial.frame.pose.knee == pytest.approx(0, abs=0.1)
        return string.tension, string.pen().color().name()

    slider = drawn_at_straight_knee()
    _choose(clinician.bar.variant_box, "tensioner")
    tensioner = drawn_at_straight_knee()
    assert tensioner[0] > 2 * slider[0] and tensioner[1] != slider[1]
    assert window.figure_view.gauge.level > 0.4


def test_beads_slide_over_a_rep_and_come_back(window, tutorial, clock):
    beads = window.figure_view.figure.string.beads
    thigh = beads[BEADS.index("midthigh")]
    knee = window.figure_view.figure.frame.skeleton.knee
    positions = []
    for _ in range(21):
        positions.append((thigh.scenePos().x(), thigh.scenePos().y()))
        _at(tutorial, clock, 0.5)
    path = np.array(positions)
    assert np.hypot(*(path - path[0]).T).max() > 1.5  # cm: the glide (about 1 cm) drawn 3 times as far
    assert np.hypot(*(path[-1] - path[0])) < 0.1
    assert len(beads) == len(BEADS) and knee is not None


def test_mode_switch_keeps_the_playback_position_and_gives_back_the_exercise(window, tutorial, clock):
    frame = _at(tutorial, clock, 3.4)
    window.change_mode("clinician")
    assert tutorial.tick().cycles == pytest.approx(frame.cycles)
    _choose(window.modes["clinician"].bar.variant_box, "mistake")
    window.mode_actions.actions()[0].trigger()  # View ▸ Patient view
    assert window.mode.name == "patient" and tutorial.movement.exercise.kind == "slider"
    assert tutorial.tick().cycles == pytest.approx(frame.cycles)
    assert window.counter_panel.isVisibleTo(window)
    assert not window.modes["clinician"].plots.isVisibleTo(window)


def test_clinician_keys_and_present(window, clinician, qtbot):
    show_active(window, qtbot)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_M)
    assert window.figure_view.mirrored
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_A)
    assert window.figure_view.figure.angle_labels_shown
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F5)
    assert window.isFullScreen() and not window.side_panel.isVisible() and clinician.plots.isVisible()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F5)
    assert not window.isFullScreen() and window.side_panel.isVisible()
    window.change_mode("patient")
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_M)
    assert not window.figure_view.mirrored  # patient mode has no such key


def test_about_the_model_from_the_toolbar_and_the_help_menu(window, clinician):
    clinician.bar.about_action.trigger()
    dialog = window.about_model_dialog
    assert dialog.isVisible() and tr("nerve.about").split("\n")[0] in dialog.text.text()
    assert f"{SAG_EXAGGERATION:g} times deeper" in dialog.text.text()
    dialog.close_button.click()
    about = next(a for a in window.help_menu.actions() if a.text() == tr("nerve.about.title"))
    about.trigger()
    assert window.about_model_dialog is dialog and dialog.isVisible()


def test_clinician_screenshot(qapp, tmp_path):
    from flossgui.cli.main import build_parser
    from flossgui.cli.options import launch_options

    path = tmp_path / "clinician.png"
    options = launch_options(
        build_parser().parse_args(["--screenshot", str(path), "--mode", "clinician", "--at", "4.9"])
    )
    assert run(options) == 0
    assert QImage(str(path)).size() == QSize(1280, 800)


def test_mode_keys_win_over_window_wide_keys(window, qtbot):
    """M mutes in the patient window (guided sessions) but mirrors in the clinician view."""
    from flossgui.ui.shell.build import patient_session

    session = patient_session(window)
    show_active(window, qtbot)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_M)  # through the window system, as shortcuts are
    assert session.player.muted
    window.change_mode("clinician")
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_M)
    assert session.player.muted and window.figure_view.mirrored
