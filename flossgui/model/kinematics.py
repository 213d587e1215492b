"""Forward kinematics: a pose on a body and seat → 2-D points of the seated stick figure.

Coordinates are centimetres, y up, the floor at y = 0 and the hip joint at x = 0. The figure
faces +x when the right leg works and −x when the left does (the view is from the working
side, so that leg is nearest the viewer). Angle conventions are those of
:mod:`flossgui.model.pose`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from flossgui.model.body import Body
from flossgui.model.pose import Pose

Point = tuple[float, float]

#: How the trunk's slump is shared along the spine: in slumped sitting the pelvis rolls back
#: (the low back tilts slightly backwards, so the hip bends less) while the thoracic spine curls
#: forward; the bend drawn at the low back is the trunk angle itself.
PELVIS_TILT_SHARE = -0.2
_UPPER_BACK_SHARE = 1.0 + PELVIS_TILT_SHARE
# Share of neck flexion taken by the cervical segment; the rest is the head nodding on it.
_NECK_SHARE = 0.5
# The ankle joint sits about a quarter of the foot's length in front of the heel.
_HEEL_SHARE = 0.25
# Where the hands rest: this far along the thigh from the hip, this high above its axis.
_HAND_ON_THIGH = 0.72
_THIGH_HALF_THICKNESS = 0.035  # of standing height
_HEAD_RADIUS = 0.46  # of the head's height (chin to crown)
_RELAXED_ANKLE = -20.0  # a hanging foot, relaxed

SIDES = ("left", "right")


def _rotate(v: Point, deg: float) -> Point:
    """``v`` turned counter-clockwise by ``deg``."""
    r = math.radians(deg)
    c, s = math.cos(r), math.sin(r)
    return (c * v[0] - s * v[1], s * v[0] + c * v[1])


def _lean(deg: float) -> Point:
    """Unit vector tilted ``deg`` forward from straight up."""
    r = math.radians(deg)
    return (math.sin(r), math.cos(r))


def _add(p: Point, v: Point, k: float = 1.0) -> Point:
    return (p[0] + k * v[0], p[1] + k * v[1])


def foot_points(body: Body, ankle: Point, shank_dir: Point, ankle_deg: float) -> tuple[Point, Point]:
    """Heel and toe tip for a foot hanging from ``ankle``, shin along ``shank_dir``."""
    foot_dir = _rotate(shank_dir, 90.0 + ankle_deg)  # toes, at 0° a right angle to the shin
    sole = _add(ankle, _rotate(shank_dir, ankle_deg), body.ankle_height)
    heel = _add(sole, foot_dir, -_HEEL_SHARE * body.foot)
    toes = _add(sole, foot_dir, (1.0 - _HEEL_SHARE) * body.foot)
    return heel, toes


@dataclass(frozen=True, slots=True)
class Skeleton:
    """Named 2-D points of the figure (cm) and the head's size and gaze."""

    head: Point  # centre of the head
    nose: Point  # on the face, shows where the person looks
    neck: Point  # top of the neck (base of the skull)
    shoulder: Point  # top of the trunk
    low_back: Point  # the bend in the spine
    hip: Point
    knee: Point
    ankle: Point
    heel: Point
    toes: Point
    elbow: Point
    hand: Point
    rest_knee: Point  # the resting leg (the other one), foot on the floor when it reaches
    rest_ankle: Point
    rest_heel: Point
    rest_toes: Point
    head_radius: float
    facing: int  # +1 faces +x, −1 faces −x

    NAMES = (
        "head", "nose", "neck", "shoulder", "low_back", "hip", "knee", "ankle", "heel", "toes", "elbow", "hand",
        "rest_knee", "rest_ankle", "rest_heel", "rest_toes",
    )  # fmt: skip

    def point(self, name: str) -> Point:
        """A point by name (see :attr:`NAMES`)."""
        return getattr(self, name)


def _arm(body: Body, shoulder: Point, target: Point) -> tuple[Point, Point]:
    """Elbow and hand for a hand resting at ``target``: two-link IK, elbow bent backwards."""
    a, b = body.upper_arm, body.forearm + 0.5 * body.hand
    dx, dy = target[0] - shoulder[0], target[1] - shoulder[1]
    d = math.hypot(dx, dy)
    reach = min(max(d, abs(a - b) + 1e-6), a + b - 1e-6)
    # Angle at the shoulder between the target line and the upper arm (law of cosines).
    cos_s = (a * a + reach * reach - b * b) / (2 * a * reach)
    angle = math.degrees(math.acos(max(-1.0, min(1.0, cos_s))))
    to_target = (dx / d, dy / d) if d > 1e-9 else (0.0, -1.0)
    upper = _rotate(to_target, -angle)  # bend so the elbow sits behind the line
    elbow = _add(shoulder, upper, a)
    hand = _add(shoulder, to_target, reach)
    return elbow, hand


def thigh_slope(pose: Pose) -> float:
    """The thigh's slope below horizontal (degrees) that draws ``pose``'s hip angle."""
    return 90.0 + PELVIS_TILT_SHARE * pose.trunk - pose.hip


def hip_flexion(upright_hip_deg: float, trunk_deg: float) -> float:
    """The hip's flexion on a seat that gives ``upright_hip_deg`` sitting upright, with the trunk slumped."""
    return upright_hip_deg + PELVIS_TILT_SHARE * trunk_deg


def _resting_leg(body: Body, hip: Point, thigh_dir: Point) -> tuple[Point, Point, Point, Point]:
    """Knee, ankle, heel and toes of the other leg: the foot flat on the floor if it reaches, else hanging."""
    knee = _add(hip, thigh_dir, body.thigh)
    drop = knee[1] - body.ankle_height
    if drop < body.shank:  # the foot reaches: the shin slopes forward to a flat foot
        ankle = (knee[0] + math.sqrt(body.shank**2 - max(drop, 0.0) ** 2), body.ankle_height)
        heel = (ankle[0] - _HEEL_SHARE * body.foot, 0.0)
        return knee, ankle, heel, (heel[0] + body.foot, 0.0)
    ankle = (knee[0], knee[1] - body.shank)
    return (knee, ankle, *foot_points(body, ankle, (0.0, -1.0), _RELAXED_ANKLE))


def skeleton(pose: Pose, body: Body, hip_height_cm: float, side: str = "right") -> Skeleton:
    """Place the figure for ``pose`` on a seat whose hip joint is at ``hip_height_cm``.

    The thigh's slope follows from the hip and trunk angles (:func:`thigh_slope`), so the angle
    drawn at the hip is the pose's; the seat sets the hip angle (:mod:`flossgui.model.seat`).
    """
    if side not in SIDES:
        raise ValueError(f"side {side!r} is not one of {SIDES}")
    f = 1 if side == "right" else -1
    hip = (0.0, hip_height_cm)
    thigh_slope_deg = thigh_slope(pose)

    low_tilt = PELVIS_TILT_SHARE * pose.trunk
    upper_tilt = _UPPER_BACK_SHARE * pose.trunk
    low_back = _add(hip, _lean(low_tilt), 0.5 * body.trunk)
    shoulder = _add(low_back, _lean(upper_tilt), 0.5 * body.trunk)
    neck_tilt = upper_tilt + _NECK_SHARE * pose.neck
    neck = _add(shoulder, _lean(neck_tilt), body.neck)
    head_tilt = upper_tilt + pose.neck
    radius = _HEAD_RADIUS * body.head
    head_axis, face_dir = _lean(head_tilt), _lean(head_tilt + 90.0)
    # The crown a head's height (chin to crown) above the top of the neck: sitting height ≈ 0.52 H.
    head = _add(_add(neck, head_axis, body.head - radius), face_dir, 0.25 * radius)
    nose = _add(head, face_dir, radius)

    thigh_dir = _rotate((1.0, 0.0), -thigh_slope_deg)
    knee = _add(hip, thigh_dir, body.thigh)
    shank_dir = _rotate(thigh_dir, -pose.knee)
    ankle = _add(knee, shank_dir, body.shank)
    heel, toes = foot_points(body, ankle, shank_dir, pose.ankle)

    rest = _add(
        _add(hip, thigh_dir, _HAND_ON_THIGH * body.thigh),
        _rotate(thigh_dir, 90.0),
        _THIGH_HALF_THICKNESS * body.height_cm,
    )
    elbow, hand = _arm(body, shoulder, rest)
    rest_knee, rest_ankle, rest_heel, rest_toes = _resting_leg(body, hip, thigh_dir)

    points = {
        "head": head, "nose": nose, "neck": neck, "shoulder": shoulder, "low_back": low_back, "hip": hip,
        "knee": knee, "ankle": ankle, "heel": heel, "toes": toes, "elbow": elbow, "hand": hand,
        "rest_knee": rest_knee, "rest_ankle": rest_ankle, "rest_heel": rest_heel, "rest_toes": rest_toes,
    }  # fmt: skip
    if f < 0:
        points = {k: (-x, y) for k, (x, y) in points.items()}
    return Skeleton(**points, head_radius=radius, facing=f)
