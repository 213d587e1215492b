"""Joint angles and their sign conventions, used the same way in files, CLI and screen.

All angles are degrees:

- ``neck``  + chin towards chest, − looking up, 0 neutral
- ``trunk`` + slumped (spinal flexion), − leaning back, 0 sitting upright
- ``hip``   hip flexion between trunk and thigh, about 90 sitting upright on a level seat
- ``knee``  0 straight, + bent
- ``ankle`` + toes up (dorsiflexion), − toes pointed (plantarflexion), 0 foot at a right
  angle to the shin
"""

from __future__ import annotations

from dataclasses import dataclass, fields

JOINTS: tuple[str, ...] = ("neck", "trunk", "hip", "knee", "ankle")

#: Physiological limits (degrees) a file or option may ask for: normal adult ranges, after
#: the joint-range table in the project's reference notes (neck flexion ≈ 80, extension ≈ 55;
#: lumbar flexion ≈ 75, extension ≈ 30; hip 0–125; knee 0–130; ankle plantarflexion 50,
#: dorsiflexion 20).
JOINT_LIMITS: dict[str, tuple[float, float]] = {
    "neck": (-55.0, 80.0),
    "trunk": (-30.0, 75.0),
    "hip": (0.0, 125.0),
    "knee": (0.0, 130.0),
    "ankle": (-50.0, 20.0),
}


@dataclass(frozen=True, slots=True)
class Pose:
    """One body position: the five joint angles in degrees (see the module docstring)."""

    neck: float
    trunk: float
    hip: float
    knee: float
    ankle: float

    def as_dict(self) -> dict[str, float]:
        """Angles by joint name, in :data:`JOINTS` order."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def as_tuple(self) -> tuple[float, float, float, float, float]:
        """Angles in :data:`JOINTS` order."""
        return (self.neck, self.trunk, self.hip, self.knee, self.ankle)
