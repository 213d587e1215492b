"""Issue 13, part 4: a diary that survives damage. quick_check on open, a damaged diary moved
aside under a time-stamped name and a new one started (from the newest sound daily backup),
seven daily backups, owner-only files created so (never chmod-ed after), and reading that
never raises whatever the rows hold."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flossgui.core.errors import InputError
from flossgui.diary.paths import BACKUP_DIR
from flossgui.diary.report import build_report
from flossgui.diary.store import KEEP_BACKUPS, History

NOW = datetime(2026, 3, 2, 9, 30)
PAGE = 4096


def record(h: History, start: datetime, reps: int = 10) -> int:
    sid = h.start_session(exercise="lumbar-nerve-floss", side="right", reps_per_set=reps, sets_planned=1,
                          range_percent=80, speed=1.0, started=start)  # fmt: skip
    h.record_set(sid, 0, reps=reps, side="right", range_percent=80, ended=start + timedelta(minutes=1))
    h.end_session(sid, "finished", ended=start + timedelta(minutes=2))
    return sid


def damage_pages(path) -> bytes:
    """Overwrite every page after the first (the tables' b-trees) with a pattern; return the bytes."""
    data = bytearray(path.read_bytes())
    assert len(data) > PAGE
    data[PAGE:] = bytes([0xA5]) * (len(data) - PAGE)
    path.write_bytes(bytes(data))
    return bytes(data)


def diary_with_sessions(tmp_path, days: int = 1):
    path = tmp_path / "history.sqlite3"
    with History(path) as h:
        for day in range(days):
            record(h, (NOW + timedelta(days=day)).astimezone())
    return path


def test_a_diary_with_damaged_pages_is_moved_aside_and_a_new_one_started(tmp_path):
    path = diary_with_sessions(tmp_path)
    damaged = damage_pages(path)
    with History.open_checked(path, NOW) as h:
        assert h.damaged_copy == tmp_path / "history.damaged-20260302-093000.sqlite3"
        assert h.damaged_copy.read_bytes() == damaged  # kept exactly as it was
        assert h.restored_from is None and h.sessions() == [] and h.integrity_ok()
        record(h, NOW.astimezone())  # and it records again
    with History.open_checked(path, NOW + timedelta(hours=1)) as h:
        assert h.damaged_copy is None and len(h.sessions()) == 1  # told once: the next start is quiet


@pytest.mark.parametrize("content", [b"not a database at all " * 100, b"SQLite format 3\0" + b"\xff" * 5000])
def test_a_file_that_is_not_a_diary_is_moved_aside(tmp_path, content):
    path = tmp_path / "history.sqlite3"
    path.write_bytes(content)
    with History.open_checked(path, NOW) as h:
        assert h.damaged_copy is not None and h.damaged_copy.read_bytes() == content
        assert h.integrity_ok()


def test_a_truncated_diary_is_moved_aside(tmp_path):
    path = diary_with_sessions(tmp_path, days=40)
    with path.open("r+b") as f:
        f.truncate(PAGE + 100)
    with History.open_checked(path, NOW) as h:
        assert h.damaged_copy is not None and h.integrity_ok()


def test_a_damaged_diary_restarts_from_the_newest_sound_backup(tmp_path):
    path = tmp_path / "history.sqlite3"
    with History.open_checked(path, NOW) as h:
        record(h, NOW.astimezone())
    with History.open_checked(path, NOW + timedelta(days=1)) as h:  # the day-2 backup holds one session
        record(h, (NOW + timedelta(days=1)).astimezone())
    damage_pages(path)
    with History.open_checked(path, NOW + timedelta(days=2)) as h:
        assert h.restored_from == date(2026, 3, 3) and h.damaged_copy is not None
        assert len(h.sessions()) == 1 and h.integrity_ok()


def test_a_damaged_backup_is_passed_over(tmp_path):
    path = tmp_path / "history.sqlite3"
    with History.open_checked(path, NOW) as h:
        record(h, NOW.astimezone())
    with History.open_checked(path, NOW + timedelta(days=1)) as h:
        record(h, (NOW + timedelta(days=1)).astimezone())
    damage_pages(tmp_path / BACKUP_DIR / "history-2026-03-03.sqlite3")
    damage_pages(path)
    with History.open_checked(path, NOW + timedelta(days=2)) as h:
        assert h.restored_from == date(2026, 3, 2) and h.sessions() == []  # that backup was made before the session


def test_seven_daily_backups_are_kept(tmp_path):
    path = tmp_path / "history.sqlite3"
    for day in range(10):
        with History.open_checked(path, NOW + timedelta(days=day)) as h:
            record(h, (NOW + timedelta(days=day)).astimezone())
        with History.open_checked(path, NOW + timedelta(days=day, hours=3)):
            pass  # a second start the same day makes no second copy
    backups = sorted(p.name for p in (tmp_path / BACKUP_DIR).iterdir())
    assert backups == [f"history-{(NOW + timedelta(days=d)).date().isoformat()}.sqlite3" for d in range(3, 10)]
    assert len(backups) == KEEP_BACKUPS
    with sqlite3.connect(tmp_path / BACKUP_DIR / backups[-1]) as db:  # the day's copy, made at its first open
        assert db.execute("SELECT COUNT(*) FROM session").fetchone()[0] == 9


def test_a_diary_from_a_newer_flossgui_is_left_as_it_is(tmp_path):
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    with pytest.raises(InputError, match="newer flossgui"):
        History.open_checked(path, NOW)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite3"]


def test_health_data_files_are_created_owner_only_not_chmod_after(tmp_path, monkeypatch):
    """With umask 0 every file would be world-readable unless its mode is given at creation;
    chmod is forbidden, so the mode cannot have been fixed afterwards."""

    def no_chmod(*args, **kwargs):
        raise AssertionError("chmod after creation")

    old_umask = os.umask(0)
    try:
        monkeypatch.setattr(os, "chmod", no_chmod)
        monkeypatch.setattr(os, "fchmod", no_chmod)
        folder = tmp_path / "data"
        path = folder / "history.sqlite3"
        with History.open_checked(path, NOW) as h:
            record(h, NOW.astimezone())
            h.export_csv(tmp_path / "export.csv")
            files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                     folder / BACKUP_DIR / "history-2026-03-02.sqlite3", tmp_path / "export.csv"]  # fmt: skip
            for file in files:
                assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
            for made in (folder, folder / BACKUP_DIR):
                assert stat.S_IMODE(made.stat().st_mode) == 0o700, made
    finally:
        os.umask(old_umask)


# -- whatever the rows hold ------------------------------------------------------------
class Garbled(bytes):
    """Stored as TEXT that need not be UTF-8, as damage leaves it."""


def _values(row: tuple) -> tuple[str, list]:
    marks = ", ".join("CAST(? AS TEXT)" if isinstance(v, Garbled) else "?" for v in row)
    return marks, [bytes(v) if isinstance(v, Garbled) else v for v in row]


cells = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.binary(max_size=10),
    st.binary(min_size=1, max_size=8).map(lambda raw: Garbled(b"2026-03-02T" + raw)),
    st.sampled_from(["2026-03-02T09:30:00+01:00", "0001-01-01", "9999-12-31T23:59:59", "right", "both",
                     "finished", "better", "worse", "smaller", "stop", "=1+1", "2026-13-45"]),
)  # fmt: skip
session_rows = st.lists(st.tuples(*[cells] * 12), max_size=4)  # a cell for every column of the table
set_rows = st.lists(st.tuples(st.integers(0, 5), *[cells] * 11), max_size=6)


def fill(path, sessions, sets) -> History:
    h = History(path)
    db = h._db
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("DELETE FROM set_result")
    db.execute("DELETE FROM session")
    for i, row in enumerate(sessions):
        marks, values = _values((i, *row[1:]))
        db.execute(f"INSERT OR IGNORE INTO session VALUES ({marks})", values)
    for row in sets:
        marks, values = _values(row)
        db.execute(f"INSERT OR IGNORE INTO set_result VALUES ({marks})", values)
    return h


def check_reading_never_raises(path, sessions, sets, view_class=None) -> None:
    with fill(path, sessions, sets) as h:
        records = h.sessions()
        assert len(records) <= len(sessions)
        h.reps_per_day()
        h.range_over_time()
        assert h.csv_text().startswith("session,")
        build_report(h, today=date(2026, 3, 2))  # the clinician's report reads the same rows
        if view_class is not None:
            view = view_class(h)
            view.refresh(today=date(2026, 3, 2))
            assert view.table.rowCount() == len(records)
            view.deleteLater()


FEW = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
MANY = settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))


@FEW
@given(sessions=session_rows, sets=set_rows)
def test_reading_the_diary_never_raises_whatever_the_rows_hold(tmp_path_factory, sessions, sets):
    check_reading_never_raises(tmp_path_factory.mktemp("diary") / "h.sqlite3", sessions, sets)


@pytest.mark.slow
@MANY
@given(sessions=session_rows, sets=set_rows)
def test_reading_the_diary_never_raises_many(tmp_path_factory, sessions, sets):
    check_reading_never_raises(tmp_path_factory.mktemp("diary") / "h.sqlite3", sessions, sets)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(sessions=session_rows, sets=set_rows)
def test_the_history_view_never_raises_whatever_the_rows_hold(qapp, tmp_path_factory, sessions, sets):
    from flossgui.ui.session.history_view import HistoryView

    check_reading_never_raises(tmp_path_factory.mktemp("diary") / "h.sqlite3", sessions, sets, HistoryView)


def test_the_history_view_says_when_the_diary_cannot_be_read(qapp, tmp_path):
    from flossgui.ui.session.history_view import HistoryView

    with History(tmp_path / "h.sqlite3") as h:
        record(h, NOW.astimezone())
        view = HistoryView(h)
        assert view.table.rowCount() == 1
        h._db.execute("DROP TABLE set_result")  # as if the file had failed under it
        view.refresh()
        assert view.table.rowCount() == 0 and "could not be read" in view.status.text()
        view.deleteLater()


@pytest.mark.parametrize("seed", range(12))
def test_a_few_garbled_bytes_anywhere_never_stop_the_diary(tmp_path, seed):
    """Damage quick_check finds moves the diary aside; damage it cannot see (a byte in unused
    space) leaves a diary that still reads and records. Either way: no exception."""
    rng = random.Random(seed)
    path = diary_with_sessions(tmp_path, days=60)
    data = bytearray(path.read_bytes())
    at = rng.randrange(PAGE, len(data) - 8)
    data[at : at + 8] = rng.randbytes(8)
    path.write_bytes(bytes(data))
    with History.open_checked(path, NOW) as h:
        if h.damaged_copy is not None:
            assert h.integrity_ok()
        h.sessions()
        h.reps_per_day()
        h.csv_text()
        record(h, NOW.astimezone())
