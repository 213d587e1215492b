"""Monitoring a nerve programme: the leg-symptom score, where the symptoms are, and the next-day check.

After each set the patient gives a 0–10 leg-symptom score and says where the symptoms are:
spreading further down the leg (peripheralisation), in the same place, or easing back towards
the back (centralisation). Spreading further down, or a score that rises, is the signal to do
less: the red flags are shown again and a smaller grade or a pause is advised. The morning
after a session the patient says how the leg was (:func:`next_day_due`).
"""

from __future__ import annotations

import enum
from datetime import date

from flossgui.model.symptoms import Symptoms

LEG_SCORE_RANGE: tuple[int, int] = (0, 10)
#: A rise of at least this much in the leg score since the last set counts as worse.
SCORE_RISE_WORSE = 2


class Spread(enum.StrEnum):
    """Where the leg symptoms are, compared with before."""

    FURTHER = "further"  # further down the leg: peripheralising
    SAME = "same"
    EASING = "easing"  # easing back towards the spine: centralising


def check_score(score: int) -> int:
    """``score`` if it is a whole number 0–10; ValueError otherwise."""
    lo, hi = LEG_SCORE_RANGE
    if isinstance(score, bool) or not isinstance(score, int) or not lo <= score <= hi:
        raise ValueError(f"leg score {score!r} is not a whole number from {lo} to {hi}")
    return score


def is_warning(spread: Spread | None, symptoms: Symptoms | None = None, score: int | None = None,
               previous: int | None = None) -> bool:  # fmt: skip
    """True when the answer means "do less": spreading further down the leg, worse, or a score
    that rose by :data:`SCORE_RISE_WORSE` or more since the last one."""
    rose = score is not None and previous is not None and score - previous >= SCORE_RISE_WORSE
    return spread is Spread.FURTHER or symptoms is Symptoms.WORSE or rose


def next_day_due(last_session_day: date | None, today: date, answered_today: bool) -> bool:
    """Ask "How was your leg after yesterday's session?" once, on the first launch the day after a session."""
    return last_session_day is not None and not answered_today and (today - last_session_day).days == 1
