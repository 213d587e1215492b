"""When the audio cues fire: a pure schedule over the playback's cycle position.

Cues sit at fixed cycle positions: each phase start inside a rep, and each whole rep.
:meth:`CueSchedule.between` returns the cues in the half-open interval ``(prev, now]``, so
calling it once per drawn frame with the previous frame's position gives every cue exactly
once at any speed, however many frames are dropped, and nothing when scrubbing backwards.

Session events (set done, rest over, finished) come from the
:class:`~flossgui.model.session.SessionCounter`; :func:`session_cues` turns them into cues.
The get-ready countdown is a :class:`Countdown` read from the same monotonic clock.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from flossgui.model.exercise import Phase
from flossgui.model.session import Event


class CueKind(enum.IntEnum):
    """What a cue announces; a larger value matters more when several fall together."""

    PHASE = 1  # a new phase of the movement begins
    COUNTDOWN = 2  # 3, 2, 1 before the first rep
    GO = 3  # the countdown is over: start moving
    REP = 4  # a rep was completed (``count`` = reps done in this set)
    REST_OVER = 5  # the next set may start
    SET_DONE = 6  # a set was completed and a rest begins
    FINISHED = 7  # the last set was completed


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue. ``at`` is the cycle position (or clock time for the countdown) it belongs to."""

    kind: CueKind
    at: float = 0.0
    phase: int = 0  # index of the phase that begins (PHASE and REP)
    count: int = 0  # reps done in the set (REP), seconds left (COUNTDOWN)


class CueSchedule:
    """Phase and rep cues of one exercise, from its phases' start fractions."""

    def __init__(self, phases: Sequence[Phase]) -> None:
        if not phases or phases[0].start != 0.0:
            raise ValueError("phases must start at 0")
        self._starts = tuple(p.start for p in phases)

    def between(self, prev_cycles: float, cycles: float, set_start: int = 0) -> list[Cue]:
        """Cues at positions in ``(prev_cycles, cycles]``, in order.

        A whole rep gives one REP cue (it is also where the first phase begins, so no PHASE cue
        doubles it); its count is the reps done since ``set_start``, the playback's whole-rep
        count when the current set began. Rep boundaries at or before ``set_start`` give none.
        """
        cues: list[Cue] = []
        if not cycles > prev_cycles:
            return cues
        for rep in range(max(0, math.floor(prev_cycles)), math.floor(cycles) + 1):
            for index, start in enumerate(self._starts):
                at = rep + start
                if not prev_cycles < at <= cycles:
                    continue
                if index > 0:
                    cues.append(Cue(CueKind.PHASE, at, index))
                elif rep > set_start:
                    cues.append(Cue(CueKind.REP, at, 0, rep - set_start))
        return cues


_SESSION_KINDS = {
    Event.SET_DONE: CueKind.SET_DONE,
    Event.REST_OVER: CueKind.REST_OVER,
    Event.FINISHED: CueKind.FINISHED,
}


def session_cues(events: Iterable[Event]) -> list[Cue]:
    """Cues for the counter's set-level events (REP events are left to the schedule, in step with the figure)."""
    return [Cue(_SESSION_KINDS[e]) for e in events if e in _SESSION_KINDS]


def loudest(cues: Sequence[Cue]) -> Cue | None:
    """The one cue to sound when several fall in the same frame (the latest of the most important)."""
    return max(reversed(cues), key=lambda c: c.kind, default=None)


@dataclass(frozen=True, slots=True)
class Countdown:
    """Get ready: ``seconds`` whole seconds counted down from ``started_at`` (clock time)."""

    started_at: float
    seconds: int = 3

    def showing(self, now: float) -> int | None:
        """The number to show at ``now`` (3, 2, 1), or None once the countdown is over."""
        left = self.seconds - math.floor(now - self.started_at)
        return min(left, self.seconds) if left > 0 else None

    def done(self, now: float) -> bool:
        """True from the moment the countdown reaches zero."""
        return now - self.started_at >= self.seconds

    def between(self, prev_now: float | None, now: float) -> list[Cue]:
        """COUNTDOWN cues (3, 2, 1) and the GO cue whose times fall in ``(prev_now, now]``.

        ``prev_now`` is None on the first call, which includes the first number at ``started_at``.
        """
        lo = -math.inf if prev_now is None else prev_now
        return [
            Cue(CueKind.GO if k == self.seconds else CueKind.COUNTDOWN, at, count=self.seconds - k)
            for k in range(self.seconds + 1)
            if lo < (at := self.started_at + k) <= now
        ]
