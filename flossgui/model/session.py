"""The rep and set counter: a small state machine fed by completed reps and the clock.

It never counts frames: it is told how many whole reps the playback has completed (from
the monotonic clock) and works out what is new, so a dropped frame or a jump of several
reps counts correctly, and scrubbing backwards never un-counts.
"""

from __future__ import annotations

import enum
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
        self._seen = completed_reps

    @property
    def reps_done(self) -> int:
        """Reps counted in the whole session."""
        return self.set_index * self.plan.reps_per_set + self.reps_in_set

    def observe(self, completed_reps: int, now: float) -> list[Event]:
        """Take the playback's completed-rep count at clock time ``now``; return what happened."""
        events = self.tick(now)
        new = completed_reps - self._seen
        self._seen = max(self._seen, completed_reps)
        if new <= 0 or self.state is not State.EXERCISING:
            return events
        counted = min(new, self.plan.reps_per_set - self.reps_in_set)
        self.reps_in_set += counted
        events += [Event.REP] * counted
        if self.reps_in_set == self.plan.reps_per_set:
            if self.set_index + 1 == self.plan.sets:
                self.state = State.FINISHED
                events.append(Event.FINISHED)
            else:
                self.state = State.RESTING
                self.rest_until = now + self.plan.rest_s
                events.append(Event.SET_DONE)
        return events

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
