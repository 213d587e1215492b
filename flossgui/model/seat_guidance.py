"""What a seat does to the floss, in words a patient can act on (text ids and their fields).

The seat acts through the hip: a higher seat lets the thigh slope down, so the hip bends less.
That changes the straight-knee end of the movement, where the string is tightest; at the start,
knee bent, the string is slack on any seat. So the guidance first offers a smaller movement,
then a higher seat, and names a height only when it is within :data:`SUGGEST_CAP_CM`, higher
than this seat, and lowers the peak strain by at least :data:`HELPS_BY_PCT` (no study has
measured seat height itself: an inference from Ridehalgh 2014, Boyd 2012 and Alshami 2008).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from flossgui.model.motion import Movement

#: The highest seat suggested: an ordinary bed edge (furniture practice: 61–76 cm).
SUGGEST_CAP_CM = 66.0
#: A suggested seat must lower the peak local strain by at least this much (percentage points).
HELPS_BY_PCT = 0.05
#: Upper bounds of peak local strain (%) for each way of putting it into words.
FEEL: tuple[tuple[float, str], ...] = (
    (0.05, "seat.string.slack"),  # slack, or only just taut
    (1.0, "seat.string.little"),  # a glide: the floss on a chair
    (3.0, "seat.string.tight"),
    (float("inf"), "seat.string.very"),  # the tensioner's territory
)

Line = tuple[str, dict[str, object]]  # a text id and the fields to fill in


def feel(strain_pct: float) -> str:
    """The text id that puts a peak local strain (%) into words."""
    return next(key for bound, key in FEEL if strain_pct < bound)


def seat_advice(
    movement: Movement, peak_strain_pct: float, strain_at: Callable[[float], float] | None = None
) -> list[Line]:
    """The guidance for ``movement``'s seat, given its peak local strain (%).

    ``strain_at(seat_cm)`` gives the peak strain on another seat (default: computed here);
    the views pass a cached one.
    """
    seat = movement.seat
    start = "seat.start.feet_down" if seat.feet_on_floor else "seat.start.feet_hanging"
    lines: list[Line] = [
        (start, {"hip": round(seat.hip_flexion_deg)}),
        ("seat.string.here", {"feel": feel(peak_strain_pct)}),
    ]
    if peak_strain_pct < FEEL[0][0]:
        return lines
    lines.append(("seat.smaller_first", {}))
    higher = movement.suggested_seat_height()
    if not seat.seat_height_cm < higher <= SUGGEST_CAP_CM:
        return lines
    strain_at = strain_at or (lambda cm: _peak_strain(movement, cm))
    there = strain_at(higher)
    if there <= peak_strain_pct - HELPS_BY_PCT:
        lines.append(("seat.suggest", {"cm": round(higher), "feel": feel(there)}))
    return lines


def _peak_strain(movement: Movement, seat_cm: float) -> float:
    setup = dataclasses.replace(movement.setup, seat_height_cm=seat_cm)
    return Movement(movement.exercise, setup).peak_strain_pct()
