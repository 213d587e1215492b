"""The choreography: an exercise file's keyframes and phases, and the smooth pose between them.

An exercise file (TOML, see ``assets/exercises/``) gives keyframes of the moving joints at
fractions of one repetition and names the phases. Each joint follows a periodic monotone
cubic (Fritsch–Carlson) through its keyframes, so:

- velocity is continuous everywhere, including where the rep wraps round;
- no joint overshoots its keyframes (the knee never bends past straight);
- the end of a rep is exactly its start.

The hip is not animated: it follows from the seat (see :mod:`flossgui.model.seat`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

from flossgui.core.errors import InputError
from flossgui.core.resources import asset
from flossgui.core.tomlfile import Table, read_toml
from flossgui.model.pose import JOINT_LIMITS
from flossgui.text import TEXT

MOVING_JOINTS: tuple[str, ...] = ("neck", "trunk", "knee", "ankle")
KINDS: tuple[str, ...] = ("slider", "tensioner", "mistake")
PERIOD_RANGE_S: tuple[float, float] = (4.0, 30.0)
DEFAULT_EXERCISE = "lumbar-nerve-floss"
#: The shipped exercise file for each kind (the floss, a tensioner, the chin-down mistake).
VARIANTS: dict[str, str] = {
    "slider": DEFAULT_EXERCISE,
    "tensioner": "nerve-tensioner",
    "mistake": "nerve-floss-chin-down",
}


@dataclass(frozen=True, slots=True)
class Phase:
    """A named stretch of the rep, from ``start`` to ``end`` (fractions), with its cue id."""

    id: str
    start: float
    end: float
    cue: str


@dataclass(frozen=True, slots=True)
class Keyframe:
    """Angles (degrees) of the moving joints at fraction ``at`` of the rep."""

    at: float
    angles: tuple[float, ...]  # in MOVING_JOINTS order


class _PeriodicMonotoneCubic:
    """A periodic, C¹, overshoot-free cubic through (x, y) knots on [0, 1)."""

    def __init__(self, xs: list[float], ys: list[float]) -> None:
        self.x = [*xs, 1.0]
        self.y = [*ys, ys[0]]
        n = len(xs)
        h = [self.x[i + 1] - self.x[i] for i in range(n)]
        d = [(self.y[i + 1] - self.y[i]) / h[i] for i in range(n)]
        m = []
        for i in range(n):  # slope at knot i, between segment i-1 (wrapping) and segment i
            h0, h1, d0, d1 = h[i - 1], h[i], d[i - 1], d[i]
            if d0 * d1 <= 0.0:
                m.append(0.0)
            else:
                w0, w1 = 2 * h1 + h0, h1 + 2 * h0
                m.append((w0 + w1) / (w0 / d0 + w1 / d1))
        self.m = [*m, m[0]]
        self.h = h

    def __call__(self, phi: float) -> float:
        i = bisect.bisect_right(self.x, phi) - 1
        i = min(max(i, 0), len(self.h) - 1)
        h = self.h[i]
        t = (phi - self.x[i]) / h
        t2, t3 = t * t, t * t * t
        return (
            (2 * t3 - 3 * t2 + 1) * self.y[i]
            + (t3 - 2 * t2 + t) * h * self.m[i]
            + (-2 * t3 + 3 * t2) * self.y[i + 1]
            + (t3 - t2) * h * self.m[i + 1]
        )


@dataclass(frozen=True)
class Exercise:
    """A validated exercise: timing, phases and keyframes. Build with :func:`load_exercise`."""

    id: str
    title: str
    kind: str
    period_s: float
    keyframes: tuple[Keyframe, ...]
    phases: tuple[Phase, ...]
    source: str

    def __post_init__(self) -> None:
        xs = [k.at for k in self.keyframes]
        curves = tuple(
            _PeriodicMonotoneCubic(xs, [k.angles[j] for k in self.keyframes]) for j in range(len(MOVING_JOINTS))
        )
        object.__setattr__(self, "_curves", curves)
        object.__setattr__(self, "_phase_ends", [p.end for p in self.phases])

    def angles_at(self, phi: float) -> tuple[float, ...]:
        """Angles of the moving joints at fraction ``phi`` ∈ [0, 1) of the rep."""
        return tuple(curve(phi) for curve in self._curves)  # type: ignore[attr-defined]

    def start_angles(self) -> tuple[float, ...]:
        """The moving joints at the start (and end) of every rep."""
        return self.keyframes[0].angles

    def phase_index(self, phi: float) -> int:
        """Index of the phase containing fraction ``phi``."""
        return min(bisect.bisect_right(self._phase_ends, phi), len(self.phases) - 1)  # type: ignore[attr-defined]

    def most_pointed_ankle(self) -> float:
        """The lowest ankle angle in any keyframe (used to seat the figure)."""
        return min(self._keyed("ankle"))

    def knee_range(self) -> tuple[float, float]:
        """The knee's least and greatest angle over the rep."""
        knees = self._keyed("knee")
        return min(knees), max(knees)

    def _keyed(self, joint: str) -> list[float]:
        j = MOVING_JOINTS.index(joint)
        return [k.angles[j] for k in self.keyframes]


def _keyframe(t: Table) -> Keyframe:
    if "hip" in t.data:
        t.fail("hip", "is set by the seat height, not by the exercise", ", ".join(("at", *MOVING_JOINTS)))
    t.reject_unknown(("at", *MOVING_JOINTS))
    at = t.number("at", 0.0, 0.999)
    angles = tuple(t.number(j, *JOINT_LIMITS[j]) for j in MOVING_JOINTS)
    return Keyframe(at=at, angles=angles)


def parse_exercise(data: dict, source: str) -> Exercise:
    """Validate parsed TOML ``data`` from ``source``; raises InputError naming the field."""
    top = Table(data, source)
    top.reject_unknown(("exercise", "keyframe", "phase"))
    head = top.table("exercise", default=None)
    if not head.data:
        top.fail("exercise", "is missing", "an [exercise] table with id, title, kind, period_s")
    head.reject_unknown(("id", "title", "kind", "period_s"))
    texts = sorted(TEXT)
    titles = [k for k in texts if k.startswith("title.")]
    cues = [k for k in texts if k.startswith("cue.")]

    keyframes = [_keyframe(t) for t in top.tables("keyframe", min_items=2, max_items=50)]
    if keyframes[0].at != 0.0:
        top.fail("keyframe[0].at", f"is {keyframes[0].at:g}", "the first keyframe must be at 0")
    for i in range(1, len(keyframes)):
        if keyframes[i].at <= keyframes[i - 1].at:
            top.fail(
                f"keyframe[{i}].at", "is not after the keyframe before it", "fractions increasing from 0 to below 1"
            )

    phases: list[Phase] = []
    start = 0.0
    seen: set[str] = set()
    for t in top.tables("phase", min_items=1, max_items=20):
        t.reject_unknown(("id", "until", "cue"))
        pid = t.string("id", max_len=40)
        if pid in seen:
            t.fail("id", f"{pid!r} is used twice", "a different id for each phase")
        seen.add(pid)
        until = t.number("until", 0.0, 1.0)
        if until <= start:
            t.fail("until", f"{until:g} is not after {start:g}", "phase ends increasing, the last one 1.0")
        phases.append(Phase(id=pid, start=start, end=until, cue=t.string("cue", cues)))
        start = until
    if start != 1.0:
        top.fail(f"phase[{len(phases) - 1}].until", f"is {start:g}", "the last phase must end at 1.0")

    return Exercise(
        id=head.string("id", max_len=60),
        title=head.string("title", titles),
        kind=head.string("kind", KINDS),
        period_s=head.number("period_s", *PERIOD_RANGE_S),
        keyframes=tuple(keyframes),
        phases=tuple(phases),
        source=source,
    )


def load_exercise(path: str | Path) -> Exercise:
    """Read and validate an exercise file; raises InputError naming file and field."""
    return parse_exercise(read_toml(path), str(path))


def builtin_exercise(name: str = DEFAULT_EXERCISE) -> Exercise:
    """One of the exercises shipped in ``assets/exercises``."""
    return load_exercise(asset("exercises", f"{name}.toml"))


def builtin_names() -> list[str]:
    """Names of the shipped exercises."""
    return sorted(p.stem for p in asset("exercises").glob("*.toml"))


__all__ = ["MOVING_JOINTS", "Exercise", "InputError", "Keyframe", "Phase", "builtin_exercise", "load_exercise"]
