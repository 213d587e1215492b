"""The "string" (the nerve idea) as points along the back of the figure, and how taut it is.

Pure functions of a :class:`~flossgui.model.kinematics.Skeleton`, no Qt, so they can be
tested headless and swapped: a view draws whatever a :data:`StringSource` returns, and the
calibrated nerve model can replace :func:`skeleton_string` without touching the view.

The string starts at the crown, runs over the back of the head and on just outside the body along the back of
the neck and spine, behind the hip, under the thigh, behind the knee and calf, round the
heel and along the sole to the toes. Slack, it bows away from the body between those
anchors; taut, it runs straight between them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from flossgui.model.kinematics import Skeleton
from flossgui.model.motion import Frame
from flossgui.model.pose import Pose

# Anchors along the back, and how far behind each bone point the string runs, in head radii.
_ANCHORS: tuple[tuple[str, float], ...] = (
    ("neck", 0.45),
    ("shoulder", 0.62),
    ("low_back", 0.62),
    ("hip", 0.6),
    ("knee", 0.7),
    ("heel", 0.3),
    ("toes", 0.3),
)
_SAMPLES_PER_SPAN = 12
_SAG = 0.10  # bow of a fully slack span, as a fraction of its length
KNEE_SLACK_DEG = 90.0  # knee angle at which the basic string is fully slack

#: Number of points :func:`string_points` returns (fixed, so views can reuse buffers).
POINT_COUNT = (len(_ANCHORS) + 1) * _SAMPLES_PER_SPAN + 1


@dataclass(frozen=True, slots=True)
class StringData:
    """What a view draws: points (N×2, cm, y up) and tension 0 (slack) … 1 (taut)."""

    points: np.ndarray
    tension: float


#: Anything that turns a frame into a string to draw.
StringSource = Callable[[Frame], StringData]


def tautness(pose: Pose) -> float:
    """Basic tension from the knee alone: 0 with the knee bent 90° or more, 1 when straight."""
    return float(min(max(1.0 - pose.knee / KNEE_SLACK_DEG, 0.0), 1.0))


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.hypot(v[0], v[1]))
    return v / n if n > 1e-9 else v


def string_points(skeleton: Skeleton, tension: float) -> np.ndarray:
    """Points of the string (``POINT_COUNT`` × 2) for a skeleton at ``tension`` 0–1."""
    f = skeleton.facing
    r = skeleton.head_radius
    head = np.array(skeleton.head)
    face = _unit(np.array(skeleton.nose) - head)
    up = np.array((-face[1], face[0])) * f  # the head's axis, crown-wards
    crown = head + 1.15 * r * up
    occiput = head + 1.15 * r * _unit(-face + 0.3 * up)  # the back of the skull

    bones = np.array([skeleton.point(name) for name, _ in _ANCHORS])
    seg = np.diff(bones, axis=0)
    # "Behind" is to the right of the direction of travel head → toes (mirrored when facing −x).
    normals = np.array([_unit(np.array((d[1], -d[0]))) for d in seg]) * f
    vertex_normals = np.vstack([normals[:1], normals[:-1] + normals[1:], normals[-1:]])
    offsets = np.array([k for _, k in _ANCHORS]) * r
    anchors = np.vstack(
        [crown, occiput, bones + vertex_normals / np.hypot(*vertex_normals.T)[:, None] * offsets[:, None]]
    )

    slack = 1.0 - min(max(tension, 0.0), 1.0)
    s = np.arange(_SAMPLES_PER_SPAN) / _SAMPLES_PER_SPAN
    out = np.empty((POINT_COUNT, 2))
    for i in range(len(anchors) - 1):
        a, b = anchors[i], anchors[i + 1]
        d = b - a
        away = np.array((d[1], -d[0])) * f  # away from the body, scaled by the span's length
        out[i * _SAMPLES_PER_SPAN : (i + 1) * _SAMPLES_PER_SPAN] = (
            a + s[:, None] * d + (_SAG * slack * np.sin(np.pi * s))[:, None] * away
        )
    out[-1] = anchors[-1]
    return out


def skeleton_string(frame: Frame) -> StringData:
    """The basic string source: shape from the skeleton, tension from the knee."""
    t = tautness(frame.pose)
    return StringData(string_points(frame.skeleton, t), t)
