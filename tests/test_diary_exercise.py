"""The diary names the exercise and grade of every set, also for sets recorded before it did."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import datetime, timedelta

from flossgui.diary.store import MIGRATIONS, SCHEMA_VERSION, History

START = datetime(2024, 3, 4, 9, 30).astimezone()


def test_a_version_1_diary_is_migrated_and_its_sets_take_the_session_exercise(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    db.execute(
        "INSERT INTO session VALUES (1, ?, NULL, NULL, 'nerve-floss-chin-down', 'right', 5, 2, 80, 1, '')",
        (START.isoformat(),),
    )
    db.execute("INSERT INTO set_result VALUES (1, 0, ?, 'right', 5, 80, NULL, NULL)", (START.isoformat(),))
    db.commit()
    db.close()
    with History(path) as h:
        assert h.version == SCHEMA_VERSION and h.integrity_ok()
        [record] = h.sessions()
    assert [(s.exercise, s.grade, s.reps) for s in record.sets] == [("nerve-floss-chin-down", None, 5)]


def test_every_set_keeps_its_exercise_and_grade_and_the_csv_shows_them(tmp_path):
    with History(tmp_path / "h.sqlite3") as h:
        sid = h.start_session(exercise="lumbar-nerve-floss", side="right", reps_per_set=6, sets_planned=2,
                              range_percent=60, speed=1.0, started=START)  # fmt: skip
        h.record_set(sid, 0, reps=6, side="right", range_percent=60, exercise="lumbar-nerve-floss",
                     grade="combined-small", ended=START + timedelta(minutes=1))  # fmt: skip
        h.record_set(sid, 1, reps=6, side="right", range_percent=60, exercise="lumbar-nerve-floss", grade="combined",
                     ended=START + timedelta(minutes=2))  # fmt: skip
        [record] = h.sessions()
        rows = list(csv.DictReader(io.StringIO(h.csv_text())))
    assert [(s.exercise, s.grade) for s in record.sets] == [
        ("lumbar-nerve-floss", "combined-small"), ("lumbar-nerve-floss", "combined"),
    ]  # fmt: skip
    assert [r["grade"] for r in rows] == ["combined-small", "combined"]
