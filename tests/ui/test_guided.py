"""The guided session on a hand-set clock: count-in, reps, rest, check, next set, finish, diary."""

from __future__ import annotations

import functools
import sqlite3

import conftest
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flossgui.diary.store import History
from flossgui.model.clock import ManualClock
from flossgui.model.cues import CueKind
from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Setup
from flossgui.model.programme import Programme, load_programme, save_programme
from flossgui.model.session import State
from flossgui.model.symptoms import Choice, Symptoms, smaller_range
from flossgui.ui.session.audio import CuePlayer
from flossgui.ui.session.guided import GuidedSession, Stage
from flossgui.ui.shell.tutorial import Tutorial

EXERCISE = builtin_exercise()

run_for = functools.partial(conftest.run_for, step=0.1)  # ticks every 0.1 s


class Recorder:
    """An audio output that remembers the sounds it was asked to play."""

    def __init__(self) -> None:
        self.sounds: list[str] = []

    def play(self, sound: str) -> None:
        self.sounds.append(sound)

    def say(self, clip: str) -> None:
        pass

    def hush(self) -> None:
        pass


class RecordingPlayer(CuePlayer):
    """Keeps every cue it is given (not just the loudest), to check timing."""

    def __init__(self) -> None:
        super().__init__(EXERCISE, Recorder())
        self.cues: list = []

    def play(self, cues):
        self.cues += cues
        return super().play(cues)


def make(clock, programme, history=None):
    tutorial = Tutorial(EXERCISE, Setup(), clock=clock)
    player = RecordingPlayer()
    return tutorial, player, GuidedSession(tutorial, player, programme, history)


def test_countdown_then_reps_then_rest_then_next_set_then_finish(qapp, history):
    clock = ManualClock()
    programme = Programme(reps=2, sets=1, rest_s=5, tempo_s=10, side="both")  # one set per leg
    tutorial, player, guided = make(clock, programme, history)
    guided.start()
    assert guided.stage is Stage.COUNT_IN and not tutorial.playing
    assert tutorial.setup.side == "right"
    run_for(tutorial, clock, 2.9)
    assert guided.stage is Stage.COUNT_IN and tutorial.frame.cycles == 0
    run_for(tutorial, clock, 0.2)
    assert guided.stage is Stage.REPS and tutorial.playing
    kinds = [c.kind for c in player.cues]
    assert kinds == [CueKind.COUNT_IN] + [CueKind.COUNTDOWN] * 2 + [CueKind.GO]

    run_for(tutorial, clock, 20.0)
    assert guided.stage is Stage.REST and tutorial.counter.state is State.RESTING
    assert not tutorial.playing
    assert CueKind.SET_DONE in [c.kind for c in player.cues]
    [session] = history.sessions()
    assert [(s.index, s.reps, s.side) for s in session.sets] == [(0, 2, "right")]

    run_for(tutorial, clock, 6.0)  # the rest is over, but the check is not answered: wait
    assert guided.waiting_for_answer and not tutorial.playing
    guided.answer(Symptoms.SAME, Choice.CARRY_ON)
    assert guided.stage is Stage.COUNT_IN and tutorial.setup.side == "left"
    run_for(tutorial, clock, 3.1)
    assert guided.stage is Stage.REPS
    run_for(tutorial, clock, 20.0)
    assert guided.stage is Stage.LAST_CHECK and guided.reps_done == 4
    [session] = history.sessions()
    assert session.outcome == "finished"
    assert [(s.index, s.reps, s.side, s.symptoms) for s in session.sets] == [
        (0, 2, "right", Symptoms.SAME),
        (1, 2, "left", None),
    ]
    assert player.cues[-1].kind is CueKind.FINISHED


def test_answer_during_rest_waits_for_rest_then_counts_in(qapp):
    clock = ManualClock()
    tutorial, _, guided = make(clock, Programme(reps=1, sets=2, rest_s=10, tempo_s=10))
    guided.start()
    run_for(tutorial, clock, 13.1)
    assert guided.stage is Stage.REST
    guided.answer(Symptoms.BETTER, Choice.CARRY_ON)
    assert guided.stage is Stage.REST
    run_for(tutorial, clock, 10.0)
    assert guided.stage is Stage.COUNT_IN


def test_play_during_rest_skips_it_once_answered(qapp):
    clock = ManualClock()
    tutorial, _, guided = make(clock, Programme(reps=1, sets=2, rest_s=60, tempo_s=10))
    guided.start()
    run_for(tutorial, clock, 13.1)
    tutorial.play()  # not answered yet: nothing happens
    assert guided.stage is Stage.REST and tutorial.counter.state is State.RESTING
    guided.answer(Symptoms.BETTER, Choice.CARRY_ON)
    tutorial.play()
    assert guided.stage is Stage.COUNT_IN and tutorial.counter.set_index == 1


def test_worse_smaller_applies_and_is_recorded(qapp, history):
    clock = ManualClock()
    tutorial, _, guided = make(clock, Programme(reps=1, sets=2, rest_s=0, range_percent=80), history)
    guided.start()
    assert tutorial.range_percent == 80
    run_for(tutorial, clock, 13.1)
    guided.answer(Symptoms.WORSE, Choice.SMALLER)
    assert tutorial.range_percent == smaller_range(80) == 60
    run_for(tutorial, clock, 14.0)
    assert guided.stage is Stage.LAST_CHECK
    [session] = history.sessions()
    assert [(s.range_percent, s.symptoms, s.choice) for s in session.sets] == [
        (80, Symptoms.WORSE, Choice.SMALLER),
        (60, None, None),
    ]


def test_worse_stop_ends_the_session_as_stopped(qapp, history):
    clock = ManualClock()
    tutorial, _, guided = make(clock, Programme(reps=1, sets=3, rest_s=5), history)
    guided.start()
    run_for(tutorial, clock, 13.1)
    guided.answer(Symptoms.WORSE, Choice.STOP)
    assert guided.stage is Stage.STOPPED and guided.reps_done == 1
    run_for(tutorial, clock, 20.0)  # the rest that was cut short never restarts the movement
    assert not tutorial.playing
    [session] = history.sessions()
    assert session.outcome == "stopped" and session.sets[0].choice is Choice.STOP


def test_stopping_mid_set_records_the_reps_done(qapp, history):
    clock = ManualClock()
    tutorial, _, guided = make(clock, Programme(reps=5, sets=1), history)
    guided.start()
    run_for(tutorial, clock, 3.0 + 25.0)
    tutorial.stop_for_today()
    assert guided.stage is Stage.STOPPED
    [session] = history.sessions()
    assert session.outcome == "stopped" and [s.reps for s in session.sets] == [2]


@pytest.mark.parametrize("speed_tempo", [20.0, 10.0, 6.0])  # speeds 0.5, 1, 1.67
@pytest.mark.parametrize("step", [0.016, 0.37, 2.3])  # smooth, dropped frames, long stalls
def test_cues_stay_in_step_at_any_speed_and_frame_rate(qapp, speed_tempo, step):
    clock = ManualClock()
    tutorial, player, guided = make(clock, Programme(reps=3, sets=1, tempo_s=speed_tempo))
    guided.start()
    run_for(tutorial, clock, 3.0, step=0.5)
    assert guided.stage is Stage.REPS
    start = len(player.cues)
    for _ in range(round(4 * speed_tempo / step)):
        clock.advance(step)
        tutorial.tick()
    cues = player.cues[start:]
    phase_starts = [p.start for p in EXERCISE.phases[1:]]
    expected = []
    for rep in range(3):
        expected += [(CueKind.PHASE, rep + s) for s in phase_starts]
        expected.append((CueKind.REP, rep + 1.0))
    moving = [c for c in cues if c.kind in (CueKind.PHASE, CueKind.REP)]
    assert [c.kind for c in moving] == [kind for kind, _ in expected]
    assert [c.at for c in moving] == pytest.approx([at for _, at in expected])
    assert [c.count for c in cues if c.kind is CueKind.REP] == [1, 2, 3]
    assert cues[-1].kind is CueKind.FINISHED


def test_no_cues_while_resting_or_scrubbing(qapp):
    clock = ManualClock()
    tutorial, player, guided = make(clock, Programme(reps=1, sets=2, rest_s=30))
    guided.start()
    run_for(tutorial, clock, 13.1)
    count = len(player.cues)
    run_for(tutorial, clock, 10.0)
    tutorial.seek_phi(0.6)
    tutorial.tick()
    assert len(player.cues) == count


def test_programme_file_drives_the_plan(qapp, tmp_path):
    path = tmp_path / "p.toml"
    save_programme(Programme(reps=7, sets=2, rest_s=45, tempo_s=20, side="left", range_percent=70), path)
    clock = ManualClock()
    tutorial, _, guided = make(clock, load_programme(path))
    guided.start()
    plan = tutorial.counter.plan
    assert (plan.reps_per_set, plan.sets, plan.rest_s) == (7, 2, 45)
    assert tutorial.speed == 0.5 and tutorial.setup.side == "left" and tutorial.range_percent == 70


def test_a_broken_diary_is_reported_once_and_the_session_goes_on(qapp, tmp_path, qtbot):
    history = History(tmp_path / "d.sqlite3")
    clock = ManualClock()
    tutorial, _, guided = make(clock, Programme(reps=1, sets=2, rest_s=0), history)
    guided.start()
    history.close()  # every later write fails
    with qtbot.waitSignal(guided.history_failed):
        run_for(tutorial, clock, 13.1)
    assert guided.history is None and guided.stage is Stage.REST
    guided.answer(Symptoms.SAME, Choice.CARRY_ON)
    run_for(tutorial, clock, 14.0)
    assert guided.stage is Stage.LAST_CHECK
    with pytest.raises(sqlite3.ProgrammingError):
        history.sessions()


def test_the_last_set_is_followed_by_the_same_check(qapp, history):
    clock = ManualClock()
    tutorial, _, guided = make(clock, Programme(reps=1, sets=2, rest_s=0, range_percent=80), history)
    guided.start()
    run_for(tutorial, clock, 13.1)
    assert guided.asking and guided.stage is Stage.REST
    guided.answer(Symptoms.SAME, Choice.CARRY_ON)
    run_for(tutorial, clock, 14.0)
    assert guided.stage is Stage.LAST_CHECK and guided.asking and guided.last_answer is None
    guided.answer(Symptoms.WORSE, Choice.SMALLER)
    assert not guided.asking and guided.stage is Stage.FINISHED and not tutorial.playing
    assert tutorial.range_percent == 80 and guided.programme.range_percent == smaller_range(80)  # next time
    guided.answer(Symptoms.BETTER, Choice.CARRY_ON)  # answered once only
    [session] = history.sessions()
    assert session.outcome == "finished"
    assert [(s.symptoms, s.choice) for s in session.sets] == [
        (Symptoms.SAME, Choice.CARRY_ON),
        (Symptoms.WORSE, Choice.SMALLER),
    ]


def test_no_last_check_after_stopping(qapp, history):
    clock = ManualClock()
    tutorial, _, guided = make(clock, Programme(reps=1, sets=2, rest_s=5), history)
    guided.start()
    run_for(tutorial, clock, 13.1)
    guided.answer(Symptoms.WORSE, Choice.STOP)
    assert guided.stage is Stage.STOPPED and not guided.asking
    guided.answer(Symptoms.BETTER, Choice.CARRY_ON)
    assert history.sessions()[0].sets[0].symptoms is Symptoms.WORSE


# -- the adapter keeps the model's promises on a real tutorial ------------------------------------

PRESSES = ("play", "pause", "toggle", "next_step", "next_set_now", "stop", "dismiss", "symptoms", "smaller",
           "carry_on", "stop_for_today", "start")  # fmt: skip
waits = st.tuples(st.just("wait"), st.floats(0.0, 15.0))
ui_actions = st.one_of(
    waits,
    waits,
    waits,  # likelier than any one press, so sessions get somewhere
    st.sampled_from(PRESSES).map(lambda name: (name,)),
    st.sampled_from([("play",), ("toggle",)]),  # and Play most of all: it must mean nothing while asked
    st.tuples(st.just("scrub"), st.floats(0.0, 1.0)),
    st.tuples(st.just("answer"), st.sampled_from(Symptoms), st.sampled_from(Choice)),
)


def wait(tutorial, guided, clock, seconds):
    """Frames every half second; none may count a rep unless it began in a set (while the session drives)."""
    for _ in range(round(seconds / 0.5)):
        stage, reps, driven = guided.stage, tutorial.counter.reps_done, tutorial.driver is guided
        clock.advance(0.5)
        tutorial.tick()
        if driven and tutorial.counter.reps_done > reps:
            assert stage is Stage.REPS, f"reps counted in {stage}"


def act(tutorial, guided, clock, action):
    name, *args = action
    match name:
        case "wait":
            wait(tutorial, guided, clock, args[0])
        case "play" | "pause" | "toggle" | "carry_on" | "stop_for_today":
            getattr(tutorial, name)()
        case "next_step":
            tutorial.step_phase(+1)
        case "scrub":
            tutorial.seek_phi(args[0])
        case "symptoms":
            tutorial.symptoms_increased()
        case "smaller":
            tutorial.make_smaller()
        case "answer":
            guided.answer(*args)
        case "start":
            guided.start()
        case _:
            getattr(guided, name)()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(ui_actions, min_size=8, max_size=30))
def test_whatever_the_patient_presses_reps_count_only_in_a_set(qapp, steps):
    clock = ManualClock()
    tutorial, _, guided = make(clock, Programme(reps=2, sets=2, rest_s=2, tempo_s=6.0))  # the quickest reps allowed
    guided.start()
    for action in steps:
        act(tutorial, guided, clock, action)
        if tutorial.driver is guided:
            assert tutorial.playing == guided.model.moving  # the figure moves only when the model says
            assert tutorial.can_play == guided.can_play
        if guided.stage in (Stage.FINISHED, Stage.STOPPED, Stage.IDLE):
            assert tutorial.driver is None and tutorial.can_play  # the window is the patient's again
