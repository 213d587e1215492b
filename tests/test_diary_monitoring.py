"""The diary keeps the leg score, where the symptoms went, the prescription and the next-day answers."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

import pytest

from flossgui.diary.store import History
from flossgui.model.monitoring import Spread
from flossgui.model.symptoms import Symptoms

DAY = datetime(2026, 11, 30, 9, 0).astimezone()


def test_leg_scores_spread_and_prescription_are_kept_and_exported(tmp_path):
    with History(tmp_path / "h.sqlite3") as h:
        sid = h.start_session(exercise="lumbar-nerve-floss", side="right", reps_per_set=5, sets_planned=2,
                              range_percent=60, speed=1, prescription="format = 2\n", started=DAY)  # fmt: skip
        for i, (score, spread) in enumerate(((4, Spread.SAME), (3, Spread.EASING))):
            h.record_set(sid, i, reps=5, side="right", range_percent=60, ended=DAY + timedelta(minutes=i + 1))
            h.record_leg(sid, i, score, spread)
        with pytest.raises(KeyError):
            h.record_leg(sid, 7, 2, Spread.SAME)
        with pytest.raises(ValueError):
            h.record_leg(sid, 0, 11, Spread.SAME)
        [record] = h.sessions()
        rows = list(csv.DictReader(io.StringIO(h.csv_text())))
    assert record.prescription == "format = 2\n"
    assert [(s.leg_score, s.spread) for s in record.sets] == [(4, Spread.SAME), (3, Spread.EASING)]
    assert [(r["leg_score"], r["spread"]) for r in rows] == [("4", "same"), ("3", "easing")]


def test_next_day_answers_once_a_day_and_the_last_session_before_today(tmp_path):
    with History(tmp_path / "h.sqlite3") as h:
        assert h.last_session(date(2026, 12, 1)) is None
        sid = h.start_session(exercise="x", side="left", reps_per_set=5, sets_planned=1, range_percent=50, speed=1,
                              started=DAY)  # fmt: skip
        assert h.last_session(date(2026, 12, 1)) == (sid, date(2026, 11, 30))
        assert h.last_session(date(2026, 11, 30)) is None  # a session today is not "yesterday's"
        asked = DAY + timedelta(days=1)
        assert not h.answered_next_day(asked.date())
        h.record_next_day(Symptoms.SAME, None, session_id=sid, asked=asked)
        h.record_next_day(Symptoms.WORSE, Spread.FURTHER, session_id=sid, asked=asked + timedelta(hours=1))
        assert h.answered_next_day(asked.date())
        [answer] = h.next_days()
    assert (answer.day, answer.symptoms, answer.spread, answer.session_id) == (
        date(2026, 12, 1), Symptoms.WORSE, Spread.FURTHER, sid
    )  # fmt: skip
