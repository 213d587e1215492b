"""The exercise diary: recording, reading back, per-day sums, CSV and schema versions."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest

from flossgui.core.errors import InputError
from flossgui.diary.paths import default_data_dir, default_history_path
from flossgui.diary.store import SCHEMA_VERSION, History
from flossgui.model.symptoms import Choice, Symptoms

DAY1 = datetime(2024, 3, 4, 9, 30).astimezone()


def record(h: History, start: datetime, sets: int = 2, reps: int = 10, title: str = "") -> int:
    sid = h.start_session(exercise="lumbar-nerve-floss", side="right", reps_per_set=reps, sets_planned=sets,
                          range_percent=80, speed=1.0, programme=title, started=start)  # fmt: skip
    for i in range(sets):
        h.record_set(sid, i, reps=reps, side="right", range_percent=80 - 10 * i, ended=start + timedelta(minutes=i + 1))
        h.record_symptoms(sid, i, Symptoms.SAME if i == 0 else Symptoms.WORSE, Choice.CARRY_ON)
    h.end_session(sid, "finished", ended=start + timedelta(minutes=sets + 1))
    return sid


def test_default_location_follows_env_then_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "flossgui"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # ignored, as the XDG spec says
    assert default_data_dir() == tmp_path.home() / ".local" / "share" / "flossgui"
    monkeypatch.setenv("FLOSSGUI_DATA_DIR", str(tmp_path / "mine"))
    assert default_history_path() == tmp_path / "mine" / "history.sqlite3"


def test_open_default_creates_the_folder_in_wal_mode(monkeypatch, tmp_path):
    monkeypatch.setenv("FLOSSGUI_DATA_DIR", str(tmp_path / "a" / "b"))
    with History.open_default() as h:
        assert h.path.exists() and h.version == SCHEMA_VERSION
        assert h._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_sessions_read_back_newest_first(tmp_path):
    with History(tmp_path / "h.db") as h:
        first = record(h, DAY1, title="Week 1")
        second = record(h, DAY1 + timedelta(days=1), sets=1)
        sessions = h.sessions()
    assert [s.id for s in sessions] == [second, first]
    old = sessions[1]
    assert old.started_at == DAY1 and old.outcome == "finished" and old.programme == "Week 1"
    assert [(s.reps, s.range_percent, s.symptoms) for s in old.sets] == [
        (10, 80, Symptoms.SAME), (10, 70, Symptoms.WORSE),
    ]  # fmt: skip
    assert old.reps_done == 20


def test_unfinished_session_keeps_its_sets(tmp_path):
    with History(tmp_path / "h.db") as h:
        sid = h.start_session(exercise="x", side="left", reps_per_set=5, sets_planned=3, range_percent=50, speed=2)
        h.record_set(sid, 0, reps=5, side="left", range_percent=50)
    with History(tmp_path / "h.db") as h:
        (s,) = h.sessions()
    assert s.id == sid and s.outcome is None and s.ended_at is None and s.reps_done == 5
    assert s.sets[0].symptoms is None


def test_symptoms_for_an_unrecorded_set_is_an_error(tmp_path):
    with History(tmp_path / "h.db") as h:
        sid = h.start_session(exercise="x", side="left", reps_per_set=5, sets_planned=3, range_percent=50, speed=2)
        with pytest.raises(KeyError):
            h.record_symptoms(sid, 4, Symptoms.BETTER, Choice.CARRY_ON)
        with pytest.raises(ValueError):
            h.record_symptoms(sid, 0, "awful", Choice.CARRY_ON)  # type: ignore[arg-type]


def test_reps_per_day_and_range_over_time(tmp_path):
    with History(tmp_path / "h.db") as h:
        record(h, DAY1)
        record(h, DAY1 + timedelta(hours=5), sets=1, reps=6)
        record(h, DAY1 + timedelta(days=2), sets=1, reps=8)
        assert h.reps_per_day() == [(date(2024, 3, 4), 26), (date(2024, 3, 6), 8)]
        points = h.range_over_time()
    assert [r for _, r in points] == [80, 70, 80, 80]
    assert points == sorted(points)


def test_csv_export_is_one_row_per_set_and_defuses_formulas(tmp_path):
    out = tmp_path / "diary.csv"
    with History(tmp_path / "h.db") as h:
        record(h, DAY1, title="=HYPERLINK(1)")
        h.start_session(exercise="x", side="left", reps_per_set=5, sets_planned=1, range_percent=50, speed=1)
        assert h.export_csv(out) == 2
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert len(rows) == 3
    assert rows[0]["programme"] == "'=HYPERLINK(1)" and rows[0]["set"] == "1" and rows[1]["symptoms"] == "worse"
    assert rows[2]["reps"] == "" and rows[2]["side"] == "left"
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_newer_schema_is_refused_and_old_one_migrated(tmp_path):
    path = tmp_path / "h.db"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}").connection.close()
    with pytest.raises(InputError, match="newer flossgui"):
        History(path)
    fresh = tmp_path / "fresh.db"
    sqlite3.connect(fresh).close()  # version 0: an empty file is migrated up
    with History(fresh) as h:
        assert h.version == SCHEMA_VERSION and h.integrity_ok()


def test_history_runs_without_qt():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'):\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import flossgui.diary.store\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
