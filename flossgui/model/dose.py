"""A prescription in words a patient understands: text ids and their fields, for the handout and report.

Pure: it picks which sentence applies and with what numbers; the caller translates the ids
(``tr(key, **fields)``), so the words stay in :mod:`flossgui.text`.
"""

from __future__ import annotations

from collections.abc import Callable

from flossgui.model.programme import Programme
from flossgui.text import TEXT

Words = tuple[str, dict[str, object]]

#: Fractions a patient can picture, as (percent, text id); a range is named by the nearest.
FRACTIONS: tuple[tuple[float, str], ...] = (
    (25.0, "fraction.quarter"),
    (100 / 3, "fraction.third"),
    (50.0, "fraction.half"),
    (200 / 3, "fraction.two_thirds"),
    (75.0, "fraction.three_quarters"),
    (90.0, "fraction.most"),
)
PER_DAY_WORDS = {1: "dose.per_day.1", 2: "dose.per_day.2"}


def dose_words(p: Programme) -> list[Words]:
    """The dose as parts of one line: "10 times", "2 sets on each leg", "twice a day"."""
    parts: list[Words] = [("dose.reps", {"reps": p.reps})]
    sets_key = "dose.sets.1" if p.sets == 1 else "dose.sets"
    parts.append((sets_key + (".each_leg" if p.side == "both" else ""), {"sets": p.sets}))
    if p.per_day is not None:
        parts.append((PER_DAY_WORDS.get(p.per_day, "dose.per_day"), {"n": p.per_day}))
    return parts


def fraction_key(percent: float) -> str:
    """The text id of the fraction nearest ``percent`` (below 100)."""
    return min(FRACTIONS, key=lambda f: abs(f[0] - percent))[1]


def range_words(percent: float) -> Words:
    """How far to move, in words: all the way, or about a fraction of it, as the pictures show."""
    if percent >= 100:
        return ("dose.range.full", {})
    return ("dose.range.part", {"fraction": fraction_key(percent)})


def detail_words(p: Programme) -> list[Words]:
    """The rest of the prescription, one sentence each: leg, range, seat, tempo and rest."""
    lines: list[Words] = [(f"dose.side.{p.side}", {}), range_words(p.range_percent)]
    if p.seat_height_cm is not None:
        lines.append(("dose.seat", {"cm": f"{p.seat_height_cm:.0f}"}))
    lines.append(("dose.tempo", {"tempo": f"{p.tempo_s:g}", "rest": f"{p.rest_s:g}"}))
    return lines


def say(words: Words, translate: Callable[..., str]) -> str:
    """``words`` as text: ``translate(key, **fields)``, with fields that are text ids translated first."""
    key, fields = words
    return translate(key, **{k: translate(v) if isinstance(v, str) and v in TEXT else v for k, v in fields.items()})


def dose_line(p: Programme, translate: Callable[..., str]) -> str:
    """The dose on one line: "10 times, 2 sets, twice a day"."""
    return ", ".join(say(words, translate) for words in dose_words(p))
