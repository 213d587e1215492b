"""The string: the sciatic nerve tract as a cord lying in a bed along the back of the body.

**Bed.** The cord runs from the back of the head to the toes through one waypoint per joint:
back of the head, upper neck, base of the neck, low back, behind the hip, behind the knee,
behind the ankle, under the arch of the foot (mid-sole), toes. Each waypoint sits a fixed distance (a moment arm,
:data:`OFFSETS`) from its joint centre, on the bisector of the bend, on the back of the body.
Bending a joint so its back becomes convex (neck flexion, slump, hip flexion, knee extension,
ankle dorsiflexion) pushes the waypoint further out and lengthens the bed by about
``2 r sin(θ/2)``; the opposite movement shortens it (Breig 1966/1972 for the spinal canal;
the per-joint effects in Ridehalgh et al. 2014, Alshami et al. 2008, Shum et al. 2013).
No study gives these moment arms: they are our estimates from anatomy, then calibrated.

**Slack and tension.** The nerve has a rest length ``L_n``: the bed length in a reference
posture (sitting upright, knee straight, neck and ankle neutral, hip at 90°) times
``1 + REFERENCE_SLACK``. While the bed is shorter the cord is slack (``slack = L_n − L``);
beyond it, it is strained, ``strain = (L − L_n) / L_n``, taken as uniform along the cord.
``tension = strain / TENSION_UNIT_STRAIN``: 0 is slack or just taut, 1 is 10 % strain, about
the most a nerve tolerates in everyday movement (textbook summary).

**Glide.** A cord anchored at both ends with its slack or strain shared evenly: the nerve
at a bed landmark is the fraction ``P / L`` of the cord, where ``P`` is the bed length
proximal to the landmark, so nerve moves past the landmark by ``L_n · Δ(P/L)``, which is
``L_n (P₀ ΔD − D₀ ΔP) / (L₀ L)`` with ``D`` the bed distal to it: lengthening distal to the
site draws the nerve towards the feet, weighted by the proximal share, and vice versa (the
convergence towards a moving joint seen with ultrasound). So a *slider* (one end longer,
the other shorter) moves the nerve far at an almost constant length, and a *tensioner*
(both ends longer) moves it less while straining it (Coppieters & Butler, Man Ther 13:213,
2008). Only part of that movement reaches the site, ``exp(−|L/L_n − 1| / ENGAGEMENT)``:
most when the cord is just taut; a slack cord first unfolds near the moving joint, a
strained one stretches rather than slides (the "slack, glide, strain" sequence). This is
why knee extension glides more with the hip flexed (Ridehalgh et al., Man Ther 19:59,
2014: 9.9 mm at hip 30°, 12.4 mm at hip 60°) and a tensioner glides less than its joints
would alone (Coppieters et al., JOSPT 39:164, 2009). The exponential form is our inference;
its one constant is fitted to Ridehalgh's two figures. Not reproduced: Boyd et al. (2012)
found ankle dorsiflexion moves the nerve at the knee less with the hip flexed.

The site is behind the lower thigh, :data:`SITE_ABOVE_KNEE` above the knee joint, where the
sciatic nerve enters the back of the knee. Slide is in mm, + towards the toes, relative to
the start pose of the movement.

Calibration (170 cm person, chair 46 cm), checked in ``tests/model/test_nerve.py``: knee
90°→0° glides 10.2 mm at hip 30° and 12.8 mm at hip 60°; over a rep the seated floss
(slider) glides 1.9× as far as the tensioner (33 vs 17 mm) at 0.12× its peak strain
(Coppieters & Butler 2008: 12.6 vs 6.1 mm, 0.8 vs 6.8 %). Strains stay lower than the
cadaver figures because the model spreads strain over the whole cord, head to toes.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from flossgui.model.body import Body
from flossgui.model.kinematics import Point, Skeleton, skeleton
from flossgui.model.pose import Pose

#: Waypoints of the bed, head to toes.
WAYPOINTS: tuple[str, ...] = (
    "head",
    "upper neck",
    "base of neck",
    "low back",
    "hip",
    "knee",
    "ankle",
    "mid-sole",
    "toes",
)
#: Distance of each waypoint from its joint centre, towards the back, as a fraction of standing
#: height (0.01 ≈ 1.7 cm at 170 cm): the head end on the back of the skull, moment arms of
#: 1.2 cm (neck), 1.8 cm (low back), 4.1 cm (hip), 1.7 cm (knee), 1.9 cm (ankle), and the foot
#: 1 cm inside the sole. No published values (NOT FOUND): estimated from anatomy, then the
#: neck, back and knee arms fitted to the figures above.
OFFSETS: tuple[float, ...] = (0.050, 0.007, 0.007, 0.0105, 0.024, 0.0098, 0.011, -0.006, -0.006)
#: The marked site: this far (fraction of height) above the knee joint, behind the thigh.
SITE_ABOVE_KNEE = 0.03
#: Slack of the cord in the reference posture, as a fraction of its rest length (negative:
#: just taut there, 0.2 %), fitted so the floss peaks at 1/8 of the tensioner's strain.
REFERENCE_SLACK = -0.002
#: Slack or strain (fraction) over which glide transmission falls by a factor e (fitted to
#: Ridehalgh 2014).
ENGAGEMENT = 0.043
#: Strain that reads as tension 1: ≈ 10 % is what nerves tolerate in everyday movement.
TENSION_UNIT_STRAIN = 0.10
#: The reference posture for the rest length.
REFERENCE_POSE = Pose(neck=0.0, trunk=0.0, hip=90.0, knee=0.0, ankle=0.0)

_HEAD_END = 1.6  # the cord's head end: this many head radii up the head's axis from the neck


@dataclass(frozen=True, slots=True)
class NerveState:
    """The string in one pose. Lengths in cm in the skeleton's frame, slide in mm."""

    points: tuple[Point, ...]  # the bed's waypoints, head to toes (see WAYPOINTS)
    length_cm: float  # bed (path) length
    rest_length_cm: float  # the cord's length when just taut
    site_cm: float  # arc length from the head end to the marked site behind the knee
    slide_mm: float  # nerve moved past the site since the start pose, + towards the toes
    facing: int  # +1 the figure faces +x, −1 it faces −x (as Skeleton.facing)

    @property
    def slack_cm(self) -> float:
        """How much longer the cord is than its bed (0 when taut)."""
        return max(0.0, self.rest_length_cm - self.length_cm)

    @property
    def strain(self) -> float:
        """Elongation beyond the rest length, as a fraction (0 when slack)."""
        return max(0.0, self.length_cm / self.rest_length_cm - 1.0)

    @property
    def tension(self) -> float:
        """Strain on the unitless scale: 0 slack or just taut, 1 = 10 % strain."""
        return self.strain / TENSION_UNIT_STRAIN

    @property
    def bead_cm(self) -> float:
        """Arc length of the marked bit of nerve (at the site in the start pose)."""
        return self.site_cm + self.slide_mm / 10.0


def _sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def _unit(v: Point) -> Point:
    n = math.hypot(*v)
    return (v[0] / n, v[1] / n)


def _cw(v: Point) -> Point:
    """``v`` turned a right angle clockwise: the back of the body, walking head to toes facing +x."""
    return (v[1], -v[0])


def _chain(s: Skeleton) -> list[Point]:
    """Joint centres the cord passes, head to toes, for a figure facing +x."""
    face = _unit(_sub(s.nose, s.head))
    axis = (-face[1], face[0])  # the head's axis, up through the crown
    crown = (s.neck[0] + _HEAD_END * s.head_radius * axis[0], s.neck[1] + _HEAD_END * s.head_radius * axis[1])
    sole = ((s.heel[0] + s.toes[0]) / 2, (s.heel[1] + s.toes[1]) / 2)  # the plantar nerves run under the arch
    return [crown, s.neck, s.shoulder, s.low_back, s.hip, s.knee, s.ankle, sole, s.toes]


def _waypoints(chain: list[Point], height_cm: float) -> list[Point]:
    """Each joint centre moved out along the bisector of its bend, towards the back."""
    out = []
    for i, (p, r) in enumerate(zip(chain, OFFSETS, strict=True)):
        normals = [_cw(_unit(_sub(chain[j + 1], chain[j]))) for j in (i - 1, i) if 0 <= j < len(chain) - 1]
        n = _unit((sum(v[0] for v in normals), sum(v[1] for v in normals)))
        out.append((p[0] + r * height_cm * n[0], p[1] + r * height_cm * n[1]))
    return out


def _arc_lengths(points: list[Point]) -> list[float]:
    """Cumulative length along ``points`` from the first."""
    s = [0.0]
    for a, b in itertools.pairwise(points):
        s.append(s[-1] + math.dist(a, b))
    return s


class NerveString:
    """The string of one person, with glide measured from the ``start`` pose.

    ``hip_height_cm`` and ``side`` place the points as :func:`~flossgui.model.kinematics.skeleton`
    places the figure; the thigh slope comes from each pose's hip angle (90° − slope).
    """

    def __init__(self, body: Body, start: Pose, hip_height_cm: float = 0.0, side: str = "right") -> None:
        self.body = body
        self.hip_height_cm = hip_height_cm
        self.side = side
        self.rest_length_cm = self.bed(REFERENCE_POSE)[1] * (1.0 + REFERENCE_SLACK)
        _, length, proximal = self.bed(start)
        self._start_fraction = proximal / length

    def bed(self, pose: Pose) -> tuple[list[Point], float, float]:
        """Waypoints (figure facing +x), bed length and bed length proximal to the site, in cm."""
        body = self.body
        skel = skeleton(pose, body, self.hip_height_cm, 90.0 - pose.hip, "right")
        points = _waypoints(_chain(skel), body.height_cm)
        s = _arc_lengths(points)
        # The site is fixed to the femur: find where the hip→knee stretch of the bed passes it.
        hip, knee = WAYPOINTS.index("hip"), WAYPOINTS.index("knee")
        femur = _unit(_sub(skel.knee, skel.hip))
        along = body.thigh - SITE_ABOVE_KNEE * body.height_cm
        a, b = points[hip], points[knee]
        t = (along - (a[0] - skel.hip[0]) * femur[0] - (a[1] - skel.hip[1]) * femur[1]) / (
            (b[0] - a[0]) * femur[0] + (b[1] - a[1]) * femur[1]
        )
        return points, s[-1], s[hip] + t * (s[knee] - s[hip])

    def state(self, pose: Pose) -> NerveState:
        """The string in ``pose``."""
        points, length, proximal = self.bed(pose)
        engaged = math.exp(-abs(1.0 - length / self.rest_length_cm) / ENGAGEMENT)
        slide_cm = engaged * self.rest_length_cm * (self._start_fraction - proximal / length)
        facing = 1 if self.side == "right" else -1
        if facing < 0:
            points = [(-x, y) for x, y in points]
        return NerveState(tuple(points), length, self.rest_length_cm, proximal, 10.0 * slide_cm, facing)
