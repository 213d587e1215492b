"""The patient's exercise diary: every session and set, kept locally in SQLite.

Each call that records something commits before it returns, so a crash or a killed app
loses nothing already recorded: a set is saved the moment it ends, its symptom answer the
moment it is given. The database runs in WAL mode with ``synchronous = FULL``.

The schema version is ``PRAGMA user_version``; :data:`MIGRATIONS` holds one SQL script per
version step, applied in order in one transaction each when an older file is opened.
Times are local ISO 8601 with their UTC offset, so days are the patient's own days.

:meth:`History.open_checked` (what the app uses) runs SQLite's ``quick_check`` first: a
damaged diary is moved aside under a time-stamped name and a new one started, from the
newest sound daily backup if there is one, and the app tells the patient once where the old
file went. Each day's first open keeps a copy (SQLite's backup API) in ``backups/``, the last
:data:`KEEP_BACKUPS` of them. The diary, its backups and its CSV exports are created
owner-only (0600). Reading never trusts the rows: a row that is not what this code wrote is
left out, never an exception.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from flossgui.core.atomic import create_private, make_private_dir, write_atomic
from flossgui.core.errors import InputError
from flossgui.diary.paths import BACKUP_DIR, default_history_path
from flossgui.model.grades import GRADE_NAMES
from flossgui.model.monitoring import Spread, check_score
from flossgui.model.symptoms import Choice, Symptoms

Outcome = Literal["finished", "stopped"]
KEEP_BACKUPS = 7
#: SQLite's words for a file that is damaged (rather than locked, missing or unreadable).
DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
#: Rows outside these bounds were not written by this app and are left out when reading.
PLAUSIBLE_YEARS = (2000, 2100)
MAX_REPS = 10_000
SIDES = ("left", "right", "both")

log = logging.getLogger(__name__)

#: Migration scripts; ``MIGRATIONS[n]`` takes a database from version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE session (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        outcome TEXT CHECK (outcome IN ('finished', 'stopped')),
        exercise TEXT NOT NULL,
        side TEXT NOT NULL,
        reps_per_set INTEGER NOT NULL,
        sets_planned INTEGER NOT NULL,
        range_percent REAL NOT NULL,
        speed REAL NOT NULL,
        programme TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE set_result (
        session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        set_index INTEGER NOT NULL,
        ended_at TEXT NOT NULL,
        side TEXT NOT NULL,
        reps INTEGER NOT NULL,
        range_percent REAL NOT NULL,
        symptoms TEXT CHECK (symptoms IN ('better', 'same', 'worse')),
        choice TEXT CHECK (choice IN ('carry_on', 'smaller', 'stop')),
        PRIMARY KEY (session_id, set_index)
    );
    CREATE INDEX session_started ON session(started_at);
    """,
    # "My symptoms increased" during a set, and what the patient chose then.
    """
    CREATE TABLE symptoms_increased (
        session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        set_index INTEGER NOT NULL,
        reps INTEGER NOT NULL,
        range_percent REAL NOT NULL,
        choice TEXT NOT NULL CHECK (choice IN ('carry_on', 'smaller', 'stop'))
    );
    """,
    # Every set says which exercise was done, and at which grade (NULL: before grades existed).
    """
    ALTER TABLE set_result ADD COLUMN exercise TEXT NOT NULL DEFAULT '';
    ALTER TABLE set_result ADD COLUMN grade TEXT;
    UPDATE set_result SET exercise = (SELECT exercise FROM session WHERE session.id = set_result.session_id);
    """,
    # Monitoring: the leg-symptom score and where the symptoms are after each set, the whole
    # prescription each session followed, and the answer to the next-day check.
    """
    ALTER TABLE set_result ADD COLUMN leg_score INTEGER CHECK (leg_score BETWEEN 0 AND 10);
    ALTER TABLE set_result ADD COLUMN spread TEXT CHECK (spread IN ('further', 'same', 'easing'));
    ALTER TABLE session ADD COLUMN prescription TEXT NOT NULL DEFAULT '';
    CREATE TABLE next_day (
        day TEXT PRIMARY KEY,
        asked_at TEXT NOT NULL,
        session_id INTEGER REFERENCES session(id) ON DELETE SET NULL,
        symptoms TEXT NOT NULL CHECK (symptoms IN ('better', 'same', 'worse')),
        spread TEXT CHECK (spread IN ('further', 'same', 'easing'))
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

CSV_COLUMNS: tuple[str, ...] = (
    "session", "started_at", "ended_at", "outcome", "exercise", "programme", "speed",
    "set", "set_ended_at", "side", "reps", "range_percent", "symptoms", "choice", "set_exercise", "grade",
    "leg_score", "spread",
)  # fmt: skip


def _stamp(when: datetime | None) -> str:
    """How a time is stored: local, with its UTC offset, to the second."""
    return (when or datetime.now()).astimezone().isoformat(timespec="seconds")


def _time(stamp: object) -> datetime:
    """A stored time; ValueError if the cell is not one this app could have written."""
    if not isinstance(stamp, str) or len(stamp) > 40:
        raise ValueError("not a time")
    when = datetime.fromisoformat(stamp)
    if not PLAUSIBLE_YEARS[0] <= when.year <= PLAUSIBLE_YEARS[1]:
        raise ValueError("implausible year")
    return when if when.tzinfo else when.astimezone()


def _text_cell(raw: bytes) -> str:
    """A text cell; bytes that are not UTF-8 (damage) are shown escaped instead of raising."""
    return raw.decode("utf-8", "backslashreplace")


def _whole(value: object, hi: int = MAX_REPS) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= hi:
        raise ValueError("not a count")
    return value


def _real(value: object, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not lo <= value <= hi:
        raise ValueError("not a number in range")
    return float(value)


def _text(value: object, choices: tuple[str, ...] | None = None, max_len: int = 500) -> str:
    if not isinstance(value, str) or len(value) > max_len or (choices is not None and value not in choices):
        raise ValueError("not text")
    return value


def _optional(value: object, read: Callable[[object], object]) -> object:
    return None if value is None else read(value)


def _set_result(row: tuple) -> SetResult:
    index, ended, side, reps, rng, symptoms, choice, exercise, grade, score, spread = row
    return SetResult(
        _whole(index, 1000), _time(ended), _text(side, SIDES), _whole(reps), _real(rng, 0, 100),
        Symptoms(symptoms) if symptoms is not None else None, Choice(choice) if choice is not None else None,
        _text(exercise, max_len=100), _optional(grade, lambda v: _text(v, GRADE_NAMES)),  # type: ignore[arg-type]
        _optional(score, lambda v: _whole(v, 10)), Spread(spread) if spread is not None else None,  # type: ignore[arg-type]
    )  # fmt: skip


def _session_record(row: tuple, sets: tuple[SetResult, ...]) -> SessionRecord:
    sid, started, ended, outcome, exercise, side, reps_per_set, sets_planned, rng, speed, programme, kept = row
    return SessionRecord(
        _whole(sid, 2**62), _time(started), _time(ended) if ended is not None else None,
        _text(outcome, ("finished", "stopped")) if outcome is not None else None,  # type: ignore[arg-type]
        _text(exercise, max_len=100), _text(side, SIDES), _whole(reps_per_set), _whole(sets_planned, 1000),
        _real(rng, 0, 100), _real(speed, 0.01, 100), _text(programme), _text(kept, max_len=100_000), sets,
    )  # fmt: skip


def _cell(value: object) -> object:
    """A CSV cell; text that a spreadsheet would run as a formula is quoted with a leading '."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@dataclass(frozen=True, slots=True)
class SetResult:
    """One set as recorded."""

    index: int
    ended_at: datetime
    side: str
    reps: int
    range_percent: float
    symptoms: Symptoms | None
    choice: Choice | None
    exercise: str = ""
    grade: str | None = None  # a step of the ladder (flossgui.model.grades)
    leg_score: int | None = None  # 0–10 after the set
    spread: Spread | None = None  # where the leg symptoms went


@dataclass(frozen=True, slots=True)
class NextDay:
    """The answer to "How was your leg after yesterday's session?"."""

    day: date
    symptoms: Symptoms
    spread: Spread | None
    session_id: int | None


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One session with its sets."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    outcome: Outcome | None  # None: it never ended (the app was closed or killed mid-session)
    exercise: str
    side: str
    reps_per_set: int
    sets_planned: int
    range_percent: float
    speed: float
    programme: str
    prescription: str  # the whole programme file the session followed ("" before it was kept)
    sets: tuple[SetResult, ...]

    @property
    def reps_done(self) -> int:
        return sum(s.reps for s in self.sets)


class History:
    """The diary in one SQLite file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        #: Where a damaged diary was moved when this one was opened (tell the patient), else None.
        self.damaged_copy: Path | None = None
        #: The day of the backup this diary was started from after damage, else None.
        self.restored_from: date | None = None
        make_private_dir(self.path.parent)
        create_private(self.path)  # owner-only from the start; SQLite gives its -wal and -shm files the same mode
        # Autocommit: every write below is one explicit transaction.
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=5.0)
        self._db.text_factory = _text_cell  # damaged text reads as text, never as an exception
        try:
            self._refuse_newer()  # before anything is written, even the journal mode
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def open_default(cls) -> History:
        """The diary at :func:`default_history_path`, checked (see :meth:`open_checked`)."""
        return cls.open_checked(default_history_path())

    @classmethod
    def open_checked(cls, path: str | Path, now: datetime | None = None) -> History:
        """Open the diary at ``path`` after SQLite's ``quick_check``, then keep today's backup.

        A damaged diary is moved aside (``history.damaged-YYYYMMDD-HHMMSS.sqlite3``, with its
        -wal and -shm files) and a new one started from the newest sound backup, if any; the
        result's :attr:`damaged_copy` and :attr:`restored_from` say so. A diary that cannot be
        opened for another reason (permissions, a newer version, locked) raises as before and
        is left as it is.
        """
        now = now or datetime.now()
        path = Path(path)
        history = None
        try:
            history = cls(path)
            problem = history.quick_check()
        except sqlite3.DatabaseError as exc:
            if history is not None:
                history.close()
            if getattr(exc, "sqlite_errorname", "") not in DAMAGED:
                raise
            problem = str(exc)
        else:
            if not problem:
                history.keep_daily_backup(now.date())
                return history
            history.close()
        log.warning("the diary %s is damaged (%s); moving it aside", path, problem)
        moved = _move_aside(path, now)
        backup = _newest_sound_backup(path.parent / BACKUP_DIR)
        if backup is not None:
            _restore(backup, path)
        history = cls(path)
        history.damaged_copy = moved
        history.restored_from = date.fromisoformat(backup.stem.removeprefix("history-")) if backup else None
        history.keep_daily_backup(now.date())
        return history

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # -- schema -----------------------------------------------------------------------
    @property
    def version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _refuse_newer(self) -> None:
        version = self.version
        if version > SCHEMA_VERSION:
            raise InputError(
                str(self.path), "user_version", f"is {version}, written by a newer flossgui",
                f"version {SCHEMA_VERSION} or older; update flossgui",
            )  # fmt: skip

    def _migrate(self) -> None:
        for step in range(self.version, SCHEMA_VERSION):
            # executescript runs outside Python's transaction handling: BEGIN/COMMIT are explicit.
            try:
                self._db.executescript(
                    f"BEGIN IMMEDIATE; {MIGRATIONS[step]}; PRAGMA user_version = {step + 1}; COMMIT;"
                )
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def integrity_ok(self) -> bool:
        """True when SQLite's own check finds the file sound."""
        return self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def quick_check(self) -> str:
        """SQLite's check: "" if the file is sound, else the start of its first complaint, on one line.

        The full ``integrity_check``, not ``quick_check``: the quick one does not read index pages,
        and a garbled index makes the first ordered read fail later. A diary is small (a year of
        sessions checks in milliseconds)."""
        result = self._db.execute("PRAGMA integrity_check(1)").fetchone()[0]
        return "" if result == "ok" else " ".join(str(result).split())[:200]  # its report can run to pages

    def keep_daily_backup(self, today: date) -> Path | None:
        """Copy the diary to ``backups/history-YYYY-MM-DD.sqlite3`` unless today's copy exists;
        keep the newest :data:`KEEP_BACKUPS`. A backup that cannot be made is logged, not raised."""
        folder = self.path.parent / BACKUP_DIR
        target = folder / f"history-{today.isoformat()}.sqlite3"
        if target.exists():
            return None
        try:
            make_private_dir(folder)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)  # made 0600
            os.close(fd)
            try:
                with sqlite3.connect(tmp) as copy:
                    self._db.backup(copy)
                copy.close()
                os.replace(tmp, target)
            finally:
                Path(tmp).unlink(missing_ok=True)
            for old in sorted(folder.glob("history-*.sqlite3"))[:-KEEP_BACKUPS]:
                old.unlink()
        except (OSError, sqlite3.Error) as exc:
            log.warning("the diary's daily backup %s could not be made: %s", target, exc)
            return None
        return target

    # -- recording --------------------------------------------------------------------
    def start_session(
        self,
        *,
        exercise: str,
        side: str,
        reps_per_set: int,
        sets_planned: int,
        range_percent: float,
        speed: float,
        programme: str = "",
        prescription: str = "",
        started: datetime | None = None,
    ) -> int:
        """Record that a session began; returns its id."""
        cur = self._db.execute(
            "INSERT INTO session (started_at, exercise, side, reps_per_set, sets_planned, range_percent, speed,"
            " programme, prescription) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _stamp(started),
                exercise,
                side,
                reps_per_set,
                sets_planned,
                range_percent,
                speed,
                programme,
                prescription,
            ),
        )
        return int(cur.lastrowid)

    def record_set(
        self,
        session_id: int,
        set_index: int,
        *,
        reps: int,
        side: str,
        range_percent: float,
        exercise: str = "",
        grade: str | None = None,
        ended: datetime | None = None,
    ) -> None:
        """Record a set the moment it ends (or is cut short); recording the same set again replaces it."""
        self._db.execute(
            "INSERT OR REPLACE INTO set_result (session_id, set_index, ended_at, side, reps, range_percent, exercise,"
            " grade) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, set_index, _stamp(ended), side, reps, range_percent, exercise, grade),
        )

    def record_symptoms(self, session_id: int, set_index: int, symptoms: Symptoms, choice: Choice) -> None:
        """Record the answer to the check after set ``set_index``; KeyError if that set is not recorded."""
        cur = self._db.execute(
            "UPDATE set_result SET symptoms = ?, choice = ? WHERE session_id = ? AND set_index = ?",
            (Symptoms(symptoms).value, Choice(choice).value, session_id, set_index),
        )
        if cur.rowcount != 1:
            raise KeyError(f"no set {set_index} in session {session_id}")

    def record_symptoms_increased(
        self,
        session_id: int,
        set_index: int,
        *,
        reps: int,
        range_percent: float,
        choice: Choice,
        at: datetime | None = None,
    ) -> None:
        """Record "my symptoms increased" during set ``set_index`` (after ``reps`` reps) and the choice made."""
        self._db.execute(
            "INSERT INTO symptoms_increased (session_id, at, set_index, reps, range_percent, choice)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, _stamp(at), set_index, reps, range_percent, Choice(choice).value),
        )

    def symptoms_increased(self, session_id: int) -> list[tuple[int, int, float, Choice]]:
        """The times symptoms increased in a session: (set index, reps into it, range, choice), oldest first."""
        rows = self._db.execute(
            "SELECT set_index, reps, range_percent, choice FROM symptoms_increased WHERE session_id = ?"
            " ORDER BY at, rowid",
            (session_id,),
        )
        return [(index, reps, rng, Choice(choice)) for index, reps, rng, choice in rows]

    def end_session(self, session_id: int, outcome: Outcome = "finished", ended: datetime | None = None) -> None:
        """Record that a session ended: ``finished`` or ``stopped``."""
        self._db.execute(
            "UPDATE session SET ended_at = ?, outcome = ? WHERE id = ?", (_stamp(ended), outcome, session_id)
        )

    # -- monitoring -------------------------------------------------------------------
    def record_leg(self, session_id: int, set_index: int, score: int, spread: Spread) -> None:
        """The leg-symptom score (0–10) and where the symptoms are after set ``set_index``; KeyError if not recorded."""
        cur = self._db.execute(
            "UPDATE set_result SET leg_score = ?, spread = ? WHERE session_id = ? AND set_index = ?",
            (check_score(score), Spread(spread).value, session_id, set_index),
        )
        if cur.rowcount != 1:
            raise KeyError(f"no set {set_index} in session {session_id}")

    def record_next_day(self, symptoms: Symptoms, spread: Spread | None, *, session_id: int | None = None,
                        asked: datetime | None = None) -> None:  # fmt: skip
        """The next-day check, once a day (answering again the same day replaces it)."""
        stamp = _stamp(asked)
        self._db.execute(
            "INSERT OR REPLACE INTO next_day (day, asked_at, session_id, symptoms, spread) VALUES (?, ?, ?, ?, ?)",
            (stamp[:10], stamp, session_id, Symptoms(symptoms).value, Spread(spread).value if spread else None),
        )

    def next_days(self) -> list[NextDay]:
        """Every next-day answer, oldest first."""
        rows = self._db.execute("SELECT day, symptoms, spread, session_id FROM next_day ORDER BY day")
        return [
            NextDay(date.fromisoformat(day), Symptoms(sym), Spread(spread) if spread else None, sid)
            for day, sym, spread, sid in rows
        ]

    def last_session(self, before: date) -> tuple[int, date] | None:
        """The newest session that started before ``before`` (its id and day), or None."""
        row = self._db.execute(
            "SELECT id, substr(started_at, 1, 10) FROM session WHERE substr(started_at, 1, 10) < ?"
            " ORDER BY started_at DESC, id DESC LIMIT 1",
            (before.isoformat(),),
        ).fetchone()
        return (row[0], date.fromisoformat(row[1])) if row else None

    def answered_next_day(self, day: date) -> bool:
        """Whether the next-day check was answered on ``day``."""
        return self._db.execute("SELECT 1 FROM next_day WHERE day = ?", (day.isoformat(),)).fetchone() is not None

    # -- reading ----------------------------------------------------------------------
    def sessions(self, limit: int | None = None) -> list[SessionRecord]:
        """Sessions, newest first, with their sets; rows this app could not have written are left out."""
        columns = ", ".join(f.name for f in fields(SessionRecord)[:-1])  # the table's columns, in field order
        rows = self._db.execute(
            f"SELECT {columns} FROM session ORDER BY started_at DESC, id DESC LIMIT ?",
            (-1 if limit is None else limit,),
        ).fetchall()
        sets: dict[object, list[SetResult]] = {row[0]: [] for row in rows}
        marks = ",".join("?" * len(sets))
        skipped = 0
        for sid, *cells in self._db.execute(
            "SELECT session_id, set_index, ended_at, side, reps, range_percent, symptoms, choice, exercise, grade,"
            f" leg_score, spread FROM set_result WHERE session_id IN ({marks}) ORDER BY set_index",
            tuple(sets),
        ):
            try:
                sets[sid].append(_set_result(tuple(cells)))
            except (ValueError, TypeError, OverflowError):
                skipped += 1
        records = []
        for row in rows:
            try:
                records.append(_session_record(row, tuple(sets[row[0]])))
            except (ValueError, TypeError, OverflowError):
                skipped += 1
        if skipped:
            log.warning("the diary %s has %d rows this app did not write; they are left out", self.path, skipped)
        return records

    def reps_per_day(self) -> list[tuple[date, int]]:
        """Reps done on each day that has any, oldest first (the day the session started)."""
        rows = self._db.execute(
            "SELECT substr(s.started_at, 1, 10) AS day, SUM(r.reps) FROM set_result r"
            " JOIN session s ON s.id = r.session_id"
            f" WHERE typeof(r.reps) = 'integer' AND r.reps BETWEEN 0 AND {MAX_REPS} AND typeof(s.started_at) = 'text'"
            " GROUP BY day ORDER BY day"
        )
        days = []
        for day, reps in rows:
            try:
                when = date.fromisoformat(day)
            except (ValueError, TypeError):
                continue
            if PLAUSIBLE_YEARS[0] <= when.year <= PLAUSIBLE_YEARS[1]:
                days.append((when, int(reps)))
        return days

    def range_over_time(self) -> list[tuple[datetime, float]]:
        """The range of movement of every set, oldest first."""
        rows = self._db.execute("SELECT ended_at, range_percent FROM set_result ORDER BY ended_at, session_id")
        points = []
        for stamp, rng in rows:
            try:
                points.append((_time(stamp), _real(rng, 0, 100)))
            except (ValueError, TypeError, OverflowError):
                continue
        return points

    def csv_text(self) -> str:
        """The whole diary as CSV, one row per set (a session without sets gets one row)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        rows = self._db.execute(
            "SELECT s.id, s.started_at, s.ended_at, s.outcome, s.exercise, s.programme, s.speed, r.set_index + 1,"
            " r.ended_at, COALESCE(r.side, s.side), r.reps, COALESCE(r.range_percent, s.range_percent), r.symptoms,"
            " r.choice, r.exercise, r.grade, r.leg_score, r.spread FROM session s"
            " LEFT JOIN set_result r ON r.session_id = s.id ORDER BY s.started_at, s.id, r.set_index"
        )
        writer.writerows([_cell(v) for v in row] for row in rows)
        return out.getvalue()

    def export_csv(self, path: str | Path) -> int:
        """Write :meth:`csv_text` to ``path`` atomically and owner-only; returns the number of sessions.
        OSError on failure."""
        write_atomic(path, self.csv_text(), private=True)
        return self._db.execute("SELECT COUNT(*) FROM session").fetchone()[0]


def _move_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged diary (and its -wal and -shm files) to a time-stamped name beside it."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix}")
    for suffix in ("-wal", "-shm", ""):  # the main file last: a crash in between leaves it to be found again
        part = path.with_name(path.name + suffix)
        if part.exists():
            os.replace(part, target.with_name(target.name + suffix))
    return target


def _newest_sound_backup(folder: Path) -> Path | None:
    """The newest daily backup that passes SQLite's quick check."""
    for backup in sorted(folder.glob("history-*.sqlite3"), reverse=True):
        try:
            date.fromisoformat(backup.stem.removeprefix("history-"))
            with _read_only(backup) as db:
                if db.execute("PRAGMA quick_check").fetchone()[0] == "ok":
                    return backup
        except (ValueError, sqlite3.Error):
            continue
    return None


def _read_only(path: Path) -> closing[sqlite3.Connection]:
    """A read-only connection to ``path``, closed at the end of a ``with`` block."""
    return closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True))


def _restore(backup: Path, path: Path) -> None:
    """Start the diary at ``path`` (absent) as a copy of ``backup``, owner-only."""
    create_private(path)
    with _read_only(backup) as source:
        target = sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            target.close()
