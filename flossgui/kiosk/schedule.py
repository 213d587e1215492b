"""Opening hours of a waiting room: is the screen on now, and when does that change?

Times are local wall-clock times (pass ``datetime.now()``); minutes count from midnight.
A range may cross midnight (``"22:00-02:00"``): it belongs to the day it starts on and
spills into the next one. ``"00:00-24:00"`` is the whole day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

DAY = 24 * 60
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RANGE_FORMAT = '"HH:MM-HH:MM", e.g. "08:00-18:00" or "22:00-02:00" (00:00 to 24:00)'

_RANGE = re.compile(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*")


@dataclass(frozen=True)
class TimeRange:
    """Open from ``start`` to ``end`` minutes after the midnight the range starts on.

    ``0 <= start < DAY`` and ``start < end <= start + DAY``; ``end > DAY`` crosses midnight.
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start < DAY and self.start < self.end <= self.start + DAY):
            raise ValueError(f"not a valid range of minutes: {self.start}-{self.end}")


def parse_range(text: str) -> TimeRange:
    """Read ``"HH:MM-HH:MM"``; raises ValueError saying what is wrong."""
    match = _RANGE.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not a time range")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2 != 0):
        raise ValueError(f"{text!r} has an impossible time")
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if end == start:
        raise ValueError(f"{text!r} starts and ends at the same time")
    return TimeRange(start, end if end > start else end + DAY)


@dataclass(frozen=True)
class OpeningHours:
    """Open ranges for each weekday, Monday first (index = ``datetime.weekday()``)."""

    days: tuple[tuple[TimeRange, ...], ...]

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError("opening hours need exactly 7 days")

    def is_open(self, when: datetime) -> bool:
        """Whether ``when`` falls in an open range (starts included, ends excluded)."""
        minute = when.hour * 60 + when.minute + (when.second + when.microsecond / 1e6) / 60
        today = self.days[when.weekday()]
        yesterday = self.days[(when.weekday() - 1) % 7]
        return any(r.start <= minute < r.end for r in today) or any(r.start <= minute + DAY < r.end for r in yesterday)

    def next_change(self, when: datetime) -> datetime | None:
        """The first time after ``when`` at which :meth:`is_open` flips; None if it never does."""
        midnight = when.replace(hour=0, minute=0, second=0, microsecond=0)
        now_open = self.is_open(when)
        candidates = sorted(
            midnight + timedelta(days=offset, minutes=minute)
            for offset in range(-1, 8)
            for r in self.days[(when.weekday() + offset) % 7]
            for minute in (r.start, r.end)
        )
        return next((c for c in candidates if c > when and self.is_open(c) != now_open), None)


ALWAYS_OPEN = OpeningHours(tuple((TimeRange(0, DAY),) for _ in WEEKDAYS))
