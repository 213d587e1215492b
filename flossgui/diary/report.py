"""What the clinician's report says, read from the diary: pure data, drawn by ``ui/export/report.py``.

Over a period (by default from the programme's start, or the first session, to today):

- adherence: sessions done (with at least one set) against those prescribed (sessions a day ×
  days of the period on or after the programme's start);
- per day: sessions, reps, the leg-symptom scores after sets (mean, least, most), where the
  symptoms went, the range and grade done;
- events: every answer that showed the red flags again (worse, spreading further down the leg,
  a leg score up by 2 or more since the set before), "my symptoms increased", sessions stopped
  early, and next-day answers that were worse or spreading;
- the programme: the one given, or the newest prescription the diary kept.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from flossgui.core.errors import InputError
from flossgui.diary.store import History, NextDay, SessionRecord
from flossgui.model.grades import GRADE_NAMES
from flossgui.model.monitoring import Spread, is_warning
from flossgui.model.programme import Programme, parse_programme
from flossgui.model.symptoms import Choice, Symptoms

MAX_DAYS = 366  # the longest period one page can show


@dataclass(frozen=True, slots=True)
class Day:
    """One day of the period."""

    day: date
    sessions: int = 0
    reps: int = 0
    scores: tuple[int, ...] = ()  # leg-symptom scores after each set, in order
    spreads: tuple[Spread, ...] = ()
    range_percent: float | None = None  # the largest range done that day
    grade: str | None = None  # the highest grade on the ladder done that day

    @property
    def mean_score(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None


@dataclass(frozen=True, slots=True)
class ReportEvent:
    """Something the clinician should see: when, what kind (a text id's tail) and its details."""

    day: date
    kind: str  # worse, further, score_rise, increased, stopped, next_day_worse, next_day_further
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything on the report."""

    first: date
    last: date
    programme: Programme | None
    days: tuple[Day, ...]
    events: tuple[ReportEvent, ...]
    next_days: tuple[NextDay, ...]

    @property
    def sessions_done(self) -> int:
        return sum(d.sessions for d in self.days)

    @property
    def sessions_prescribed(self) -> int | None:
        """Sessions a day × the days of the period the programme covered; None if it does not say."""
        p = self.programme
        if p is None or p.per_day is None:
            return None
        start = max(self.first, p.start) if p.start else self.first
        return p.per_day * max(0, (self.last - start).days + 1)

    @property
    def reps_done(self) -> int:
        return sum(d.reps for d in self.days)

    def spread_counts(self) -> Counter[Spread]:
        return Counter(s for d in self.days for s in d.spreads)

    def next_day_counts(self) -> Counter[Symptoms]:
        return Counter(n.symptoms for n in self.next_days)


def prescription_of(session: SessionRecord) -> Programme | None:
    """The programme a session kept in the diary, or None if it kept none (or it no longer reads)."""
    if not session.prescription:
        return None
    try:
        return parse_programme(tomllib.loads(session.prescription), f"session {session.id}")
    except (tomllib.TOMLDecodeError, InputError, ValueError):
        return None


def _session_events(session: SessionRecord, increased: list[tuple[int, int, float, Choice]]) -> list[ReportEvent]:
    day = session.started_at.date()
    events: list[ReportEvent] = []
    previous: int | None = None
    for s in session.sets:
        where = {"set": s.index + 1, "score": s.leg_score}
        if s.symptoms is Symptoms.WORSE:
            events.append(ReportEvent(day, "worse", where | {"choice": s.choice.value if s.choice else ""}))
        if s.spread is Spread.FURTHER:
            events.append(ReportEvent(day, "further", where))
        elif (
            s.symptoms is not Symptoms.WORSE
            and s.leg_score is not None
            and is_warning(s.spread, None, s.leg_score, previous)
        ):
            events.append(ReportEvent(day, "score_rise", where | {"previous": previous}))
        previous = s.leg_score if s.leg_score is not None else previous
    for index, reps, _rng, choice in increased:
        events.append(ReportEvent(day, "increased", {"set": index + 1, "reps": reps, "choice": choice.value}))
    if session.outcome == "stopped":
        events.append(ReportEvent(day, "stopped", {"sets": len(session.sets), "planned": session.sets_planned}))
    return events


def build_report(history: History, first: date | None = None, last: date | None = None,
                 programme: Programme | None = None, today: date | None = None) -> Report:  # fmt: skip
    """The report over ``first``–``last`` (inclusive); ValueError if the period is empty or too long."""
    today = today or date.today()
    sessions = sorted(history.sessions(), key=lambda s: (s.started_at, s.id))
    if programme is None:  # the newest prescription kept, up to the end of the period
        kept = [p for s in sessions if (last is None or s.started_at.date() <= last) and (p := prescription_of(s))]
        programme = kept[-1] if kept else None
    if first is None:
        starts = [d for d in (programme.start if programme else None, *(s.started_at.date() for s in sessions)) if d]
        first = min(starts, default=today)
    last = last or today
    if last < first:
        raise ValueError(f"the period ends ({last}) before it starts ({first})")
    if (last - first).days + 1 > MAX_DAYS:
        raise ValueError(f"the period is longer than {MAX_DAYS} days")

    days = {first + timedelta(d): Day(first + timedelta(d)) for d in range((last - first).days + 1)}
    events: list[ReportEvent] = []
    for s in sessions:
        day = s.started_at.date()
        if day not in days:
            continue
        d = days[day]
        scores = tuple(r.leg_score for r in s.sets if r.leg_score is not None)
        grades = [r.grade for r in s.sets if r.grade in GRADE_NAMES]
        ranges = [r.range_percent for r in s.sets]
        days[day] = Day(
            day,
            d.sessions + (1 if s.sets else 0),
            d.reps + s.reps_done,
            d.scores + scores,
            d.spreads + tuple(r.spread for r in s.sets if r.spread is not None),
            max([*ranges, *([d.range_percent] if d.range_percent is not None else [])], default=None),
            max([*grades, *([d.grade] if d.grade is not None else [])], default=None, key=GRADE_NAMES.index),
        )
        events += _session_events(s, history.symptoms_increased(s.id))
    next_days = tuple(n for n in history.next_days() if first <= n.day <= last)
    for n in next_days:
        if n.symptoms is Symptoms.WORSE:
            events.append(ReportEvent(n.day, "next_day_worse", {}))
        if n.spread is Spread.FURTHER:
            events.append(ReportEvent(n.day, "next_day_further", {}))
    events.sort(key=lambda e: e.day)
    return Report(first, last, programme, tuple(days.values()), tuple(events), next_days)
