"""The check between sets: how the symptoms compare, and what the patient chose to do."""

from __future__ import annotations

import enum

from flossgui.model.programme import RANGE_PERCENT


class Symptoms(enum.StrEnum):
    """Symptoms compared with before the set."""

    BETTER = "better"
    SAME = "same"
    WORSE = "worse"


class Choice(enum.StrEnum):
    """What to do next."""

    CARRY_ON = "carry_on"
    SMALLER = "smaller"  # make the movement smaller, then carry on
    STOP = "stop"  # stop for today


def smaller_range(range_percent: float) -> float:
    """The range after "make the movement smaller": a quarter less, in steps of 5 %, never below the minimum."""
    return max(RANGE_PERCENT[0], min(range_percent - 5, 5 * round(range_percent * 0.75 / 5)))
