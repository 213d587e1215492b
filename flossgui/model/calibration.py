"""The string model against its targets: each figure of :data:`~flossgui.model.neuro_figures.TARGETS`
as the model gives it, for the tests, "About the model" and the README.

All for a person of 170 cm on a 46 cm chair at full range unless given otherwise; glide at
mid-thigh in mm, strain in % of the most strained bit of the cord.
"""

from __future__ import annotations

from functools import lru_cache

from flossgui.model.body import Body
from flossgui.model.exercise import VARIANTS, builtin_exercise
from flossgui.model.motion import REP_SAMPLES, Movement, Setup
from flossgui.model.nerve import NerveString
from flossgui.model.pose import Pose

#: Extra hip flexion for the "less with the hip bent more" check of the ankle alone (Boyd 2012).
HIP_FLEXED_MORE_DEG = 20.0


def glide(body: Body, start: Pose, end: Pose, site: str = "midthigh") -> float:
    """Glide (mm, + towards the toes) at ``site`` from ``start`` to ``end``."""
    return NerveString(body, start).state(end).slides_mm[site]


def knee_alone(body: Body, hip_deg: float) -> float:
    """Glide at mid-thigh as the knee straightens from 90° to 0°, the rest neutral (Ridehalgh's test)."""
    return glide(body, Pose(0, 0, hip_deg, 90, 0), Pose(0, 0, hip_deg, 0, 0))


def ankle_alone(body: Body, hip_deg: float, site: str = "midthigh") -> float:
    """Glide at ``site`` as the toes come up from pointed to up, knee straight, sitting upright."""
    floss = builtin_exercise()
    pointed, up = floss.most_pointed_ankle(), max(k.angles[-1] for k in floss.keyframes)
    return glide(body, Pose(0, 0, hip_deg, 0, pointed), Pose(0, 0, hip_deg, 0, up), site)


def rep_extremes(movement: Movement, samples: int = REP_SAMPLES) -> tuple[float, float]:
    """Glide at mid-thigh over one rep (max − min, mm) and the peak local strain (%)."""
    states = [movement.string.state(i / (samples - 1) % 1.0) for i in range(samples)]
    slides = [s.slides_mm["midthigh"] for s in states]
    return max(slides) - min(slides), 100.0 * max(s.strain_peak for s in states)


@lru_cache(maxsize=4)
def calibration(setup: Setup | None = None) -> dict[str, float]:
    """The model's value for each target (same keys as :data:`~flossgui.model.neuro_figures.TARGETS`),
    plus ``ankle_alone_hip_flexed`` (the same with the hip bent :data:`HIP_FLEXED_MORE_DEG` more)."""
    setup = setup or Setup()
    floss = Movement(builtin_exercise(VARIANTS["slider"]), setup)
    tensioner = Movement(builtin_exercise(VARIANTS["tensioner"]), setup)
    floss_glide, floss_strain = rep_extremes(floss)
    tensioner_glide, tensioner_strain = rep_extremes(tensioner)
    phases = {p.id: p for p in floss.exercise.phases}
    toes_up = phases["toes-up"]
    body, hip = setup.body, floss.seat.hip_flexion_deg
    return {
        "floss_glide": floss_glide,
        "tensioner_share": tensioner_glide / floss_glide,
        "toes_up_look_up": floss.frame(toes_up.end).string.slides_mm["midthigh"]
        - floss.frame(toes_up.start).string.slides_mm["midthigh"],
        "ankle_alone": ankle_alone(body, hip),
        "ankle_alone_hip_flexed": ankle_alone(body, hip + HIP_FLEXED_MORE_DEG),
        "knee_hip30": knee_alone(body, 30.0),
        "knee_hip60": knee_alone(body, 60.0),
        "floss_strain": floss_strain,
        "tensioner_strain": tensioner_strain,
        "tensioner_glide": tensioner_glide,
    }
