"""Figures, their targets, and the printed table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

FRAME_BUDGET_MS = 1000 / 60  # one frame of a 60 Hz screen


@dataclass(frozen=True, slots=True)
class Figure:
    """One row of the table; ``ok`` is None for a figure without a target."""

    name: str
    value: str
    target: str = ""
    ok: bool | None = None


def mark(ok: bool | None) -> str:
    return "" if ok is None else "ok" if ok else "MISS"


def format_table(figures: Iterable[Figure]) -> str:
    """An aligned plain-text table: figure, value, target, ok/MISS."""
    rows = [("figure", "value", "target", "")] + [(f.name, f.value, f.target or "—", mark(f.ok)) for f in figures]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, [*widths, 0], strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in [*widths, 4]))
    return "\n".join(lines)
