"""The diary keeps "my symptoms increased" during a set (schema version 2), also in older files."""

from __future__ import annotations

import sqlite3

from flossgui.diary.store import MIGRATIONS, History
from flossgui.model.symptoms import Choice


def test_an_older_diary_gains_the_table_and_keeps_its_sessions(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    db.execute(
        "INSERT INTO session (started_at, exercise, side, reps_per_set, sets_planned, range_percent, speed)"
        " VALUES ('2026-01-05T10:00:00+00:00', 'lumbar-nerve-floss', 'right', 10, 2, 100, 1)"
    )
    db.commit()
    db.close()
    with History(path) as history:
        assert history.version == len(MIGRATIONS) >= 2
        [old] = history.sessions()
        history.record_symptoms_increased(old.id, 0, reps=3, range_percent=100.0, choice=Choice.SMALLER)
        history.record_symptoms_increased(old.id, 0, reps=4, range_percent=75.0, choice=Choice.STOP)
        assert history.symptoms_increased(old.id) == [(0, 3, 100.0, Choice.SMALLER), (0, 4, 75.0, Choice.STOP)]
        assert history.symptoms_increased(old.id + 1) == []
