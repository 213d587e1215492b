"""The string over a whole rep, and its peak tension against seat height, as numpy arrays.

For the clinician plots and the seat guidance: computed once per change of settings, not
per frame. The seat acts through the hip: a higher seat lets the thigh slope down, the hip
flexes less and the bed behind it is shorter, so the peak tension of a rep falls (an
inference from Ridehalgh 2014, Boyd 2012 and Alshami 2008; see :mod:`flossgui.model.seat`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from flossgui.model.exercise import Exercise
from flossgui.model.motion import REP_SAMPLES, Movement, Setup
from flossgui.model.pose import JOINTS

__all__ = ["REP_SAMPLES", "RepCurves", "peak_tension", "peak_tension_by_seat", "rep_curves"]


@dataclass(frozen=True)
class RepCurves:
    """One rep sampled at ``phi`` (fractions 0 to 1, both ends included)."""

    phi: np.ndarray
    angles: dict[str, np.ndarray]  # degrees, by joint name (see flossgui.model.pose)
    length_cm: np.ndarray
    rest_length_cm: float
    tension: np.ndarray
    slide_mm: np.ndarray  # glide at mid-thigh
    strain_peak_pct: np.ndarray

    @property
    def glide_mm(self) -> float:
        """How far the nerve slides to and fro at mid-thigh over the rep (max − min)."""
        return float(self.slide_mm.max() - self.slide_mm.min())

    @property
    def peak_tension(self) -> float:
        return float(self.tension.max())


def rep_curves(movement: Movement, samples: int = REP_SAMPLES) -> RepCurves:
    """The joint angles and the string over one rep of ``movement``."""
    phi = np.linspace(0.0, 1.0, samples)
    frames = [movement.frame(p) for p in phi]
    poses = np.array([f.pose.as_tuple() for f in frames])
    return RepCurves(
        phi=phi,
        angles={j: poses[:, i] for i, j in enumerate(JOINTS)},
        length_cm=np.array([f.string.length_cm for f in frames]),
        rest_length_cm=movement.nerve.rest_length_cm,
        tension=np.array([f.string.tension for f in frames]),
        slide_mm=np.array([f.string.slides_mm["midthigh"] for f in frames]),
        strain_peak_pct=np.array([100.0 * f.string.strain_peak for f in frames]),
    )


def peak_tension(exercise: Exercise, setup: Setup, samples: int = REP_SAMPLES) -> float:
    """The highest string tension over one rep of ``exercise`` on ``setup`` (:meth:`Movement.peak_tension`)."""
    return Movement(exercise, setup).peak_tension(samples)


def peak_tension_by_seat(
    exercise: Exercise, setup: Setup, seats_cm: Iterable[float], samples: int = REP_SAMPLES
) -> np.ndarray:
    """Peak tension over a rep for each seat height in ``seats_cm``, all else as in ``setup``."""
    return np.array(
        [peak_tension(exercise, dataclasses.replace(setup, seat_height_cm=float(s)), samples) for s in seats_cm]
    )
