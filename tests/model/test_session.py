"""The rep and set counter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flossgui.model.session import Event, SessionCounter, SessionPlan, State


def test_counts_reps_rests_and_finishes():
    counter = SessionCounter(SessionPlan(reps_per_set=3, sets=2, rest_s=20))
    assert counter.observe(1, now=10) == [Event.REP]
    assert counter.observe(1, now=11) == []  # the same count again adds nothing
    assert counter.observe(3, now=30) == [Event.REP, Event.REP, Event.SET_DONE]  # a jump of two reps
    assert counter.state is State.RESTING and counter.rest_remaining(35) == pytest.approx(15)
    assert counter.observe(5, now=40) == []  # nothing counts while resting
    assert counter.tick(50) == [Event.REST_OVER]
    assert counter.set_index == 1 and counter.reps_in_set == 0
    events = counter.observe(8, now=60)
    assert events == [Event.REP, Event.REP, Event.REP, Event.FINISHED]
    assert counter.state is State.FINISHED and counter.reps_done == 6
    counter.reset(8)
    assert counter.state is State.EXERCISING and counter.reps_done == 0
    assert counter.observe(9, now=70) == [Event.REP]


def test_scrubbing_back_never_uncounts():
    counter = SessionCounter(SessionPlan(reps_per_set=10, sets=1, rest_s=0))
    counter.observe(4, 0)
    counter.observe(2, 1)
    assert counter.reps_in_set == 4
    counter.observe(5, 2)
    assert counter.reps_in_set == 5


@given(st.lists(st.integers(min_value=0, max_value=5), max_size=60), st.integers(1, 10), st.integers(1, 5))
def test_reps_done_never_exceeds_the_plan(steps, reps, sets):
    counter = SessionCounter(SessionPlan(reps_per_set=reps, sets=sets, rest_s=1))
    seen, now = 0, 0.0
    for step in steps:
        seen += step
        now += 2.0
        counter.observe(seen, now)
        assert 0 <= counter.reps_in_set <= reps
        assert counter.reps_done <= reps * sets


def test_plan_limits():
    with pytest.raises(ValueError):
        SessionPlan(reps_per_set=0)


def test_a_rest_starts_when_its_set_really_ended():
    counter = SessionCounter(SessionPlan(reps_per_set=1, sets=2, rest_s=10))
    done_at = {1: 10.0, 2: 25.0}
    assert counter.observe(1, now=13.0, completed_at=done_at.get) == [Event.REP, Event.SET_DONE]
    assert counter.rest_until == 20.0 and counter.set_end_rep == 1
    assert counter.observe(2, now=26.0, completed_at=done_at.get) == [Event.REST_OVER, Event.REP, Event.FINISHED]
