"""The string: the sciatic nerve tract as a distributed cord lying in a bed along the back of the body.

**Bed.** The bed runs from the back of the skull to the toes. At each joint that bends (the
skull on the neck, the base of the neck, the low back, the hip, the knee, the ankle) it wraps
round the back of the joint between two points fixed to the bones on either side, each a
half-width :data:`HALF_WIDTHS` along the bone and a moment arm :data:`MOMENT_ARMS` behind it.
Between joints the bed lies along a bone and keeps its length; round a joint it lengthens when
the joint opens on the back of the body (neck flexion, slump, hip flexion, knee extension,
ankle dorsiflexion) and shortens the other way (Breig 1966/1972 for the spinal canal; the
per-joint effects in Ridehalgh 2014, Alshami 2008, Shum 2013). No study gives these moment
arms (NOT FOUND): they are our estimates from anatomy, then fitted to the figures.

**Cord.** The nerve is a chain of :data:`SEGMENTS` segments tethered to the bed
(:mod:`flossgui.model.cord`): glide is largest at the moving joint and decays with distance,
and a taut cord strains rather than slides. Its rest length is the bed's in the reference
posture (sitting upright, knee straight, neck and ankle neutral, hip at 90°) plus a little
slack (:data:`SLACK`), so it is wavy in easy postures and strained only near joints that
lengthen the bed beyond that.

**What is reported.** The glide at named sites (:data:`SITES`: mid-thigh, the knee crease, the
ankle, and the lower thigh the app has always shown): how far the bit of nerve that lay under the
site in the start pose has moved past it, mm, + towards the toes (as an ultrasound probe held
on the skin sees it). The local strain of each segment, and the most strained. A whole-string
tension index for the display: the bed's length beyond the cord's rest length per 10 % (0 slack
or just taut, 1 = the whole string 10 % longer than its rest length), which is not a measured
quantity. The constants were fitted to :mod:`flossgui.model.neuro_figures`, which holds every
published number and the targets; ``tests/model/test_nerve.py`` checks each.
"""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import dataclass

from flossgui.model import cord
from flossgui.model.body import Body
from flossgui.model.kinematics import Point, Skeleton, skeleton
from flossgui.model.pose import Pose

#: The joints the bed wraps round, head to toes (skeleton point names).
JOINTS: tuple[str, ...] = ("neck", "shoulder", "low_back", "hip", "knee", "ankle")
#: Moment arm of the bed behind each joint centre, fraction of standing height (0.01 ≈ 1.7 cm
#: at 170 cm). Estimates (NOT FOUND in the literature), fitted to the glide figures.
MOMENT_ARMS: dict[str, float] = {
    "neck": 0.008, "shoulder": 0.008, "low_back": 0.012, "hip": 0.024, "knee": 0.016, "ankle": 0.011,
}  # fmt: skip
#: How far along each bone the bed leaves it to wrap round the joint, fraction of height.
HALF_WIDTHS: dict[str, float] = {
    "neck": 0.008, "shoulder": 0.008, "low_back": 0.03, "hip": 0.03, "knee": 0.016, "ankle": 0.011,
}  # fmt: skip
#: The foot's bed runs under the arch, this far inside the sole (fraction of height).
SOLE_DEPTH = 0.006
#: The cord's head end on the back of the skull: this many head radii from its centre, at this
#: angle (degrees) up from straight back along the head's axis.
HEAD_END_RADII = 0.85
HEAD_END_UP_DEG = 20.0
#: Cord segments (nodes − 1).
SEGMENTS = 48
#: The cord's strain in the reference posture (fitted): a nerve in its bed is under slight
#: tension, so it slides both ways before it goes slack. Reported strains are measured from the
#: reference posture, as strain gauges are zeroed in a neutral posture.
PRESTRAIN = 0.01
#: How far glide spreads along a relaxed cord, cm at 170 cm (√ axial over tether stiffness; fitted):
#: in the leg, and in the spinal canal, where the neuraxis lies loose in fluid.
SPREAD_CM = 45.0
SPINE_SPREAD_CM = 100.0
#: Grip of the bed's bends on a taut cord: tether stiffness per radian of bend and per unit strain
#: (1/cm; fitted). A taut cord pressed round the hip grips there and strains rather than slides.
GRIP = 1.0
#: Mean strain beyond the reference posture at which the grip starts (fitted).
GRIP_FROM = 0.01
#: Strain that reads as tension index 1: ≈ 10 % is what nerves tolerate in everyday movement.
TENSION_UNIT_STRAIN = 0.10
#: The reference posture for the rest length.
REFERENCE_POSE = Pose(neck=0.0, trunk=0.0, hip=90.0, knee=0.0, ankle=0.0)
#: Where glide is reported: mid-thigh, the knee crease, behind the ankle, and the lower thigh
#: (5 cm above the knee, the app's first site).
SITES: tuple[str, ...] = ("midthigh", "knee", "ankle", "lower_thigh")
#: Marked bits of nerve drawn as beads, head to toes: the low back, mid-thigh, the knee, mid-calf, the ankle.
BEADS: tuple[str, ...] = ("low_back", "midthigh", "knee", "calf", "ankle")
#: Bed points: the head end, two per joint (onto and off the wrap), then mid-sole and toes.
BED_POINTS: tuple[str, ...] = (
    "head end", *(f"{j} {e}" for j in JOINTS for e in ("in", "middle", "out")), "mid-sole", "toes",
)  # fmt: skip
_LOWER_THIGH_ABOVE_KNEE = 0.03  # of height: the lower-thigh site, above the knee joint


@dataclass(frozen=True, slots=True)
class NerveState:
    """The string in one pose. Lengths in cm in the skeleton's frame, glide in mm."""

    points: tuple[Point, ...]  # the bed (see BED_POINTS), head to toes
    bed_cm: tuple[float, ...]  # arc length of each bed point from the head end
    stretch_slack_cm: tuple[float, ...]  # the cord's slack over each stretch between bed points
    length_cm: float  # bed length
    rest_length_cm: float  # the cord's unstrained length
    slides_mm: dict[str, float]  # glide at each of SITES since the start pose, + towards the toes
    strains: tuple[float, ...]  # each segment's strain, head to toes (negative: slack)
    beads: tuple[tuple[float, float], ...]  # per BEADS: the bed point's arc length (cm) and the glide past it (cm)
    facing: int  # +1 the figure faces +x, −1 it faces −x (as Skeleton.facing)

    @property
    def slack_cm(self) -> float:
        """How much longer the whole cord is than its bed (0 when taut)."""
        return max(0.0, self.rest_length_cm - self.length_cm)

    @property
    def strain(self) -> float:
        """The whole string's elongation beyond its rest length, as a fraction (0 when slack)."""
        return max(0.0, self.length_cm / self.rest_length_cm - 1.0)

    @property
    def tension(self) -> float:
        """The display index: :attr:`strain` per 10 % (0 slack or just taut)."""
        return self.strain / TENSION_UNIT_STRAIN

    @property
    def strain_peak(self) -> float:
        """The most strained segment's strain, as a fraction (0 when all are slack)."""
        return max(0.0, max(self.strains))

    @property
    def slide_mm(self) -> float:
        """Glide past the lower thigh, 5 cm above the knee (the app's first site)."""
        return self.slides_mm["lower_thigh"]


def _sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def _unit(v: Point) -> Point:
    n = math.hypot(*v)
    return (v[0] / n, v[1] / n)


def _back(p: Point, direction: Point, along: float, out: float) -> Point:
    """``along`` cm from ``p`` in ``direction``, then ``out`` cm to its back (clockwise, facing +x)."""
    return (p[0] + along * direction[0] + out * direction[1], p[1] + along * direction[1] - out * direction[0])


def bed_points(s: Skeleton, height_cm: float) -> list[Point]:
    """The bed for a figure facing +x, head to toes (see :data:`BED_POINTS`)."""
    face = _unit(_sub(s.nose, s.head))
    axis = (-face[1], face[0])  # up through the crown
    a = math.radians(HEAD_END_UP_DEG)
    r = HEAD_END_RADII * s.head_radius
    head_end = (
        s.head[0] - r * math.cos(a) * face[0] + r * math.sin(a) * axis[0],
        s.head[1] - r * math.cos(a) * face[1] + r * math.sin(a) * axis[1],
    )
    sole = ((s.heel[0] + s.toes[0]) / 2, (s.heel[1] + s.toes[1]) / 2)  # the plantar nerves run under the arch
    chain = [head_end, *(s.point(j) for j in JOINTS), sole, s.toes]
    points = [head_end]
    for i, joint in enumerate(JOINTS, start=1):
        p, arm, half = chain[i], MOMENT_ARMS[joint] * height_cm, HALF_WIDTHS[joint] * height_cm
        into, out_of = _unit(_sub(p, chain[i - 1])), _unit(_sub(chain[i + 1], p))
        onto, off = _back(p, into, -half, arm), _back(p, out_of, half, arm)
        if into[0] * out_of[1] - into[1] * out_of[0] > 0.0:  # opening on the back: round the corner
            cos = into[0] * out_of[0] + into[1] * out_of[1]
            n = (into[1] + out_of[1], -into[0] - out_of[0])  # the sum of the two back normals
            middle = (p[0] + arm * n[0] / (1.0 + cos), p[1] + arm * n[1] / (1.0 + cos))
        else:  # closing on the back: the bed takes the short cut
            middle = ((onto[0] + off[0]) / 2, (onto[1] + off[1]) / 2)
        points += [onto, middle, off]
    sole_dir = _unit(_sub(s.toes, s.heel))
    depth = -SOLE_DEPTH * height_cm  # inside the sole: the back normal of the foot points out of the sole
    points += [_back(sole, sole_dir, 0.0, depth), _back(s.toes, sole_dir, 0.0, depth)]
    return points


def _turn(a: Point, b: Point, c: Point) -> float:
    """The angle (radians) a path a → b → c turns through at b."""
    return math.atan2((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]),
                      (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]))  # fmt: skip


def _arc_lengths(points: list[Point]) -> list[float]:
    """Cumulative length along ``points`` from the first."""
    s = [0.0]
    for a, b in itertools.pairwise(points):
        s.append(s[-1] + math.dist(a, b))
    return s


def _locate(ends: list[float], at: float) -> tuple[int, float]:
    """The stretch of ``ends`` (cumulative arc lengths) holding ``at``, and the fraction along it."""
    k = min(max(bisect.bisect_right(ends, at) - 1, 0), len(ends) - 2)
    return k, (at - ends[k]) / (ends[k + 1] - ends[k])


def _at(values: list[float], place: tuple[int, float]) -> float:
    k, f = place
    return values[k] + f * (values[k + 1] - values[k])


def _inverse(x: list[float], at: float) -> float:
    """The (fractional) node index where the cord, at positions ``x``, passes bed arc length ``at``."""
    k = min(max(bisect.bisect_right(x, at) - 1, 0), len(x) - 2)
    span = x[k + 1] - x[k]
    return k + ((at - x[k]) / span if span > 1e-12 else 0.0)


def _position(x: list[float], t: float) -> float:
    k = min(max(int(t), 0), len(x) - 2)
    return x[k] + (t - k) * (x[k + 1] - x[k])


class NerveString:
    """The string of one person, with glide measured from the ``start`` pose.

    ``hip_height_cm`` and ``side`` place the points as :func:`~flossgui.model.kinematics.skeleton`
    places the figure; the thigh slope comes from each pose's hip angle (90° − slope).
    """

    def __init__(self, body: Body, start: Pose, hip_height_cm: float = 0.0, side: str = "right") -> None:
        self.body = body
        self.hip_height_cm = hip_height_cm
        self.side = side
        h = body.height_cm
        ref = _arc_lengths(self._bed(REFERENCE_POSE))
        self._ref = ref
        step = ref[-1] / SEGMENTS
        # Each node is tethered to a fixed point of the bed (a material point, by its reference arc length).
        self._nodes = [_locate(ref, i * step) for i in range(SEGMENTS + 1)]
        self._step = step
        self._rest = [step / (1.0 + PRESTRAIN)] * SEGMENTS
        self.rest_length_cm = sum(self._rest)
        hip = ref[BED_POINTS.index("hip in")]
        self._tether = [
            step / ((SPINE_SPREAD_CM if i * step < hip else SPREAD_CM) * h / 170.0) ** 2 for i in range(SEGMENTS + 1)
        ]
        self._sites = {name: _locate(ref, self._site_arc(name, ref)) for name in (*SITES, *BEADS)}
        points = self._bed(start)
        bed = _arc_lengths(points)
        x, _ = self._solve(points, bed)
        self._marks = {name: _inverse(x, _at(bed, place)) for name, place in self._sites.items()}

    def _site_arc(self, name: str, ref: list[float]) -> float:
        """Reference arc length of a site or bead."""
        h = self.body.height_cm
        i = BED_POINTS.index
        if name in ("knee", "ankle", "low_back"):
            return ref[i(f"{name} middle")]
        if name == "calf":
            return (ref[i("knee out")] + ref[i("ankle in")]) / 2
        a, b = ref[i("hip out")], ref[i("knee in")]  # the stretch along the femur
        on_femur = self.body.thigh - (HALF_WIDTHS["hip"] + HALF_WIDTHS["knee"]) * h
        from_hip = self.body.thigh / 2 if name == "midthigh" else self.body.thigh - _LOWER_THIGH_ABOVE_KNEE * h
        return a + (b - a) * (from_hip - HALF_WIDTHS["hip"] * h) / on_femur

    def _bed(self, pose: Pose) -> list[Point]:
        skel = skeleton(pose, self.body, self.hip_height_cm, 90.0 - pose.hip, "right")
        return bed_points(skel, self.body.height_cm)

    def _solve(self, points: list[Point], bed: list[float]) -> tuple[list[float], list[float]]:
        """Node positions and segment strains of the cord in the bed through ``points``."""
        anchors = [_at(bed, place) for place in self._nodes]
        return cord.solve(anchors, self._rest, self._tether, GRIP, PRESTRAIN + GRIP_FROM)

    def state(self, pose: Pose) -> NerveState:
        """The string in ``pose``."""
        points = self._bed(pose)
        bed = _arc_lengths(points)
        x, _ = self._solve(points, bed)
        strains = [(b - a) / self._step - 1.0 for a, b in itertools.pairwise(x)]
        slides = {name: 10.0 * (_position(x, self._marks[name]) - _at(bed, p)) for name, p in self._sites.items()}
        # The cord's slack over each stretch of the bed: rest length of the cord lying there minus the stretch.
        along = [_inverse(x, s) for s in bed]
        step = self._rest[0]
        slack = tuple(
            max(0.0, (t1 - t0) * step - (s1 - s0))
            for (t0, t1), (s0, s1) in zip(itertools.pairwise(along), itertools.pairwise(bed), strict=True)
        )
        beads = tuple((_at(bed, self._sites[name]), slides[name] / 10.0) for name in BEADS)
        facing = 1 if self.side == "right" else -1
        if facing < 0:
            points = [(-px, py) for px, py in points]
        return NerveState(
            points=tuple(points),
            bed_cm=tuple(bed),
            stretch_slack_cm=slack,
            length_cm=bed[-1],
            rest_length_cm=self.rest_length_cm,
            slides_mm={name: slides[name] for name in SITES},
            strains=tuple(strains),
            beads=beads,
            facing=facing,
        )
