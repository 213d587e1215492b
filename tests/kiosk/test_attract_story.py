"""The attract loop's story, without Qt: scenes, the loop's position, messages and the idle time."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flossgui.kiosk.attract import MESSAGE_SECONDS, AttractStory, Scene

MESSAGES = ("string", "clinic", "safety")


def story(origin: float = 100.0, idle: float = 60.0, speed: float = 1.0) -> AttractStory:
    return AttractStory(origin, speed=speed, period_s=10.0, idle_timeout_s=idle, messages=MESSAGES)


def test_the_loop_position_is_a_function_of_the_clock():
    s = story(speed=2.0)
    assert s.attract_cycles(100.0) == 0 and s.attract_cycles(105.0) == 1.0 and s.attract_cycles(1e6 + 100) == 2e5


def test_messages_take_turns():
    s = story()
    shown = [s.message_at(100.0 + i * MESSAGE_SECONDS + 0.5) for i in range(7)]
    assert shown == ["string", "clinic", "safety", "string", "clinic", "safety", "string"]


def test_a_visitor_and_a_demo_end_after_the_idle_time():
    s = story(idle=60.0)
    assert s.visit(110.0) is Scene.VISITOR
    assert not s.idle_over(169.0) and s.idle_over(170.0)
    assert s.back_to_attract() is Scene.ATTRACT
    assert s.start_demo(200.0) is Scene.DEMO
    assert s.visit(210.0) is Scene.DEMO  # changing the speed during a demo keeps the demo
    s.touched(250.0)  # the demo still playing counts as input
    assert not s.idle_over(300.0) and s.idle_over(310.0)


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        AttractStory(0.0, speed=1.0, period_s=10.0, idle_timeout_s=60.0, messages=())
    with pytest.raises(ValueError):
        AttractStory(0.0, speed=0.0, period_s=10.0, idle_timeout_s=60.0, messages=MESSAGES)


events = st.lists(
    st.tuples(st.sampled_from(["touch", "visit", "demo", "housekeep"]), st.floats(0.0, 500.0)), max_size=40
)


@given(events, st.floats(1.0, 3600.0))
def test_never_away_from_the_loop_longer_than_the_idle_time_after_the_last_input(steps, idle):
    """Whatever visitors do, checked once a second the story is back on the attract loop
    within ``idle`` seconds (plus that second) of the last input, and never sooner."""
    s = story(origin=0.0, idle=idle)
    now = 0.0
    for kind, gap in steps:
        now += gap
        before = s.scene
        if kind == "touch":
            s.touched(now)
        elif kind == "visit":
            assert s.visit(now) is (Scene.DEMO if before is Scene.DEMO else Scene.VISITOR)
        elif kind == "demo":
            assert s.start_demo(now) is Scene.DEMO
        elif s.idle_over(now):
            assert now - s.last_input >= idle
            s.back_to_attract()
        assert s.last_input <= now
    # No more input: housekeeping once a second brings it back in time.
    if s.scene is not Scene.ATTRACT:
        t = math.floor(now) + 1.0
        while not s.idle_over(t):
            assert t - s.last_input < idle
            t += 1.0
        s.back_to_attract()
        assert idle <= t - s.last_input <= idle + 1.0


@given(st.integers(-100_000, 100_000), st.floats(0.05, 0.95), st.floats(0.25, 3.0))
def test_the_loop_and_the_messages_are_periodic(slot, within, speed):
    s = story(origin=0.0, speed=speed)
    now = (slot + within) * MESSAGE_SECONDS  # inside a message's time, not on its edge
    assert s.message_at(now) == MESSAGES[slot % len(MESSAGES)]
    assert s.message_at(now + len(MESSAGES) * MESSAGE_SECONDS) == s.message_at(now)
    assert s.attract_cycles(now + 10.0 / speed) - s.attract_cycles(now) == pytest.approx(1.0)
