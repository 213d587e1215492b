"""A home programme: what a clinician prescribes, read from and written to a small TOML file.

The file has one ``[programme]`` table::

    [programme]
    title = "After Tuesday's appointment"   # optional
    notes = "Stop if the tingling spreads."  # optional
    grade = "combined"      # optional: knee, ankle-head, combined-small or combined
    exercise = "lumbar-nerve-floss"  # optional; a grade sets it
    side = "right"          # left, right or both
    reps = 10               # per set
    sets = 3                # per side
    rest_s = 30             # seconds between sets (optional, 30)
    tempo_s = 10            # seconds per rep, 6 to 20 (optional, 10)
    range_percent = 100     # of the full glide (optional: the grade's, else 100)

``grade`` picks a step of the clinical ladder (:mod:`flossgui.model.grades`): ``knee`` (the
knee alone), ``ankle-head`` (ankle and head alone, knee bent), ``combined-small`` (the whole
floss, knee about half way) or ``combined`` (the whole floss). It sets the exercise and the
starting range; ``range_percent`` given as well overrides the range. Only home exercises may be
prescribed: the tensioner and the chin-down mistake are comparisons for clinicians, and a file
naming them is refused.

``side = "both"`` means ``sets`` sets on *each* leg, alternating legs set by set and starting
with the right, so each leg rests while the other works. The whole session is then
``2 × sets`` sets, which must stay within :data:`~flossgui.model.session.SETS_RANGE`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flossgui.core.atomic import write_atomic
from flossgui.core.tomlfile import Table, read_toml
from flossgui.core.tomlwrite import format_value
from flossgui.model.exercise import DEFAULT_EXERCISE, VARIANTS, builtin_names
from flossgui.model.grades import GRADE_NAMES, grade
from flossgui.model.motion import RANGE_LIMITS
from flossgui.model.playback import SPEED_LIMITS
from flossgui.model.session import REPS_RANGE, REST_RANGE_S, SETS_RANGE, SessionPlan

SIDE_CHOICES: tuple[str, ...] = ("left", "right", "both")
BOTH_ORDER: tuple[str, ...] = ("right", "left")
#: Seconds per rep: slow enough to control, never so slow that a position is held.
TEMPO_RANGE_S: tuple[float, float] = (6.0, 20.0)
#: Exercises shown to clinicians for comparison only, never prescribed.
COMPARISONS: tuple[str, ...] = tuple(name for kind, name in VARIANTS.items() if kind != "slider")
RANGE_PERCENT: tuple[float, float] = (RANGE_LIMITS[0] * 100, RANGE_LIMITS[1] * 100)
TITLE_MAX = 100
NOTES_MAX = 2000
KEYS: tuple[str, ...] = (
    "title", "notes", "grade", "exercise", "side", "reps", "sets", "rest_s", "tempo_s", "range_percent",
)  # fmt: skip


def home_exercises() -> list[str]:
    """The shipped exercises a programme may prescribe (every one but the comparisons)."""
    return [name for name in builtin_names() if name not in COMPARISONS]


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
    grade: str = ""  # a step of the ladder (flossgui.model.grades), or "" for none named

    def __post_init__(self) -> None:
        for name, value, (lo, hi) in (
            ("reps", self.reps, REPS_RANGE),
            ("sets", self.sets, (SETS_RANGE[0], self.max_sets(self.side))),
            ("rest_s", self.rest_s, REST_RANGE_S),
            ("tempo_s", self.tempo_s, TEMPO_RANGE_S),
            ("range_percent", self.range_percent, RANGE_PERCENT),
        ):
            if not lo <= value <= hi:
                raise ValueError(f"{name} {value} outside {lo:g}–{hi:g}")
        if self.side not in SIDE_CHOICES:
            raise ValueError(f"side {self.side!r} is not one of {SIDE_CHOICES}")
        if self.exercise in COMPARISONS:
            raise ValueError(f"exercise {self.exercise!r} is a comparison for clinicians, not a home exercise")
        if self.grade and grade(self.grade).exercise != self.exercise:
            raise ValueError(f"grade {self.grade!r} plays {grade(self.grade).exercise!r}, not {self.exercise!r}")
        if len(self.title) > TITLE_MAX or len(self.notes) > NOTES_MAX:
            raise ValueError("title or notes too long")

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


_DEFAULT = Programme()


def parse_programme(data: dict, source: str) -> Programme:
    """Validate parsed TOML ``data`` from ``source``; raises InputError naming the key."""
    top = Table(data, source)
    top.reject_unknown(("programme",))
    t = top.table("programme", default=None)
    if not t.data:
        top.fail("programme", "is missing", "a [programme] table with side, reps and sets")
    t.reject_unknown(KEYS)
    side = t.string("side", SIDE_CHOICES)
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
    sets = t.integer("sets", *SETS_RANGE)
    if sets > Programme.max_sets(side):
        t.fail(
            "sets",
            f"{sets} on each side is {2 * sets} sets in all",
            f"1 to {Programme.max_sets(side)} when side = both",
        )
    return Programme(
        reps=reps,
        sets=sets,
        rest_s=t.number("rest_s", *REST_RANGE_S, default=_DEFAULT.rest_s),
        tempo_s=t.number("tempo_s", *TEMPO_RANGE_S, default=_DEFAULT.tempo_s),
        side=side,
        range_percent=t.number("range_percent", *RANGE_PERCENT, default=default_range),
        exercise=exercise,
        grade=named,
        title=t.string("title", default="", max_len=TITLE_MAX),
        notes=t.string("notes", default="", max_len=NOTES_MAX),
    )


def load_programme(path: str | Path) -> Programme:
    """Read and validate a programme file; raises InputError naming file, key and allowed values."""
    return parse_programme(read_toml(path), str(path))


def dumps_programme(programme: Programme) -> str:
    """The programme as the text of a programme file."""
    p = programme
    lines = ["# A flossgui home programme (open it with: flossgui --programme FILE)", "[programme]"]
    if p.title:
        lines.append(f"title = {format_value(p.title)}")
    if p.notes:
        lines.append(f"notes = {format_value(p.notes)}")
    if p.grade:
        lines.append(f"grade = {format_value(p.grade)}  # {', '.join(GRADE_NAMES)}")
    lines += [
        f"exercise = {format_value(p.exercise)}",
        f'side = "{p.side}"  # left, right or both',
        f"reps = {p.reps}  # per set",
        f"sets = {p.sets}  # per side",
        f"rest_s = {p.rest_s!r}  # seconds between sets",
        f"tempo_s = {p.tempo_s!r}  # seconds per rep",
        f"range_percent = {p.range_percent!r}  # of the full glide",
    ]
    return "\n".join(lines) + "\n"


def save_programme(programme: Programme, path: str | Path) -> None:
    """Write ``programme`` to ``path`` atomically (the old file survives a crash); OSError on failure."""
    write_atomic(path, dumps_programme(programme))
