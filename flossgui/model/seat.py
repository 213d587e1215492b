"""Seat geometry: how the seat height sets the starting thigh slope and hip flexion.

A seat above the knee-crease (popliteal) height lets the thigh slope down towards the knee,
so the hip is less flexed; a low seat raises the knees and flexes the hip more. Less hip
flexion leaves the sciatic nerve bed shorter before the knee straightens, which is why a
higher seat makes the floss easier (Ridehalgh et al. 2014; Boyd et al. 2012; Alshami et
al. 2008 — no study measured seat height directly; this mechanism is our inference).

How a person sits is modelled by one rule: they sit so that the foot, toes pointed, just
brushes the floor at the lowest point of its swing, perching towards the front edge with the
thigh sloping down at most :data:`MAX_THIGH_SLOPE`. A seat so high that the feet cannot reach
the floor even so (a high bed, or a short person on a chair) is sat on the usual way: thighs
resting on the seat, hips bent about 90°, feet hanging.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from flossgui.model.body import Body
from flossgui.model.kinematics import foot_points

SEAT_RANGE_CM: tuple[float, float] = (35.0, 90.0)
DEFAULT_SEAT_CM = 46.0  # a standard dining or desk chair (≈ 43–48 cm)

#: Named seats a patient can pick from, in cm (furniture practice: chairs 43–48 cm, beds
#: 46–76 cm to the top of the mattress).
SEAT_PRESETS: dict[str, float] = {
    "low chair": 40.0,
    "chair": 46.0,
    "high stool": 58.0,
    "bed edge": 66.0,
}

# Thigh slope limits, degrees below horizontal. Beyond MAX one is perched on the front corner
# rather than sitting; below MIN the knees are far above the hips.
MAX_THIGH_SLOPE = 20.0
#: Feet hanging: the thighs rest level on the seat.
HANGING_THIGH_SLOPE = 0.0
MIN_THIGH_SLOPE = -40.0
# The slope we suggest for an easier start: clearly downhill, feet still brushing the floor.
EASIER_THIGH_SLOPE = 15.0
# The most pointed ankle in the seated floss, used when none is given.
POINTED_ANKLE_DEG = -40.0
# The knee's travel in the seated floss, used when none is given.
KNEE_RANGE_DEG: tuple[float, float] = (0.0, 90.0)


@dataclass(frozen=True, slots=True)
class SeatGeometry:
    """Where a seat puts the body at the start of the exercise."""

    seat_height_cm: float
    hip_height_cm: float  # hip joint centre above the floor
    thigh_slope_deg: float  # + thigh slopes down towards the knee
    hip_flexion_deg: float  # with the trunk upright
    feet_on_floor: bool


def _depth_below_knee(body: Body, slope_deg: float, ankle_deg: float, knee_range: tuple[float, float]) -> float:
    """The lowest the foot gets below the knee while the knee moves through ``knee_range``.

    Each point of the lower leg (ankle, heel, toe tip) swings about the knee; it is lowest
    when it hangs straight down, if the knee's range lets it get there.
    """
    ankle = (0.0, -body.shank)  # the lower leg hanging straight down from the knee at (0, 0)
    depth = 0.0
    for x, y in (ankle, *foot_points(body, ankle, (0.0, -1.0), ankle_deg)):
        reach, ahead = math.hypot(x, y), math.degrees(math.atan2(x, -y))  # ahead of straight down
        # With knee angle k the shank points (k − 90 + slope)° behind straight down.
        lo = ahead - (knee_range[1] - 90.0 + slope_deg)
        hi = ahead - (knee_range[0] - 90.0 + slope_deg)
        depth = max(depth, reach * math.cos(math.radians(min(max(0.0, lo), hi))))
    return depth


def _clearance(body: Body, hip_height: float, slope: float, ankle: float, knees: tuple[float, float]) -> float:
    """Height of the foot's lowest point above the floor for a thigh slope."""
    return hip_height - body.thigh * math.sin(math.radians(slope)) - _depth_below_knee(body, slope, ankle, knees)


def seat_geometry(
    body: Body,
    seat_height_cm: float,
    pointed_ankle_deg: float = POINTED_ANKLE_DEG,
    knee_range: tuple[float, float] = KNEE_RANGE_DEG,
) -> SeatGeometry:
    """Thigh slope and hip flexion on a seat, for a foot pointed to ``pointed_ankle_deg``.

    The thigh slope is the one at which the foot, at its lowest over a knee moving through
    ``knee_range``, just brushes the floor (clamped to what a person can sit in).
    """
    lo, hi = SEAT_RANGE_CM
    if not lo <= seat_height_cm <= hi:
        raise ValueError(f"seat height {seat_height_cm} cm outside {lo:g}–{hi:g} cm")
    hip_height = seat_height_cm + body.hip_above_seat
    a, b = MIN_THIGH_SLOPE, MAX_THIGH_SLOPE
    feet_on_floor = True
    if _clearance(body, hip_height, b, pointed_ankle_deg, knee_range) >= 0.0:
        slope, feet_on_floor = HANGING_THIGH_SLOPE, False
    elif _clearance(body, hip_height, a, pointed_ankle_deg, knee_range) <= 0.0:
        slope = a
    else:  # clearance falls as the thigh slopes further down: bisect for zero
        for _ in range(40):
            mid = 0.5 * (a + b)
            if _clearance(body, hip_height, mid, pointed_ankle_deg, knee_range) > 0.0:
                a = mid
            else:
                b = mid
        slope = a  # the side where the foot is just clear of the floor
    return SeatGeometry(
        seat_height_cm=seat_height_cm,
        hip_height_cm=hip_height,
        thigh_slope_deg=slope,
        hip_flexion_deg=90.0 - slope,
        feet_on_floor=feet_on_floor,
    )


def feet_hang_from_cm(
    body: Body, pointed_ankle_deg: float = POINTED_ANKLE_DEG, knee_range: tuple[float, float] = KNEE_RANGE_DEG
) -> float | None:
    """The lowest seat height (to 0.1 cm) whose feet no longer reach the floor, so it is sat on with
    the thighs level (a change of posture, seen as a step in anything plotted against seat height);
    None if the feet reach the floor from every seat in :data:`SEAT_RANGE_CM`."""
    lo, hi = SEAT_RANGE_CM

    def hanging(height: float) -> bool:
        return not seat_geometry(body, height, pointed_ankle_deg, knee_range).feet_on_floor

    if not hanging(hi):
        return None
    if hanging(lo):
        return lo
    while hi - lo > 0.1:  # the foot's clearance grows with the seat: bisect
        mid = 0.5 * (lo + hi)
        lo, hi = (lo, mid) if hanging(mid) else (mid, hi)
    return math.ceil(hi * 10.0) / 10.0  # up to the next 0.1 cm: still a seat whose feet hang


def seat_front(body: Body, seat: SeatGeometry, thigh_half_thickness_cm: float) -> float:
    """How far in front of the hip joint the seat's front edge is (cm): under the lower thigh on a
    level seat, just under the thigh's underside when perched (the thigh sloping down over the edge)."""
    s = math.radians(seat.thigh_slope_deg)
    front = 0.62 * body.thigh * math.cos(s)
    if s > math.radians(2):
        front = min(front, (body.hip_above_seat - thigh_half_thickness_cm / math.cos(s)) / math.tan(s))
    return max(front, 2.0)


def suggested_seat_height(
    body: Body, pointed_ankle_deg: float = POINTED_ANKLE_DEG, knee_range: tuple[float, float] = KNEE_RANGE_DEG
) -> float:
    """A seat height (whole cm) for an easier start: thigh gently downhill, feet brushing the floor."""
    s = EASIER_THIGH_SLOPE
    hip = body.thigh * math.sin(math.radians(s)) + _depth_below_knee(body, s, pointed_ankle_deg, knee_range)
    lo, hi = SEAT_RANGE_CM
    return float(min(max(round(hip - body.hip_above_seat), lo), hi))
