"""An exercise placed on one person and one seat: cycle position → a complete frame.

This is where the pieces meet: the choreography gives the moving joints, the range of
movement grades them, the seat gives the hip, and forward kinematics places the figure and the
string (:mod:`flossgui.model.nerve`). :class:`Frame` is what the views draw.

**Grading.** A smaller range is a smaller oscillation about a mid posture (:data:`MID_POSTURE`:
sitting tall, head level, foot at a right angle, knee bent), as neurodynamic grading does: the
knee's end angle is the main grade (it straightens part way), the slump and the chin drop are
gentler, and the patient still sits up tall, still looks up past level (at least
:data:`LOOK_UP_DEG`) and still brings the toes up to at least neutral.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cached_property

from flossgui.model.body import Body
from flossgui.model.exercise import MOVING_JOINTS, Exercise, Phase
from flossgui.model.kinematics import SIDES, Skeleton, hip_flexion, skeleton
from flossgui.model.nerve import NerveCycle, NerveState, NerveString
from flossgui.model.pose import Pose
from flossgui.model.seat import DEFAULT_SEAT_CM, SeatGeometry, feet_hang_from_cm, seat_geometry, suggested_seat_height
from flossgui.text import TEXT

_NECK = MOVING_JOINTS.index("neck")

RANGE_LIMITS: tuple[float, float] = (0.10, 1.0)  # fraction of the full excursion
#: The posture a smaller range oscillates about, by moving joint (the knee: bent, as seated).
MID_POSTURE: dict[str, float] = {"neck": 0.0, "trunk": 0.0, "knee": 90.0, "ankle": 0.0}
#: However small the range, a look up still goes this far past level (neck, degrees).
LOOK_UP_DEG = -10.0
#: Samples over one rep: enough for smooth curves and a peak within 0.1 % of the true one.
REP_SAMPLES = 201


@dataclass(frozen=True, slots=True)
class Setup:
    """Who does the exercise, on what, and how far: everything but the clock."""

    body: Body = field(default_factory=Body)
    seat_height_cm: float = DEFAULT_SEAT_CM
    side: str = "right"
    range_fraction: float = 1.0

    def __post_init__(self) -> None:
        lo, hi = RANGE_LIMITS
        if not lo <= self.range_fraction <= hi:
            raise ValueError(f"range {self.range_fraction} outside {lo:g}–{hi:g}")
        if self.side not in SIDES:
            raise ValueError(f"side {self.side!r} is not one of {SIDES}")


@dataclass(frozen=True, slots=True)
class Frame:
    """Everything a view needs to draw one moment, frozen."""

    cycles: float  # reps since the start, fractional
    rep: int  # reps completed
    phi: float  # fraction of the current rep, [0, 1)
    phase_index: int
    phase: Phase
    pose: Pose
    skeleton: Skeleton
    string: NerveState
    cue: str  # the caption's text id: the phase's cue, or its "part way" form when the range is reduced


def _part_way(cue: str) -> str:
    """The "part way" form of a cue's text id, where there is one."""
    return f"{cue}.part" if f"{cue}.part" in TEXT else cue


def split_cycles(cycles: float) -> tuple[int, float]:
    """Completed reps and the fraction of the current one."""
    rep = math.floor(cycles)
    return rep, cycles - rep


class Movement:
    """An :class:`Exercise` on a :class:`Setup`: poses and frames at any point of the cycle."""

    def __init__(self, exercise: Exercise, setup: Setup | None = None) -> None:
        self.exercise = exercise
        self.setup = setup or Setup()
        self._foot = (exercise.most_pointed_ankle(), exercise.knee_range())
        self.seat: SeatGeometry = seat_geometry(self.setup.body, self.setup.seat_height_cm, *self._foot)
        self._mid = tuple(MID_POSTURE[j] for j in MOVING_JOINTS)
        self._cues = [_part_way(p.cue) if self.setup.range_fraction < 1.0 else p.cue for p in exercise.phases]
        self._steps: int | None = None
        self._kept: dict[int, Frame] = {}

    @cached_property
    def nerve(self) -> NerveString:
        """The string along this body and seat (solved when first asked: the figure alone needs none)."""
        return NerveString(self.setup.body, self.pose(0.0), self.seat.hip_height_cm, self.setup.side)

    @cached_property
    def string(self) -> NerveCycle:
        """The string over the rep, kept as it settles."""
        return NerveCycle(self.nerve, self.pose)

    def moving_angles(self, phi: float) -> tuple[float, ...]:
        """Moving-joint angles at ``phi``, graded about the mid posture by the range of movement."""
        r = self.setup.range_fraction
        if r >= 1.0:
            return self.exercise.angles_at(phi)
        angles = [m + r * (a - m) for m, a in zip(self._mid, self.exercise.angles_at(phi), strict=True)]
        full_neck = self.exercise.angles_at(phi)[_NECK]
        if full_neck < 0.0:  # looking up: still past level
            angles[_NECK] = min(angles[_NECK], max(full_neck, LOOK_UP_DEG))
        return tuple(angles)

    def pose(self, phi: float) -> Pose:
        """The full pose at fraction ``phi`` of a rep."""
        neck, trunk, knee, ankle = self.moving_angles(phi)
        hip = hip_flexion(self.seat.hip_flexion_deg, trunk)  # slumping rolls the pelvis back
        return Pose(neck=neck, trunk=trunk, hip=hip, knee=knee, ankle=ankle)

    def skeleton(self, phi: float) -> Skeleton:
        """The figure's points at fraction ``phi`` of a rep (no string: nothing to solve)."""
        return skeleton(self.pose(phi), self.setup.body, self.seat.hip_height_cm, self.setup.side)

    def keep_steps(self, steps: int | None) -> None:
        """From now on answer :meth:`frame` with the frame at the start of whichever of ``steps``
        equal steps of the rep it falls in (at its own ``cycles`` and ``rep``), each worked out
        once and kept: for a loop shown over and over (the kiosk's). ``None``, the default,
        works every frame out exactly."""
        self._steps = steps
        self._kept = {}

    def frame(self, cycles: float) -> Frame:
        """The frame ``cycles`` reps after the start (fractional); see also :meth:`keep_steps`."""
        rep, phi = split_cycles(cycles)
        if self._steps is not None:
            step = self._step(phi)
            kept = self._kept.get(step)
            if kept is None:
                kept = self._kept[step] = self._exact(step / self._steps)
            return replace(kept, cycles=cycles, rep=rep)
        return self._exact(phi, cycles, rep)

    def kept_step(self, cycles: float) -> int | None:
        """Which of the kept steps (:meth:`keep_steps`) :meth:`frame` answers with at ``cycles``;
        None while none are kept."""
        return None if self._steps is None else self._step(split_cycles(cycles)[1])

    def holds(self, frame: Frame, cycles: float) -> bool:
        """Whether :meth:`frame` at ``cycles`` is in the rep and phase of ``frame`` (without making it)."""
        rep, phi = split_cycles(cycles)
        if rep != frame.rep:
            return False
        if self._steps is not None:
            phi = self._step(phi) / self._steps
        return self.exercise.phase_index(phi) == frame.phase_index

    def _step(self, phi: float) -> int:
        return min(int(phi * self._steps), self._steps - 1)  # type: ignore[operator]

    def _exact(self, phi: float, cycles: float = 0.0, rep: int = 0) -> Frame:
        pose = self.pose(phi)
        index = self.exercise.phase_index(phi)
        skel = skeleton(pose, self.setup.body, self.seat.hip_height_cm, self.setup.side)
        phase = self.exercise.phases[index]
        return Frame(cycles, rep, phi, index, phase, pose, skel, self.string.state(phi, skel), self._cues[index])

    def peak_tension(self, samples: int = REP_SAMPLES) -> float:
        """The highest string tension over one rep, at ``samples`` evenly spaced points, both ends included."""
        return max(self.string.state(i / (samples - 1) % 1.0).tension for i in range(samples))

    def peak_strain_pct(self, samples: int = REP_SAMPLES) -> float:
        """The highest local strain of the string over one rep (%), at ``samples`` evenly spaced points."""
        return 100.0 * max(self.string.state(i / (samples - 1) % 1.0).strain_peak for i in range(samples))

    def suggested_seat_height(self) -> float:
        """A seat height (cm) that makes this exercise easier for this person."""
        return suggested_seat_height(self.setup.body, *self._foot)

    def feet_hang_from_cm(self) -> float | None:
        """The lowest seat height whose feet hang clear of the floor for this person and exercise
        (:func:`~flossgui.model.seat.feet_hang_from_cm`)."""
        return feet_hang_from_cm(self.setup.body, *self._foot)
