"""Monitoring as a patient meets it: the leg score and where after each set, and the next-day check."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from conftest import click, run_for
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from flossgui.diary.store import History
from flossgui.model.monitoring import Spread
from flossgui.model.session import SessionPlan
from flossgui.model.symptoms import Symptoms
from flossgui.ui.session.audio import CuePlayer, SilentOutput
from flossgui.ui.session.guided import Stage
from flossgui.ui.session.leg_check import LegCheck
from flossgui.ui.shell.build import patient_session
from flossgui.ui.theme.tr import tr


@pytest.fixture
def window(make_window, history, tutorial, qtbot):
    w = make_window(history=history, player=CuePlayer(tutorial.movement.exercise, SilentOutput()))
    tutorial.set_plan(SessionPlan(reps_per_set=1, sets=2, rest_s=5))
    w.show()
    qtbot.waitExposed(w)
    yield w
    patient_session(w).guided.stop()


def test_keys_give_the_score_and_where(qtbot):
    check = LegCheck()
    qtbot.addWidget(check)
    check.show()
    check.setFocus()
    with qtbot.waitSignal(check.answered) as answer:
        QTest.keyClick(check, Qt.Key.Key_1)
        QTest.keyClick(check, Qt.Key.Key_0)  # 1 then 0: ten
        QTest.keyClick(check, Qt.Key.Key_D)
    assert answer.args == [10, Spread.FURTHER] and check.scores.checkedId() == 10
    check.reset()
    assert check.scores.checkedId() == -1 and check.score is None
    with qtbot.waitSignal(check.answered) as answer:
        QTest.keyClick(check, Qt.Key.Key_3)
        QTest.keyClick(check, Qt.Key.Key_B)
    assert answer.args == [3, Spread.EASING]


def test_after_each_set_the_leg_is_scored_and_a_rise_shows_the_red_flags(window, tutorial, clock):
    session = patient_session(window)
    click(session.start_button)
    run_for(tutorial, clock, 13.5)
    rest = session.rest_page
    assert window.current_page() is rest and rest.check.isVisibleTo(window) and not rest.leg.isVisibleTo(window)
    click(rest.check.answers[Symptoms.SAME])  # one question at a time: then the leg
    assert rest.leg.isVisibleTo(window)
    click(rest.leg.scores.button(3))
    click(rest.leg.spreads[Spread.SAME])
    assert not rest.leg.isVisibleTo(window) and not rest.leg_warning.isVisibleTo(window)
    assert not rest.red_flags.isVisibleTo(window)
    click(rest.skip_button)
    run_for(tutorial, clock, 14.0)
    finish = session.finish_page
    assert session.guided.stage is Stage.LAST_CHECK and not finish.leg.isVisibleTo(window)
    click(finish.check.answers[Symptoms.SAME])
    assert finish.leg.isVisibleTo(window)
    click(finish.leg.scores.button(6))  # up by 3 since the set before
    click(finish.leg.spreads[Spread.SAME])
    assert finish.leg_warning.isVisibleTo(window) and finish.red_flags.isVisibleTo(window)
    assert not finish.again_button.isVisibleTo(window)  # not straight into another session
    [record] = session.history.sessions()
    assert [(s.leg_score, s.spread) for s in record.sets] == [(3, Spread.SAME), (6, Spread.SAME)]


def test_spreading_further_down_the_leg_shows_the_red_flags_between_sets(window, tutorial, clock):
    session = patient_session(window)
    click(session.start_button)
    run_for(tutorial, clock, 13.5)
    rest = session.rest_page
    click(rest.check.answers[Symptoms.BETTER])
    click(rest.leg.scores.button(2))
    click(rest.leg.spreads[Spread.FURTHER])
    assert rest.leg_warning.isVisibleTo(window) and rest.red_flags.isVisibleTo(window)


def yesterday_session(history: History, today: date) -> int:
    started = datetime.combine(today - timedelta(days=1), datetime.min.time()).replace(hour=18).astimezone()
    return history.start_session(exercise="lumbar-nerve-floss", side="right", reps_per_set=10, sets_planned=2,
                                 range_percent=80, speed=1, started=started)  # fmt: skip


def test_the_next_day_check_asks_once_and_a_worse_leg_gets_a_smaller_movement(window, history, tutorial):
    session = patient_session(window)
    today = date.today()
    sid = yesterday_session(history, today)
    tutorial.set_range_percent(80)
    assert session.ask_next_day(today)
    dialog = session.next_day_dialog
    assert dialog.isVisible() and not dialog.red_flags.isVisibleTo(dialog)
    click(dialog.answers[Symptoms.WORSE])
    click(dialog.spreads[Spread.FURTHER])
    assert dialog.red_flags.isVisibleTo(dialog) and dialog.result.text() == tr("next_day.advice")
    click(dialog.smaller_button)
    assert not dialog.isVisible() and tutorial.range_percent == 60
    assert window.caption.notice.text() == tr("next_day.smaller_done", percent="60")
    [answer] = history.next_days()
    assert (answer.day, answer.symptoms, answer.spread, answer.session_id) == (today, Symptoms.WORSE,
                                                                               Spread.FURTHER, sid)  # fmt: skip
    session.next_day_dialog = None
    assert not session.ask_next_day(today)  # answered today: not again


def test_no_next_day_check_without_a_session_yesterday(window, history):
    session = patient_session(window)
    today = date.today()
    assert not session.ask_next_day(today)
    yesterday_session(history, today - timedelta(days=2))
    assert not session.ask_next_day(today) and session.next_day_dialog is None


def test_a_good_next_day_just_says_thank_you(window, history):
    session = patient_session(window)
    today = date.today()
    yesterday_session(history, today)
    assert session.ask_next_day(today)
    dialog = session.next_day_dialog
    click(dialog.answers[Symptoms.BETTER])
    click(dialog.no_symptoms)
    assert dialog.result.text() == tr("next_day.thanks") and not dialog.red_flags.isVisibleTo(dialog)
    click(dialog.close_button)
    assert [(a.symptoms, a.spread) for a in history.next_days()] == [(Symptoms.BETTER, None)]


def test_the_next_day_question_is_also_spoken(make_window, history, tutorial, clock):
    """The patient may be sitting back from the screen: the voice asks it too."""
    said: list[str] = []

    class Recorder(SilentOutput):
        def say(self, clip: str) -> None:
            said.append(clip)

    window = make_window(history=history, player=CuePlayer(tutorial.movement.exercise, Recorder()))
    yesterday_session(history, date.today())
    assert patient_session(window).ask_next_day(date.today())
    assert said == ["spoken.next_day"]
