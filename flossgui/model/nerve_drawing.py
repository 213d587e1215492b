"""The string as a view draws it: a curve that bows out where the cord is slack, and the glide beads.

Each stretch of the bed (between two of its points) carries the slack of the cord lying along
it (:attr:`NerveState.stretch_slack_cm`) and is bowed outwards, away from the body, as a shallow
parabola whose arc takes up that slack (arc ≈ s + 8h²/3s, so h = √(3 s e / 8) for a stretch s
carrying excess e), at most a tenth of the stretch deep. Short stretches round a joint, and the
stretches under the buttock and thigh (which lie on the seat), stay straight. Taut, it is the
straight bed. A parabola is exactly a quadratic Bézier curve, so the string is a chain of them,
one per stretch, which a painter draws as they are. The beads are marked bits of nerve
(:data:`~flossgui.model.nerve.BEADS`) on that curve, each shown ``glide_exaggeration`` times as
far from its bed point as the model has it slide.
"""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import dataclass

from flossgui.model.kinematics import Point
from flossgui.model.nerve import BED_POINTS, NerveState

#: Stretches that lie on the seat (under the buttock and thigh): never bowed, so never drawn inside it.
_ON_SEAT = range(BED_POINTS.index("hip middle"), BED_POINTS.index("knee in"))
#: A bow is at most this fraction of its stretch deep: the string stays near its bed.
_MAX_BOW = 0.1
#: Only stretches at least this long (fraction of the bed's length) bow: short ones round a joint
#: would make the string wave.
_MIN_BOWING = 0.03


@dataclass(frozen=True, slots=True)
class StringDrawing:
    """What to draw for the string, in the skeleton's cm frame.

    Stretch ``i`` runs from ``waypoints[i]`` to ``waypoints[i + 1]``, bent towards
    ``controls[i]`` (a quadratic Bézier curve; the control is the stretch's midpoint when it is
    straight), head to toes.
    """

    waypoints: tuple[Point, ...]
    controls: tuple[Point, ...]  # one fewer than the waypoints
    tension: float  # the display index (0 slack, 1 = the whole string 10 % long), for colour or a gauge
    beads: tuple[Point, ...]  # the marked bits of nerve, head to toes

    def points(self, samples: int = 12) -> tuple[Point, ...]:
        """The curve as a polyline: ``samples`` points per stretch, and the last waypoint."""
        ts = [i / samples for i in range(samples)]
        points: list[Point] = []
        for ((ax, ay), (bx, by)), (cx, cy) in zip(itertools.pairwise(self.waypoints), self.controls, strict=True):
            points += [(_quad(ax, cx, bx, t), _quad(ay, cy, by, t)) for t in ts]
        return (*points, self.waypoints[-1]) if self.waypoints else ()


def _quad(a: float, c: float, b: float, t: float) -> float:
    """One coordinate of the quadratic Bézier curve from ``a`` to ``b`` bent towards ``c``, at ``t``."""
    return (1 - t) * (1 - t) * a + 2 * t * (1 - t) * c + t * t * b


def string_drawing(state: NerveState, exaggeration: float = 1.0, glide_exaggeration: float = 1.0) -> StringDrawing:
    """The string for ``state``; ``exaggeration`` scales the bow, ``glide_exaggeration`` the beads' glide.

    Plain floats: for a few dozen points, NumPy's per-call overhead costs more than the sums.
    """
    bed = state.points
    spans = [(bx - ax, by - ay) for (ax, ay), (bx, by) in itertools.pairwise(bed)]
    lengths = [max(math.hypot(dx, dy), 1e-9) for dx, dy in spans]
    # The back of the body: clockwise of head→toes for a figure facing +x, mirrored otherwise.
    normals = [(state.facing * dy / n, -state.facing * dx / n) for (dx, dy), n in zip(spans, lengths, strict=True)]
    shortest = _MIN_BOWING * state.length_cm
    heights = [
        0.0 if i in _ON_SEAT or n < shortest else min(exaggeration * math.sqrt(3.0 * n * e / 8.0), _MAX_BOW * n)
        for i, (n, e) in enumerate(zip(lengths, state.stretch_slack_cm, strict=True))
    ]
    # The bow a + t·d + 4h·t(1 − t)·n is the Bézier curve with its control at the midpoint + 2h·n.
    controls = tuple(
        (ax + dx / 2 + 2 * h * nx, ay + dy / 2 + 2 * h * ny)
        for (ax, ay), (dx, dy), (nx, ny), h in zip(bed, spans, normals, heights, strict=False)
    )
    ends = list(itertools.accumulate(lengths))
    beads = []
    for site, slide in state.beads:
        along = min(max(site + glide_exaggeration * slide, 0.0), ends[-1])
        i = min(bisect.bisect_left(ends, along), len(spans) - 1)
        u = (along - (ends[i - 1] if i else 0.0)) / lengths[i]
        (ax, ay), (dx, dy), (nx, ny), h = bed[i], spans[i], normals[i], heights[i] * 4.0 * u * (1.0 - u)
        beads.append((ax + u * dx + h * nx, ay + u * dy + h * ny))
    return StringDrawing(tuple(bed), controls, state.tension, tuple(beads))
