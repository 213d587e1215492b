"""The tutorial controller: time from a hand-set clock, reps and sets, rests, set-up changes."""

from __future__ import annotations

import pytest

from flossgui.model.session import SessionPlan, State


def test_counter_advances_with_the_clock(tutorial, clock):
    for _ in range(35):
        clock.advance(1.0)
        tutorial.tick()
    assert tutorial.counter.reps_in_set == 3


def test_dropped_frames_count_the_same(tutorial, clock):
    clock.advance(35.0)  # one late tick instead of 35 on time
    tutorial.tick()
    assert tutorial.counter.reps_in_set == 3
    assert tutorial.frame.phi == pytest.approx(0.5)


def test_rest_holds_the_start_pose_then_resumes(tutorial, clock):
    tutorial.set_plan(SessionPlan(reps_per_set=2, sets=2, rest_s=30))
    tutorial.play()
    clock.advance(21.0)
    frame = tutorial.tick()
    assert tutorial.counter.state is State.RESTING and not tutorial.playing
    assert frame.phi == 0.0 and frame.pose.knee == pytest.approx(90)
    clock.advance(28.9)  # the rest runs from the moment the set ended (20 s), not from when it was seen
    tutorial.tick()
    assert tutorial.counter.state is State.RESTING and tutorial.frame.phi == 0.0
    clock.advance(1.0)
    tutorial.tick()
    assert tutorial.counter.state is State.EXERCISING and tutorial.playing
    assert tutorial.counter.set_index == 1 and tutorial.counter.reps_in_set == 0


def test_play_during_rest_skips_it_and_finish_then_reset(tutorial, clock):
    tutorial.set_plan(SessionPlan(reps_per_set=1, sets=2, rest_s=60))
    tutorial.play()
    clock.advance(10.0)
    tutorial.tick()
    assert tutorial.counter.state is State.RESTING
    tutorial.play()
    assert tutorial.counter.state is State.EXERCISING and tutorial.playing
    clock.advance(10.0)
    tutorial.tick()
    assert tutorial.counter.state is State.FINISHED and not tutorial.playing
    tutorial.play()  # finished: Play counts afresh, no "Start again" needed
    assert tutorial.playing and tutorial.counter.state is State.EXERCISING and tutorial.counter.reps_done == 0


def test_speed_and_setup_changes_keep_the_position(tutorial, clock):
    clock.advance(2.0)
    before = tutorial.tick().phi
    tutorial.set_speed(2.0)
    tutorial.set_seat_height(60)
    tutorial.set_range_percent(50)
    assert tutorial.tick().phi == pytest.approx(before)
    clock.advance(1.0)
    assert tutorial.tick().phi == pytest.approx(before + 0.2)


def test_phase_stepping_wraps_within_the_rep_and_never_counts(tutorial, clock):
    clock.advance(12.0)  # rep 1, phi 0.2, first phase
    tutorial.tick()
    tutorial.step_phase(+1)
    assert tutorial.frame.phase.id == "toes-up" and not tutorial.playing
    tutorial.step_phase(-1)
    assert tutorial.frame.phase.id == "straighten" and tutorial.frame.phi == pytest.approx(0.0, abs=1e-6)
    tutorial.step_phase(-1)
    assert tutorial.frame.phase.id == "slump" and tutorial.frame.rep == 1
    tutorial.step_phase(+1)
    assert tutorial.frame.phi == pytest.approx(0.0, abs=1e-6) and tutorial.frame.rep == 1
    assert tutorial.counter.reps_done == 1


def test_make_smaller_steps_down_to_ten_percent(tutorial):
    steps = []
    while tutorial.make_smaller():
        steps.append(tutorial.range_percent)
    assert steps == [75, 55, 40, 30, 20, 15, 10]  # the one rule: model.symptoms.smaller_range
    assert tutorial.range_percent == 10


def test_the_timer_publishes_frames(qtbot, tutorial):
    with qtbot.waitSignal(tutorial.frame_changed, timeout=2000):
        tutorial.start()
    tutorial.stop()


def test_dropped_frames_across_a_rest_change_neither_count_nor_pose(qtbot):
    """The app pauses at a set's end and resumes after the rest: a 3 s stall at either moment
    leaves the count and every later pose exactly as with a frame every 1/60 s."""
    from flossgui.model.clock import ManualClock
    from flossgui.model.exercise import builtin_exercise
    from flossgui.model.session import SessionPlan
    from flossgui.ui.shell.tutorial import Tutorial

    def run(skip: range) -> tuple[int, dict[int, tuple]]:
        clock = ManualClock(0.0)
        t = Tutorial(builtin_exercise(), clock=clock, plan=SessionPlan(reps_per_set=2, sets=3, rest_s=5))
        poses = {}
        for k in range(80 * 60):
            clock.now = k / 60
            if k not in skip:
                poses[k] = t.tick().pose.as_tuple()
        return t.counter.reps_done, poses

    every_reps, every_poses = run(range(0))
    for stall in (range(1200, 1380), range(1500, 1680)):  # at the end of set 1 (20 s), at the end of its rest (25 s)
        reps, poses = run(stall)
        assert reps == every_reps == 6
        assert all(poses[k] == every_poses[k] for k in poses if k >= stall.stop)
