"""Hands-free: what the voice says and when, through a whole session on a hand-set clock, and keys 1/2/3."""

from __future__ import annotations

import functools
import itertools

import conftest
import pytest
from conftest import show_active
from PySide6.QtCore import Qt

from flossgui.model.programme import Programme
from flossgui.model.symptoms import Choice, Symptoms
from flossgui.ui.session.audio import CuePlayer
from flossgui.ui.session.guided import Stage
from flossgui.ui.shell.build import patient_session


class TimedRecorder:
    """An audio output that notes each clip and sound with the clock time it was asked for."""

    def __init__(self, clock) -> None:
        self.clock = clock
        self.said: list[tuple[float, str]] = []
        self.sounds: list[tuple[float, str]] = []

    def play(self, sound: str) -> None:
        self.sounds.append((round(self.clock(), 2), sound))

    def say(self, clip: str) -> None:
        self.said.append((round(self.clock(), 2), clip))

    def hush(self) -> None:
        self.said.append((round(self.clock(), 2), "<hush>"))


@pytest.fixture
def session(make_window, tutorial, clock, qtbot):
    player = CuePlayer(tutorial.movement.exercise, TimedRecorder(clock))
    window = make_window(programme=Programme(reps=2, sets=2, rest_s=5, tempo_s=10), player=player)
    show_active(window, qtbot)
    return patient_session(window)


@pytest.fixture
def window(session):
    return session.window


STEP = 0.05
run_for = functools.partial(conftest.run_for, step=STEP)


def said_at(lines, *expected):
    """``lines`` say the ``expected`` clips, each within one frame after its time."""
    return len(lines) == len(expected) and all(
        c == clip and 0 <= t - at <= STEP + 1e-6 for (t, c), (at, clip) in zip(lines, expected, strict=True)
    )


def begin(session, qtbot):
    """Start my session, confirm the programme as the patient does, and be back in the window."""
    session.start()
    session.confirm_start.click()
    show_active(session.window, qtbot)  # offscreen, the closed dialog stays the active window


def said(session, kind=None):
    return [(t, c) for t, c in session.player.output.said if kind is None or c.startswith(kind)]


def test_a_set_is_led_by_voice_each_step_announced_before_it_begins(session, tutorial, clock, qtbot):
    begin(session, qtbot)
    run_for(tutorial, clock, 3.0 + 20.0 + 0.1)  # count-in, two reps of 10 s
    lines = said(session)  # times are those of the first frame (every 0.05 s) at or after each cue
    assert said_at(lines[:4], (0.0, "spoken.count_in"), (1.0, "count.2"), (2.0, "count.1"), (3.0, "spoken.go"))
    voice = session.player.voice
    go = 3.0  # the figure starts moving as the count-in ends (the model keeps the exact time)
    # each instruction is asked for so that it ends (plus a 0.1 s gap) as its step begins
    steps = ((3.5, "spoken.toes_up"), (5.0, "spoken.level"), (6.5, "spoken.slump"), (10.0, "spoken.straighten"))
    for start, clip in steps:
        expected = go + start - voice.seconds(clip) - 0.1
        assert any(c == clip and 0 <= t - expected < STEP + 1e-6 for t, c in lines), (clip, expected, lines)
    assert said_at([x for x in lines if x[1].startswith("count.")][2:], (go + 10, "count.1"), (go + 20, "count.2"))
    assert lines[-1][1] == "spoken.set_done"
    assert [c for _, c in lines].count("spoken.straighten") == 1  # not before the set's first rep, nor after its last


def test_after_the_rest_the_question_is_asked_and_repeated_until_answered(session, window, tutorial, clock, qtbot):
    begin(session, qtbot)
    run_for(tutorial, clock, 23.1)
    assert session.guided.stage is Stage.REST and said(session, "spoken.question") == []
    run_for(tutorial, clock, 5.0)  # the rest is over: asked at once, after "the rest is over"
    assert [c for _, c in said(session)[-2:]] == ["spoken.rest_over", "spoken.question"]
    run_for(tutorial, clock, 45.0)  # and again every 20 s; the movement waits
    asks = [t for t, _ in said(session, "spoken.question")]
    assert len(asks) == 3 and all(20.0 - 1e-6 <= b - a <= 20.0 + STEP + 1e-6 for a, b in itertools.pairwise(asks))
    assert not tutorial.playing and session.guided.waiting_for_answer
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_2)  # "same", by key
    assert session.guided.last_answer == (Symptoms.SAME, Choice.CARRY_ON)
    assert [c for _, c in said(session)[-2:]] == ["<hush>", "spoken.same"]
    assert session.guided.stage is Stage.COUNT_IN and "spoken.leg_question" not in [c for _, c in said(session)]
    run_for(tutorial, clock, 15.0)
    assert len(said(session, "spoken.question")) == 3  # no more asking once answered (until the last set's check)


def test_worse_by_key_offers_its_choices_by_key_and_stops_asking(session, window, tutorial, clock, qtbot):
    begin(session, qtbot)
    run_for(tutorial, clock, 28.2)
    check = session.rest_page.check
    qtbot.keyClick(
        window.windowHandle(), Qt.Key.Key_3
    )  # worse: the choices, also by key (1 smaller, 2 stop, 3 carry on)
    assert check.showing_advice and session.guided.asking
    run_for(tutorial, clock, 30.0)
    assert len(said(session, "spoken.question")) == 1  # not while they choose what to do
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_1)
    assert session.guided.last_answer == (Symptoms.WORSE, Choice.SMALLER)
    assert said(session)[-1][1] == "spoken.worse"


def test_the_last_check_is_asked_too(session, window, tutorial, clock, qtbot):
    begin(session, qtbot)
    run_for(tutorial, clock, 23.1)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_1)  # answered during the rest: not asked aloud, next set after it
    assert [c for _, c in said(session)[-2:]] == ["spoken.better", "spoken.leg_question"]  # the leg check shows now
    run_for(tutorial, clock, 5.0 + 3.0 + 20.1)
    assert session.guided.stage is Stage.LAST_CHECK and session.guided.asking
    assert [c for _, c in said(session)[-3:]] == ["count.2", "spoken.finished", "spoken.question"]
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_1)
    assert not session.guided.asking and [c for _, c in said(session)[-2:]] == ["spoken.better", "spoken.leg_question"]
    assert session.finish_page.leg.isVisible()  # what the voice asks is what the screen shows


def test_the_question_is_asked_again_even_when_no_frame_is_drawn(session, tutorial, clock, qtbot):
    """While it waits, the tutorial draws nothing; the question's own slow timer reads the clock."""
    begin(session, qtbot)
    run_for(tutorial, clock, 28.2)
    assert len(said(session, "spoken.question")) == 1
    clock.advance(20.0)  # no tutorial.tick(): only the event loop runs
    qtbot.waitUntil(lambda: len(said(session, "spoken.question")) == 2, timeout=2000)


def test_the_count_in_is_said_once_however_the_first_frames_fall(session, tutorial, clock, qtbot):
    tutorial.start()  # the window's frame timer runs, as in the app (it draws a frame as the count-in begins)
    session.start()
    session.confirm_start.click()
    for step in (0.0, 0.01, 0.01, 0.3, 0.7):  # the window's own first frames come close together
        clock.advance(step)
        tutorial.tick()
    assert [c for _, c in said(session)] == ["spoken.count_in", "count.2"]
