"""An exercise placed on one person and one seat: cycle position → a complete frame.

This is where the pieces meet: the choreography gives the moving joints, the range of
movement scales them about the start pose, the seat gives the hip, and forward kinematics
places the figure and the string (:mod:`flossgui.model.nerve`). :class:`Frame` is what the
views draw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from flossgui.model.body import Body
from flossgui.model.exercise import Exercise, Phase
from flossgui.model.kinematics import SIDES, Skeleton, skeleton
from flossgui.model.nerve import NerveState, NerveString
from flossgui.model.pose import Pose
from flossgui.model.seat import DEFAULT_SEAT_CM, SeatGeometry, seat_geometry, suggested_seat_height

RANGE_LIMITS: tuple[float, float] = (0.10, 1.0)  # fraction of the full excursion
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
        self._start = exercise.start_angles()
        self.nerve = NerveString(self.setup.body, self.pose(0.0), self.seat.hip_height_cm, self.setup.side)

    def moving_angles(self, phi: float) -> tuple[float, ...]:
        """Moving-joint angles at ``phi``, scaled about the start pose by the range of movement."""
        r = self.setup.range_fraction
        return tuple(s + r * (a - s) for s, a in zip(self._start, self.exercise.angles_at(phi), strict=True))

    def pose(self, phi: float) -> Pose:
        """The full pose at fraction ``phi`` of a rep."""
        neck, trunk, knee, ankle = self.moving_angles(phi)
        return Pose(neck=neck, trunk=trunk, hip=self.seat.hip_flexion_deg, knee=knee, ankle=ankle)

    def frame(self, cycles: float) -> Frame:
        """The frame ``cycles`` reps after the start (fractional)."""
        rep, phi = split_cycles(cycles)
        pose = self.pose(phi)
        index = self.exercise.phase_index(phi)
        skel = skeleton(pose, self.setup.body, self.seat.hip_height_cm, self.seat.thigh_slope_deg, self.setup.side)
        return Frame(cycles, rep, phi, index, self.exercise.phases[index], pose, skel, self.nerve.state(pose))

    def peak_tension(self, samples: int = REP_SAMPLES) -> float:
        """The highest string tension over one rep, at ``samples`` evenly spaced points, both ends included."""
        return max(self.nerve.state(self.pose(i / (samples - 1))).tension for i in range(samples))

    def suggested_seat_height(self) -> float:
        """A seat height (cm) that makes this exercise easier for this person."""
        return suggested_seat_height(self.setup.body, *self._foot)
