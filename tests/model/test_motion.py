"""Poses over time: playback from a clock, range of movement, the seated figure, the seat."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flossgui.model.body import Body
from flossgui.model.clock import ManualClock
from flossgui.model.exercise import builtin_exercise
from flossgui.model.kinematics import skeleton
from flossgui.model.motion import LOOK_UP_DEG, MID_POSTURE, Movement, Setup, split_cycles
from flossgui.model.playback import Playback, cycles_at
from flossgui.model.seat import MAX_THIGH_SLOPE, SEAT_RANGE_CM, seat_geometry, suggested_seat_height
from flossgui.text import TEXT

EXERCISE = builtin_exercise()
speeds = st.floats(min_value=0.25, max_value=3.0)
ranges = st.floats(min_value=0.1, max_value=1.0)
heights = st.floats(min_value=100, max_value=220)
seats = st.floats(min_value=SEAT_RANGE_CM[0], max_value=SEAT_RANGE_CM[1])
phis = st.floats(min_value=0.0, max_value=1.0, exclude_max=True)


@given(st.floats(min_value=0, max_value=1e6), speeds)
def test_completed_reps_is_floor_of_elapsed_times_speed_over_period(elapsed, speed):
    clock = ManualClock(1000)
    playback = Playback(EXERCISE.period_s, clock, speed=speed)
    clock.now += elapsed
    rep, _ = split_cycles(playback.cycles)
    assert (
        rep == math.floor(elapsed * speed / EXERCISE.period_s)
        or abs(elapsed * speed / EXERCISE.period_s - round(elapsed * speed / EXERCISE.period_s)) < 1e-9
    )


@given(st.lists(st.floats(min_value=0.0, max_value=0.5), min_size=1, max_size=50), speeds)
def test_ticks_do_not_matter_only_the_clock(gaps, speed):
    """Reading the playback often or seldom (dropped frames) gives the same position."""
    clock = ManualClock(1000)
    often = Playback(EXERCISE.period_s, clock, speed=speed)
    seldom = Playback(EXERCISE.period_s, clock, speed=speed)
    for gap in gaps:
        clock.now += gap
        _ = often.cycles
    assert often.cycles == seldom.cycles == pytest.approx(cycles_at(sum(gaps), speed, EXERCISE.period_s))


def test_pause_speed_and_seek_keep_position():
    clock = ManualClock(1000)
    playback = Playback(10.0, clock)
    clock.now += 5
    assert playback.cycles == pytest.approx(0.5)
    playback.pause()
    clock.now += 100
    assert playback.cycles == pytest.approx(0.5)
    playback.play()
    playback.speed = 2.0  # a speed change does not jump
    assert playback.cycles == pytest.approx(0.5)
    clock.now += 5
    assert playback.cycles == pytest.approx(1.5)
    playback.seek(0.25)
    assert playback.cycles == pytest.approx(0.25)
    with pytest.raises(ValueError):
        playback.speed = 4


@given(phis, ranges, ranges)
def test_a_smaller_range_oscillates_about_the_mid_posture(phi, r1, r2):
    small, large = sorted((r1, r2))
    a = Movement(EXERCISE, Setup(range_fraction=small)).pose(phi).as_dict()
    b = Movement(EXERCISE, Setup(range_fraction=large)).pose(phi).as_dict()
    for joint, mid in MID_POSTURE.items():
        x, y = a[joint] - mid, b[joint] - mid
        assert x * y >= -1e-9  # the same side of the mid posture
        if not (joint == "neck" and y < 0):  # looking up keeps a floor (next test)
            assert abs(x) <= abs(y) + 1e-9


@pytest.mark.parametrize("percent", [10, 30, 50, 100])
def test_part_way_still_sits_up_tall_looks_up_and_lifts_the_toes(percent):
    movement = Movement(EXERCISE, Setup(range_fraction=percent / 100))
    phases = {p.id: p for p in EXERCISE.phases}
    straight, up = movement.pose(phases["straighten"].end), movement.pose(phases["toes-up"].end)
    assert straight.trunk == 0 and up.trunk == 0  # sits up tall
    assert up.neck <= LOOK_UP_DEG < 0  # looks up past level
    assert up.ankle >= 0  # toes up to at least neutral
    assert straight.knee == pytest.approx(90 * (1 - percent / 100))  # the knee's end angle is the grade
    assert movement.pose(0).knee == 90  # and it starts from the same bent knee


def test_captions_say_part_way_when_the_range_is_reduced():
    full, half = Movement(EXERCISE), Movement(EXERCISE, Setup(range_fraction=0.5))
    assert full.frame(0.1).cue == "cue.straighten"
    assert half.frame(0.1).cue == "cue.straighten.part"
    assert "part way" in TEXT[half.frame(0.1).cue]
    assert all(f.cue in TEXT for f in (half.frame(i / 20) for i in range(20)))


@given(st.integers(min_value=0, max_value=1000), ranges, seats, heights)
def test_start_and_end_of_a_rep_are_identical(rep, r, seat, height):
    movement = Movement(EXERCISE, Setup(body=Body(height), seat_height_cm=seat, range_fraction=r))
    start, end = movement.pose(split_cycles(float(rep))[1]), movement.pose(split_cycles(rep + 1 - 1e-9)[1])
    assert start.as_tuple() == pytest.approx(end.as_tuple(), abs=1e-4)
    assert split_cycles(float(rep))[0] == rep


@given(phis, seats, heights, st.sampled_from(["left", "right"]))
def test_the_figure_is_seated_and_jointed_the_right_way(phi, seat, height, side):
    movement = Movement(EXERCISE, Setup(body=Body(height), seat_height_cm=seat, side=side))
    s = skeleton(movement.pose(phi), movement.setup.body, movement.seat.hip_height_cm, side)  # as frame() places it
    f = s.facing
    assert s.hip[1] > seat  # the hip is above the seat surface
    assert s.shoulder[1] > s.hip[1] and s.head[1] > s.shoulder[1]  # upright trunk, head on top
    assert f * (s.knee[0] - s.hip[0]) > 0  # knee in front of the hip
    # The knee never bends backwards: the ankle is on or below the thigh's line.
    tx, ty = s.knee[0] - s.hip[0], s.knee[1] - s.hip[1]
    ax, ay = s.ankle[0] - s.knee[0], s.ankle[1] - s.knee[1]
    assert f * (tx * ay - ty * ax) <= 1e-6
    # Feet never go through the floor.
    assert min(s.heel[1], s.toes[1]) >= -1e-6


@given(heights, seats, seats)
def test_higher_seat_means_less_hip_flexion_while_the_feet_reach_the_floor(height, a, b):
    body = Body(height)
    low, high = sorted((seat_geometry(body, a), seat_geometry(body, b)), key=lambda g: g.seat_height_cm)
    if high.feet_on_floor:
        assert high.hip_flexion_deg <= low.hip_flexion_deg + 1e-9


@given(heights, seats)
def test_perching_only_with_the_feet_on_the_floor_and_hanging_feet_rest_the_thighs(height, seat):
    g = seat_geometry(Body(height), seat)
    assert g.thigh_slope_deg <= MAX_THIGH_SLOPE <= 20
    if not g.feet_on_floor:
        assert 85 <= g.hip_flexion_deg <= 95


@pytest.mark.parametrize(("height", "seat"), [(170, 90), (100, 46), (100, 90), (150, 66)])
def test_feet_that_cannot_reach_hang_with_the_thighs_on_the_seat(height, seat):
    g = seat_geometry(Body(height), seat)
    assert not g.feet_on_floor and 85 <= g.hip_flexion_deg <= 95


def test_standard_chair_and_suggested_seat():
    body = Body(170)
    chair = seat_geometry(body, 46)
    assert 85 <= chair.hip_flexion_deg <= 100 and chair.feet_on_floor
    easier = suggested_seat_height(body)
    assert easier > 46
    assert seat_geometry(body, easier).hip_flexion_deg < chair.hip_flexion_deg
    assert not seat_geometry(body, 90).feet_on_floor  # a high bed: legs hang


def test_toes_brush_the_floor_on_an_ordinary_seat():
    movement = Movement(EXERCISE, Setup(seat_height_cm=55))
    lowest = min(min(f.skeleton.heel[1], f.skeleton.toes[1]) for f in (movement.frame(i / 200) for i in range(200)))
    assert 0 <= lowest < 2.0


@pytest.mark.parametrize("height", [100, 170, 220])
def test_sitting_height_is_about_0_52_of_standing_height(height):
    body = Body(height)
    upright = Movement(EXERCISE, Setup(body=body)).pose(0.35)  # sitting up tall, head level
    seat = seat_geometry(body, 46)
    s = skeleton(upright, body, seat.hip_height_cm)
    crown = s.head[1] + s.head_radius
    assert crown - seat.seat_height_cm == pytest.approx(0.52 * height, rel=0.02)


@given(phis, seats)
def test_the_hip_and_trunk_angles_reported_are_the_ones_drawn(phi, seat):
    movement = Movement(EXERCISE, Setup(seat_height_cm=seat))
    pose = movement.pose(phi)
    s = skeleton(pose, movement.setup.body, movement.seat.hip_height_cm)

    def bend(a, b, c):  # the angle the polyline a → b → c turns through at b, degrees
        return math.degrees(math.atan2(
            (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]),
            (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]),
        ))  # fmt: skip

    assert -bend(s.hip, s.low_back, s.shoulder) == pytest.approx(pose.trunk, abs=1e-6)  # the spine curls forward
    trunk_down = (s.hip[0] - s.low_back[0], s.hip[1] - s.low_back[1])
    thigh = (s.knee[0] - s.hip[0], s.knee[1] - s.hip[1])
    between = math.degrees(math.acos((trunk_down[0] * thigh[0] + trunk_down[1] * thigh[1])
                                     / (math.hypot(*trunk_down) * math.hypot(*thigh))))  # fmt: skip
    assert between == pytest.approx(pose.hip, abs=1e-6)  # hip flexion: the pelvis line turned to the thigh


@given(st.floats(min_value=0.0, max_value=50.0, exclude_max=True), st.integers(min_value=1, max_value=1200))
def test_kept_steps_answer_with_the_start_of_the_step_worked_out_once(cycles, steps):
    exact = Movement(EXERCISE)
    kept = Movement(EXERCISE)
    kept.keep_steps(steps)
    frame = kept.frame(cycles)
    rep, phi = split_cycles(cycles)
    step = min(int(phi * steps), steps - 1)
    assert (frame.cycles, frame.rep) == (cycles, rep)
    assert frame.phi == step / steps <= phi
    assert frame.skeleton == exact.frame(step / steps).skeleton
    later = kept.frame(cycles + 1)  # a rep later (the same step, but for rounding at its edge)
    assert (later.string is frame.string) == (later.phi == frame.phi)  # kept, not worked out again
    kept.keep_steps(None)
    assert kept.frame(cycles).phi == phi  # exact again


def _near_phase_edges(draw: st.DrawFn) -> float:
    """Cycles anywhere, or a hair either side of where a phase starts (where rounding could differ)."""
    if draw(st.booleans()):
        return draw(st.floats(min_value=0.0, max_value=50.0, exclude_max=True))
    start = draw(st.sampled_from([p.start for p in EXERCISE.phases]))
    nudge = draw(st.sampled_from([0.0, 1e-12, -1e-12, 1e-9, -1e-9, 1e-4, -1e-4]))
    return max(0.0, draw(st.integers(0, 40)) + start + nudge)


@given(st.composite(_near_phase_edges)(), st.composite(_near_phase_edges)(), st.sampled_from([None, 1, 7, 600, 1200]))
def test_holds_says_whether_a_frame_would_be_in_the_rep_and_phase_of_another(shown_at, cycles, steps):
    """What the kiosk's loop asks every frame, without making the frame (see Tutorial.pass_to)."""
    movement = Movement(EXERCISE)
    movement.keep_steps(steps)
    shown, frame = movement.frame(shown_at), movement.frame(cycles)
    same = (frame.rep, frame.phase_index) == (shown.rep, shown.phase_index)
    assert movement.holds(shown, cycles) == same
    step = movement.kept_step(cycles)
    assert step is None if steps is None else frame.phi == step / steps


@given(st.floats(100.0, 220.0))
def test_feet_hang_from_the_lowest_seat_whose_feet_miss_the_floor(height_cm):
    """Where the posture changes (thighs level, feet hanging), which the seat plot marks."""
    movement = Movement(builtin_exercise(), Setup(body=Body(height_cm=height_cm)))
    hang = movement.feet_hang_from_cm()
    foot = (movement.exercise.most_pointed_ankle(), movement.exercise.knee_range())

    def hanging(seat_cm: float) -> bool:
        return not seat_geometry(movement.setup.body, seat_cm, *foot).feet_on_floor

    lo, hi = SEAT_RANGE_CM
    if hang is None:
        assert not hanging(hi)
    else:
        assert hanging(hang) and (hang == lo or not hanging(max(lo, hang - 0.2)))
