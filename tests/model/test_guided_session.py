"""The guided session's state machine, on a hand-set clock and a real playback (no Qt)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from flossgui.model.clock import ManualClock
from flossgui.model.guided_session import (
    ASKING,
    CheckAnswered,
    GuidedSession,
    SessionEnded,
    SessionStarted,
    SetEnded,
    Stage,
    SymptomsIncreased,
)
from flossgui.model.playback import Playback
from flossgui.model.programme import Programme
from flossgui.model.session import Event
from flossgui.model.symptoms import Choice, Symptoms, smaller_range

PERIOD_S = 10.0


class Rig:
    """What the Qt adapter does, without Qt: a playback that follows the machine, frames from the clock."""

    def __init__(self) -> None:
        self.clock = ManualClock()
        self.playback = Playback(PERIOD_S, self.clock, playing=False)
        self.model = GuidedSession()
        self.records: list = []

    @property
    def now(self) -> float:
        return self.clock.now

    def start(self, programme: Programme) -> None:
        self.model.start(programme, self.now, math.floor(self.playback.cycles))
        self.sync()

    def frame(self) -> list[Event]:
        stage, reps = self.model.stage, self.model.counter.reps_done
        events = self.model.update(self.now, math.floor(self.playback.cycles), self.playback.time_of)
        assert self.model.counter.reps_done == reps or stage is Stage.REPS, f"reps counted in {stage}"
        if Event.SET_DONE in events or Event.FINISHED in events:
            end = self.model.counter.set_end_rep  # held at the start pose, as the tutorial does
            self.playback.seek(end)
            self.playback.pause()
            self.model.counter.rebase(end)
        self.sync()
        return events

    def wait(self, seconds: float, step: float = 0.25) -> None:
        for _ in range(round(seconds / step)):
            self.clock.advance(step)
            self.frame()

    def sync(self) -> None:
        m = self.model
        if m.moving and not self.playback.playing:
            self.playback.play(at=m.moving_since)
        elif not m.moving and self.playback.playing:
            self.playback.pause()
        self.records += m.take_records()

    def do(self, name: str, *args: object) -> None:
        getattr(self.model, name)(*args, self.now)
        self.sync()


def test_a_session_from_count_in_to_finish():
    rig = Rig()
    rig.start(Programme(reps=2, sets=1, rest_s=5, side="both"))  # one set per leg
    assert rig.model.stage is Stage.COUNT_IN and rig.model.count_in_showing(rig.now) == 3
    rig.wait(3.0)
    assert rig.model.stage is Stage.REPS and rig.playback.playing and rig.model.side == "right"
    rig.wait(20.0)
    assert rig.model.stage is Stage.REST and rig.model.asking and not rig.model.can_play
    assert rig.model.asking_since == 23.0
    rig.wait(6.0)
    assert rig.model.stage is Stage.CHECK and rig.model.waiting_since == 28.0
    rig.do("play")  # means nothing while the question waits
    assert rig.model.stage is Stage.CHECK and not rig.playback.playing
    rig.do("answer", Symptoms.SAME, Choice.CARRY_ON)
    assert rig.model.stage is Stage.COUNT_IN and rig.model.side == "left"
    rig.wait(23.25)
    assert rig.model.stage is Stage.LAST_CHECK and rig.model.reps_done == 4
    assert rig.model.waiting_since == rig.model.asking_since == 29.0 + 3.0 + 20.0  # answered, count-in, 2 reps
    rig.do("answer", Symptoms.BETTER, Choice.CARRY_ON)
    assert rig.model.stage is Stage.FINISHED
    rig.model.dismiss()
    assert rig.model.stage is Stage.IDLE and rig.model.can_play
    assert rig.records[1:] == [
        SetEnded(0, 2, "right", 100.0, True),
        CheckAnswered(0, Symptoms.SAME, Choice.CARRY_ON),
        SetEnded(1, 2, "left", 100.0, True),
        SessionEnded("finished"),
        CheckAnswered(1, Symptoms.BETTER, Choice.CARRY_ON),
    ]


def test_answered_during_the_rest_counts_in_when_the_rest_ends():
    rig = Rig()
    rig.start(Programme(reps=1, sets=2, rest_s=10))
    rig.wait(13.25)
    rig.do("answer", Symptoms.BETTER, Choice.CARRY_ON)
    assert rig.model.stage is Stage.REST and rig.model.can_play
    rig.wait(10.0)
    assert rig.model.stage is Stage.COUNT_IN and rig.model.countdown.started_at == 23.0


def test_play_cuts_an_answered_rest_short():
    rig = Rig()
    rig.start(Programme(reps=1, sets=2, rest_s=60))
    rig.wait(13.25)
    rig.do("answer", Symptoms.BETTER, Choice.CARRY_ON)
    rig.do("play")
    assert rig.model.stage is Stage.COUNT_IN and rig.model.counter.set_index == 1


def test_stop_mid_set_records_the_partial_set():
    rig = Rig()
    rig.start(Programme(reps=5, sets=1))
    rig.wait(3.0 + 25.0)
    rig.do("stop")
    assert rig.model.stage is Stage.STOPPED and rig.model.reps_done == 2
    assert rig.records[-2:] == [SetEnded(0, 2, "right", 100.0, False), SessionEnded("stopped")]


def test_symptoms_increased_then_carry_on_resumes_the_movement():
    rig = Rig()
    rig.start(Programme(reps=5, sets=1))
    rig.wait(3.0 + 12.0)
    rig.do("symptoms_increased")
    assert not rig.playback.playing and not rig.model.can_play
    rig.wait(30.0)
    assert rig.model.counter.reps_in_set == 1  # held still: nothing counted while they decide
    rig.do("after_increase", Choice.CARRY_ON)
    assert rig.model.moving and rig.playback.playing
    assert rig.records[-1] == SymptomsIncreased(0, 1, 100.0, Choice.CARRY_ON)


def test_symptoms_increased_then_smaller_uses_the_one_rule():
    rig = Rig()
    rig.start(Programme(reps=5, sets=2, range_percent=80))
    rig.wait(5.0)
    rig.do("symptoms_increased")
    rig.do("after_increase", Choice.SMALLER)
    assert rig.model.range_percent == smaller_range(80) == 60 and not rig.model.moving  # on when they are ready
    rig.do("play")
    assert rig.model.moving


def test_smaller_after_the_last_set_is_for_next_time():
    rig = Rig()
    rig.start(Programme(reps=1, sets=1, range_percent=80))
    rig.wait(13.25)
    rig.do("answer", Symptoms.WORSE, Choice.SMALLER)
    assert rig.model.stage is Stage.FINISHED and rig.model.programme.range_percent == 60
    assert rig.model.range_percent == 80  # this session's sets were done at 80


# -- properties ------------------------------------------------------------------------------

programmes = st.builds(
    Programme,
    reps=st.integers(1, 3),
    sets=st.integers(1, 3),
    rest_s=st.sampled_from([0.0, 2.0, 15.0]),
    side=st.sampled_from(["left", "right", "both"]),
    range_percent=st.sampled_from([10.0, 50.0, 100.0]),
)
actions = st.one_of(
    st.tuples(st.just("wait"), st.floats(0.0, 25.0)),
    st.tuples(st.just("play")),
    st.tuples(st.just("pause")),
    st.tuples(st.just("next_set_now")),
    st.tuples(st.just("answer"), st.sampled_from(Symptoms), st.sampled_from(Choice)),
    st.tuples(st.just("symptoms_increased")),
    st.tuples(st.just("after_increase"), st.sampled_from(Choice)),
    st.tuples(st.just("stop")),
    st.tuples(st.just("dismiss")),
    st.tuples(st.just("scrub"), st.floats(0.0, 0.99)),
    st.tuples(st.just("start"), programmes),
)


def apply(rig: Rig, action: tuple) -> None:
    name, *args = action
    if name == "wait":
        rig.wait(args[0], step=0.5)
    elif name == "start":
        rig.start(args[0])
    elif name == "dismiss":
        rig.model.dismiss()
        rig.sync()
    elif name == "scrub":  # the patient drags the slider: pause, then move within the rep
        rig.do("pause")
        rig.playback.seek(math.floor(rig.playback.cycles) + args[0])
        rig.frame()
    else:
        rig.do(name, *args)


@settings(max_examples=150, deadline=None)
@given(st.lists(actions, max_size=40), programmes)
def test_random_sessions_keep_their_promises(steps, programme):
    rig = Rig()
    rig.start(programme)
    for action in steps:
        m = rig.model
        before = (m.stage, m.counter.reps_done, m.moving, m.answered, m.can_play)
        resumes = action[0] == "after_increase" and m.increase_pending and m._resume_after_increase
        apply(rig, action)
        stage, reps, moving, answered, can_play = before
        if action[0] == "play" and not can_play:
            assert (m.stage, m.counter.reps_done, m.moving, m.answered) == (stage, reps, moving, answered)
        if resumes and action[1] is Choice.CARRY_ON and m.stage is Stage.REPS:
            assert m.moving, "carry on resumes the movement"
        assert not m.moving or m.stage is Stage.REPS
        assert rig.playback.playing == m.moving
        assert (m.asking_since is not None) == (m.stage in ASKING)
        assert (m.waiting_since is not None) == (m.stage in (Stage.CHECK, Stage.LAST_CHECK))
        if m.stage in (Stage.IDLE, Stage.FINISHED, Stage.STOPPED, Stage.COUNT_IN) and not m.increase_pending:
            assert m.can_play
    rig.do("stop")
    rig.model.dismiss()
    assert rig.model.stage is Stage.IDLE and rig.model.can_play  # usable again afterwards
    check_diary(rig.records)


def check_diary(records: list) -> None:
    """Each session: started, its sets in order (full ones complete), reps adding up, ended once."""
    sessions: list[list] = []
    for record in records:
        if isinstance(record, SessionStarted):
            sessions.append([record])
        else:
            sessions[-1].append(record)
    for session in sessions:
        plan: Programme = session[0].programme
        sets = [r for r in session if isinstance(r, SetEnded)]
        ends = [r for r in session if isinstance(r, SessionEnded)]
        assert len(ends) == 1
        assert [s.index for s in sets] == list(range(len(sets)))
        assert all(s.reps == plan.reps for s in sets if s.complete)
        assert all(0 < s.reps < plan.reps for s in sets if not s.complete)
        assert all(s.complete for s in sets[:-1])  # only the last set can be cut short
        answers = [r.index for r in session if isinstance(r, CheckAnswered)]
        assert len(answers) == len(set(answers)) and set(answers) <= {s.index for s in sets}
        if ends[0].outcome == "finished":
            assert len(sets) == plan.session_plan().sets and all(s.complete for s in sets)
