"""Every published number the string model rests on, with its source, and the targets drawn from them.

The one place for them: the model's docstrings cite these names, the tests check the model
against :data:`TARGETS`, and "About the model" and the README quote them. A number that no
study gives is listed in :data:`NOT_FOUND` and the app says "we found no study" for it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Measured:
    """A published measurement: ``value`` in ``unit``, what was measured and where it is from."""

    value: float
    unit: str
    what: str
    source: str


@dataclass(frozen=True, slots=True)
class Target:
    """A range the model must hit (inclusive), and the measurements it is drawn from."""

    lo: float
    hi: float
    unit: str
    what: str
    basis: tuple[Measured, ...]

    def holds(self, value: float) -> bool:
        """Whether ``value`` lies within the range."""
        return self.lo <= value <= self.hi


ELLIS_2008 = "Ellis, Hing, Dilley & McNair, Ultrasound Med Biol 34:1209 (2008), ultrasound"
RIDEHALGH_2014 = "Ridehalgh, Moore & Hough, Manual Therapy 19:59 (2014), ultrasound, n = 16"
BOYD_2012 = "Boyd et al., Clinical Biomechanics 27:967 (2012)"
SHUM_2013 = "Shum et al., Ultrasound Med Biol 39:784 (2013), ultrasound, n = 24"
COPPIETERS_BUTLER_2008 = "Coppieters & Butler, Manual Therapy 13:213 (2008), 2 cadavers"
COPPIETERS_2009 = "Coppieters et al., JOSPT 39:164 (2009), ultrasound, n = 15"
ALSHAMI_2008 = "Alshami et al., J Appl Biomech 24:368 (2008), cadavers"
TEXTBOOK = "textbook summary"

ELLIS_SLIDER_MIDTHIGH = Measured(3.47, "mm", "sciatic glide at mid-thigh, ankle and neck slider (n = 27)", ELLIS_2008)
ELLIS_SLIDER_KNEE = Measured(5.22, "mm", "sciatic glide at the knee crease, ankle and neck slider (n = 3)", ELLIS_2008)
RIDEHALGH_HIP30 = Measured(
    9.9, "mm", "sciatic glide, knee straightened 90° to 0° with the hip bent 30°", RIDEHALGH_2014
)
RIDEHALGH_HIP60 = Measured(
    12.4, "mm", "sciatic glide, knee straightened 90° to 0° with the hip bent 60°", RIDEHALGH_2014
)
BOYD_ANKLE_KNEE = Measured(
    2.2, "mm", "tibial nerve glide at the knee with active ankle dorsiflexion, about 3 times less with the hip bent",
    BOYD_2012,
)  # fmt: skip
SHUM_FORWARD_BEND = Measured(12.2, "mm", "tibial nerve glide at the knee with forward bending", SHUM_2013)
SLIDER_GLIDE = Measured(
    12.6, "mm", "median nerve glide at the wrist, slider (the largest measured)", COPPIETERS_BUTLER_2008
)
TENSIONER_GLIDE = Measured(6.1, "mm", "median nerve glide at the wrist, tensioner", COPPIETERS_BUTLER_2008)
SLIDER_STRAIN = Measured(0.8, "%", "median nerve strain at the wrist, slider", COPPIETERS_BUTLER_2008)
TENSIONER_STRAIN = Measured(6.8, "%", "median nerve strain at the wrist, tensioner", COPPIETERS_BUTLER_2008)
ANKLE_STRAIN = Measured(3.9, "%", "tibial nerve strain with ankle dorsiflexion (mean)", ALSHAMI_2008)
EVERYDAY_STRAIN = Measured(10.0, "%", "strain nerves are said to tolerate in everyday movement", TEXTBOOK)

#: Every measurement above, in the order "About the model" lists them.
MEASURED: tuple[Measured, ...] = (
    RIDEHALGH_HIP30, RIDEHALGH_HIP60, ELLIS_SLIDER_MIDTHIGH, ELLIS_SLIDER_KNEE, BOYD_ANKLE_KNEE, SHUM_FORWARD_BEND,
    SLIDER_GLIDE, TENSIONER_GLIDE, SLIDER_STRAIN, TENSIONER_STRAIN, ANKLE_STRAIN, EVERYDAY_STRAIN,
)  # fmt: skip

#: What the model must reproduce, for a person of 170 cm on a 46 cm chair, at full range.
TARGETS: dict[str, Target] = {
    "floss_glide": Target(
        8.0, 16.0, "mm", "glide at mid-thigh over one rep of the floss",
        (ELLIS_SLIDER_MIDTHIGH, RIDEHALGH_HIP60, SLIDER_GLIDE),
    ),
    "tensioner_share": Target(
        0.0, 0.5, "× the floss's", "the tensioner's glide at mid-thigh over one rep", (SLIDER_GLIDE, TENSIONER_GLIDE),
    ),
    "toes_up_look_up": Target(
        2.0, 6.0, "mm", "glide at mid-thigh as the toes come up and the eyes look up, knee straight",
        (ELLIS_SLIDER_MIDTHIGH,),
    ),
    "ankle_alone": Target(
        0.0, 3.0, "mm", "glide at mid-thigh with the ankle alone (toes pointed to up), knee straight, seated",
        (BOYD_ANKLE_KNEE,),
    ),
    "knee_hip30": Target(
        0.85 * RIDEHALGH_HIP30.value, 1.15 * RIDEHALGH_HIP30.value, "mm",
        "glide at mid-thigh, knee straightened 90° to 0° with the hip bent 30°", (RIDEHALGH_HIP30,),
    ),
    "knee_hip60": Target(
        0.85 * RIDEHALGH_HIP60.value, 1.15 * RIDEHALGH_HIP60.value, "mm",
        "glide at mid-thigh, knee straightened 90° to 0° with the hip bent 60°", (RIDEHALGH_HIP60,),
    ),
    "floss_strain": Target(0.0, 1.0, "%", "peak local strain over one rep of the floss", (SLIDER_STRAIN,)),
    "tensioner_strain": Target(3.0, 8.0, "%", "peak local strain over one rep of the tensioner", (TENSIONER_STRAIN,)),
}  # fmt: skip

#: Looked for and not found: the model's own estimates stand in for these, and the app says so.
NOT_FOUND: tuple[str, ...] = (
    "how far the nerve bed lies behind each joint (the moment arms)",
    "how firmly the nerve is held in its bed (the friction, and how it grows as the nerve tightens)",
    "the spinal canal's change in length in centimetres",
    "the seated floss's glide in millimetres (Ellis, Hing & McNair 2012 ranked it largest; we found no values)",
    "the effect of seat height on the nerve",
)
