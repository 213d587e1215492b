"""What the patient set, remembered between runs: typed values, their defaults, ranges and checks.

The settings store (QSettings, in ``ui/``) hands :func:`parse` what it found under each key, as
text or as numbers; every value outside its range, of the wrong kind, or written by something
else falls back to its default with one message naming the key and what is allowed, and the
others are kept. :func:`stored` gives the values to write back. :data:`VERSION` is written beside
them so a later flossgui can tell how to read them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields

from flossgui.model.body import DEFAULT_HEIGHT_CM, HEIGHT_RANGE_CM
from flossgui.model.motion import RANGE_LIMITS
from flossgui.model.playback import SPEED_LIMITS
from flossgui.model.seat import DEFAULT_SEAT_CM, SEAT_RANGE_CM
from flossgui.model.session import REPS_RANGE, REST_RANGE_S, SETS_RANGE

VERSION = 1
VERSION_KEY = "patient/version"
SIDES: tuple[str, ...] = ("left", "right")
RANGE_PERCENT: tuple[int, int] = (round(RANGE_LIMITS[0] * 100), round(RANGE_LIMITS[1] * 100))
_SHOWN_MAX = 40  # characters of a bad value quoted in a message


@dataclass(frozen=True, slots=True)
class Spec:
    """One remembered value: its key in the store, and what is allowed (a range, or choices)."""

    key: str
    kind: type
    lo: float | None = None
    hi: float | None = None
    choices: tuple[str, ...] = ()
    optional: bool = False  # may be absent (None), e.g. no "smaller next time" pending

    def allowed(self) -> str:
        if self.kind is bool:
            return "true or false"
        if self.choices:
            return " or ".join(self.choices)
        span = f"{self.lo:g}–{self.hi:g}"
        return f"{span}, or empty" if self.optional else span

    def parse(self, value: object) -> object:
        """The value as this spec's kind; ValueError if it is not one this spec allows."""
        if self.optional and value in (None, ""):
            return None
        if not isinstance(value, str | int | float):  # bool is an int; anything else was written by something else
            raise ValueError
        if self.kind is bool:
            text = str(value).strip().lower()
            if isinstance(value, bool) or text in ("true", "false", "1", "0"):
                return value if isinstance(value, bool) else text in ("true", "1")
            raise ValueError
        if self.kind is str:
            if isinstance(value, str) and value in self.choices:
                return value
            raise ValueError
        if isinstance(value, bool):
            raise ValueError
        number = float(str(value).strip()) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
        if not math.isfinite(number) or not self.lo <= number <= self.hi:  # type: ignore[operator]
            raise ValueError
        if self.kind is int:
            if number != math.floor(number):
                raise ValueError
            return int(number)
        return number


@dataclass(frozen=True, slots=True)
class Preferences:
    """Everything the patient sets in the window, and the outcome "smaller next time"."""

    range_percent: int = 100
    side: str = "right"
    seat_height_cm: int = round(DEFAULT_SEAT_CM)
    height_cm: int = round(DEFAULT_HEIGHT_CM)
    speed: float = 1.0
    reps: int = 10
    sets: int = 2
    rest_s: int = 30
    muted: bool = False
    #: After "a smaller movement next time": the most a programme's session may use (None: no limit).
    smaller_next_time_percent: float | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            spec = SPECS[f.name]
            value = getattr(self, f.name)
            try:
                ok = spec.parse(value) == value
            except (TypeError, ValueError):
                ok = False
            if not ok:
                raise ValueError(f"{f.name} {value!r} is not allowed: {spec.allowed()}")


SPECS: dict[str, Spec] = {
    "range_percent": Spec("patient/range_percent", int, *RANGE_PERCENT),
    "side": Spec("patient/side", str, choices=SIDES),
    "seat_height_cm": Spec("patient/seat_height_cm", int, *SEAT_RANGE_CM),
    "height_cm": Spec("patient/height_cm", int, *HEIGHT_RANGE_CM),
    "speed": Spec("patient/speed", float, *SPEED_LIMITS),
    "reps": Spec("patient/reps", int, *REPS_RANGE),
    "sets": Spec("patient/sets", int, *SETS_RANGE),
    "rest_s": Spec("patient/rest_s", int, *REST_RANGE_S),
    "muted": Spec("audio/muted", bool),  # the key the window used before preferences had a version
    "smaller_next_time_percent": Spec("patient/smaller_next_time_percent", float, *RANGE_PERCENT, optional=True),
}
KEYS: tuple[str, ...] = tuple(spec.key for spec in SPECS.values())


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def parse(stored: Mapping[str, object]) -> tuple[Preferences, list[str]]:
    """The preferences in ``stored`` (store key → value; missing keys take their defaults), and one
    message for each value that could not be used (it takes its default)."""
    problems: list[str] = []
    version = stored.get(VERSION_KEY)
    if version is not None and str(version).strip() != str(VERSION):
        problems.append(f"settings: {VERSION_KEY} = {_shown(version)} is not {VERSION}; each value is checked anew")
    values: dict[str, object] = {}
    defaults = Preferences()
    for name, spec in SPECS.items():
        if spec.key not in stored:
            continue
        raw = stored[spec.key]
        try:
            values[name] = spec.parse(raw)
        except (TypeError, ValueError, OverflowError):
            default = getattr(defaults, name)
            problems.append(
                f"settings: {spec.key} = {_shown(raw)} is not allowed ({spec.allowed()}); using {default!r}"
            )
    return Preferences(**values), problems  # type: ignore[arg-type]


def stored(preferences: Preferences) -> dict[str, object]:
    """What to write to the store: every key (None: remove it) and the version."""
    values: dict[str, object] = {spec.key: getattr(preferences, name) for name, spec in SPECS.items()}
    values[VERSION_KEY] = VERSION
    return values
