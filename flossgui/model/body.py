"""Body proportions for the stick figure, scaled from standing height.

Segment lengths are fractions of standing height H after Drillis & Contini (1966), as
tabled in Winter, *Biomechanics and Motor Control of Human Movement*.
"""

from __future__ import annotations

from dataclasses import dataclass

HEIGHT_RANGE_CM: tuple[float, float] = (100.0, 220.0)
DEFAULT_HEIGHT_CM = 170.0

# Fractions of standing height (Winter, after Drillis & Contini 1966).
_HEAD = 0.130  # crown to chin
_NECK = 0.052
_TRUNK = 0.288  # shoulder to hip
_UPPER_ARM = 0.186
_FOREARM = 0.146
_HAND = 0.108
_THIGH = 0.245
_SHANK = 0.246
_FOOT = 0.152
_ANKLE_HEIGHT = 0.039
# Not in the table: hip joint centre above a firm seat (ischial tuberosity ≈ 7–9 cm below
# the joint centre in an adult of 170 cm, less a little soft-tissue compression). Inference.
_HIP_ABOVE_SEAT = 0.045


@dataclass(frozen=True, slots=True)
class Body:
    """A person of a given standing height, with derived segment lengths in cm."""

    height_cm: float = DEFAULT_HEIGHT_CM

    def __post_init__(self) -> None:
        lo, hi = HEIGHT_RANGE_CM
        if not lo <= self.height_cm <= hi:
            raise ValueError(f"height {self.height_cm} cm outside {lo:g}–{hi:g} cm")

    def _cm(self, fraction: float) -> float:
        return fraction * self.height_cm

    @property
    def head(self) -> float:
        """Crown to chin."""
        return self._cm(_HEAD)

    @property
    def neck(self) -> float:
        return self._cm(_NECK)

    @property
    def trunk(self) -> float:
        """Shoulder to hip joint."""
        return self._cm(_TRUNK)

    @property
    def upper_arm(self) -> float:
        return self._cm(_UPPER_ARM)

    @property
    def forearm(self) -> float:
        return self._cm(_FOREARM)

    @property
    def hand(self) -> float:
        return self._cm(_HAND)

    @property
    def thigh(self) -> float:
        """Hip joint to knee joint."""
        return self._cm(_THIGH)

    @property
    def shank(self) -> float:
        """Knee joint to ankle joint."""
        return self._cm(_SHANK)

    @property
    def foot(self) -> float:
        """Heel to toe tip."""
        return self._cm(_FOOT)

    @property
    def ankle_height(self) -> float:
        """Ankle joint above the floor, foot flat."""
        return self._cm(_ANKLE_HEIGHT)

    @property
    def hip_above_seat(self) -> float:
        """Hip joint centre above the seat surface."""
        return self._cm(_HIP_ABOVE_SEAT)
