"""The movement as a table: one row per frame, for clinicians, researchers and tests."""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from flossgui.core.errors import InputError
from flossgui.model.motion import Frame, Movement
from flossgui.model.nerve import SITES
from flossgui.model.playback import cycles_at


@dataclass(frozen=True, slots=True)
class Column:
    """One timeline column: its name and how to read it from (time, frame)."""

    name: str
    value: Callable[[float, Frame], Any]


def _deg(name: str) -> Column:
    return Column(f"{name}_deg", lambda t, f: round(getattr(f.pose, name), 3))


#: Columns in file order; later columns are appended, never reordered.
COLUMNS: list[Column] = [
    Column("t_s", lambda t, f: round(t, 6)),
    Column("rep", lambda t, f: f.rep),
    Column("phase", lambda t, f: f.phase.id),
    *(_deg(j) for j in ("neck", "trunk", "hip", "knee", "ankle")),
    # The string (flossgui.model.nerve): bed length, the display tension index (0 slack, 1 = the whole
    # string 10 % beyond its rest length), glide past the lower thigh 5 cm above the knee.
    Column("string_length_mm", lambda t, f: round(10.0 * f.string.length_cm, 2)),
    Column("string_tension", lambda t, f: round(f.string.tension, 4)),
    Column("string_slide_mm", lambda t, f: round(f.string.slide_mm, 3)),
    # Glide at the measured sites since the start of the rep (+ towards the toes) and the most strained bit.
    *(Column(f"slide_{site}_mm", lambda t, f, s=site: round(f.string.slides_mm[s], 3)) for site in SITES[:3]),
    Column("strain_peak_pct", lambda t, f: round(100.0 * f.string.strain_peak, 3)),
]

FPS_RANGE: tuple[int, int] = (1, 240)
REPS_RANGE: tuple[int, int] = (1, 1000)
MAX_ROWS = 1_000_000  # about a minute's work and 70 MB of CSV


def row_count(movement: Movement, speed: float, reps: int, fps: float) -> int:
    """Rows :func:`timeline` yields for these options."""
    end_s = reps * movement.exercise.period_s / speed
    return math.ceil(end_s * fps - 1e-9 * fps) + 1


def check_size(movement: Movement, speed: float, reps: int, fps: float) -> None:
    """InputError, before any work, if the table would have more than :data:`MAX_ROWS` rows."""
    rows = row_count(movement, speed, reps, fps)
    if rows > MAX_ROWS:
        problem = f"--reps {reps} at --speed {speed:g} and --fps {fps:g} make {rows:,} rows"
        allowed = f"at most {MAX_ROWS:,} rows: fewer --reps, a lower --fps or a higher --speed"
        raise InputError("timeline", "", problem, allowed)


def timeline(movement: Movement, speed: float, reps: int, fps: float) -> Iterator[list[Any]]:
    """Rows from t = 0 through the end of the last rep, one per frame at ``fps``."""
    period = movement.exercise.period_s
    end_s = reps * period / speed
    i = 0
    while (t := i / fps) < end_s - 1e-9:
        yield _row(movement, t, cycles_at(t, speed, period))
        i += 1
    yield _row(movement, end_s, float(reps))  # the exact end: the start pose again


def _row(movement: Movement, t: float, cycles: float) -> list[Any]:
    frame = movement.frame(cycles)
    return [c.value(t, frame) for c in COLUMNS]


def write_csv(rows: Iterator[list[Any]], out: IO[str]) -> None:
    """CSV with a header row, each row written as it is computed."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(c.name for c in COLUMNS)
    for row in rows:
        writer.writerow(row)


def write_json(rows: Iterator[list[Any]], out: IO[str], meta: dict[str, Any]) -> None:
    """JSON: ``{"meta": {...}, "columns": [...], "rows": [[...], ...]}``, each row written as it
    is computed (one row per line), so memory stays constant however long the table."""
    head = json.dumps({"meta": meta, "columns": [c.name for c in COLUMNS]})
    out.write(head[:-1] + ', "rows": [')
    separator = "\n"
    for row in rows:
        out.write(separator + json.dumps(row))
        separator = ",\n"
    out.write("\n]}\n")
