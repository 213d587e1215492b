"""A home programme: what a clinician prescribes, read from and written to a small TOML file.

Version 2 of the file (``format = 2``; every table but ``[programme]`` is optional)::

    format = 2

    [patient]
    name = "J. S."                    # name or initials (optional)

    [programme]
    title = "After Tuesday's appointment"
    grade = "ankle-head"              # knee, ankle-head, combined-small or combined (gentlest first)
    exercise = "floss-ankle-head"     # optional: a grade sets it; comparisons never go home
    side = "right"                    # left, right or both
    range_percent = 60                # of the full glide
    seat_height_cm = 58               # the seat to use; higher is easier (optional)
    reps = 10                         # per set
    sets = 2                          # per side
    rest_s = 30                       # seconds between sets
    tempo_s = 10                      # seconds per rep
    per_day = 2                       # sessions a day
    start = 2026-11-30                # first day (optional)
    review = 2026-12-14               # when the clinician reviews it (optional)
    notes = "Stop if the tingling spreads."

    [[progression]]                   # the plan over weeks, in order (optional)
    weeks = [1, 2]                    # first and last week, counted from the start
    grade = "ankle-head"
    range_percent = 100
    advance_if = "no flare-up the next day"   # when to move on to the next step

    [clinician]
    name = "A. Physio"
    clinic = "Riverside Physiotherapy"
    contact = "01234 567890"
    logo = "logo.png"                 # for the handout; relative to this file's folder (optional)

A file without ``format`` is version 1: one ``[programme]`` table with ``title``, ``notes``,
``grade``, ``exercise``, ``side``, ``reps``, ``sets``, ``rest_s``, ``tempo_s`` and ``range_percent``.
It is still read; saving always writes version 2.

``grade`` picks a step of the clinical ladder (:mod:`flossgui.model.grades`): ``knee`` (the knee
alone), ``ankle-head`` (ankle and head alone, knee bent), ``combined-small`` (the whole floss, knee
about half way) or ``combined`` (the whole floss). It sets the exercise and the starting range;
``range_percent`` given as well overrides the range. Only home exercises may be prescribed: the
tensioner and the chin-down mistake are comparisons for clinicians, and a file naming them is refused.

``side = "both"`` means ``sets`` sets on *each* leg, alternating legs set by set and starting
with the right, so each leg rests while the other works. The whole session is then
``2 × sets`` sets, which must stay within :data:`~flossgui.model.session.SETS_RANGE`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from flossgui.core.atomic import write_atomic
from flossgui.core.errors import InputError
from flossgui.core.tomlfile import Table, read_toml
from flossgui.core.tomlwrite import format_value
from flossgui.model.exercise import DEFAULT_EXERCISE, VARIANTS, Exercise, builtin_names
from flossgui.model.grades import GRADE_NAMES, grade
from flossgui.model.motion import RANGE_LIMITS
from flossgui.model.playback import SPEED_LIMITS
from flossgui.model.seat import SEAT_RANGE_CM
from flossgui.model.session import REPS_RANGE, REST_RANGE_S, SETS_RANGE, SessionPlan

FORMAT = 2
FORMATS: tuple[int, ...] = (1, 2)
SIDE_CHOICES: tuple[str, ...] = ("left", "right", "both")
BOTH_ORDER: tuple[str, ...] = ("right", "left")
#: Seconds per rep: slow enough to control, never so slow that a position is held.
TEMPO_RANGE_S: tuple[float, float] = (6.0, 20.0)
#: Exercises shown to clinicians for comparison only, never prescribed.
COMPARISONS: tuple[str, ...] = tuple(name for kind, name in VARIANTS.items() if kind != "slider")
RANGE_PERCENT: tuple[float, float] = (RANGE_LIMITS[0] * 100, RANGE_LIMITS[1] * 100)
PER_DAY_RANGE: tuple[int, int] = (1, 6)
WEEK_RANGE: tuple[int, int] = (1, 52)
STEPS_MAX = 12
TITLE_MAX = 100
NOTES_MAX = 2000
NAME_MAX = 80
CONTACT_MAX = 200
PATH_MAX = 500
ADVANCE_MAX = 200
#: Exercise kinds a patient may be given. The tensioner and the chin-down mistake are comparisons
#: for the clinician's screen: never a home handout, a home animation or a home session.
PRESCRIBABLE_KINDS: tuple[str, ...] = ("slider",)
V1_KEYS: tuple[str, ...] = (
    "title", "notes", "grade", "exercise", "side", "reps", "sets", "rest_s", "tempo_s", "range_percent",
)  # fmt: skip
KEYS: tuple[str, ...] = (*V1_KEYS, "seat_height_cm", "per_day", "start", "review")
TABLES: tuple[str, ...] = ("format", "patient", "programme", "progression", "clinician")
STEP_KEYS: tuple[str, ...] = ("weeks", "grade", "range_percent", "advance_if")
CLINICIAN_KEYS: tuple[str, ...] = ("name", "clinic", "contact", "logo")


def _check(name: str, value: float | None, lo: float, hi: float) -> None:
    if value is not None and not lo <= value <= hi:
        raise ValueError(f"{name} {value} outside {lo:g}–{hi:g}")


def _check_text(name: str, value: str, most: int) -> None:
    if len(value) > most:
        raise ValueError(f"{name} longer than {most} characters")


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the progression plan: weeks ``first``–``last`` at this grade and range."""

    first_week: int
    last_week: int
    grade: str  # a step of the ladder (flossgui.model.grades)
    range_percent: float
    advance_if: str = ""

    def __post_init__(self) -> None:
        _check("first week", self.first_week, *WEEK_RANGE)
        _check("last week", self.last_week, self.first_week, WEEK_RANGE[1])
        grade(self.grade)  # ValueError naming the ladder
        _check("range_percent", self.range_percent, *RANGE_PERCENT)
        _check_text("advance_if", self.advance_if, ADVANCE_MAX)


@dataclass(frozen=True, slots=True)
class Clinician:
    """Who prescribed it, for the handout and the report: all optional."""

    name: str = ""
    clinic: str = ""
    contact: str = ""
    logo: str = ""  # an image file, relative to the programme file's folder

    def __post_init__(self) -> None:
        for key, most in (("name", NAME_MAX), ("clinic", NAME_MAX), ("contact", CONTACT_MAX), ("logo", PATH_MAX)):
            _check_text(key, getattr(self, key), most)


@dataclass(frozen=True, slots=True)
class Programme:
    """A prescription for home sessions; raises ValueError if a value is out of range."""

    reps: int = 10
    sets: int = 2
    rest_s: float = 30.0
    tempo_s: float = 10.0
    side: str = "right"
    range_percent: float = 100.0
    exercise: str = DEFAULT_EXERCISE
    title: str = ""
    notes: str = ""
    patient: str = ""
    grade: str = ""  # a step of the ladder (flossgui.model.grades), or "" for none named
    seat_height_cm: float | None = None  # None: the patient's own seat
    per_day: int | None = None  # None: not said
    start: date | None = None
    review: date | None = None
    progression: tuple[Step, ...] = ()
    clinician: Clinician = field(default_factory=Clinician)

    def __post_init__(self) -> None:
        for name, value, (lo, hi) in (
            ("reps", self.reps, REPS_RANGE),
            ("sets", self.sets, (SETS_RANGE[0], self.max_sets(self.side))),
            ("rest_s", self.rest_s, REST_RANGE_S),
            ("tempo_s", self.tempo_s, TEMPO_RANGE_S),
            ("range_percent", self.range_percent, RANGE_PERCENT),
            ("seat_height_cm", self.seat_height_cm, SEAT_RANGE_CM),
            ("per_day", self.per_day, PER_DAY_RANGE),
        ):
            _check(name, value, lo, hi)
        if self.side not in SIDE_CHOICES:
            raise ValueError(f"side {self.side!r} is not one of {SIDE_CHOICES}")
        if self.exercise in COMPARISONS:
            raise ValueError(f"exercise {self.exercise!r} is a comparison for clinicians, not a home exercise")
        if self.grade and grade(self.grade).exercise != self.exercise:
            raise ValueError(f"grade {self.grade!r} plays {grade(self.grade).exercise!r}, not {self.exercise!r}")
        _check_text("title", self.title, TITLE_MAX)
        _check_text("notes", self.notes, NOTES_MAX)
        _check_text("patient", self.patient, NAME_MAX)
        if self.start and self.review and self.review < self.start:
            raise ValueError("review before start")
        if len(self.progression) > STEPS_MAX:
            raise ValueError(f"more than {STEPS_MAX} progression steps")
        for before, after in zip(self.progression, self.progression[1:], strict=False):
            if after.first_week <= before.last_week:
                raise ValueError("progression steps overlap or are out of order")

    @staticmethod
    def max_sets(side: str) -> int:
        """Most sets per side: with both sides the session holds twice as many."""
        return SETS_RANGE[1] // 2 if side == "both" else SETS_RANGE[1]

    @property
    def sides(self) -> tuple[str, ...]:
        """The legs that work, in the order of the sets."""
        return BOTH_ORDER if self.side == "both" else (self.side,)

    def side_for_set(self, index: int) -> str:
        """The leg that works in set ``index`` (0-based)."""
        return self.sides[index % len(self.sides)]

    @property
    def range_fraction(self) -> float:
        """Range of movement as the fraction :class:`~flossgui.model.motion.Setup` takes."""
        return self.range_percent / 100.0

    def speed(self, period_s: float) -> float:
        """Playback speed giving this tempo for an exercise whose rep takes ``period_s`` at speed 1.

        Clamped to :data:`SPEED_LIMITS`, so the tempo actually played may differ from the file's.
        """
        lo, hi = SPEED_LIMITS
        return min(hi, max(lo, period_s / self.tempo_s))

    def session_plan(self) -> SessionPlan:
        """The counter's targets: every set of every side, one rest between consecutive sets."""
        return SessionPlan(reps_per_set=self.reps, sets=self.sets * len(self.sides), rest_s=self.rest_s)

    def week_of(self, day: date) -> int | None:
        """The programme week ``day`` falls in (1 = the first seven days), or None without a start date."""
        if self.start is None:
            return None
        return (day - self.start).days // 7 + 1

    def step_on(self, day: date) -> Step | None:
        """The progression step planned for ``day``, if any."""
        week = self.week_of(day)
        if week is None:
            return None
        return next((s for s in self.progression if s.first_week <= week <= s.last_week), None)


def home_exercises() -> list[str]:
    """The shipped exercises a programme may prescribe (every one but the comparisons)."""
    return [name for name in builtin_names() if name not in COMPARISONS]


def starter_programme(today: date) -> Programme:
    """A cautious first prescription for the builder to start from: the ankle and head alone, twice a
    day, reviewed after two weeks, the whole movement part way only if the day after stays calm."""
    calm = "no flare-up the day after"
    first, then = grade("ankle-head"), grade("combined-small")
    return Programme(
        reps=10, sets=2, rest_s=30.0, tempo_s=10.0, range_percent=first.range_percent, grade=first.name,
        exercise=first.exercise, per_day=2, start=today, review=today + timedelta(days=14),
        progression=(
            Step(1, 2, first.name, first.range_percent, calm), Step(3, 4, then.name, then.range_percent, calm),
        ),
    )  # fmt: skip


def is_prescribable(exercise: Exercise) -> bool:
    """True for an exercise a patient may take home (the floss), False for a comparison variant."""
    return exercise.kind in PRESCRIBABLE_KINDS


def check_prescribable(exercise: Exercise, source: str, field: str = "") -> None:
    """InputError naming ``source`` (e.g. ``--variant``) if ``exercise`` is only for the clinician's screen."""
    if not is_prescribable(exercise):
        raise InputError(
            source, field,
            f"{exercise.kind} ({exercise.id}) is a comparison for the clinician's screen, never a home handout,"
            " animation or session",
            " or ".join(f"{kind} (the seated nerve floss)" for kind in PRESCRIBABLE_KINDS),
        )  # fmt: skip


# -- reading -------------------------------------------------------------------------------------

_DEFAULT = Programme()
_NONE: Any = None


def _date(t: Table, key: str) -> date | None:
    value = t.data.get(key)
    if value is None:
        return None
    if not isinstance(value, date) or hasattr(value, "hour"):  # a TOML date, not a date-time
        t.fail(key, f"{value!r} is not a date", "a date such as 2026-11-30 (no quotes)")
    return value


def _sides_and_sets(t: Table) -> tuple[str, int]:
    side = t.string("side", SIDE_CHOICES)
    sets = t.integer("sets", *SETS_RANGE)
    if sets > Programme.max_sets(side):
        t.fail(
            "sets",
            f"{sets} on each side is {2 * sets} sets in all",
            f"1 to {Programme.max_sets(side)} when side = both",
        )
    return side, sets


def _step(t: Table, previous: Step | None) -> Step:
    t.reject_unknown(STEP_KEYS)
    weeks = t.data.get("weeks")
    allowed = f"[first, last] weeks from {WEEK_RANGE[0]} to {WEEK_RANGE[1]}, e.g. [1, 2]"
    if (
        not isinstance(weeks, list)
        or len(weeks) != 2
        or not all(isinstance(w, int) and not isinstance(w, bool) for w in weeks)
        or not WEEK_RANGE[0] <= weeks[0] <= weeks[1] <= WEEK_RANGE[1]
    ):
        t.fail("weeks", f"{weeks!r} is not two weeks in order", allowed)
    if previous is not None and weeks[0] <= previous.last_week:
        t.fail("weeks", f"week {weeks[0]} is not after the step before", f"a first week after {previous.last_week}")
    return Step(
        first_week=weeks[0],
        last_week=weeks[1],
        grade=t.string("grade", GRADE_NAMES),
        range_percent=t.number("range_percent", *RANGE_PERCENT),
        advance_if=t.string("advance_if", default="", max_len=ADVANCE_MAX),
    )


def parse_programme(data: dict, source: str) -> Programme:
    """Validate parsed TOML ``data`` from ``source`` (version 1 or 2); raises InputError naming the key."""
    top = Table(data, source)
    version = data.get("format", 1)
    if version not in FORMATS or isinstance(version, bool):
        top.fail("format", f"{version!r} is not a programme format this flossgui reads (a newer flossgui's?)",
                 " or ".join(map(str, FORMATS)))  # fmt: skip
    t = top.table("programme", default=None)
    if version == 1:  # a key of version 2 in a file that does not say so: say how to fix it
        for table, newer in ((top, TABLES), (t, KEYS)):
            for key in table.data:
                if key in newer and key not in ("programme", *V1_KEYS):
                    table.fail(key, "belongs to programme format 2", "format = 2 at the top of the file")
    top.reject_unknown(("programme",) if version == 1 else TABLES)
    if not t.data:
        top.fail("programme", "is missing", "a [programme] table with side, reps and sets")
    t.reject_unknown(V1_KEYS if version == 1 else KEYS)
    named = t.string("grade", GRADE_NAMES, default="")
    exercise = t.string("exercise", max_len=60, default=grade(named).exercise if named else DEFAULT_EXERCISE)
    home = home_exercises()
    if exercise in COMPARISONS:
        t.fail(
            "exercise",
            f"{exercise!r} is shown to clinicians for comparison and is never prescribed",
            f"a home exercise ({', '.join(home)}) or a grade ({', '.join(GRADE_NAMES)})",
        )
    if exercise not in home:
        t.fail("exercise", f"{exercise!r} is not a shipped exercise", ", ".join(home))
    if named and exercise != grade(named).exercise:
        t.fail("exercise", f"{exercise!r} differs from grade {named!r}'s", f"leave it out or {grade(named).exercise!r}")
    default_range = grade(named).range_percent if named else _DEFAULT.range_percent
    reps = t.integer("reps", *REPS_RANGE)
    side, sets = _sides_and_sets(t)
    common: dict[str, Any] = {
        "reps": reps,
        "sets": sets,
        "side": side,
        "rest_s": t.number("rest_s", *REST_RANGE_S, default=_DEFAULT.rest_s),
        "tempo_s": t.number("tempo_s", *TEMPO_RANGE_S, default=_DEFAULT.tempo_s),
        "range_percent": t.number("range_percent", *RANGE_PERCENT, default=default_range),
        "exercise": exercise,
        "grade": named,
        "title": t.string("title", default="", max_len=TITLE_MAX),
        "notes": t.string("notes", default="", max_len=NOTES_MAX),
    }
    if version == 1:
        return Programme(**common)
    start, review = _date(t, "start"), _date(t, "review")
    if start and review and review < start:
        t.fail("review", f"{review} is before the start ({start})", f"a date on or after {start}")
    steps: list[Step] = []
    for step in top.tables("progression", max_items=STEPS_MAX):
        steps.append(_step(step, steps[-1] if steps else None))
    patient = top.table("patient", default=None)
    patient.reject_unknown(("name",))
    who = top.table("clinician", default=None)
    who.reject_unknown(CLINICIAN_KEYS)
    return Programme(
        **common,
        patient=patient.string("name", default="", max_len=NAME_MAX),
        seat_height_cm=t.number("seat_height_cm", *SEAT_RANGE_CM, default=_NONE),
        per_day=t.integer("per_day", *PER_DAY_RANGE, default=_NONE),
        start=start,
        review=review,
        progression=tuple(steps),
        clinician=Clinician(
            name=who.string("name", default="", max_len=NAME_MAX),
            clinic=who.string("clinic", default="", max_len=NAME_MAX),
            contact=who.string("contact", default="", max_len=CONTACT_MAX),
            logo=who.string("logo", default="", max_len=PATH_MAX),
        ),
    )


def load_programme(path: str | Path) -> Programme:
    """Read and validate a programme file; raises InputError naming file, key and allowed values.

    A relative logo path is taken from the file's folder and made absolute, so the programme
    finds its logo wherever it is used from.
    """
    programme = parse_programme(read_toml(path), str(path))
    logo = programme.clinician.logo
    if logo and not Path(logo).expanduser().is_absolute():
        absolute = str(Path(path).resolve().parent / logo)
        programme = replace(programme, clinician=replace(programme.clinician, logo=absolute))
    return programme


def logo_path(programme: Programme) -> Path | None:
    """The clinic's logo file for the handout, or None if there is none."""
    return Path(programme.clinician.logo).expanduser() if programme.clinician.logo else None


# -- writing -------------------------------------------------------------------------------------


def _lines(table: str, pairs: list[tuple[str, Any, str]]) -> list[str]:
    """``[table]`` and its ``key = value  # comment`` lines, leaving out empty values."""
    body = [
        f"{key} = {format_value(value)}" + (f"  # {comment}" if comment else "")
        for key, value, comment in pairs
        if value not in (None, "")
    ]
    return ["", table, *body] if body else []


def dumps_programme(programme: Programme) -> str:
    """The programme as the text of a version 2 programme file."""
    p, c = programme, programme.clinician
    lines = ["# A flossgui home programme (open it with: flossgui --programme FILE)", f"format = {FORMAT}"]
    lines += _lines("[patient]", [("name", p.patient, "name or initials")])
    lines += _lines(
        "[programme]",
        [
            ("title", p.title, ""),
            ("exercise", p.exercise, ""),
            ("grade", p.grade, ", ".join(GRADE_NAMES)),
            ("side", p.side, "left, right or both"),
            ("range_percent", p.range_percent, "of the full glide"),
            ("seat_height_cm", p.seat_height_cm, "higher is easier"),
            ("reps", p.reps, "per set"),
            ("sets", p.sets, "per side"),
            ("rest_s", p.rest_s, "seconds between sets"),
            ("tempo_s", p.tempo_s, "seconds per rep"),
            ("per_day", p.per_day, "sessions a day"),
            ("start", p.start, ""),
            ("review", p.review, ""),
            ("notes", p.notes, ""),
        ],
    )
    for s in p.progression:
        lines += _lines(
            "[[progression]]",
            [
                ("weeks", [s.first_week, s.last_week], "first and last week"),
                ("grade", s.grade, ""),
                ("range_percent", s.range_percent, ""),
                ("advance_if", s.advance_if, "when to move on"),
            ],
        )
    lines += _lines(
        "[clinician]",
        [("name", c.name, ""), ("clinic", c.clinic, ""), ("contact", c.contact, ""), ("logo", c.logo, "")],
    )
    return "\n".join(lines) + "\n"


def save_programme(programme: Programme, path: str | Path) -> None:
    """Write ``programme`` to ``path`` atomically (the old file survives a crash); OSError on failure."""
    write_atomic(path, dumps_programme(programme))
