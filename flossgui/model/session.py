"""The rep and set counter: a small state machine fed by completed reps and the clock.

It never counts frames: it is told how many whole reps the playback has completed (from
the monotonic clock), and when each was completed, and works out what is new, so a dropped
frame or a jump of several reps counts correctly, rests start when their set really ended,
and scrubbing backwards never un-counts.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

REPS_RANGE: tuple[int, int] = (1, 50)
SETS_RANGE: tuple[int, int] = (1, 10)
REST_RANGE_S: tuple[float, float] = (0.0, 600.0)


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """Targets for one session."""

    reps_per_set: int = 10
    sets: int = 2
    rest_s: float = 30.0

    def __post_init__(self) -> None:
        for name, value, (lo, hi) in (
            ("reps_per_set", self.reps_per_set, REPS_RANGE),
            ("sets", self.sets, SETS_RANGE),
            ("rest_s", self.rest_s, REST_RANGE_S),
        ):
            if not lo <= value <= hi:
                raise ValueError(f"{name} {value} outside {lo:g}–{hi:g}")


class State(enum.Enum):
    EXERCISING = "exercising"
    RESTING = "resting"
    FINISHED = "finished"


class Event(enum.Enum):
    REP = "rep"  # a rep was counted
    SET_DONE = "set_done"  # a set was completed and a rest began
    REST_OVER = "rest_over"  # the next set may start
    FINISHED = "finished"  # the last set was completed


class SessionCounter:
    """Counts reps into sets, with a rest between sets and a finished state."""

    def __init__(self, plan: SessionPlan | None = None, completed_reps: int = 0) -> None:
        self.plan = plan or SessionPlan()
        self.reset(completed_reps)

    def reset(self, completed_reps: int = 0) -> None:
        """Start over; ``completed_reps`` is the playback's current count, which becomes zero."""
        self.state = State.EXERCISING
        self.set_index = 0
        self.reps_in_set = 0
        self.rest_until = 0.0
        self.set_end_rep = completed_reps  # the playback's rep count when the last set ended
        self._seen = completed_reps

    def rebase(self, completed_reps: int) -> None:
        """The playback was moved to ``completed_reps`` (e.g. held at a set's end): count on from there."""
        self._seen = completed_reps

    @property
    def reps_done(self) -> int:
        """Reps counted in the whole session."""
        return self.set_index * self.plan.reps_per_set + self.reps_in_set

    def observe(
        self, completed_reps: int, now: float, completed_at: Callable[[int], float] | None = None
    ) -> list[Event]:
        """Take the playback's completed-rep count at clock time ``now``; return what happened.

        ``completed_at(k)`` is the clock time at which the playback completed its k-th rep
        (``Playback.time_of``). With it, each rep is placed at its own moment, so a rest starts
        when its set's last rep was done, and reps done during a rest are not counted, however
        late the call comes. Without it, every new rep is taken to have ended at ``now``.
        """
        at = completed_at or (lambda _rep: now)
        events: list[Event] = []
        for rep in range(self._seen + 1, completed_reps + 1):
            if self.state is State.FINISHED:
                break
            done = at(rep)
            events += self.tick(done)
            self._seen = rep
            if self.state is State.EXERCISING:
                events += self._count(rep, done)
                if self.state is not State.EXERCISING:
                    # The set ended here. Reps after it wait for the next call: a player that
                    # holds still for the rest rebases instead, and the rest ends at the earliest
                    # on the next call, so the end of a set is always seen on its own.
                    return events
        self._seen = max(self._seen, completed_reps)
        return events + self.tick(now)

    def _count(self, rep: int, done: float) -> list[Event]:
        """Count one rep, done at clock time ``done``; end the set (rest or finish) if it was the last."""
        self.reps_in_set += 1
        if self.reps_in_set < self.plan.reps_per_set:
            return [Event.REP]
        self.set_end_rep = rep
        if self.set_index + 1 == self.plan.sets:
            self.state = State.FINISHED
            return [Event.REP, Event.FINISHED]
        self.state = State.RESTING
        self.rest_until = done + self.plan.rest_s
        return [Event.REP, Event.SET_DONE]

    def tick(self, now: float) -> list[Event]:
        """Advance the rest countdown; returns [REST_OVER] when the rest has just ended."""
        if self.state is State.RESTING and now >= self.rest_until:
            self.end_rest()
            return [Event.REST_OVER]
        return []

    def end_rest(self) -> None:
        """Start the next set now (the rest is over or was skipped)."""
        if self.state is State.RESTING:
            self.state = State.EXERCISING
            self.set_index += 1
            self.reps_in_set = 0

    def rest_remaining(self, now: float) -> float:
        """Seconds of rest left (0 when not resting)."""
        return max(0.0, self.rest_until - now) if self.state is State.RESTING else 0.0
