"""The string: the sciatic nerve tract as a distributed cord lying in a bed along the back of the body.

**Bed.** The bed runs from the skull to the toes. At each joint that bends (the skull on the
neck, the base of the neck, the low back, the hip, the knee, the ankle) it runs between two
points fixed to the bones on either side, each a half-width :data:`HALF_WIDTHS` along the bone
and a moment arm :data:`MOMENT_ARMS` behind it, through the corner where those two lines meet:
round the outside when the joint opens on the back, along the inside when it closes (and
through the corner alone once the joint has folded past the half-widths).
Between joints the bed lies along a bone and keeps its length; round a joint it lengthens when
the joint opens on the back of the body (neck flexion, slump, hip flexion, knee extension,
ankle dorsiflexion) and shortens the other way (Breig 1966/1972 for the spinal canal; the
per-joint effects in Ridehalgh 2014, Alshami 2008, Shum 2013). No study gives these moment
arms (NOT FOUND): they are our estimates from anatomy, then fitted to the figures.

**Cord.** The nerve is a chain of :data:`SEGMENTS` segments held in the bed by friction
(:mod:`flossgui.model.cord`): glide is largest at the moving joint and decays with distance; a
loose cord slides freely (a slider), a tight one is held and strains near the moving joint (a
tensioner); and friction gives it a memory, so where it lies depends on how the body got there.
It lies in its bed under slight tension (:data:`PRESTRAIN`, as a cut nerve retracts), so it
slides both ways before it goes slack.

**What is reported.** The glide at named sites (:data:`SITES`: mid-thigh, the knee crease, the
ankle, and the lower thigh the app has always shown): how far the bit of nerve that lay under the
site in the start pose has moved past it, mm, + towards the toes (as an ultrasound probe held
on the skin sees it). Each segment's strain from its length in the reference posture (sitting
upright, knee straight, neck and ankle neutral, hip at 90°), as strain gauges are zeroed in a
neutral posture, and the most strained. A tension index for the display: the whole bed's
length beyond its reference length per 10 % (not a measured quantity). The constants marked
"fitted" were fitted together to every target of :mod:`flossgui.model.neuro_figures`, which
holds the published numbers and their sources; ``tests/model/test_nerve_targets.py`` checks each.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

from flossgui.model.body import Body
from flossgui.model.cord import Cord, CordState
from flossgui.model.kinematics import Point, Skeleton, skeleton
from flossgui.model.pose import Pose

#: The joints the bed wraps round, head to toes (skeleton point names).
JOINTS: tuple[str, ...] = ("neck", "shoulder", "low_back", "hip", "knee", "ankle")
#: Moment arm of the bed behind each joint centre, fraction of standing height (0.01 ≈ 1.7 cm
#: at 170 cm). Estimates (NOT FOUND in the literature), fitted to the glide figures.
MOMENT_ARMS: dict[str, float] = {
    "neck": 0.0046, "shoulder": 0.0045, "low_back": 0.0119, "hip": 0.0201, "knee": 0.0075, "ankle": 0.0030,
}  # fmt: skip
#: How far along each bone the bed leaves it to wrap round the joint, fraction of height.
HALF_WIDTHS: dict[str, float] = {
    "neck": 0.0080, "shoulder": 0.0080, "low_back": 0.0300, "hip": 0.0300, "knee": 0.0053, "ankle": 0.0096,
}  # fmt: skip
#: The foot's bed runs under the arch, this far inside the sole (fraction of height).
SOLE_DEPTH = 0.006
#: The cord's head end, fixed in the skull where the cord leaves it (the foramen magnum): this
#: many head radii behind the head's centre and below it, along the head's axis.
HEAD_END_BACK = 0.35
HEAD_END_DOWN = 0.55
#: Cord segments (nodes − 1).
SEGMENTS = 36
#: The cord's strain in the reference posture (fitted): a nerve in its bed is under slight
#: tension, so it slides both ways before it goes slack. Reported strains are measured from the
#: reference posture, as strain gauges are zeroed in a neutral posture.
PRESTRAIN = 0.0234
#: Friction holding the nerve in its bed, per cm of cord, in units of its axial stiffness
#: (strain per cm; fitted): a base, and a grip that grows with the cord's tension.
FRICTION = 0.000174
GRIP = 2.94
#: The spinal canal's friction, as a share of the leg's: the neuraxis lies loose in fluid (fitted).
SPINE_FRICTION = 0.556
#: How much stiffer a tether holds per unit strain beyond GRIP_FROM (fitted).
HOLD = 626
#: Strain beyond the reference posture at which the grip starts (fitted).
GRIP_FROM = 0.0097
#: How far a tether stretches before it slips, cm (a stiff tether: the bed holds until it slips).
STICK_CM = 0.288
#: Joint steps (degrees at most) when the cord follows a movement between two poses.
PATH_STEP_DEG = 10.0
#: Steps per rep when the cord follows a repeated movement: a first rep to settle, then the kept one.
SETTLE_STEPS = 24
CYCLE_STEPS = 48
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
    cord_cm: tuple[float, ...]  # where each node of the cord lies, cm along the bed
    segment_cm: float  # each segment's length in the reference posture
    length_cm: float  # bed length
    rest_length_cm: float  # the cord's unstrained length
    slides_mm: dict[str, float]  # glide at each of SITES since the start pose, + towards the toes
    strains: tuple[float, ...]  # each segment's strain, head to toes (negative: slack)
    beads: tuple[tuple[float, float], ...]  # per BEADS: the bed point's arc length (cm) and the glide past it (cm)
    facing: int  # +1 the figure faces +x, −1 it faces −x (as Skeleton.facing)

    @property
    def stretch_slack_cm(self) -> tuple[float, ...]:
        """How loose the cord lies over each stretch between bed points: its length there in the
        reference posture less the stretch (0 where it is as tight or tighter). The nerve is under
        slight tension even then, so "loose" means looser than it lies sitting up, knee straight."""
        x, bed = list(self.cord_cm), self.bed_cm
        along = [_inverse(x, s) for s in bed]
        step = self.segment_cm
        return tuple(
            max(0.0, (t1 - t0) * step - (s1 - s0))
            for (t0, t1), (s0, s1) in zip(itertools.pairwise(along), itertools.pairwise(bed), strict=True)
        )

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
    back, down = HEAD_END_BACK * s.head_radius, HEAD_END_DOWN * s.head_radius
    head_end = (s.head[0] - back * face[0] - down * axis[0], s.head[1] - back * face[1] - down * axis[1])
    sole = ((s.heel[0] + s.toes[0]) / 2, (s.heel[1] + s.toes[1]) / 2)  # the plantar nerves run under the arch
    chain = [head_end, *(s.point(j) for j in JOINTS), sole, s.toes]
    points = [head_end]
    for i, joint in enumerate(JOINTS, start=1):
        p, arm, half = chain[i], MOMENT_ARMS[joint] * height_cm, HALF_WIDTHS[joint] * height_cm
        into, out_of = _unit(_sub(p, chain[i - 1])), _unit(_sub(chain[i + 1], p))
        cos = min(max(into[0] * out_of[0] + into[1] * out_of[1], -0.99), 1.0)  # never folded flat back
        n = (into[1] + out_of[1], -into[0] - out_of[0])  # the sum of the two back normals
        corner = (p[0] + arm * n[0] / (1.0 + cos), p[1] + arm * n[1] / (1.0 + cos))  # where the offset lines meet
        closing = into[0] * out_of[1] - into[1] * out_of[0] < 0.0  # the joint closes on the back
        if closing and arm * math.sqrt((1.0 - cos) / (1.0 + cos)) >= half:  # folded past the wrap: one point
            onto = off = corner
        else:
            onto, off = _back(p, into, -half, arm), _back(p, out_of, half, arm)
        middle = corner
        points += [onto, middle, off]
    sole_dir = _unit(_sub(s.toes, s.heel))
    depth = -SOLE_DEPTH * height_cm  # inside the sole: the back normal of the foot points out of the sole
    points += [_back(sole, sole_dir, 0.0, depth), _back(s.toes, sole_dir, 0.0, depth)]
    return points


def _facing_right(s: Skeleton) -> Skeleton:
    """``s`` mirrored to face +x."""
    mirrored = {name: (-s.point(name)[0], s.point(name)[1]) for name in Skeleton.NAMES}
    return Skeleton(**mirrored, head_radius=s.head_radius, facing=1)


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


def _mix(a: Pose, b: Pose, t: float) -> Pose:
    return Pose(*(u + t * (v - u) for u, v in zip(a.as_tuple(), b.as_tuple(), strict=True)))


class NerveString:
    """The string of one person: the cord in its bed, reached from the reference posture.

    ``start`` is where glide is measured from. ``hip_height_cm`` and ``side`` place the points
    as :func:`~flossgui.model.kinematics.skeleton` places the figure. Friction gives the cord a
    memory, so a state depends on the way the body got there: :meth:`state` moves straight (in
    joint angles) from ``start``, :class:`NerveCycle` follows a repeated movement.
    """

    def __init__(self, body: Body, start: Pose, hip_height_cm: float = 0.0, side: str = "right") -> None:
        self.body = body
        self.hip_height_cm = hip_height_cm
        self.side = side
        self.start = start
        ref = _arc_lengths(self.bed(REFERENCE_POSE))
        step = ref[-1] / SEGMENTS
        # Each node is held to a point of the bed (a material point, by its reference arc length).
        self._nodes = [_locate(ref, i * step) for i in range(SEGMENTS + 1)]
        self._reference = [i * step for i in range(SEGMENTS + 1)]
        self.rest_length_cm = ref[-1]
        scale = body.height_cm / 170.0
        hip = ref[BED_POINTS.index("hip in")]  # above it, the spinal canal
        self.cord = Cord(
            rest=(step / (1.0 + PRESTRAIN),) * SEGMENTS,
            stiffness=(step * FRICTION / (STICK_CM * scale),) * (SEGMENTS + 1),
            base=tuple(step * FRICTION * (SPINE_FRICTION if s < hip else 1.0) for s in self._reference),
            grip=(step * GRIP,) * (SEGMENTS + 1),
            free=PRESTRAIN + GRIP_FROM,
            hold=HOLD,
        )
        self._sites = {name: _locate(ref, self._site_arc(name, ref)) for name in (*SITES, *BEADS)}
        self.start_state = self.follow(self.cord.start(self._reference), REFERENCE_POSE, start)
        points = self.bed(start)
        self._marks = self.marks(points, self.start_state)

    def marks(self, points: list[Point], state: CordState) -> dict[str, float]:
        """The bit of nerve (fractional node index) at each site and bead in ``state``."""
        bed = _arc_lengths(points)
        return {name: _inverse(list(state.x), _at(bed, place)) for name, place in self._sites.items()}

    def anchors(self, points: list[Point]) -> list[float]:
        """Where each node's bed point lies (cm along the bed through ``points``)."""
        bed = _arc_lengths(points)
        return [_at(bed, place) for place in self._nodes]

    def follow(self, state: CordState, a: Pose, b: Pose) -> CordState:
        """The cord after the body moves straight from pose ``a`` to pose ``b``."""
        change = max(abs(u - v) for u, v in zip(a.as_tuple(), b.as_tuple(), strict=True))
        steps = max(1, math.ceil(change / PATH_STEP_DEG))
        for i in range(1, steps + 1):
            state = self.cord.step(state, self.anchors(self.bed(_mix(a, b, i / steps))))
        return state

    def state(self, pose: Pose) -> NerveState:
        """The string after moving straight from the start pose to ``pose``."""
        cord_state = self.follow(self.start_state, self.start, pose)
        return self.describe(self.bed(pose), cord_state, self._marks)

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

    def bed(self, pose: Pose, skel: Skeleton | None = None) -> list[Point]:
        """The bed in ``pose`` (figure facing +x), from ``skel`` if it is already placed."""
        if skel is not None:
            return bed_points(skel if skel.facing > 0 else _facing_right(skel), self.body.height_cm)
        skel = skeleton(pose, self.body, self.hip_height_cm, "right")
        return bed_points(skel, self.body.height_cm)

    def describe(self, points: list[Point], cord_state: CordState, marks: dict[str, float]) -> NerveState:
        """The string with the cord in ``cord_state`` in the bed through ``points``, glide from ``marks``."""
        bed = _arc_lengths(points)
        x = list(cord_state.x)
        strains = self.cord.strains(cord_state, self._reference)
        slides = {name: 10.0 * (_position(x, marks[name]) - _at(bed, p)) for name, p in self._sites.items()}
        beads = tuple((_at(bed, self._sites[name]), slides[name] / 10.0) for name in BEADS)
        facing = 1 if self.side == "right" else -1
        if facing < 0:
            points = [(-px, py) for px, py in points]
        return NerveState(
            points=tuple(points),
            bed_cm=tuple(bed),
            cord_cm=cord_state.x,
            segment_cm=self._reference[1],
            length_cm=bed[-1],
            rest_length_cm=self.rest_length_cm,
            slides_mm={name: slides[name] for name in SITES},
            strains=tuple(strains),
            beads=beads,
            facing=facing,
        )


class NerveCycle:
    """The string over a repeated movement: ``pose_at(phi)`` for ``phi`` in [0, 1), the same at 0 and 1.

    The cord follows one rep from the start state to settle (:data:`SETTLE_STEPS` steps), then a
    second, solved quasi-statically at :data:`CYCLE_STEPS` points, which are kept (once per
    set-up, in order as frames first need them). A frame interpolates the cord between the two kept points around it,
    so it depends only on ``phi`` (scrubbing and dropped frames cannot change it) and costs no
    solve. Glide is measured from the kept state at ``phi = 0``.
    """

    def __init__(self, nerve: NerveString, pose_at: Callable[[float], Pose], steps: int = CYCLE_STEPS) -> None:
        self.nerve = nerve
        self.pose_at = pose_at
        self.steps = steps
        self._kept: list[CordState] = []
        self._marks: dict[str, float] = {}

    def _settle(self) -> None:
        """Follow the rep once to settle; the second rep's states are kept as frames need them."""
        nerve = self.nerve
        state = nerve.follow(nerve.start_state, nerve.start, self.pose_at(0.0))
        for j in range(1, SETTLE_STEPS + 1):
            state = nerve.cord.step(state, nerve.anchors(nerve.bed(self.pose_at(j / SETTLE_STEPS % 1.0))))
        self._kept = [state]
        self._marks = nerve.marks(nerve.bed(self.pose_at(0.0)), state)

    def _kept_to(self, j: int) -> None:
        """Solve the second rep up to its ``j``-th kept state (in order, so the states never depend
        on which frames were asked for: the first frame costs one rep's settling, not two)."""
        if not self._kept:
            self._settle()
        nerve = self.nerve
        while len(self._kept) <= j:
            phi = len(self._kept) / self.steps % 1.0
            self._kept.append(nerve.cord.step(self._kept[-1], nerve.anchors(nerve.bed(self.pose_at(phi)))))

    def state(self, phi: float, skel: Skeleton | None = None) -> NerveState:
        """The string at fraction ``phi`` of the rep (``skel``: the figure there, if already placed)."""
        j = min(int(phi * self.steps), self.steps - 1)
        self._kept_to(j + 1)
        u = phi * self.steps - j
        a, b = self._kept[j].x, self._kept[j + 1].x
        cord_state = CordState(tuple(p + u * (q - p) for p, q in zip(a, b, strict=True)), self._kept[j].held)
        return self.nerve.describe(self.nerve.bed(self.pose_at(phi), skel), cord_state, self._marks)
