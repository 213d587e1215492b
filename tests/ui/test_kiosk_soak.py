"""A week of kiosk on an accelerated clock: the movement, the counts and the schedule stay exact.

The kiosk's timers are stood in for by hand: the frame and housekeeping timers fire every
coarse step (a dropped-frame worst case of tens of seconds), the opening-hours timer exactly
when it asked to be woken, which gives the finer steps around every schedule change. A
visitor taps "Try it with me" every morning and "Faster" every afternoon.
"""

from __future__ import annotations

import math
from datetime import datetime

from flossgui.kiosk import attract
from flossgui.kiosk.attract import Scene
from flossgui.kiosk.config import KioskConfig
from flossgui.kiosk.schedule import OpeningHours, parse_range
from flossgui.model.session import State

WEEK_S = 7 * 24 * 3600
STEP_S = 59.0  # coarse frames: a divisor of nothing in the schedule or the movement
DAY = (parse_range("08:00-18:00"),)
HOURS = OpeningHours(
    (DAY, DAY, DAY, DAY, (parse_range("08:00-12:00"), parse_range("13:00-18:00")), (parse_range("22:00-02:00"),), ())
)


def test_a_week_on_an_accelerated_clock(make_kiosk):
    config = KioskConfig(speed=1.25, hours=HOURS, idle_timeout_seconds=60, max_fps=30)
    kiosk = make_kiosk(config, start=datetime(2026, 3, 2, 0, 0), locked=False)  # a Monday, closed
    mode, loop, clock = kiosk.mode, kiosk.mode.loop, kiosk.clock
    tutorial, figure = kiosk.window.tutorial, kiosk.window.figure_view.figure
    period = tutorial.movement.exercise.period_s
    items = len(figure.items())
    hours_due = mode.hours.timer.interval() / 1000
    visited: set[tuple[int, str]] = set()
    demos = flips = 0
    was_open = mode.hours.is_open

    frame_due = STEP_S
    while clock.now < WEEK_S:
        clock.now = min(frame_due, hours_due, WEEK_S)
        if clock.now == hours_due:
            mode.hours.check()
            hours_due = clock.now + mode.hours.timer.interval() / 1000
        wall = kiosk.wall()
        is_open = HOURS.is_open(wall)
        assert mode.hours.is_open is is_open, wall
        assert mode.curtain.isVisible() is not is_open and loop.frame_timer.isActive() is is_open, wall
        flips += is_open is not was_open
        was_open = is_open
        if clock.now != frame_due:
            continue

        frame_due += STEP_S
        if loop.frame_timer.isActive():
            loop.tick()
        loop.housekeep()
        assert mode.panel.message.text() == loop.messages[math.floor(clock.now / attract.MESSAGE_SECONDS) % 8]
        if not is_open:
            continue
        if loop.scene is Scene.ATTRACT:
            expected = clock.now * config.speed / period
            frame = figure.frame
            assert abs(frame.cycles - expected) < 1e-6, wall  # no drift after a week
            if abs(expected - round(expected)) > 1e-6:  # away from a rep boundary, floor() is unambiguous
                assert frame.rep == math.floor(expected), wall
            assert abs(frame.phi - tutorial.movement.frame(expected).phi) < 1e-6, wall
            assert tutorial.counter.reps_done == 0
        if wall.hour == 10 and (wall.day, "demo") not in visited:
            visited.add((wall.day, "demo"))
            mode.panel.demo_button.click()
            demos += 1
        elif wall.hour == 15 and (wall.day, "faster") not in visited:
            visited.add((wall.day, "faster"))
            mode.panel.faster_button.click()
            assert loop.scene is Scene.VISITOR
        if loop.scene is Scene.DEMO and tutorial.counter.state is State.FINISHED:
            assert tutorial.counter.reps_done == attract.DEMO_REPS  # dropped frames never over- or under-count

    assert demos == 5  # Monday to Friday mornings
    assert len(visited) == 5 + 5
    assert flips == 4 * 2 + 4 + 2  # Mon-Thu open and close, Fri with a lunch break, Sat night to Sun 02:00
    assert len(figure.items()) == items  # updated in place, never re-created
    assert loop.scene is Scene.ATTRACT
