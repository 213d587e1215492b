"""A fortnight of a patient's diary, for the report's tests and previews."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flossgui.diary.store import History
from flossgui.model.monitoring import Spread
from flossgui.model.programme import Clinician, Programme, Step, dumps_programme
from flossgui.model.symptoms import Choice, Symptoms

START = date(2026, 11, 30)
PROGRAMME = Programme(
    reps=10, sets=2, per_day=2, grade="combined-small", range_percent=60, seat_height_cm=58, patient="J. S.",
    start=START, review=START + timedelta(days=14), title="After Monday's appointment",
    progression=(
        Step(1, 1, "combined-small", 60, "no flare-up the day after"),
        Step(2, 3, "combined", 80, "no flare-up the day after"),
    ),
    clinician=Clinician("A. Physio", "Riverside Physiotherapy", "01234 567890"),
)  # fmt: skip


def fill_fortnight(history: History) -> None:
    """Two weeks: mostly twice a day, scores easing from 6 to 2, one worse day with spreading,
    a grade step up in week 2, a session stopped early and next-day answers."""
    text = dumps_programme(PROGRAMME)
    for day in range(14):
        when = START + timedelta(days=day)
        sessions = 0 if day in (4, 9) else 1 if day in (2, 7, 11) else 2
        grade, rng = ("combined-small", 60) if day < 7 else ("combined", 80)
        for n in range(sessions):
            started = datetime.combine(when, datetime.min.time()).replace(hour=8 + 10 * n).astimezone()
            sid = history.start_session(exercise="lumbar-nerve-floss", side="right", reps_per_set=10, sets_planned=2,
                                        range_percent=rng, speed=1, programme=PROGRAMME.title, prescription=text,
                                        started=started)  # fmt: skip
            flare = day == 8 and n == 0
            for i in range(1 if flare else 2):
                score = max(0, 6 - day // 2 - i + (3 if flare else 0))
                history.record_set(sid, i, reps=10, side="right", range_percent=rng, exercise="lumbar-nerve-floss",
                                   grade=grade, ended=started + timedelta(minutes=3 * (i + 1)))  # fmt: skip
                symptoms = Symptoms.WORSE if flare else Symptoms.BETTER if day > 5 else Symptoms.SAME
                history.record_symptoms(sid, i, symptoms, Choice.STOP if flare else Choice.CARRY_ON)
                spread = Spread.FURTHER if flare else Spread.EASING if day > 5 else Spread.SAME
                history.record_leg(sid, i, score, spread)
            history.end_session(sid, "stopped" if flare else "finished", ended=started + timedelta(minutes=8))
        if day and day not in (5, 10):
            asked = datetime.combine(when, datetime.min.time()).replace(hour=7).astimezone()
            worse = day == 9
            history.record_next_day(Symptoms.WORSE if worse else Symptoms.SAME if day < 6 else Symptoms.BETTER,
                                    Spread.FURTHER if worse else None, asked=asked)  # fmt: skip
