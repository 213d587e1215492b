"""The string model against every published figure it is fitted to: one test per target.

Each range comes from flossgui.model.neuro_figures (the one place the numbers and sources live);
the model's values from flossgui.model.calibration (170 cm, 46 cm chair, full range).
"""

from __future__ import annotations

import pytest

from flossgui.model.calibration import calibration
from flossgui.model.neuro_figures import RIDEHALGH_HIP30, RIDEHALGH_HIP60, TARGETS

MODEL = calibration()


def check(name: str) -> None:
    target = TARGETS[name]
    assert target.holds(MODEL[name]), f"{name}: {MODEL[name]:.2f} {target.unit} outside {target.lo:g}–{target.hi:g}"


def test_the_floss_glides_8_to_16_mm_at_mid_thigh():
    check("floss_glide")


def test_the_tensioner_glides_at_most_half_as_far_as_the_floss():
    check("tensioner_share")


def test_toes_up_and_looking_up_with_the_knee_straight_glides_2_to_6_mm():
    check("toes_up_look_up")


def test_the_ankle_alone_glides_at_most_3_mm_at_mid_thigh_and_less_with_the_hip_bent_more():
    check("ankle_alone")
    assert MODEL["ankle_alone_hip_flexed"] < MODEL["ankle_alone"]


def test_knee_alone_at_hip_30_is_within_15_percent_of_ridehalgh():
    check("knee_hip30")
    assert MODEL["knee_hip30"] == pytest.approx(RIDEHALGH_HIP30.value, rel=0.15)


def test_knee_alone_at_hip_60_is_within_15_percent_of_ridehalgh():
    check("knee_hip60")
    assert MODEL["knee_hip60"] == pytest.approx(RIDEHALGH_HIP60.value, rel=0.15)


def test_the_floss_strains_the_nerve_less_than_1_percent():
    check("floss_strain")


def test_the_tensioner_strains_the_nerve_3_to_8_percent():
    check("tensioner_strain")
