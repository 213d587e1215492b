"""The patient window's guided features: pages, mute remembered, diary, builder and exports."""

from __future__ import annotations

import pytest
from conftest import show_active
from PySide6.QtCore import Qt

from flossgui.diary.store import History
from flossgui.model.programme import Programme, load_programme
from flossgui.model.symptoms import Choice, Symptoms
from flossgui.ui.session.audio import CuePlayer, SilentOutput
from flossgui.ui.session.guided import Stage
from flossgui.ui.session.patient_session import MUTED_KEY, PatientSession, open_history
from flossgui.ui.session.programme_dialog import ProgrammeDialog
from flossgui.ui.shell.build import build_window, patient_session
from flossgui.ui.shell.settings import open_settings
from flossgui.ui.theme.tr import tr, trn


@pytest.fixture
def history(tmp_path):
    diary = History(tmp_path / "diary.sqlite3")
    yield diary
    diary.close()


@pytest.fixture
def silent(tutorial) -> CuePlayer:
    return CuePlayer(tutorial.movement.exercise, SilentOutput())


@pytest.fixture
def window(make_window, history, silent):
    return make_window(programme=Programme(reps=1, sets=2, rest_s=5), history=history, player=silent)


@pytest.fixture
def session(window) -> PatientSession:
    return patient_session(window)


def run_for(tutorial, clock, seconds, step=0.25):
    for _ in range(round(seconds / step)):
        clock.advance(step)
        tutorial.tick()


def test_pages_follow_the_session(session, window, tutorial, clock):
    session.start_button.click()
    assert not session.start_button.isVisibleTo(window) and window.current_page() is None
    run_for(tutorial, clock, 1.0)
    assert session.overlay.text() == "2"
    run_for(tutorial, clock, 12.5)
    assert window.current_page() is session.rest_page
    assert session.rest_page.check.isVisibleTo(window)
    session.rest_page.check.answers[Symptoms.WORSE].click()
    session.rest_page.check.choices[Choice.SMALLER].click()
    assert tr("guided.rest.smaller", percent=75) == session.rest_page.status.text()
    session.rest_page.skip_button.click()
    assert session.guided.stage is Stage.COUNTDOWN
    run_for(tutorial, clock, 14.0)
    assert window.current_page() is session.finish_page
    finish = session.finish_page
    assert finish.check.isVisibleTo(window) and not finish.summary.isVisibleTo(window)  # the last check first
    finish.check.answers[Symptoms.SAME].click()
    assert not finish.check.isVisibleTo(window) and finish.summary.isVisibleTo(window)
    assert finish.summary.text() == tr("guided.finish.done", reps=trn("count.reps", 2), sets=trn("count.sets", 2))
    [record] = session.history.sessions()
    assert record.outcome == "finished" and [s.range_percent for s in record.sets] == [100, 75]
    assert [s.symptoms for s in record.sets] == [Symptoms.WORSE, Symptoms.SAME]


def finish_session(session, tutorial, clock):
    """Start a one-set session and run it to its last check."""
    session.start()
    run_for(tutorial, clock, 14.0)
    assert session.guided.stage is Stage.FINISHED and session.guided.asking


def test_the_last_check_belongs_to_the_session(make_window, tutorial, clock, history, silent):
    window = make_window(programme=Programme(reps=1, sets=1), history=history, player=silent)
    session = patient_session(window)
    finish_session(session, tutorial, clock)
    panel, finish = window.counter_panel, session.finish_page
    assert not session.start_button.isVisibleTo(window) and not session.start_action.isEnabled()
    assert not panel.editors.isVisibleTo(window) and not finish.again_button.isVisibleTo(window)
    assert window.caption.cue.text() == tr("guided.caption.last_check")
    assert [b.text() for b in finish.check.choices.values()] == [tr("symptoms.last.smaller"), tr("symptoms.last.stop")]
    finish.check.answers[Symptoms.BETTER].click()
    assert session.start_button.isVisibleTo(window) and panel.editors.isVisibleTo(window)
    assert finish.again_button.isVisibleTo(window) and not finish.status.isVisibleTo(window)
    assert window.caption.cue.text() == tr("counter.finished_caption")
    [record] = history.sessions()
    assert (record.sets[0].symptoms, record.sets[0].choice) == (Symptoms.BETTER, Choice.CARRY_ON)
    history.close()


def test_worse_after_the_last_set_makes_the_next_session_smaller(session, window, tutorial, clock):
    session.use_programme(Programme(reps=1, sets=1))
    finish_session(session, tutorial, clock)
    finish = session.finish_page
    finish.check.answers[Symptoms.WORSE].click()
    assert Choice.CARRY_ON not in finish.check.choices  # no set left to carry on into
    finish.check.choices[Choice.SMALLER].click()
    assert finish.status.text() == tr("guided.finish.smaller", percent=75, now=100)
    assert not finish.again_button.isVisibleTo(window)  # not straight into another session after "worse"
    assert session.guided.programme.range_percent == 75 and "75 %" in session.plan_label.text()
    assert session.history.sessions()[0].sets[0].choice is Choice.SMALLER
    session.start()
    assert tutorial.range_percent == 75


def test_leave_it_for_today_after_the_last_set(session, window, tutorial, clock):
    session.use_programme(Programme(reps=1, sets=1, range_percent=60))
    finish_session(session, tutorial, clock)
    finish = session.finish_page
    finish.check.answers[Symptoms.WORSE].click()
    finish.check.choices[Choice.STOP].click()
    assert finish.status.text() == tr("guided.finish.leave") and session.guided.programme.range_percent == 60
    [record] = session.history.sessions()
    assert record.outcome == "finished" and record.sets[0].choice is Choice.STOP


def test_the_counter_panel_cannot_start_the_count_over_mid_session(session, window, tutorial, clock):
    panel = window.counter_panel
    panel.reps_box.setValue(7)
    session.start()
    assert not panel.editors.isVisibleTo(window) and panel.locked_note.isVisibleTo(window)
    assert (panel.reps_box.value(), panel.sets_box.value(), panel.rest_box.value()) == (1, 2, 5)
    run_for(tutorial, clock, 3.0 + 5.0)  # half way through the first rep
    cycles = tutorial.playback.cycles
    assert tutorial.playing and cycles > 0.4
    panel.reset_button.click()  # hidden, but even if it were reached
    panel.sets_box.setValue(5)
    assert tutorial.playing and tutorial.playback.cycles == cycles and tutorial.counter.plan.sets == 2
    session.guided.tutorial.stop_for_today()
    assert panel.editors.isVisibleTo(window) and not panel.locked_note.isVisibleTo(window)
    panel.sets_box.setValue(3)
    assert tutorial.counter.plan.sets == 3  # after the session the panel is the patient's again


def test_the_caption_does_not_count_down_to_a_set_that_waits(session, window, tutorial, clock):
    session.start()
    run_for(tutorial, clock, 13.25)
    assert session.guided.stage is Stage.RESTING
    assert window.caption.cue.text() == tr("guided.caption.answer_first")
    run_for(tutorial, clock, 5.0)
    assert window.caption.cue.text() == tr("guided.caption.rest_over")
    session.start()  # again, to answer while the rest still runs
    run_for(tutorial, clock, 13.25)
    session.rest_page.check.answers[Symptoms.BETTER].click()
    assert window.caption.cue.text() == trn("counter.rest_caption", 5)


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
    assert load_programme(path) == Programme(
        reps=12, sets=3, tempo_s=15, side="both", range_percent=60, title="Week 2", notes='Stop if it "buzzes".'
    )
    other = ProgrammeDialog()
    qtbot.addWidget(other)
    assert other.load_from(path) and other.programme() == dialog.programme()
    assert not other.save_to(tmp_path / "missing" / "x.toml") and other.message.isVisibleTo(other)


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


def test_sound_is_set_up_when_the_first_session_starts(window, monkeypatch, qtbot):
    monkeypatch.setenv("FLOSSGUI_AUDIO", "nosuchbackend")  # a machine without sound
    session = PatientSession(window, Programme(reps=1, sets=1))
    window.show()
    assert session.mute_action.isEnabled() and session.player.has_sound is None
    assert not session.sound_badge.isVisible()
    session.start()
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
    assert not session.history_action.isEnabled() and window.caption.notice.text() == tr("guided.history_unavailable")
