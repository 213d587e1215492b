"""Opening hours: parsing ranges, is_open, next_change, ranges across midnight."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flossgui.kiosk.schedule import ALWAYS_OPEN, DAY, OpeningHours, TimeRange, parse_range

MONDAY = datetime(2024, 1, 1)  # a Monday


def at(day: int, hhmm: str) -> datetime:
    h, m = map(int, hhmm.split(":"))
    return MONDAY + timedelta(days=day, hours=h, minutes=m)


def weekly(*ranges: str, closed: tuple[int, ...] = ()) -> OpeningHours:
    day = tuple(parse_range(r) for r in ranges)
    return OpeningHours(tuple(() if i in closed else day for i in range(7)))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("08:00-18:00", 480, 1080),
        (" 8:30 - 12:15 ", 510, 735),
        ("00:00-24:00", 0, DAY),
        ("22:00-02:00", 1320, DAY + 120),
        ("23:59-00:00", 1439, DAY),
    ],
)
def test_parse_range(text, start, end):
    assert parse_range(text) == TimeRange(start, end)


@pytest.mark.parametrize("text", ["", "8-18", "08:00", "24:00-01:00", "08:60-09:00", "10:00-24:30", "09:00-09:00"])
def test_parse_range_rejects(text):
    with pytest.raises(ValueError, match=r"time|range"):
        parse_range(text)


def test_daily_range():
    hours = weekly("08:00-18:00")
    assert not hours.is_open(at(0, "07:59"))
    assert hours.is_open(at(0, "08:00"))
    assert hours.is_open(at(0, "17:59"))
    assert not hours.is_open(at(0, "18:00"))
    assert hours.next_change(at(0, "07:00")) == at(0, "08:00")
    assert hours.next_change(at(0, "12:00")) == at(0, "18:00")
    assert hours.next_change(at(0, "18:00")) == at(1, "08:00")


def test_range_crossing_midnight_spills_into_next_day():
    hours = weekly("22:00-02:00", closed=(1,))  # open Monday night, not Tuesday night
    assert hours.is_open(at(0, "23:30"))
    assert hours.is_open(at(1, "01:59"))  # Tuesday early morning, from Monday's range
    assert not hours.is_open(at(1, "02:00"))
    assert not hours.is_open(at(1, "23:00"))
    assert not hours.is_open(at(2, "01:00"))  # Tuesday had no night range
    assert hours.next_change(at(0, "23:00")) == at(1, "02:00")
    assert hours.next_change(at(1, "03:00")) == at(2, "22:00")
    assert hours.is_open(at(6, "23:00")) and hours.is_open(at(7, "01:00"))  # Sunday into Monday


def test_closed_weekend_skips_to_monday():
    hours = weekly("08:00-18:00", closed=(5, 6))
    assert hours.next_change(at(4, "18:00")) == at(7, "08:00")


def test_adjacent_ranges_do_not_change_at_the_seam():
    hours = weekly("08:00-12:00", "12:00-18:00")
    assert hours.next_change(at(0, "09:00")) == at(0, "18:00")


def test_always_open_and_never_open_never_change():
    assert ALWAYS_OPEN.is_open(at(3, "03:03"))
    assert ALWAYS_OPEN.next_change(at(3, "03:03")) is None
    never = OpeningHours(((),) * 7)
    assert not never.is_open(at(3, "03:03"))
    assert never.next_change(at(3, "03:03")) is None


def test_opening_hours_need_seven_days():
    with pytest.raises(ValueError, match="7 days"):
        OpeningHours(((),) * 6)


# -- properties -------------------------------------------------------------------------
ranges = st.builds(
    lambda start, length: TimeRange(start, start + length),
    st.integers(0, DAY - 1),
    st.integers(1, DAY),
)
schedules = st.lists(st.lists(ranges, max_size=3).map(tuple), min_size=7, max_size=7).map(
    lambda days: OpeningHours(tuple(days))
)
moments = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1))


def open_minutes_of_week(hours: OpeningHours) -> set[int]:
    """Reference model: the set of open minutes, counted from Monday 00:00, wrapping."""
    minutes = set()
    for day, day_ranges in enumerate(hours.days):
        for r in day_ranges:
            minutes.update((day * DAY + m) % (7 * DAY) for m in range(r.start, r.end))
    return minutes


@given(schedules, moments)
def test_is_open_matches_reference_model(hours, when):
    minute_of_week = when.weekday() * DAY + when.hour * 60 + when.minute
    assert hours.is_open(when) == (minute_of_week in open_minutes_of_week(hours))


@given(schedules, moments, st.floats(0, 1))
def test_next_change_is_the_first_flip(hours, when, fraction):
    change = hours.next_change(when)
    state = hours.is_open(when)
    if change is None:
        week = open_minutes_of_week(hours)
        assert len(week) in (0, 7 * DAY)
        return
    assert change > when
    assert change - when <= timedelta(days=8)
    assert hours.is_open(change) != state
    between = when + (change - when) * fraction
    if between < change:
        assert hours.is_open(between) == state


@given(schedules, moments)
def test_schedule_repeats_weekly(hours, when):
    assert hours.is_open(when) == hours.is_open(when + timedelta(days=7))
