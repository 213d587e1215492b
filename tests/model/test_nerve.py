"""The string: bed length per joint, slack and tension, glide, calibration, seat, drawing."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flossgui.model.body import Body
from flossgui.model.exercise import VARIANTS, builtin_exercise
from flossgui.model.motion import Movement, Setup
from flossgui.model.nerve import NerveString
from flossgui.model.nerve_curves import peak_tension, peak_tension_by_seat, rep_curves
from flossgui.model.nerve_drawing import string_drawing
from flossgui.model.pose import JOINT_LIMITS, JOINTS, Pose
from flossgui.model.seat import SEAT_RANGE_CM

BODY = Body()
NERVE = NerveString(BODY, Pose(0, 0, 90, 90, 0))
CURVES = {kind: rep_curves(Movement(builtin_exercise(name))) for kind, name in VARIANTS.items()}
#: Joints whose angle lengthens the bed as it grows; the knee lengthens it as it straightens.
LENGTHENING_SIGN = {"neck": 1, "trunk": 1, "hip": 1, "knee": -1, "ankle": 1}


def angle(joint: str) -> st.SearchStrategy[float]:
    return st.floats(*JOINT_LIMITS[joint])


poses = st.builds(Pose, *(angle(j) for j in JOINTS))


def knee_glide(hip: float) -> float:
    """Glide at the knee site as the knee straightens 90° → 0°, head, back and ankle neutral."""
    return NerveString(BODY, Pose(0, 0, hip, 90, 0)).state(Pose(0, 0, hip, 0, 0)).slide_mm


@given(poses, st.sampled_from(JOINTS), st.floats(0, 1), st.floats(0, 1))
def test_each_joint_lengthens_the_bed_with_the_others_fixed(pose, joint, u, v):
    lo, hi = JOINT_LIMITS[joint]
    a, b = sorted((lo + u * (hi - lo), lo + v * (hi - lo)))
    if b - a < 0.5:
        return
    values = pose.as_dict()
    short, long = (a, b) if LENGTHENING_SIGN[joint] > 0 else (b, a)
    length = [NERVE.state(Pose(**{**values, joint: x})).length_cm for x in (short, long)]
    assert length[1] > length[0]


@given(poses)
def test_slack_and_tension_are_exclusive_and_consistent(pose):
    s = NERVE.state(pose)
    assert s.slack_cm >= 0 and s.tension >= 0 and s.slack_cm * s.tension == 0
    assert s.tension == pytest.approx(max(0.0, s.length_cm / s.rest_length_cm - 1) / 0.10)


def test_knee_straightening_glides_about_10_to_12_mm_more_with_the_hip_flexed():
    # Ridehalgh, Moore & Hough 2014: 9.9 ± 2.2 mm at hip 30°, 12.4 ± 4.4 mm at hip 60°.
    assert 9.0 <= knee_glide(30) <= 11.0
    assert 11.3 <= knee_glide(60) <= 13.5


@given(st.floats(20, 80), st.floats(20, 80))
def test_knee_glide_grows_with_hip_flexion(h1, h2):
    lo, hi = sorted((h1, h2))
    assert knee_glide(hi) >= knee_glide(lo) - 1e-9
    assert knee_glide(lo) > 0  # straightening the knee draws the nerve towards the toes


def test_slider_glides_about_twice_the_tensioner_at_a_fraction_of_its_strain():
    # Coppieters & Butler 2008: 12.6 vs 6.1 mm excursion, 0.8 vs 6.8 % strain.
    slider, tensioner = CURVES["slider"], CURVES["tensioner"]
    assert 1.7 <= slider.glide_mm / tensioner.glide_mm <= 2.4
    assert tensioner.peak_tension > 0.1
    assert slider.peak_tension < tensioner.peak_tension / 5


def test_the_mistake_sits_between_the_floss_and_the_tensioner():
    slider, mistake, tensioner = CURVES["slider"], CURVES["mistake"], CURVES["tensioner"]
    assert slider.peak_tension < mistake.peak_tension < tensioner.peak_tension
    assert mistake.glide_mm < slider.glide_mm


@pytest.mark.parametrize("kind", VARIANTS)
def test_string_is_continuous_and_closes_over_the_rep(kind):
    movement = Movement(builtin_exercise(VARIANTS[kind]))
    phi = np.linspace(0.0, 1.0, 2001)
    states = [movement.frame(p).string for p in phi]
    for name, bound in (("length_cm", 0.05), ("tension", 0.002), ("slide_mm", 0.2)):
        values = np.array([getattr(s, name) for s in states])
        assert np.abs(np.diff(values)).max() < bound, name  # no jumps at 1/2000 of a rep
        assert values[0] == pytest.approx(values[-1], abs=1e-9), name
    assert states[0].slide_mm == 0.0


@settings(deadline=None, max_examples=20)
@given(st.sampled_from(sorted(VARIANTS)), st.floats(*SEAT_RANGE_CM), st.floats(*SEAT_RANGE_CM))
def test_higher_seat_never_raises_peak_tension(kind, a, b):
    low, high = sorted((a, b))
    exercise = builtin_exercise(VARIANTS[kind])
    assert (
        peak_tension(exercise, Setup(seat_height_cm=high), 61)
        <= peak_tension(exercise, Setup(seat_height_cm=low), 61) + 1e-9
    )


def test_common_seats_lower_the_peak_tension_step_by_step():
    seats = [40, 46, 55, 66]
    tensioner = peak_tension_by_seat(builtin_exercise(VARIANTS["tensioner"]), Setup(), seats)
    slider = peak_tension_by_seat(builtin_exercise(), Setup(), seats)
    assert np.all(np.diff(tensioner) < 0)
    assert slider[0] > slider[1] > 0 and np.all(np.diff(slider) <= 0)
    assert np.all(slider < tensioner)


@pytest.mark.parametrize("kind", VARIANTS)
def test_variants_load_with_the_same_start_and_leg(kind):
    exercise = builtin_exercise(VARIANTS[kind])
    floss = builtin_exercise()
    assert exercise.kind == kind
    assert exercise.start_angles() == floss.start_angles()
    assert exercise.knee_range() == floss.knee_range()
    assert exercise.most_pointed_ankle() == floss.most_pointed_ankle()


@given(st.sampled_from(["left", "right"]), st.floats(0, 1, exclude_max=True))
def test_string_points_follow_the_figure_and_mirror_by_side(side, phi):
    frame = Movement(builtin_exercise(), Setup(side=side)).frame(phi)
    other = Movement(builtin_exercise(), Setup(side="left" if side == "right" else "right")).frame(phi)
    s, skel = frame.string, frame.skeleton
    assert s.facing == skel.facing
    assert np.allclose(np.array(s.points) * (-1, 1), other.string.points)
    # Behind the hip, behind the knee and under the heel on the figure's back.
    f = skel.facing
    assert f * (s.points[4][0] - skel.hip[0]) < 0 and s.points[4][1] < skel.hip[1]
    assert math.dist(s.points[5], skel.knee) < 0.03 * BODY.height_cm
    assert s.points[0][1] > skel.neck[1] and math.dist(s.points[-1], skel.toes) < 0.01 * BODY.height_cm


@given(poses, st.sampled_from([1.0, 2.0]))
def test_drawn_string_sags_by_its_slack_and_is_straight_when_taut(pose, exaggeration):
    state = NERVE.state(pose)
    drawing = string_drawing(state, exaggeration=exaggeration)
    drawn = float(np.hypot(*np.diff(drawing.points(), axis=0).T).sum())
    assert drawing.tension == state.tension
    if state.slack_cm == 0:
        assert drawn == pytest.approx(state.length_cm, rel=1e-9)
    elif exaggeration == 1.0:
        assert drawn == pytest.approx(state.rest_length_cm, abs=0.2 * state.slack_cm + 0.05)
    assert drawn >= state.length_cm - 1e-9
    points = drawing.points()
    assert points[0] == pytest.approx(state.points[0]) and points[-1] == pytest.approx(state.points[-1])


def test_bead_starts_at_the_site_and_slides_towards_the_toes_as_the_knee_straightens():
    movement = Movement(builtin_exercise())
    start, straight = movement.frame(0.0).string, movement.frame(0.35).string
    assert start.bead_cm == start.site_cm
    assert straight.slide_mm > 10 and straight.bead_cm > straight.site_cm
    bead = string_drawing(straight).bead
    knee = movement.frame(0.35).skeleton.knee
    assert math.dist(bead, knee) < 0.1 * BODY.height_cm
