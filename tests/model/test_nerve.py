"""The string: its bed, the distributed cord's glide and strain, its memory, seats and drawing."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flossgui.model.body import Body
from flossgui.model.exercise import VARIANTS, builtin_exercise
from flossgui.model.motion import Movement, Setup
from flossgui.model.nerve import BEADS, REFERENCE_POSE, NerveString, _arc_lengths
from flossgui.model.nerve_drawing import string_drawing
from flossgui.model.pose import JOINT_LIMITS, JOINTS, Pose
from flossgui.model.seat import seat_front, seat_geometry

BODY = Body()
NERVE = NerveString(BODY, Pose(0, 0, 90, 90, 0))
#: Joints whose angle lengthens the bed as it grows; the knee lengthens it as it straightens.
LENGTHENING_SIGN = {"neck": 1, "trunk": 1, "hip": 1, "knee": -1, "ankle": 1}
MOVEMENTS = {kind: Movement(builtin_exercise(name)) for kind, name in VARIANTS.items()}


def angle(joint: str) -> st.SearchStrategy[float]:
    return st.floats(*JOINT_LIMITS[joint])


poses = st.builds(Pose, *(angle(j) for j in JOINTS))


def bed_length(pose: Pose) -> float:
    return _arc_lengths(NERVE.bed(pose))[-1]


@given(poses, st.sampled_from(JOINTS), st.floats(0, 1), st.floats(0, 1))
def test_each_joint_lengthens_the_bed_with_the_others_fixed(pose, joint, u, v):
    lo, hi = JOINT_LIMITS[joint]
    a, b = sorted((lo + u * (hi - lo), lo + v * (hi - lo)))
    if b - a < 0.5:
        return
    values = pose.as_dict()
    short, long = (a, b) if LENGTHENING_SIGN[joint] > 0 else (b, a)
    assert bed_length(Pose(**{**values, joint: long})) > bed_length(Pose(**{**values, joint: short}))


def test_strain_is_zero_in_the_reference_posture_as_gauges_are_zeroed():
    state = NerveString(BODY, REFERENCE_POSE).state(REFERENCE_POSE)
    assert max(abs(e) for e in state.strains) < 1e-3
    assert state.tension == 0 and all(v == pytest.approx(0, abs=1e-9) for v in state.slides_mm.values())


@settings(deadline=None, max_examples=25)
@given(poses)
def test_slack_and_tension_index_are_exclusive_and_consistent(pose):
    s = NERVE.state(pose)
    assert all(math.isfinite(e) for e in (*s.strains, *s.slides_mm.values()))
    assert s.slack_cm >= 0 and s.tension >= 0 and s.slack_cm * s.tension == 0
    assert s.tension == pytest.approx(max(0.0, s.length_cm / s.rest_length_cm - 1) / 0.10)
    assert s.strain_peak == max(0.0, *s.strains)


def test_knee_glide_converges_on_the_knee():
    """Straightening the knee draws the nerve towards it from both sides, and less far away."""
    state = NerveString(BODY, Pose(0, 0, 60, 90, 0)).state(Pose(0, 0, 60, 0, 0))
    slides, beads = state.slides_mm, dict(zip(BEADS, (glide for _, glide in state.beads), strict=True))
    assert slides["lower_thigh"] > 0 and slides["midthigh"] > 0  # above the knee: towards the toes
    assert slides["ankle"] < 0 and beads["calf"] < 0  # below it: drawn up, towards it
    assert abs(beads["low_back"]) < beads["midthigh"]  # fading with distance


def test_ankle_glide_converges_on_the_ankle():
    nerve = NerveString(BODY, Pose(0, 0, 90, 0, -40))
    slides = nerve.state(Pose(0, 0, 90, 0, 15)).slides_mm
    assert slides["knee"] > slides["midthigh"] >= 0


def test_the_cord_remembers_where_friction_left_it():
    """There and back again ends where it started only as far as friction lets it slide back."""
    nerve = NerveString(BODY, Pose(0, 0, 90, 90, 0))
    out = nerve.follow(nerve.start_state, nerve.start, Pose(0, 0, 90, 0, 0))
    back = nerve.follow(out, Pose(0, 0, 90, 0, 0), nerve.start)
    assert out.x != nerve.start_state.x
    assert max(abs(a - b) for a, b in zip(back.x, nerve.start_state.x, strict=True)) < 1.0


@pytest.mark.parametrize("kind", VARIANTS)
def test_string_is_continuous_and_closes_over_the_rep(kind):
    movement = MOVEMENTS[kind]
    states = [movement.string.state(p % 1.0) for p in np.linspace(0.0, 1.0, 401)]
    for name, values, bound in (
        ("length", [s.length_cm for s in states], 0.1),
        ("slide", [s.slides_mm["midthigh"] for s in states], 1.0),
        ("strain", [s.strain_peak for s in states], 0.01),
    ):
        assert np.abs(np.diff(values)).max() < bound, name  # no jumps at 1/400 of a rep
        assert values[0] == pytest.approx(values[-1], abs=1e-9), name
    assert states[0].slides_mm["midthigh"] == 0.0


def test_the_same_frame_whatever_came_before():
    """A frame depends only on where it is in the rep: scrubbing back and forth changes nothing."""
    movement = Movement(builtin_exercise())
    first = movement.frame(0.3).string
    for phi in (0.9, 0.1, 0.6):
        movement.frame(phi)
    assert movement.frame(0.3).string == first


@settings(max_examples=15, deadline=None)
@given(st.lists(st.floats(0.0, 0.999), min_size=1, max_size=4), st.floats(0.0, 0.999))
def test_the_same_frame_whichever_frames_a_fresh_movement_showed_first(asked_first, phi):
    """The rep is solved as frames first need it: a frame never depends on which came first."""
    reference = Movement(builtin_exercise())
    reference.frame(0.999)  # the whole rep solved at once
    movement = Movement(builtin_exercise())
    for earlier in asked_first:
        movement.frame(earlier)
    assert movement.frame(phi).string == reference.frame(phi).string


def test_mistake_sits_between_the_floss_and_the_tensioner():
    peak = {kind: m.peak_strain_pct() for kind, m in MOVEMENTS.items()}
    assert peak["slider"] < peak["mistake"] < peak["tensioner"]


@pytest.mark.parametrize("kind", VARIANTS)
def test_variants_load_with_the_same_start_and_leg(kind):
    exercise = builtin_exercise(VARIANTS[kind])
    floss = builtin_exercise()
    assert exercise.kind == kind
    assert exercise.start_angles() == floss.start_angles()
    assert exercise.knee_range() == floss.knee_range()
    assert exercise.most_pointed_ankle() == floss.most_pointed_ankle()


def test_a_higher_seat_with_feet_on_the_floor_eases_the_floss():
    seats = [40, 46, 55]
    assert all(seat_geometry(BODY, s).feet_on_floor for s in seats)
    peaks = [Movement(builtin_exercise(), Setup(seat_height_cm=s)).peak_strain_pct() for s in seats]
    assert peaks[0] >= peaks[1] >= peaks[2]


@settings(deadline=None, max_examples=10)
@given(st.sampled_from(["left", "right"]), st.floats(0, 1, exclude_max=True))
def test_string_points_follow_the_figure_and_mirror_by_side(side, phi):
    frame = Movement(builtin_exercise(), Setup(side=side)).frame(phi)
    other = Movement(builtin_exercise(), Setup(side="left" if side == "right" else "right")).frame(phi)
    s, skel = frame.string, frame.skeleton
    assert s.facing == skel.facing
    assert np.allclose(np.array(s.points) * (-1, 1), other.string.points)
    assert math.dist(s.points[0], skel.head) < skel.head_radius  # the head end on the skull
    assert math.dist(s.points[-1], skel.toes) < 0.01 * BODY.height_cm


@settings(deadline=None, max_examples=25)
@given(poses, st.sampled_from([1.0, 2.0]))
def test_drawn_string_bows_by_its_looseness_and_is_straight_when_taut(pose, exaggeration):
    state = NERVE.state(pose)
    drawing = string_drawing(state, exaggeration=exaggeration)
    drawn = float(np.hypot(*np.diff(drawing.points(48), axis=0).T).sum())
    slack = sum(state.stretch_slack_cm)
    if slack == 0:
        assert drawn == pytest.approx(state.length_cm, rel=1e-9)
    elif exaggeration == 1.0:  # bows take up the slack where they are drawn, never more
        assert drawn <= state.length_cm + slack + 0.05
    assert drawn >= state.length_cm - 1e-9
    points = drawing.points()
    assert points[0] == pytest.approx(state.points[0]) and points[-1] == pytest.approx(state.points[-1])


def test_beads_start_at_their_sites_and_the_thigh_bead_slides_towards_the_knee():
    movement = Movement(builtin_exercise())
    start, straight = movement.frame(0.0).string, movement.frame(0.35).string
    assert all(slide == pytest.approx(0, abs=1e-9) for _, slide in start.beads)
    thigh = BEADS.index("midthigh")
    assert straight.beads[thigh][1] > 0.5  # cm towards the toes
    beads = string_drawing(straight, glide_exaggeration=3.0).beads
    assert len(beads) == len(BEADS) and beads[thigh] != string_drawing(straight).beads[thigh]


@settings(deadline=None, max_examples=30)
@given(st.floats(100, 220), st.floats(35, 90), st.floats(0, 1, exclude_max=True))
def test_the_string_never_runs_inside_the_seat(height, seat, phi):
    """Under the buttock and thigh the bed stays above the seat by at least half the drawn string."""
    body = Body(height)
    movement = Movement(builtin_exercise(), Setup(body=body, seat_height_cm=seat))
    drawing = string_drawing(movement.frame(phi).string, exaggeration=3.5)
    front = seat_front(body, movement.seat, 0.028 * height)  # the drawn thigh's half-thickness
    above_seat = [(x, y) for x, y in drawing.points() if x <= front]
    assert above_seat and all(y >= movement.seat.seat_height_cm + 0.004 * height for _, y in above_seat)


@settings(deadline=None, max_examples=15)
@given(st.floats(100, 220), st.floats(35, 90), st.floats(0.1, 1.0), st.sampled_from(sorted(VARIANTS)))
def test_any_person_seat_and_range_gives_a_finite_string_that_closes(height, seat, fraction, kind):
    movement = Movement(builtin_exercise(VARIANTS[kind]), Setup(Body(height), seat, "right", fraction))
    states = [movement.string.state(i / 24) for i in range(24)]
    values = [v for s in states for v in (*s.strains, *s.slides_mm.values(), s.tension)]
    assert all(math.isfinite(v) for v in values)
    assert max(s.strain_peak for s in states) < 0.2  # nothing near tearing
    assert movement.string.state(0.0) == states[0]
