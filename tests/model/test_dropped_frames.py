"""Dropped frames: ticking the clock less often changes neither the pose at a moment nor the count.

Playback and the session counter are driven from a fake clock, once at every tick and once at
a random subset of the same ticks (a slow machine, a busy event loop, a frozen screen), and
compared.
"""

from __future__ import annotations

from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from flossgui.model.clock import ManualClock
from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Movement
from flossgui.model.playback import Playback
from flossgui.model.session import SessionCounter, SessionPlan

MOVEMENT = Movement(builtin_exercise())
TICK_S = 1 / 60


def play(ticks: list[int], speed: float, plan: SessionPlan) -> tuple[dict[int, tuple], int]:
    """Poses seen at each tick index, and the reps counted by the end."""
    clock = ManualClock(0)
    playback = Playback(MOVEMENT.exercise.period_s, clock, speed)
    counter = SessionCounter(plan)
    poses = {}
    for k in ticks:
        clock.now = k * TICK_S
        frame = MOVEMENT.frame(playback.cycles)
        counter.observe(frame.rep, clock.now, playback.time_of)
        poses[k] = frame.pose
    return poses, counter.reps_done


@settings(max_examples=60, deadline=None)
@given(
    gaps=st.lists(st.integers(1, 300), min_size=1, max_size=100),  # ticks between drawn frames: up to 5 s
    speed=st.sampled_from([0.25, 1.0, 3.0]),
    seconds=st.integers(5, 90),
    reps=st.integers(1, 50),
)
def test_skipped_ticks_change_neither_pose_nor_count_within_a_set(gaps, speed, seconds, reps):
    every = list(range(seconds * 60 + 1))
    some = sorted({k for k in accumulate(gaps) if k < every[-1]} | {every[-1]})
    plan = SessionPlan(reps_per_set=reps, sets=1, rest_s=0)

    all_poses, all_reps = play(every, speed, plan)
    some_poses, some_reps = play(some, speed, plan)

    assert all(some_poses[k] == all_poses[k] for k in some)
    assert some_reps == all_reps


# Across sets: each rep is placed at the moment it was done (Playback.time_of), so neither of
# these two stalls changes the count.
def test_a_frozen_second_does_not_lose_the_next_sets_rep():
    # One rep a set at speed 1 (10 s a rep), no rest. With the screen frozen from 9.5 s to
    # 20.5 s, reps 1 and 2 are seen together: rep 1 ends the set and rep 2 is not counted.
    plan = SessionPlan(reps_per_set=1, sets=3, rest_s=0)
    every = list(range(35 * 60 + 1))
    some = [k for k in every if not 9.5 * 60 < k < 20.5 * 60]
    assert play(some, 1.0, plan)[1] == play(every, 1.0, plan)[1]


def test_a_late_tick_does_not_move_the_rest():
    # One rep a set at speed 1, 9.5 s rest. Rep 1 ends at t = 10 s; if the ticks between
    # 10 s and 12 s are dropped, the rest runs to 21.5 s instead of 19.5 s, and rep 2
    # (done at 20 s) is swallowed by the longer rest.
    plan = SessionPlan(reps_per_set=1, sets=3, rest_s=9.5)
    every = list(range(35 * 60 + 1))
    some = [k for k in every if not 10 * 60 <= k < 12 * 60]
    assert play(some, 1.0, plan)[1] == play(every, 1.0, plan)[1]
