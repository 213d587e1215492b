"""The patient window's guided features, driven as a patient would: pages, start, stop, close, symptoms,
memory, diary, builder and exports."""

from __future__ import annotations

import logging

import pytest
from conftest import click, run_for, show_active
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from flossgui.diary.store import History
from flossgui.model.clock import ManualClock
from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Setup
from flossgui.model.preferences import VERSION_KEY
from flossgui.model.programme import Programme, load_programme
from flossgui.model.session import SessionPlan
from flossgui.model.symptoms import Choice, Symptoms
from flossgui.ui.session.audio import CuePlayer, SilentOutput
from flossgui.ui.session.guided import Stage
from flossgui.ui.session.patient_session import MUTED_KEY, PatientSession, open_history, plan_fields
from flossgui.ui.session.programme_dialog import ProgrammeDialog
from flossgui.ui.shell.build import build_window, patient_session
from flossgui.ui.shell.main_window import MainWindow
from flossgui.ui.shell.settings import load_preferences, open_settings
from flossgui.ui.shell.tutorial import Tutorial
from flossgui.ui.theme.tr import tr, trn


@pytest.fixture
def silent(tutorial) -> CuePlayer:
    return CuePlayer(tutorial.movement.exercise, SilentOutput())


@pytest.fixture
def window(make_window, history, silent, tutorial, qtbot):
    """A patient window whose own plan is 1 rep × 2 sets, 5 s rest; shown, so it can be clicked."""
    w = make_window(history=history, player=silent)
    tutorial.set_plan(SessionPlan(reps_per_set=1, sets=2, rest_s=5))
    w.show()
    qtbot.waitExposed(w)
    yield w
    patient_session(w).guided.stop()  # no question about closing the window at clean-up


@pytest.fixture
def session(window) -> PatientSession:
    return patient_session(window)


def start(session):
    """Press "Start my session", and confirm the programme if there is one."""
    click(session.start_button)
    if session.programme is not None:
        assert session.confirm_dialog.isVisible()
        click(session.confirm_start)


def start_one_set_of_five(session, tutorial) -> None:
    """Start a session of one set of five reps, 5 s rest."""
    tutorial.set_plan(SessionPlan(reps_per_set=5, sets=1, rest_s=5))
    start(session)


def test_pages_follow_the_session(session, window, tutorial, clock):
    start(session)
    assert not session.start_button.isVisibleTo(window) and window.current_page() is None
    run_for(tutorial, clock, 1.0)
    assert session.overlay.text() == "2"
    run_for(tutorial, clock, 12.5)
    assert window.current_page() is session.rest_page
    assert session.rest_page.check.isVisibleTo(window)
    click(session.rest_page.check.answers[Symptoms.WORSE])
    click(session.rest_page.check.choices[Choice.SMALLER])
    assert tr("guided.rest.smaller", percent=75) == session.rest_page.status.text()
    click(session.rest_page.skip_button)
    assert session.guided.stage is Stage.COUNT_IN
    run_for(tutorial, clock, 14.0)
    assert window.current_page() is session.finish_page
    finish = session.finish_page
    assert finish.check.isVisibleTo(window) and not finish.summary.isVisibleTo(window)  # the last check first
    click(finish.check.answers[Symptoms.SAME])
    assert not finish.check.isVisibleTo(window) and finish.summary.isVisibleTo(window)
    assert finish.summary.text() == tr("guided.finish.done", reps=trn("count.reps", 2), sets=trn("count.sets", 2))
    [record] = session.history.sessions()
    assert record.outcome == "finished" and [s.range_percent for s in record.sets] == [100, 75]
    assert [s.symptoms for s in record.sets] == [Symptoms.WORSE, Symptoms.SAME]


def test_start_uses_what_the_patient_set(session, window, tutorial, qtbot):
    panel, setup = window.counter_panel, window.setup_panel
    type_into(panel.reps_box, "3", qtbot)
    type_into(panel.sets_box, "1", qtbot)
    open_setup_tab(window)
    type_into(setup.range_box, "60", qtbot)
    click(setup.left_button)
    assert session.plan_label.text() == tr("guided.plan.own", **plan_fields(session.own_programme()))
    start(session)
    plan = tutorial.counter.plan
    assert (plan.reps_per_set, plan.sets, plan.rest_s) == (3, 1, 5)
    assert (tutorial.setup.side, tutorial.range_percent, tutorial.speed) == ("left", 60, 1.0)


def test_a_programme_is_previewed_then_confirmed(session, window, tutorial):
    session.use_programme(Programme(reps=4, sets=1, side="left", range_percent=70, title="Week 2"))
    assert (tutorial.setup.side, tutorial.range_percent) == ("left", 70)  # the figure shows it before Start
    click(session.start_button)
    dialog = session.confirm_dialog
    assert dialog.isVisible() and "Week 2" in dialog.text() and "70 %" in dialog.text()
    assert session.guided.stage is Stage.IDLE  # nothing starts without a yes
    [not_now] = [b for b in dialog.buttons() if b.text() == tr("guided.confirm.cancel")]
    click(not_now)
    assert session.guided.stage is Stage.IDLE and not dialog.isVisible()
    start(session)
    assert session.guided.stage is Stage.COUNT_IN and tutorial.counter.plan.reps_per_set == 4
    assert session.confirm_dialog is dialog  # made once, then reused


def test_play_while_the_check_waits_neither_moves_nor_counts(session, window, tutorial, clock, qtbot):
    start(session)
    run_for(tutorial, clock, 3.0 + 10.0 + 6.0)  # one rep, then the 5 s rest runs out unanswered
    assert session.guided.stage is Stage.CHECK
    play = window.controls.play_button
    assert not play.isEnabled()
    tutorial.play()  # Space, the menu, anything that reaches Play
    qtbot.keyClick(window, Qt.Key.Key_Space)
    run_for(tutorial, clock, 30.0)
    assert not tutorial.playing and tutorial.counter.reps_done == 1
    click(session.rest_page.check.answers[Symptoms.BETTER])
    assert session.guided.stage is Stage.COUNT_IN and play.isEnabled()


def test_after_a_session_play_works_at_once(session, window, tutorial, clock):
    tutorial.set_plan(SessionPlan(reps_per_set=1, sets=1, rest_s=5))
    start(session)
    run_for(tutorial, clock, 14.0)
    click(session.finish_page.check.answers[Symptoms.BETTER])
    assert session.guided.stage is Stage.FINISHED
    click(window.controls.play_button)
    assert tutorial.playing and window.current_page() is None
    assert session.guided.stage is Stage.IDLE and tutorial.counter.plan.sets == 1  # the patient's own plan
    run_for(tutorial, clock, 10.25)
    assert tutorial.counter.reps_done == 1  # free play counts again


def test_stop_session_from_the_menu(session, window, tutorial, clock):
    start(session)
    run_for(tutorial, clock, 3.0 + 12.0)
    session.stop_action.trigger()
    assert session.guided.stage is Stage.STOPPED and not tutorial.playing
    [record] = session.history.sessions()
    assert record.outcome == "stopped" and [s.reps for s in record.sets] == [1]


def test_stop_session_keeps_the_partial_set(session, window, tutorial, clock):
    start_one_set_of_five(session, tutorial)
    assert session.stop_action.isEnabled() and not session.start_action.isEnabled()
    run_for(tutorial, clock, 3.0 + 25.0)
    assert session.stop_button.isVisibleTo(window) and not session.start_button.isVisibleTo(window)
    click(session.stop_button)
    assert session.guided.stage is Stage.STOPPED and window.current_page() is session.finish_page
    assert not session.stop_action.isEnabled() and session.start_button.isVisibleTo(window)
    assert not session.stop_button.isVisibleTo(window)
    [record] = session.history.sessions()
    assert record.outcome == "stopped" and [s.reps for s in record.sets] == [2]


def test_closing_mid_session_asks_and_keeps_the_partial_set(session, window, tutorial, clock):
    start_one_set_of_five(session, tutorial)
    run_for(tutorial, clock, 3.0 + 15.0)
    window.close()
    dialog = session.close_dialog
    assert window.isVisible() and dialog.isVisible()
    click(session.keep_going_button)
    assert window.isVisible() and tutorial.playing and session.guided.stage is Stage.REPS
    run_for(tutorial, clock, 10.0)
    window.close()
    assert session.close_dialog is dialog and dialog.isVisible()
    click(session.end_button)
    assert not window.isVisible()
    [record] = session.history.sessions()
    assert record.outcome == "stopped" and [s.reps for s in record.sets] == [2]


def test_symptoms_increased_during_a_set(session, window, tutorial, clock):
    start_one_set_of_five(session, tutorial)
    run_for(tutorial, clock, 3.0 + 15.0)
    click(window.symptoms_button)
    dialog = window.symptoms_dialog
    assert not tutorial.playing and dialog.isVisible()
    assert dialog.rest_first.text() == tr("symptoms.rest_first") and "999" in dialog.red_flags.text()
    run_for(tutorial, clock, 20.0)
    assert tutorial.counter.reps_done == 1  # held still while they decide
    click(dialog.carry_on_button)
    assert tutorial.playing  # carry on as before: the movement goes on
    click(window.symptoms_button)
    click(window.symptoms_dialog.smaller_button)
    assert tutorial.range_percent == 75 and not tutorial.playing  # smaller, then Play when ready
    session.guided.stop()
    [record] = session.history.sessions()
    assert session.history.symptoms_increased(record.id) == [
        (0, 1, 100.0, Choice.CARRY_ON),
        (0, 1, 100.0, Choice.SMALLER),
    ]


def test_symptoms_increased_while_the_check_is_open_shows_its_worse_choices(session, window, tutorial, clock):
    start(session)
    run_for(tutorial, clock, 13.25)
    assert session.guided.stage is Stage.REST
    click(window.symptoms_button)
    dialog = window.symptoms_dialog
    assert (dialog is None or not dialog.isVisible()) and session.rest_page.check.showing_advice
    click(session.rest_page.check.choices[Choice.STOP])
    assert session.guided.stage is Stage.STOPPED
    assert session.history.sessions()[0].sets[0].symptoms is Symptoms.WORSE


def test_symptoms_increased_outside_a_session_carries_on(window, tutorial, clock, qtbot):
    window.show()
    tutorial.play()
    click(window.symptoms_button)
    assert not tutorial.playing
    click(window.symptoms_dialog.carry_on_button)
    assert tutorial.playing


def finish_session(session, tutorial, clock):
    """Start a one-set session and run it to its last check."""
    start(session)
    run_for(tutorial, clock, 14.0)
    assert session.guided.stage is Stage.LAST_CHECK and session.guided.asking


def test_the_last_check_belongs_to_the_session(session, window, tutorial, clock):
    tutorial.set_plan(SessionPlan(reps_per_set=1, sets=1))
    finish_session(session, tutorial, clock)
    panel, finish = window.counter_panel, session.finish_page
    assert not session.start_button.isVisibleTo(window) and not session.start_action.isEnabled()
    assert not panel.editors.isVisibleTo(window) and not finish.again_button.isVisibleTo(window)
    assert window.caption.cue.text() == tr("guided.caption.last_check")
    assert [b.text() for b in finish.check.choices.values()] == [tr("symptoms.last.smaller"), tr("symptoms.last.stop")]
    click(finish.check.answers[Symptoms.BETTER])
    assert session.start_button.isVisibleTo(window) and panel.editors.isVisibleTo(window)
    assert finish.again_button.isVisibleTo(window) and not finish.status.isVisibleTo(window)
    [record] = session.history.sessions()
    assert (record.sets[0].symptoms, record.sets[0].choice) == (Symptoms.BETTER, Choice.CARRY_ON)


def test_worse_after_the_last_set_makes_the_next_session_smaller(session, window, tutorial, clock):
    session.use_programme(Programme(reps=1, sets=1))
    finish_session(session, tutorial, clock)
    finish = session.finish_page
    click(finish.check.answers[Symptoms.WORSE])
    assert Choice.CARRY_ON not in finish.check.choices  # no set left to carry on into
    click(finish.check.choices[Choice.SMALLER])
    assert finish.status.text() == tr("guided.finish.smaller", percent=75, now=100)
    assert not finish.again_button.isVisibleTo(window)  # not straight into another session after "worse"
    assert session.guided.programme.range_percent == 75 and "75 %" in session.plan_label.text()
    assert session.history.sessions()[0].sets[0].choice is Choice.SMALLER
    assert load_preferences(open_settings()).smaller_next_time_percent == 75  # remembered for next time
    start(session)
    assert tutorial.range_percent == 75


def test_smaller_next_time_with_own_settings_lowers_how_far(session, window, tutorial, clock):
    tutorial.set_plan(SessionPlan(reps_per_set=1, sets=1))
    finish_session(session, tutorial, clock)
    click(session.finish_page.check.answers[Symptoms.WORSE])
    click(session.finish_page.check.choices[Choice.SMALLER])
    assert tutorial.range_percent == 75 and window.setup_panel.range_box.value() == 75
    assert load_preferences(open_settings()).range_percent == 75


def test_leave_it_for_today_after_the_last_set(session, window, tutorial, clock):
    session.use_programme(Programme(reps=1, sets=1, range_percent=60))
    finish_session(session, tutorial, clock)
    finish = session.finish_page
    click(finish.check.answers[Symptoms.WORSE])
    click(finish.check.choices[Choice.STOP])
    assert finish.status.text() == tr("guided.finish.leave") and session.guided.programme.range_percent == 60
    [record] = session.history.sessions()
    assert record.outcome == "finished" and record.sets[0].choice is Choice.STOP


def test_the_counter_panel_cannot_start_the_count_over_mid_session(session, window, tutorial, clock):
    panel = window.counter_panel
    start(session)
    assert not panel.editors.isVisibleTo(window) and panel.locked_note.isVisibleTo(window)
    assert (panel.reps_box.value(), panel.sets_box.value(), panel.rest_box.value()) == (1, 2, 5)
    run_for(tutorial, clock, 3.0 + 5.0)  # half way through the first rep
    cycles = tutorial.playback.cycles
    assert tutorial.playing and cycles > 0.4
    panel.reset_button.click()  # hidden, but even if it were reached
    panel.sets_box.setValue(5)
    assert tutorial.playing and tutorial.playback.cycles == cycles and tutorial.counter.plan.sets == 2
    session.stop_action.trigger()
    assert panel.editors.isVisibleTo(window) and not panel.locked_note.isVisibleTo(window)
    panel.sets_box.setValue(3)
    assert tutorial.counter.plan.sets == 3  # after the session the panel is the patient's again


def test_the_caption_does_not_count_down_to_a_set_that_waits(session, window, tutorial, clock):
    start(session)
    run_for(tutorial, clock, 13.25)
    assert session.guided.stage is Stage.REST
    assert window.caption.cue.text() == tr("guided.caption.answer_first")
    run_for(tutorial, clock, 5.0)
    assert window.caption.cue.text() == tr("guided.caption.rest_over")
    session.stop_action.trigger()
    start(session)  # again, to answer while the rest still runs
    run_for(tutorial, clock, 13.25)
    click(session.rest_page.check.answers[Symptoms.BETTER])
    assert window.caption.cue.text() == trn("counter.rest_caption", 5)


def open_setup_tab(window):
    bar = window.side_panel.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert window.setup_panel.isVisible()


def type_into(box, text, qtbot):
    """Type ``text`` into a spin box as a person would, and press Return."""
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_what_the_patient_sets_is_remembered(session, window, tutorial, qtbot):
    setup, panel = window.setup_panel, window.counter_panel
    open_setup_tab(window)
    type_into(setup.range_box, "50", qtbot)
    type_into(setup.seat_box, "58", qtbot)
    type_into(setup.height_box, "182", qtbot)
    click(setup.left_button)
    type_into(panel.reps_box, "12", qtbot)
    type_into(panel.rest_box, "45", qtbot)
    show_active(window, qtbot)
    window.controls.previous_button.setFocus()  # out of the number fields, which keep their arrows
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Down)  # slower: 0.75×
    session.player.set_muted(True)  # M (its own test below); the menu item is off without a sound device
    fresh = Tutorial(builtin_exercise(), Setup(), clock=tutorial.clock)
    again = patient_session(build_window(fresh, player=CuePlayer(fresh.movement.exercise, SilentOutput())))
    qtbot.addWidget(again.window)
    s = fresh.setup
    assert (fresh.range_percent, s.seat_height_cm, s.body.height_cm, s.side, fresh.speed) == (50, 58, 182, "left", 0.75)
    assert (fresh.counter.plan.reps_per_set, fresh.counter.plan.sets, fresh.counter.plan.rest_s) == (12, 2, 45)
    assert again.window.counter_panel.reps_box.value() == 12 and again.window.setup_panel.range_box.value() == 50
    assert again.player.muted and again.mute_action.isChecked()
    assert open_settings().value(VERSION_KEY, type=int) == 1


def test_the_command_line_wins_over_what_is_remembered(tutorial, silent, qtbot):
    settings = open_settings()
    settings.setValue("patient/side", "left")
    settings.setValue("patient/seat_height_cm", 60)
    settings.sync()
    tutorial.set_setup(seat_height_cm=70.0)  # as if --seat 70 was given
    window = MainWindow(tutorial)
    qtbot.addWidget(window)
    PatientSession(window, None, None, silent, keep={"seat_height_cm"})
    assert tutorial.setup.seat_height_cm == 70 and tutorial.setup.side == "left"


def test_a_kiosk_never_takes_a_patients_preferences(qtbot, tmp_path, monkeypatch):
    from flossgui.model.launch import LaunchOptions
    from flossgui.ui.kiosk import app as kiosk_app

    settings = open_settings()
    settings.setValue("patient/side", "left")
    settings.setValue("patient/speed", 2.0)
    settings.sync()
    monkeypatch.setattr(kiosk_app, "DEFAULT_CONFIG_PATH", tmp_path / "none.toml")  # the kiosk's defaults
    window, mode = kiosk_app.build_kiosk(LaunchOptions(mode="kiosk"), ManualClock(), locked=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.change_mode("patient"))
    assert (window.tutorial.setup.side, window.tutorial.speed) == (mode.config.side, mode.config.speed)
    window.tutorial.set_side("left")  # a visitor's choice is not saved as the patient's
    assert open_settings().value("patient/speed") in (2.0, "2")


def test_a_bad_remembered_value_falls_back_with_one_log_line(make_window, tutorial, silent, caplog):
    settings = open_settings()
    settings.setValue("patient/reps", 99999)
    settings.setValue("patient/side", "sideways")
    settings.setValue("patient/height_cm", 182)
    settings.sync()
    with caplog.at_level(logging.WARNING):
        make_window(player=silent)
    assert tutorial.counter.plan.reps_per_set == 10 and tutorial.setup.side == "right"
    assert tutorial.setup.body.height_cm == 182  # the good one is kept
    lines = sorted(r.getMessage() for r in caplog.records)
    assert len(lines) == 2 and "patient/reps" in lines[0] and "1–50" in lines[0] and "patient/side" in lines[1]


def test_the_diary_notice_stays_in_view(session, window, tutorial, clock):
    session.set_history(None, "disk full")
    assert session.diary_notice.isVisibleTo(window) and not session.history_action.isEnabled()
    start(session)  # starting does not clear it
    assert session.diary_notice.isVisibleTo(window)


def test_no_mnemonic_is_used_twice(session, window):
    """Alt+letter reaches one thing: the menus and the answers of the check never share a letter."""
    menus = [a.text() for a in window.menuBar().actions()]
    for check in (session.rest_page.check, session.finish_page.check):
        pages = [[b.text() for b in check.answers.values()], [b.text() for b in check.choices.values()]]
        for page in pages:
            letters = [mnemonic(t) for t in menus + page]
            assert None not in letters and len(set(letters)) == len(letters), letters


def mnemonic(text):
    i = text.find("&")
    return text[i + 1].lower() if i >= 0 else None


def test_mute_key_is_remembered(make_window, qtbot):
    window = make_window()  # a player that may have sound: mute is offered
    session = patient_session(window)
    show_active(window, qtbot)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_M)  # through the window system, as shortcuts are
    assert session.player.muted and open_settings().value(MUTED_KEY, type=bool)
    player = CuePlayer(window.tutorial.movement.exercise, SilentOutput())
    again = patient_session(build_window(window.tutorial, player=player))
    qtbot.addWidget(again.window)
    assert again.player.muted and again.mute_action.isChecked()


def test_history_opens_in_a_window(session):
    session.show_history()
    assert session.history_dialog.isVisible() and session.history_view is not None
    session.history_dialog.close()


def test_no_diary_still_runs_and_says_so(make_window, silent, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    history, problem = open_history(lambda: History(blocker / "diary.sqlite3"))
    assert history is None and problem
    session = patient_session(make_window(history=history, player=silent))
    assert not session.history_action.isEnabled()
    session.start()  # a session without a diary


def test_programme_builder_saves_a_file_that_loads_back(qtbot, tmp_path):
    dialog = ProgrammeDialog()
    qtbot.addWidget(dialog)
    dialog.title.setText("Week 2")
    dialog.side.setCurrentIndex(dialog.side.findData("both"))
    assert dialog.sets.maximum() == Programme.max_sets("both")
    dialog.reps.setValue(12)
    dialog.sets.setValue(3)
    dialog.tempo.setValue(15)
    dialog.range.setValue(60)
    dialog.notes.setPlainText('Stop if it "buzzes".')
    path = tmp_path / "week2.toml"
    assert dialog.save_to(path)
    loaded = load_programme(path)
    assert loaded == dialog.programme()
    p = loaded
    assert (p.reps, p.sets, p.tempo_s, p.side, p.range_percent, p.title, p.notes) == (
        12, 3, 15, "both", 60, "Week 2", 'Stop if it "buzzes".'
    )  # fmt: skip
    other = ProgrammeDialog()
    qtbot.addWidget(other)
    assert other.load_from(path) and other.programme() == dialog.programme()
    assert not other.save_to(tmp_path / "missing" / "x.toml") and other.message.isVisibleTo(other)


def test_enter_in_the_title_does_not_close_the_builder(qtbot):
    dialog = ProgrammeDialog()
    qtbot.addWidget(dialog)
    used = []
    dialog.used.connect(used.append)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.title.setFocus()
    qtbot.keyClicks(dialog.title, "Week 3")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.isVisible() and not used and dialog.focusWidget() is not dialog.title
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and used[0].title == "Week 3"


def test_out_of_range_in_the_builder_is_shown_beside_the_box(qtbot):
    dialog = ProgrammeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for typed in ("0", "51", "99999"):
        type_into(dialog.reps, typed, qtbot)
        assert dialog.isVisible() and dialog.reps.value() == 10 and dialog.reps.text() == "10"
        assert dialog.reps.note.isVisible() and "1–50" in dialog.reps.note.text() and typed in dialog.reps.note.text()
    type_into(dialog.reps, "12", qtbot)
    assert dialog.reps.value() == 12 and not dialog.reps.note.isVisible()


def test_use_now_sets_the_next_session(session, qtbot):
    dialog = ProgrammeDialog(session.guided.programme)
    qtbot.addWidget(dialog)
    dialog.used.connect(session.use_programme)
    dialog.reps.setValue(4)
    dialog.use_button.click()
    assert session.guided.programme.reps == 4 and "4 reps" in session.plan_label.text()


@pytest.mark.parametrize("name", ["h.pdf", "a.gif"])
def test_export_from_the_window(session, window, tmp_path, name):
    assert session.export_to(tmp_path / name)
    assert (tmp_path / name).stat().st_size > 10_000
    assert not session.export_to(tmp_path / "x.bmp")
    assert "x.bmp" in window.caption.notice.text()


def test_sound_is_set_up_when_the_first_session_starts(make_window, monkeypatch, qtbot):
    monkeypatch.setenv("FLOSSGUI_AUDIO", "nosuchbackend")  # a machine without sound
    session = patient_session(make_window(programme=Programme(reps=1, sets=1)))
    session.window.show()
    assert session.mute_action.isEnabled() and session.player.has_sound is None
    assert not session.sound_badge.isVisible()
    session.start()
    click(session.confirm_start)  # "Start your programme?": the sound is set up as the session begins
    qtbot.waitUntil(lambda: session.player.has_sound is False, timeout=5000)
    assert not session.mute_action.isEnabled() and session.mute_action.text() == tr("menu.no_sound")
    assert session.sound_badge.isVisible() and session.sound_badge.text() == "Sound off: no audio device"
    assert "unknown audio backend" in session.sound_badge.toolTip()


def test_the_diary_can_come_after_the_window(make_window, silent, tmp_path):
    window = make_window(player=silent)
    session = patient_session(window)
    assert not session.history_action.isEnabled()
    history = History(tmp_path / "diary.sqlite3")
    session.set_history(history)
    assert session.history_action.isEnabled() and session.guided.history is history
    history.close()
    session.set_history(None, "disk full")
    assert not session.history_action.isEnabled() and session.diary_notice.text() == tr("guided.history_unavailable")


def test_the_programme_form_keeps_a_grade_it_does_not_show(qtbot, tmp_path):
    dialog = ProgrammeDialog()
    qtbot.addWidget(dialog)
    dialog.set_programme(Programme(grade="knee", exercise="floss-knee", reps=6))
    assert dialog.save_to(tmp_path / "p.toml")
    saved = load_programme(tmp_path / "p.toml")
    assert (saved.grade, saved.exercise, saved.reps) == ("knee", "floss-knee", 6)


def test_before_start_the_figure_plays_the_programmes_grade(make_window, tutorial):
    """A "knee only" programme is previewed as the knee glide, in the patient's view, before Start."""
    window = make_window(programme=Programme(grade="knee", exercise="floss-knee", side="left", range_percent=60))
    assert tutorial.movement.exercise.id == "floss-knee"
    assert (tutorial.setup.side, tutorial.range_percent) == ("left", 60)
    window.change_mode("clinician")
    QTest.keyClick(window.modes["clinician"].bar.variant_box, Qt.Key.Key_End)  # the clinician shows a comparison
    assert tutorial.movement.exercise.id != "floss-knee"
    window.change_mode("patient")
    assert tutorial.movement.exercise.id == "floss-knee"
