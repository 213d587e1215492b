"""The cue schedule: in step with the figure, none lost or doubled however frames fall."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flossgui.model.cues import (
    ASK_AGAIN_S,
    Countdown,
    Cue,
    CueKind,
    CueSchedule,
    Reminder,
    loudest,
    session_cues,
    to_speak,
)
from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Movement
from flossgui.model.session import Event

EXERCISE = builtin_exercise()
SCHEDULE = CueSchedule(EXERCISE.phases)


def test_one_rep_gives_each_phase_then_the_rep():
    cues = SCHEDULE.between(0.0, 1.0)
    assert [(c.kind, c.phase) for c in cues] == [
        (CueKind.PHASE, 1), (CueKind.PHASE, 2), (CueKind.PHASE, 3), (CueKind.REP, 0),
    ]  # fmt: skip
    assert [c.at for c in cues] == pytest.approx([0.35, 0.5, 0.65, 1.0])
    assert cues[-1].count == 1


def test_cues_match_the_phase_the_figure_shows():
    movement = Movement(EXERCISE)
    for cue in SCHEDULE.between(0.0, 5.0):
        assert movement.frame(cue.at + 1e-9).phase_index == cue.phase
        assert movement.frame(cue.at - 1e-9).phase_index != cue.phase


def test_count_is_per_set_and_backwards_gives_nothing():
    reps = [c.count for c in SCHEDULE.between(10.0, 13.0, set_start=10) if c.kind is CueKind.REP]
    assert reps == [1, 2, 3]
    assert SCHEDULE.between(3.0, 2.0) == [] and SCHEDULE.between(2.0, 2.0) == []
    assert [c.kind for c in SCHEDULE.between(9.9, 10.1, set_start=10)] == []  # the set's start is not a rep


@given(
    st.lists(st.floats(0, 3, allow_nan=False), min_size=1, max_size=40),
    st.floats(0.25, 3.0),
)
def test_dropped_frames_lose_or_double_nothing(gaps, speed):
    """Frames at irregular times (any dropped) give exactly the cues of one call over the span."""
    times = [0.0]
    for gap in gaps:
        times.append(times[-1] + gap)
    positions = [t * speed / EXERCISE.period_s for t in times]
    stepped = [c for a, b in itertools.pairwise(positions) for c in SCHEDULE.between(a, b)]
    assert stepped == SCHEDULE.between(positions[0], positions[-1])
    expected_reps = math.floor(positions[-1])
    assert [c.count for c in stepped if c.kind is CueKind.REP] == list(range(1, expected_reps + 1))


@given(st.floats(0, 50), st.floats(0, 50), st.floats(0, 50))
def test_intervals_partition(a, b, c):
    a, b, c = sorted((a, b, c))
    assert SCHEDULE.between(a, b) + SCHEDULE.between(b, c) == SCHEDULE.between(a, c)


def test_session_events_become_chimes_and_the_loudest_wins():
    cues = session_cues([Event.REP, Event.SET_DONE])
    assert cues == [Cue(CueKind.SET_DONE)]
    batch = [*SCHEDULE.between(0.9, 1.4), *cues]
    assert loudest(batch).kind is CueKind.SET_DONE
    assert loudest(SCHEDULE.between(0.2, 1.0)).kind is CueKind.REP
    assert loudest([]) is None
    assert session_cues([Event.FINISHED]) == [Cue(CueKind.FINISHED)]


def test_countdown_shows_3_2_1_then_go():
    cd = Countdown(started_at=100.0)
    assert [cd.showing(t) for t in (99.0, 100.0, 100.9, 101.0, 102.5, 103.0)] == [3, 3, 3, 2, 1, None]
    assert not cd.done(102.99) and cd.done(103.0)
    first = cd.between(None, 100.0)
    assert first == [Cue(CueKind.COUNT_IN, 100.0, count=3)]
    rest = cd.between(100.0, 110.0)
    assert [(c.kind, c.count) for c in rest] == [(CueKind.COUNTDOWN, 2), (CueKind.COUNTDOWN, 1), (CueKind.GO, 0)]


@given(st.lists(st.floats(0, 1.5), min_size=1, max_size=20))
def test_countdown_ticks_once_each(gaps):
    cd = Countdown(started_at=0.0)
    prev, now, cues = None, 0.0, []
    for gap in gaps:
        cues += cd.between(prev, now)
        prev, now = now, now + gap
    cues += cd.between(prev, now)
    assert cues == cd.between(None, now)


# -- spoken instructions ------------------------------------------------------------------------

CLIPS = {0: 1.8, 1: 1.3, 2: 1.3, 3: 1.2}  # seconds, as the English voice's


def test_each_instruction_ends_as_its_phase_begins():
    leads = SCHEDULE.instruction_leads(CLIPS, cycle_s=10.0, count_s=0.5)
    cues = [c for c in SCHEDULE.between(0.0, 3.0, set_end=3, leads=leads) if c.kind is CueKind.INSTRUCTION]
    starts = [p.start for p in EXERCISE.phases]
    for cue in cues:
        begins = math.floor(cue.at + leads[cue.phase]) + starts[cue.phase]
        assert (begins - cue.at) * 10.0 == pytest.approx(CLIPS[cue.phase] + 0.1)  # the clip, then a short gap
    # rep 0's first phase is led by the count-in; phases after the set's last rep get no words
    assert [(round(c.at + leads[c.phase]), c.phase) for c in cues if c.phase == 0] == [(1, 0), (2, 0)]
    assert [c.phase for c in cues] == [1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]


def test_an_instruction_that_does_not_fit_its_window_is_left_out():
    # at 1.5x (6.7 s a rep) toes up and level last 1 s: too short for the words of the step after them
    leads = SCHEDULE.instruction_leads(CLIPS, cycle_s=10.0 / 1.5, count_s=0.5)
    assert leads[2] is None and leads[3] is None and leads[0] is not None and leads[1] is not None
    assert SCHEDULE.instruction_leads(CLIPS, cycle_s=10.0 / 3, count_s=0.5) == (None, None, None, None)
    assert SCHEDULE.instruction_leads({}, 10.0) == (None, None, None, None)
    with pytest.raises(ValueError):
        SCHEDULE.instruction_leads(CLIPS, 0.0)


def test_instructions_never_overlap_one_another_or_the_count():
    for cycle_s in (40.0, 13.3, 10.0, 6.7, 5.0, 3.3):
        leads = SCHEDULE.instruction_leads(CLIPS, cycle_s, count_s=0.5)
        spans = []  # (start, end) in seconds of everything the voice says in reps 1..3
        for cue in SCHEDULE.between(0.0, 4.0, set_end=4, leads=leads):
            if cue.kind is CueKind.INSTRUCTION:
                spans.append((cue.at * cycle_s, cue.at * cycle_s + CLIPS[cue.phase]))
            elif cue.kind is CueKind.REP:
                spans.append((cue.at * cycle_s, cue.at * cycle_s + 0.5))
        spans.sort()
        assert all(a_end <= b_start + 1e-9 for (_, a_end), (b_start, _) in itertools.pairwise(spans)), cycle_s


@given(
    st.lists(st.floats(0, 3, allow_nan=False), min_size=1, max_size=40),
    st.floats(0.25, 3.0),
)
def test_dropped_frames_lose_or_double_no_instruction(gaps, speed):
    leads = SCHEDULE.instruction_leads(CLIPS, EXERCISE.period_s / speed, count_s=0.5)
    times = [0.0]
    for gap in gaps:
        times.append(times[-1] + gap)
    positions = [t * speed / EXERCISE.period_s for t in times]
    stepped = [c for a, b in itertools.pairwise(positions) for c in SCHEDULE.between(a, b, 0, 5, leads)]
    assert stepped == SCHEDULE.between(positions[0], positions[-1], 0, 5, leads)


def test_to_speak_keeps_the_latest_of_each_kind_in_order():
    cues = SCHEDULE.between(0.2, 3.0) + session_cues([Event.SET_DONE])
    assert [(c.kind, c.count) for c in to_speak(cues)] == [
        (CueKind.PHASE, 0), (CueKind.REP, 3), (CueKind.SET_DONE, 0),
    ]  # fmt: skip
    assert loudest([Cue(CueKind.INSTRUCTION), Cue(CueKind.QUESTION)]) is None


# -- the question, asked again until answered ------------------------------------------------------


def test_the_question_is_asked_at_once_then_every_20_seconds():
    r = Reminder(50.0)
    assert [c.at for c in r.between(None, 50.0)] == [50.0]
    assert r.between(50.0, 69.9) == []
    assert [c.count for c in r.between(69.9, 70.0)] == [1]
    assert [c.at for c in r.between(70.0, 135.0)] == [130.0]  # frames stopped for a minute: asked once, not thrice
    assert r.between(None, 49.0) == []
    assert ASK_AGAIN_S == 20.0


@given(st.lists(st.floats(0, 30, allow_nan=False), min_size=1, max_size=30))
def test_the_question_is_never_asked_twice_within_20_seconds(gaps):
    r, prev, now, asked = Reminder(0.0), None, 0.0, []
    for gap in gaps:
        asked += [c.at for c in r.between(prev, now)]
        prev, now = now, now + gap
    assert asked[0] == 0.0
    assert all(b - a >= ASK_AGAIN_S for a, b in itertools.pairwise(asked))
