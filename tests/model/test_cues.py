"""The cue schedule: in step with the figure, none lost or doubled however frames fall."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flossgui.model.cues import Countdown, Cue, CueKind, CueSchedule, loudest, session_cues
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
    assert first == [Cue(CueKind.COUNTDOWN, 100.0, count=3)]
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
