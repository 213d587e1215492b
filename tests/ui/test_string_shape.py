"""The string's geometry: pure, headless."""

from __future__ import annotations

import numpy as np
import pytest

from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Movement, Setup
from flossgui.ui.string_shape import POINT_COUNT, skeleton_string, string_points, tautness


@pytest.fixture
def movement() -> Movement:
    return Movement(builtin_exercise())


def _length(points: np.ndarray) -> float:
    return float(np.hypot(*np.diff(points, axis=0).T).sum())


def test_slack_when_bent_taut_when_straight(movement):
    start, straight = movement.frame(0.0), movement.frame(0.35)
    assert tautness(start.pose) == 0.0
    assert tautness(straight.pose) == pytest.approx(1.0)
    assert skeleton_string(start).points.shape == (POINT_COUNT, 2)


def test_slack_string_bows_longer_than_taut_one(movement):
    sk = movement.frame(0.0).skeleton
    assert _length(string_points(sk, 0.0)) > _length(string_points(sk, 1.0)) * 1.01


def test_string_runs_behind_the_back_and_under_the_foot(movement):
    for side, facing in (("right", 1), ("left", -1)):
        sk = Movement(movement.exercise, Setup(side=side)).frame(0.35).skeleton
        pts = string_points(sk, 1.0)
        trunk = pts[(pts[:, 1] > sk.hip[1] + 5) & (pts[:, 1] < sk.shoulder[1] - 5) & (abs(pts[:, 0]) < 20)]
        assert len(trunk) and np.all(facing * trunk[:, 0] < facing * sk.shoulder[0])  # behind the spine
        assert pts[0][1] > sk.head[1]  # starts at the crown
        toes = pts[-1]
        assert np.hypot(toes[0] - sk.toes[0], toes[1] - sk.toes[1]) < 0.5 * sk.head_radius
