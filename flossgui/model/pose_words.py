"""Poses in a clinician's and a patient's words: clinical angle names, and what a pose shows.

:func:`clinical_angle` turns a signed joint angle (the sign convention of :mod:`flossgui.model.pose`)
into the movement's name and its size: neck −35 is "neck extension 35°". :func:`pose_words`
describes a still pose ("knee straight, sitting tall, looking up, toes up") from its angles, so
a caption under a frozen figure always says what the figure shows, whatever the phase.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Within this many degrees of zero a joint is named by its neutral position.
NEUTRAL_DEG = 2.5

#: (text id for +, text id for −, text id near 0) of each joint's movement.
_TERMS: dict[str, tuple[str, str, str]] = {
    "neck": ("angle.neck.flexion", "angle.neck.extension", "angle.neck.neutral"),
    "trunk": ("angle.trunk.flexion", "angle.trunk.extension", "angle.trunk.neutral"),
    "hip": ("angle.hip.flexion", "angle.hip.extension", "angle.hip.neutral"),
    "knee": ("angle.knee.flexion", "angle.knee.hyperextension", "angle.knee.straight"),
    "ankle": ("angle.ankle.dorsiflexion", "angle.ankle.plantarflexion", "angle.ankle.neutral"),
}

#: Where each described part changes its words (degrees, sign as in :mod:`flossgui.model.pose`),
#: as (upper bound, text id) from the lowest band up; the last band has no upper bound.
_BANDS: dict[str, tuple[tuple[float, str], ...]] = {
    "knee": ((10.0, "pose.knee.straight"), (60.0, "pose.knee.part"), (999.0, "pose.knee.bent")),
    "trunk": ((12.0, "pose.trunk.tall"), (999.0, "pose.trunk.slumped")),
    "neck": ((-10.0, "pose.neck.up"), (20.0, "pose.neck.level"), (999.0, "pose.neck.down")),
    "ankle": ((-15.0, "pose.ankle.pointed"), (5.0, "pose.ankle.right_angle"), (999.0, "pose.ankle.up")),
}
POSE_ORDER: tuple[str, ...] = ("knee", "trunk", "neck", "ankle")


def clinical_angle(joint: str, degrees: float) -> tuple[str, float]:
    """The text id of the movement ``joint`` makes at ``degrees`` and its size (positive, degrees)."""
    plus, minus, neutral = _TERMS[joint]
    if abs(degrees) < NEUTRAL_DEG:
        return neutral, 0.0
    return (plus if degrees > 0 else minus), abs(degrees)


def pose_words(angles: Mapping[str, float]) -> list[str]:
    """Text ids describing a pose, knee first: what a patient sees in the still figure."""
    words = []
    for part in POSE_ORDER:
        degrees = angles[part]
        words.append(next(key for upper, key in _BANDS[part] if degrees < upper))
    return words
