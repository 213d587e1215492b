"""The string as a view draws it: a polyline that bows out when slack, and the glide bead.

A slack cord of rest length ``L_n`` over a bed of length ``L`` is drawn with its slack
shared among the long stretches (neck to ankle, in proportion to their length), each bowed
outwards, away from the body, as a shallow parabola whose arc length takes up its share
(arc ≈ s + 8h²/3s, so h = √(3 s e / 8) for a stretch s carrying excess e). Taut, it is the
straight bed. The bead is the marked bit of nerve (:attr:`NerveState.bead_cm`) on that curve.
"""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import dataclass

from flossgui.model.kinematics import Point
from flossgui.model.nerve import WAYPOINTS, NerveState

#: Stretches that may bow: from the head end to the ankle (the foot stays on its sole).
_BOWING = WAYPOINTS.index("ankle")


@dataclass(frozen=True, slots=True)
class StringDrawing:
    """What to draw for the string, in the skeleton's cm frame."""

    points: tuple[Point, ...]  # the polyline, head to toes
    tension: float  # the unitless tension (0 slack, 1 = 10 % strain), for colour or a gauge
    bead: Point  # the marked bit of nerve


def string_drawing(state: NerveState, samples: int = 12, exaggeration: float = 1.0) -> StringDrawing:
    """The string for ``state``: ``samples`` points per stretch; ``exaggeration`` scales the bow.

    Plain floats: for a hundred points, NumPy's per-call overhead costs more than the sums.
    """
    bed = state.points
    spans = [(bx - ax, by - ay) for (ax, ay), (bx, by) in itertools.pairwise(bed)]
    lengths = [math.hypot(dx, dy) for dx, dy in spans]
    # The back of the body: clockwise of head→toes for a figure facing +x, mirrored otherwise.
    normals = [(state.facing * dy / n, -state.facing * dx / n) for (dx, dy), n in zip(spans, lengths, strict=True)]
    bowing = sum(lengths[:_BOWING])
    k = 3.0 * state.slack_cm / (8.0 * bowing)
    heights = [exaggeration * n * math.sqrt(k) if i < _BOWING else 0.0 for i, n in enumerate(lengths)]

    ts = [i / samples for i in range(samples)]
    bows = [4.0 * t * (1.0 - t) for t in ts]
    points: list[Point] = []
    for (ax, ay), (dx, dy), (nx, ny), h in zip(bed, spans, normals, heights, strict=False):
        points += [(ax + t * dx + h * b * nx, ay + t * dy + h * b * ny) for t, b in zip(ts, bows, strict=True)]
    points.append(bed[-1])

    ends = list(itertools.accumulate(lengths))
    along = min(max(state.bead_cm, 0.0), ends[-1])
    i = min(bisect.bisect_left(ends, along), len(spans) - 1)
    u = (along - (ends[i - 1] if i else 0.0)) / lengths[i]
    (ax, ay), (dx, dy), (nx, ny), h = bed[i], spans[i], normals[i], heights[i] * 4.0 * u * (1.0 - u)
    return StringDrawing(tuple(points), state.tension, (ax + u * dx + h * nx, ay + u * dy + h * ny))
