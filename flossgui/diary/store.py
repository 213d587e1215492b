"""The patient's exercise diary: every session and set, kept locally in SQLite.

Each call that records something commits before it returns, so a crash or a killed app
loses nothing already recorded: a set is saved the moment it ends, its symptom answer the
moment it is given. The database runs in WAL mode with ``synchronous = FULL``.

The schema version is ``PRAGMA user_version``; :data:`MIGRATIONS` holds one SQL script per
version step, applied in order in one transaction each when an older file is opened.
Times are local ISO 8601 with their UTC offset, so days are the patient's own days.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from flossgui.core.atomic import write_atomic
from flossgui.core.errors import InputError
from flossgui.model.symptoms import Choice, Symptoms

Outcome = Literal["finished", "stopped"]
DATA_DIR_ENV = "FLOSSGUI_DATA_DIR"
FILE_NAME = "history.sqlite3"

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
)
SCHEMA_VERSION = len(MIGRATIONS)

CSV_COLUMNS: tuple[str, ...] = (
    "session", "started_at", "ended_at", "outcome", "exercise", "programme", "speed",
    "set", "set_ended_at", "side", "reps", "range_percent", "symptoms", "choice",
)  # fmt: skip


def default_data_dir() -> Path:
    """``$FLOSSGUI_DATA_DIR`` if set, else ``$XDG_DATA_HOME/flossgui``, else ``~/.local/share/flossgui``."""
    if override := os.environ.get(DATA_DIR_ENV):
        return Path(override)
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"  # the spec ignores relative paths
    return base / "flossgui"


def default_history_path() -> Path:
    """Where the diary lives unless told otherwise."""
    return default_data_dir() / FILE_NAME


def _stamp(when: datetime | None) -> str:
    """How a time is stored: local, with its UTC offset, to the second."""
    return (when or datetime.now()).astimezone().isoformat(timespec="seconds")


def _time(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


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
    sets: tuple[SetResult, ...]

    @property
    def reps_done(self) -> int:
        return sum(s.reps for s in self.sets)


class History:
    """The diary in one SQLite file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit: every write below is one explicit transaction.
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=5.0)
        try:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def open_default(cls) -> History:
        """The diary at :func:`default_history_path`."""
        return cls(default_history_path())

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

    def _migrate(self) -> None:
        version = self.version
        if version > SCHEMA_VERSION:
            raise InputError(
                str(self.path), "user_version", f"is {version}, written by a newer flossgui",
                f"version {SCHEMA_VERSION} or older; update flossgui",
            )  # fmt: skip
        for step in range(version, SCHEMA_VERSION):
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
        started: datetime | None = None,
    ) -> int:
        """Record that a session began; returns its id."""
        cur = self._db.execute(
            "INSERT INTO session (started_at, exercise, side, reps_per_set, sets_planned, range_percent, speed,"
            " programme) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (_stamp(started), exercise, side, reps_per_set, sets_planned, range_percent, speed, programme),
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
        ended: datetime | None = None,
    ) -> None:
        """Record a set the moment it ends (or is cut short); recording the same set again replaces it."""
        self._db.execute(
            "INSERT OR REPLACE INTO set_result (session_id, set_index, ended_at, side, reps, range_percent)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, set_index, _stamp(ended), side, reps, range_percent),
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

    # -- reading ----------------------------------------------------------------------
    def sessions(self, limit: int | None = None) -> list[SessionRecord]:
        """Sessions, newest first, with their sets."""
        columns = ", ".join(f.name for f in fields(SessionRecord)[:-1])  # the table's columns, in field order
        rows = self._db.execute(
            f"SELECT {columns} FROM session ORDER BY started_at DESC, id DESC LIMIT ?",
            (-1 if limit is None else limit,),
        ).fetchall()
        sets: dict[int, list[SetResult]] = {row[0]: [] for row in rows}
        marks = ",".join("?" * len(sets))
        for sid, index, ended, side, reps, rng, symptoms, choice in self._db.execute(
            "SELECT session_id, set_index, ended_at, side, reps, range_percent, symptoms, choice"
            f" FROM set_result WHERE session_id IN ({marks}) ORDER BY set_index",
            tuple(sets),
        ):
            answer = Symptoms(symptoms) if symptoms else None
            sets[sid].append(
                SetResult(index, _time(ended), side, reps, rng, answer, Choice(choice) if choice else None)
            )
        return [
            SessionRecord(sid, _time(started), _time(ended) if ended else None, *rest, tuple(sets[sid]))
            for sid, started, ended, *rest in rows
        ]

    def reps_per_day(self) -> list[tuple[date, int]]:
        """Reps done on each day that has any, oldest first (the day the session started)."""
        rows = self._db.execute(
            "SELECT substr(s.started_at, 1, 10) AS day, SUM(r.reps) FROM set_result r"
            " JOIN session s ON s.id = r.session_id GROUP BY day ORDER BY day"
        )
        return [(date.fromisoformat(day), int(reps)) for day, reps in rows]

    def range_over_time(self) -> list[tuple[datetime, float]]:
        """The range of movement of every set, oldest first."""
        rows = self._db.execute("SELECT ended_at, range_percent FROM set_result ORDER BY ended_at, session_id")
        return [(_time(t), rng) for t, rng in rows]

    def csv_text(self) -> str:
        """The whole diary as CSV, one row per set (a session without sets gets one row)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        rows = self._db.execute(
            "SELECT s.id, s.started_at, s.ended_at, s.outcome, s.exercise, s.programme, s.speed, r.set_index + 1,"
            " r.ended_at, COALESCE(r.side, s.side), r.reps, COALESCE(r.range_percent, s.range_percent), r.symptoms,"
            " r.choice FROM session s LEFT JOIN set_result r ON r.session_id = s.id ORDER BY s.started_at, s.id,"
            " r.set_index"
        )
        writer.writerows([_cell(v) for v in row] for row in rows)
        return out.getvalue()

    def export_csv(self, path: str | Path) -> int:
        """Write :meth:`csv_text` to ``path`` atomically; returns the number of sessions. OSError on failure."""
        write_atomic(path, self.csv_text())
        return self._db.execute("SELECT COUNT(*) FROM session").fetchone()[0]
