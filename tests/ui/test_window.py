"""The patient window: controls drive the model, keys, safety, refusing bad input, pictures."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import show_active
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from flossgui.model.exercise import builtin_exercise
from flossgui.model.launch import LaunchOptions
from flossgui.model.motion import Movement, Setup
from flossgui.model.nerve_drawing import StringDrawing
from flossgui.model.session import State
from flossgui.ui.figure.figure_view import render_frame
from flossgui.ui.figure.string_shape import model_string
from flossgui.ui.patient.safety import SAFETY_SEEN_KEY
from flossgui.ui.shell.app import run
from flossgui.ui.shell.main_window import MainWindow
from flossgui.ui.shell.modes import Mode
from flossgui.ui.shell.settings import open_settings
from flossgui.ui.theme.tr import tr, trn


def test_speed_choice_changes_playback_and_tempo(window, tutorial):
    box = window.controls.speed_box
    box.setCurrentIndex(box.findData(0.5))
    box.activated.emit(box.currentIndex())
    assert tutorial.speed == 0.5
    assert window.controls.tempo.text() == tr("speed.tempo", seconds=20)


def test_range_box_changes_the_movement(window, tutorial):
    window.setup_panel.range_box.setValue(50)
    assert tutorial.setup.range_fraction == pytest.approx(0.5)
    assert tutorial.movement.pose(0.35).knee == pytest.approx(45, abs=0.01)


def test_side_mirrors_the_figure(window, tutorial):
    right_knee = tutorial.frame.skeleton.knee
    window.setup_panel.left_button.click()
    assert tutorial.setup.side == "left"
    left = window.figure_view.figure.frame.skeleton
    assert left.facing == -1 and left.knee[0] == pytest.approx(-right_knee[0])


def show_setup(window) -> None:
    """Open the side sheet's set-up tab, as a patient would to change the seat."""
    window.show()
    window.side_panel.setCurrentIndex(1)


def test_seat_height_changes_hip_and_thigh(window, tutorial):
    show_setup(window)
    flat = tutorial.movement.seat
    window.setup_panel.seat_box.setValue(66)
    high = tutorial.movement.seat
    assert high.hip_flexion_deg < flat.hip_flexion_deg - 10
    sk = window.figure_view.figure.frame.skeleton
    assert sk.knee[1] < sk.hip[1]  # thigh now slopes down to the knee
    assert "66" in window.setup_panel.preset_box.currentText()
    assert tr("seat.suggest", cm=0, feel="").split(":")[0] not in window.setup_panel.seat_help.text()  # already high


def test_seat_guidance_offers_a_smaller_movement_first_then_a_higher_seat(window, tutorial):
    show_setup(window)
    text = window.setup_panel.seat_help.text()  # a chair: the floss gets a little tight at the end
    assert tr("seat.string.here", feel=tr("seat.string.little")) in text
    assert text.index(tr("seat.smaller_first")) < text.index(tr("seat.suggest", cm=0, feel="").split(":")[0])
    tutorial.set_exercise(builtin_exercise("nerve-tensioner"))
    assert tr("seat.string.here", feel=tr("seat.string.very")) in window.setup_panel.seat_help.text()
    window.setup_panel.seat_box.setValue(90)  # feet hang: thighs on the seat, no higher seat to suggest
    text = window.setup_panel.seat_help.text()
    assert tr("seat.start.feet_hanging", hip=90) in text and "cm high" not in text


def test_seat_preset_sets_the_height(window, tutorial):
    box = window.setup_panel.preset_box
    box.activated.emit(box.findData(58.0))
    assert tutorial.setup.seat_height_cm == 58.0 and window.setup_panel.seat_box.value() == 58


def type_into(box, text: str, window, qtbot) -> None:
    """Type ``text`` into a spin box as a person would, and press Return."""
    window.show()
    tab = next(i for i in range(window.side_panel.count()) if window.side_panel.widget(i).isAncestorOf(box))
    window.side_panel.setCurrentIndex(tab)  # the side sheet's tab that holds the box
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_out_of_range_seat_is_refused_with_the_range_shown(window, tutorial, qtbot):
    type_into(window.setup_panel.seat_box, "120", window, qtbot)
    assert window.setup_panel.seat_box.value() == 46 and tutorial.setup.seat_height_cm == 46
    note = window.setup_panel.seat_box.note
    assert note.isVisibleTo(window) and "35–90 cm" in note.text()
    assert window.setup_panel.seat_box.text() == "46 cm"  # the last good value, shown again


def test_out_of_range_target_is_refused(window, tutorial, qtbot):
    type_into(window.counter_panel.reps_box, "99", window, qtbot)
    assert window.counter_panel.reps_box.value() == 10 and tutorial.counter.plan.reps_per_set == 10
    assert "1–50" in window.counter_panel.reps_box.note.text()


def test_counter_panel_follows_the_clock_and_rests(window, tutorial, clock):
    window.counter_panel.reps_box.setValue(2)
    tutorial.play()
    clock.advance(15.0)
    tutorial.tick()
    assert window.counter_panel.count.text() == trn("counter.rep_of", 2, rep=1)
    clock.advance(10.0)
    tutorial.tick()
    assert tutorial.counter.state is State.RESTING  # since the set ended at 20 s: 25 s of 30 left
    assert window.counter_panel.status.text() == tr("counter.rest_left", seconds=25)
    assert window.caption.cue.text() == trn("counter.rest_caption", 25)
    window.counter_panel.reset_button.click()
    assert tutorial.counter.reps_done == 0 and tutorial.counter.state is State.EXERCISING


def test_keyboard_shortcuts(window, tutorial, qtbot):
    keys = Qt.Key
    show_active(window, qtbot)
    assert tutorial.playing
    qtbot.keyClick(window.windowHandle(), keys.Key_Space)
    assert not tutorial.playing
    qtbot.keyClick(window.windowHandle(), keys.Key_Right)
    assert tutorial.frame.phase.id == "toes-up"
    qtbot.keyClick(window.windowHandle(), keys.Key_Left)
    assert tutorial.frame.phase.id == "straighten"
    qtbot.keyClick(window.windowHandle(), keys.Key_Up)
    assert tutorial.speed == 1.5
    qtbot.keyClick(window.windowHandle(), keys.Key_Down)
    qtbot.keyClick(window.windowHandle(), keys.Key_Down)
    assert tutorial.speed == 0.75
    qtbot.keyClick(window.windowHandle(), keys.Key_Minus)
    assert tutorial.range_percent == 90 and window.setup_panel.range_box.value() == 90
    qtbot.keyClick(window.windowHandle(), keys.Key_Plus)
    assert tutorial.range_percent == 100
    qtbot.keyClick(window.windowHandle(), keys.Key_F11)
    assert window.isFullScreen()
    qtbot.keyClick(window.windowHandle(), keys.Key_F11)
    assert not window.isFullScreen()


def test_every_control_has_an_accessible_name(window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox

    controls = [
        w
        for kind in (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox)
        for w in window.findChildren(kind)
        if w.parent() is not None and w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.objectName() != "qt_scrollarea"
        and not w.objectName().startswith("qt_")
    ]  # fmt: skip
    assert len(controls) > 15
    assert [w for w in controls if not w.accessibleName()] == []


def test_symptoms_make_smaller(window, tutorial):
    window.report_symptoms()
    assert not tutorial.playing and window.symptoms_dialog.isVisible()
    window.symptoms_dialog.smaller_button.click()
    assert tutorial.range_percent == 75 and not window.symptoms_dialog.isVisible()
    assert window.caption.notice.text() == tr("symptoms.smaller.done", percent=75)


def test_symptoms_stop_for_today(window, tutorial, clock):
    clock.advance(3.0)
    tutorial.tick()
    window.symptoms_button.click()
    window.symptoms_dialog.stop_button.click()
    assert not tutorial.playing and tutorial.frame.phi == 0.0
    assert window.caption.notice.text() == tr("symptoms.stop.done")
    assert window.caption.cue.text() == tr("cue.start")


def test_symptoms_at_least_range_says_stop(window, tutorial):
    tutorial.set_range_percent(10)
    window.report_symptoms()
    window.symptoms_dialog.smaller_button.click()
    assert tutorial.range_percent == 10
    assert window.caption.notice.text() == tr("symptoms.smaller.least")


def test_safety_card_shows_on_first_run_only(qtbot, tutorial):
    first = MainWindow(tutorial)
    qtbot.addWidget(first)
    assert first.maybe_show_safety_card()
    assert first.safety_card.isVisible()
    first.safety_card.ok_button.click()
    assert open_settings().value(SAFETY_SEEN_KEY, False, type=bool)
    second = MainWindow(tutorial)
    qtbot.addWidget(second)
    assert not second.maybe_show_safety_card()
    second.safety_button.click()  # but it can always be reopened
    assert second.safety_card.isVisible()


def test_string_explanation_expands(window):
    window.show()
    assert not window.caption.string_text.isVisible()
    window.caption.string_button.click()
    assert window.caption.string_text.isVisible()
    assert tr("string.long") in window.caption.string_text.text()


def test_frames_update_items_in_place(window, tutorial, clock):
    scene = window.figure_view.figure
    items = scene.items()
    for _ in range(10):
        clock.advance(0.5)
        tutorial.tick()
    assert scene.items() == items
    assert scene.string.tension == tutorial.frame.string.tension
    assert window.figure_view.gauge.tension == tutorial.frame.string.tension


def test_a_new_string_source_is_drawn(window, tutorial):
    def source(frame):
        drawing = model_string(frame)
        return StringDrawing(drawing.waypoints[:4], drawing.controls[:3], 0.25, drawing.beads)

    window.set_string_source(source)
    tutorial.tick()
    assert window.figure_view.figure.string.tension == 0.25


def test_mode_switching(window):
    class Bare(Mode):
        name = "bare"

        def activate(self):
            self.window.side_panel.hide()

        def deactivate(self):
            self.window.side_panel.show()

    window.add_mode(Bare(window))
    window.change_mode("bare")
    assert window.mode.name == "bare" and not window.side_panel.isVisibleTo(window)
    window.change_mode("patient")
    assert window.side_panel.isVisibleTo(window)


def test_render_frame_to_image(qapp):
    movement = Movement(builtin_exercise(), Setup(seat_height_cm=70))
    a = render_frame(movement, 0.0, QSize(320, 240))
    b = render_frame(movement, 0.5, QSize(320, 240))
    assert a.size() == QSize(320, 240) and a != b


def _options(tmp_path, at: float, **extra) -> LaunchOptions:
    from flossgui.cli.main import build_parser
    from flossgui.cli.options import launch_options

    argv = ["--screenshot", str(tmp_path / f"s{at}.png"), "--at", str(at), "--size", "1024x768"]
    return launch_options(build_parser().parse_args(argv + [a for k, v in extra.items() for a in (f"--{k}", str(v))]))


def test_screenshots_are_written_and_differ_with_time(qapp, tmp_path):
    images = []
    for at in (0.0, 3.5):
        assert run(_options(tmp_path, at)) == 0
        image = QImage(str(tmp_path / f"s{at}.png"))
        assert image.size() == QSize(1024, 768)
        images.append(image)
    assert images[0] != images[1]


def test_screenshot_smaller_than_the_window_is_scaled_to_size(qapp, tmp_path):
    options = replace(_options(tmp_path, 1.0), size=(400, 300))
    assert run(options) == 0
    assert QImage(str(options.screenshot)).size() == QSize(400, 300)


def test_no_display_fails_with_one_line(monkeypatch, capsys, tmp_path):
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    options = replace(_options(tmp_path, 0.0), screenshot=None)
    assert run(options) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--screenshot" in err


def test_space_plays_and_pauses_whatever_button_has_focus(window, tutorial, qtbot):
    """Space never presses the focused button (it once opened "Imagine a string")."""
    show_active(window, qtbot)
    string_button = window.caption.string_button
    string_button.setFocus()
    playing = tutorial.playing
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Space)
    assert tutorial.playing is not playing and not string_button.isChecked()


def test_down_is_slower_even_with_the_speed_box_focused(window, tutorial, qtbot):
    show_active(window, qtbot)
    window.controls.speed_box.setFocus()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Down)
    assert tutorial.speed == 0.75
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Up)
    assert tutorial.speed == 1.0


def test_typing_in_a_field_keeps_its_keys(window, tutorial, qtbot):
    """Positive control for the shortcuts: a focused number field gets its arrows, not the window."""
    show_active(window, qtbot)
    window.side_panel.setCurrentIndex(1)
    box = window.setup_panel.range_box
    box.setFocus()
    before_speed, before_range = tutorial.speed, box.value()
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Down)
    assert tutorial.speed == before_speed and box.value() < before_range


def test_keys_are_shown_in_the_menus(window):
    playback = {a.text().replace("&", ""): a.shortcut().toString() for a in window.playback_menu.actions()}
    assert playback["Play or pause"] == "Space" and playback["Slower"] == "Down" and playback["Next step"] == "Right"
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["View", "Playback", "Session", "Export", "Help"]


def test_seat_guidance_waits_until_the_set_up_is_on_screen(window):
    """Its search over the movement is not paid at start-up, while the first tab shows."""
    window.show()
    assert window.setup_panel.seat_help.text() == ""
    show_setup(window)
    assert window.setup_panel.seat_help.text() != ""


def test_gauge_stays_in_its_corner_when_a_notice_shows(window):
    """A notice above the figure shrinks the view; the gauge neither moves nor leaves the view."""
    window.show()
    QApplication.processEvents()
    gauge, view = window.figure_view.gauge, window.figure_view
    before = gauge.pos()
    window.caption.show_notice(tr("symptoms.stop.done"))
    QApplication.processEvents()
    assert gauge.pos() == before and gauge.isVisible()
    assert view.rect().contains(gauge.geometry())
