"""The grade ladder: how a clinician progresses the seated floss, from one joint to the whole movement.

Neurodynamic grading starts with a small glide from one end of the nerve and builds up to the
whole slider: the knee alone; the ankle and head alone (the slider of Ellis et al. 2008);
the whole floss at a small amplitude; the whole floss. A grade names the shipped exercise it
plays and the range of movement it starts at (``range_percent``; "How far to move" and the
symptom check then make it smaller still). A programme file sets one with ``grade = "..."``
(:mod:`flossgui.model.programme`).
"""

from __future__ import annotations

from dataclasses import dataclass

from flossgui.model.exercise import DEFAULT_EXERCISE
from flossgui.text import TEXT


@dataclass(frozen=True, slots=True)
class Grade:
    """One step of the ladder: its id (``name``), the exercise it plays and the range it starts at."""

    name: str
    exercise: str  # a shipped exercise (assets/exercises/<exercise>.toml)
    range_percent: float  # of that exercise's full range of movement

    @property
    def label_key(self) -> str:
        """Text id of the short name (for ``tr``)."""
        return f"grade.{self.name}"

    @property
    def description_key(self) -> str:
        """Text id of the one-sentence description (for ``tr``)."""
        return f"grade.{self.name}.about"

    @property
    def label(self) -> str:
        """The short name, in English (Qt code shows ``tr(label_key)``)."""
        return TEXT[self.label_key]

    @property
    def description(self) -> str:
        """What the patient does at this grade, in English."""
        return TEXT[self.description_key]


#: The ladder, gentlest first.
GRADES: tuple[Grade, ...] = (
    Grade("knee", "floss-knee", 100.0),
    Grade("ankle-head", "floss-ankle-head", 100.0),
    Grade("combined-small", DEFAULT_EXERCISE, 50.0),
    Grade("combined", DEFAULT_EXERCISE, 100.0),
)
GRADE_NAMES: tuple[str, ...] = tuple(g.name for g in GRADES)
DEFAULT_GRADE = "combined"


def grade(name: str) -> Grade:
    """The grade called ``name``; ValueError naming the choices if there is none."""
    for g in GRADES:
        if g.name == name:
            return g
    raise ValueError(f"grade {name!r} is not one of {', '.join(GRADE_NAMES)}")
