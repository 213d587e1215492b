"""The string as a view draws it: a polyline that bows out when slack, and the glide bead.

A slack cord of rest length ``L_n`` over a bed of length ``L`` is drawn with its slack
shared among the long stretches (neck to ankle, in proportion to their length), each bowed
outwards, away from the body, as a shallow parabola whose arc length takes up its share
(arc ≈ s + 8h²/3s, so h = √(3 s e / 8) for a stretch s carrying excess e). Taut, it is the
straight bed. The bead is the marked bit of nerve (:attr:`NerveState.bead_cm`) on that curve.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flossgui.model.kinematics import Point
from flossgui.model.nerve import WAYPOINTS, NerveState

#: Stretches that may bow: from the head end to the ankle (the foot stays on its sole).
_BOWING = WAYPOINTS.index("ankle")


@dataclass(frozen=True, slots=True)
class StringDrawing:
    """What to draw for the string, in the skeleton's cm frame."""

    points: np.ndarray  # (N, 2) polyline, head to toes
    tension: float  # the unitless tension (0 slack, 1 = 10 % strain), for colour or a gauge
    bead: Point  # the marked bit of nerve


def string_drawing(state: NerveState, samples: int = 12, exaggeration: float = 1.0) -> StringDrawing:
    """The string for ``state``: ``samples`` points per stretch; ``exaggeration`` scales the bow."""
    bed = np.asarray(state.points, dtype=float)
    spans = np.diff(bed, axis=0)
    lengths = np.hypot(spans[:, 0], spans[:, 1])
    # The back of the body: clockwise of head→toes for a figure facing +x, mirrored otherwise.
    normals = state.facing * np.column_stack((spans[:, 1], -spans[:, 0])) / lengths[:, None]
    bowing = lengths[:_BOWING].sum()
    heights = np.zeros_like(lengths)
    heights[:_BOWING] = exaggeration * np.sqrt(3.0 * lengths[:_BOWING] ** 2 * state.slack_cm / (8.0 * bowing))

    t = np.linspace(0.0, 1.0, samples, endpoint=False)
    bow = 4.0 * t * (1.0 - t)
    parts = [bed[i] + np.outer(t, spans[i]) + np.outer(heights[i] * bow, normals[i]) for i in range(len(spans))]
    points = np.vstack([*parts, bed[-1:]])

    along = min(max(state.bead_cm, 0.0), float(lengths.sum()))
    i = min(int(np.searchsorted(np.cumsum(lengths), along)), len(spans) - 1)
    u = (along - (lengths[:i].sum())) / lengths[i]
    x, y = bed[i] + u * spans[i] + heights[i] * 4.0 * u * (1.0 - u) * normals[i]
    return StringDrawing(points, state.tension, (float(x), float(y)))
