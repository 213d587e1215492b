"""The guided home session as a state machine of the clock and the patient's choices (no Qt).

::

    IDLE ─start─▶ COUNT_IN (3-2-1) ─▶ REPS ─set done─▶ REST ─rest over, answered─▶ COUNT_IN …
                                        │                 └─rest over, not answered─▶ CHECK ─answered─▶ COUNT_IN
                                        └─last set done─▶ LAST_CHECK ─answered─▶ FINISHED
    any stage of a running session ─stop─▶ STOPPED         FINISHED, STOPPED ─dismiss─▶ IDLE

Reps are counted only in REPS: everywhere else the counter is told where the playback is
(:meth:`SessionCounter.rebase`) and counts nothing. The check after a set opens when the set ends
and runs alongside the rest; the next set waits for its answer. Play means something only
where there is something to play (:attr:`GuidedSession.can_play`).

The machine keeps no clock: every call carries the clock time ``now``. What must go into the diary
is queued as records (:meth:`GuidedSession.take_records`), in the order it happened, for the
adapter to write.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, replace

from flossgui.model.cues import Countdown
from flossgui.model.programme import Programme
from flossgui.model.session import Event, SessionCounter, State
from flossgui.model.symptoms import Choice, Symptoms, smaller_range


class Stage(enum.Enum):
    IDLE = "idle"  # no session: the tutorial is the patient's to play freely
    COUNT_IN = "count_in"  # 3-2-1 before a set, held at the start pose
    REPS = "reps"  # a set: the only stage that counts reps
    REST = "rest"  # between sets; the check after the set is open until answered
    CHECK = "check"  # the rest is over; the next set waits for the check's answer
    LAST_CHECK = "last_check"  # all sets done; the check after the last set waits
    FINISHED = "finished"
    STOPPED = "stopped"


#: Stages of a session that stopping (or closing the window) would cut short.
IN_PROGRESS = frozenset({Stage.COUNT_IN, Stage.REPS, Stage.REST, Stage.CHECK})
#: Stages in which the symptom check waits for its answer (in REST only until it is answered).
ASKING = frozenset({Stage.REST, Stage.CHECK, Stage.LAST_CHECK})


@dataclass(frozen=True, slots=True)
class SessionStarted:
    """A session began with this programme (its range as it starts)."""

    programme: Programme
    speed: float


@dataclass(frozen=True, slots=True)
class SetEnded:
    """A set ended: done in full, or cut short (``complete`` False) with the reps done so far."""

    index: int
    reps: int
    side: str
    range_percent: float
    complete: bool


@dataclass(frozen=True, slots=True)
class CheckAnswered:
    """The answer to the check after set ``index``."""

    index: int
    symptoms: Symptoms
    choice: Choice


@dataclass(frozen=True, slots=True)
class SymptomsIncreased:
    """ "My symptoms increased" during set ``index``, after ``reps`` reps of it, and what the patient chose."""

    index: int
    reps: int
    range_percent: float
    choice: Choice


@dataclass(frozen=True, slots=True)
class SessionEnded:
    outcome: str  # "finished" or "stopped"


Record = SessionStarted | SetEnded | CheckAnswered | SymptomsIncreased | SessionEnded


class GuidedSession:
    """One guided session at a time, driven by clock times and the patient's choices."""

    def __init__(self, counter: SessionCounter | None = None, programme: Programme | None = None) -> None:
        self.counter = counter or SessionCounter()
        self.programme = programme or Programme()  # the one running, or the next
        self.stage = Stage.IDLE
        self.range_percent = self.programme.range_percent  # now (smaller after "make it smaller")
        self.moving = False  # the figure should move (only ever in REPS)
        self.moving_since: float | None = None  # clock time from which it moves
        self.countdown: Countdown | None = None
        self.answered = False
        self.last_answer: tuple[Symptoms, Choice] | None = None
        self.done_set = -1  # the last set that ended
        self.reps_done = 0  # in the whole session, once it ended
        self.asking_since: float | None = None  # the check opened (the set ended) at this clock time
        #: The next thing waits for the check's answer since this clock time: the rest ran out unanswered
        #: (CHECK), or the last set ended (LAST_CHECK). For a question asked again while it waits.
        self.waiting_since: float | None = None
        self.increase_pending = False  # "my symptoms increased" waits for the patient's choice
        self._resume_after_increase = False
        self._records: list[Record] = []

    # -- what the adapter reads ----------------------------------------------------------------

    @property
    def in_progress(self) -> bool:
        """A session is running that stopping would cut short (the last check alone is not)."""
        return self.stage in IN_PROGRESS

    @property
    def active(self) -> bool:
        """The session drives the tutorial: from the count-in until the last check is answered."""
        return self.stage in IN_PROGRESS or self.stage is Stage.LAST_CHECK

    @property
    def asking(self) -> bool:
        """The check after a set waits for its answer."""
        return self.stage in ASKING and not self.answered

    @property
    def can_play(self) -> bool:
        """Whether Play means something now: not while a question waits for its answer."""
        if self.increase_pending:
            return False
        if self.stage in (Stage.CHECK, Stage.LAST_CHECK):
            return False
        return not (self.stage is Stage.REST and not self.answered)

    @property
    def set_index(self) -> int:
        """The set being done or counted in to, or during a rest and its check the one just done (0-based)."""
        if self.stage in ASKING:
            return self.done_set
        return self.counter.set_index

    @property
    def side(self) -> str:
        """The leg of the set being done, or of the next one from a rest."""
        upcoming = self.done_set + 1 if self.stage in (Stage.REST, Stage.CHECK) else self.counter.set_index
        return self.programme.side_for_set(upcoming)

    def count_in_showing(self, now: float) -> int | None:
        """The 3, 2, 1 to show at ``now`` (None outside the count-in)."""
        return self.countdown.showing(now) if self.stage is Stage.COUNT_IN and self.countdown else None

    def take_records(self) -> list[Record]:
        """What happened since the last call, for the diary, oldest first."""
        records, self._records = self._records, []
        return records

    # -- the session ---------------------------------------------------------------------------

    def start(self, programme: Programme, now: float, completed_reps: int, speed: float = 1.0) -> None:
        """Start ``programme`` (its targets, range and first leg) and count in; a running session ends first."""
        if self.active:
            self.stop(now)
        self.programme = programme
        self.range_percent = programme.range_percent
        self.counter.plan = programme.session_plan()
        self.counter.reset(completed_reps)
        self.done_set = -1
        self.reps_done = 0
        self.answered = False
        self.last_answer = None
        self.increase_pending = False
        self._records.append(SessionStarted(programme, speed))
        self._count_in(now)

    def update(
        self, now: float, completed_reps: int, completed_at: Callable[[int], float] | None = None
    ) -> list[Event]:
        """The playback has completed ``completed_reps`` reps at ``now``: count them (in REPS only), and
        move on when the count-in or a rest is over. Returns the counter's events (for the cues)."""
        if self.stage is not Stage.REPS:
            self.counter.rebase(completed_reps)  # whatever the playback did, nothing is counted here
            return self._advance(now)
        events = self.counter.observe(completed_reps, now, completed_at)
        if Event.SET_DONE in events:
            self._end_set(complete=True)
            self._set_stage(Stage.REST)
            self.asking_since = self.counter.rest_until - self.counter.plan.rest_s
        elif Event.FINISHED in events:
            self._end_set(complete=True)
            self.reps_done = self.counter.reps_done
            self._records.append(SessionEnded("finished"))
            self._set_stage(Stage.LAST_CHECK)
            ended = completed_at(self.counter.set_end_rep) if completed_at else now
            self.asking_since = self.waiting_since = ended
        return events

    def _advance(self, now: float) -> list[Event]:
        """Time alone moves the count-in on, and ends a rest."""
        if self.stage is Stage.COUNT_IN and self.countdown is not None and self.countdown.done(now):
            self._begin_set(self.countdown.started_at + self.countdown.seconds)
        elif self.stage is Stage.REST and self.counter.state is State.RESTING:
            events = self.counter.tick(now)
            if events:
                if self.answered:
                    self._count_in(self.counter.rest_until)  # exactly when the rest ended
                else:
                    self.waiting_since = self.counter.rest_until
                    self._set_stage(Stage.CHECK)
            return events
        return []

    def play(self, now: float) -> None:
        """Play pressed: skip the count-in, resume a paused set, or cut a rest short once the check is answered."""
        if not self.can_play:
            return
        if self.stage is Stage.COUNT_IN:
            self._begin_set(now)
        elif self.stage is Stage.REPS and not self.moving:
            self.moving, self.moving_since = True, now
        elif self.stage is Stage.REST:
            self.next_set_now(now)

    def pause(self, now: float) -> None:
        """Pause pressed (or the patient scrubbed): the set holds where it is."""
        if self.stage is Stage.REPS:
            self.moving, self.moving_since = False, None

    def next_set_now(self, now: float) -> None:
        """Cut the rest short (once the check is answered) and count in to the next set."""
        if self.stage is Stage.REST and self.answered:
            self.counter.end_rest()
            self._count_in(now)

    def answer(self, symptoms: Symptoms, choice: Choice, now: float) -> None:
        """The check after a set. Between sets: carry on, make the movement smaller, or stop. After the
        last set: "smaller" makes the next session smaller; the session is finished either way."""
        if not self.asking:
            return
        self.last_answer = (symptoms, choice)
        self._records.append(CheckAnswered(self.done_set, symptoms, choice))
        if self.stage is Stage.LAST_CHECK:
            if choice is Choice.SMALLER:
                smaller = min(self.programme.range_percent, self.smaller())
                self.programme = replace(self.programme, range_percent=smaller)
            self.answered = True
            self._set_stage(Stage.FINISHED)
            return
        if choice is Choice.STOP:
            self.stop(now)
            return
        if choice is Choice.SMALLER:
            self.range_percent = self.smaller()
        self.answered = True
        if self.stage is Stage.CHECK:  # the rest ran out while they thought
            self._count_in(now)

    def smaller(self) -> float:
        """The range "make the movement smaller" leads to from here (the one rule: :func:`smaller_range`)."""
        return smaller_range(self.range_percent)

    def symptoms_increased(self, now: float) -> None:
        """ "My symptoms increased" during the session: hold still until the patient chooses what to do."""
        if not self.in_progress or self.increase_pending:
            return
        self.increase_pending = True
        self._resume_after_increase = self.moving or self.stage is Stage.COUNT_IN
        if self.stage is Stage.COUNT_IN:
            self.countdown = None  # held; carrying on counts in afresh
        self.pause(now)

    def after_increase(self, choice: Choice, now: float) -> None:
        """What the patient chose after "my symptoms increased": carry on (the movement goes on as it was),
        make it smaller (it stays still until Play: they go on when ready), or stop."""
        if not self.increase_pending:
            return
        self.increase_pending = False
        index = self.counter.set_index if self.stage is Stage.REPS else self.done_set
        reps = self.counter.reps_in_set if self.stage is Stage.REPS else 0
        self._records.append(SymptomsIncreased(max(index, 0), reps, self.range_percent, choice))
        if choice is Choice.STOP:
            self.stop(now)
            return
        if choice is Choice.SMALLER:
            self.range_percent = self.smaller()
        elif self.stage is Stage.COUNT_IN:
            self._count_in(now)
        elif self._resume_after_increase:
            self.play(now)

    def stop(self, now: float) -> None:
        """End the session now; a set cut short is recorded with the reps done so far."""
        if not self.active:
            return
        self.increase_pending = False
        if self.stage is Stage.LAST_CHECK:  # finished already: only the answer is left unsaid
            self._set_stage(Stage.FINISHED)
            return
        if self.stage is Stage.REPS and self.counter.reps_in_set > 0:
            self._end_set(complete=False)
        self.reps_done = self.counter.reps_done
        self._records.append(SessionEnded("stopped"))
        self._set_stage(Stage.STOPPED)

    def dismiss(self) -> None:
        """Leave the finished or stopped session behind: the tutorial is the patient's again."""
        if self.stage in (Stage.FINISHED, Stage.STOPPED):
            self._set_stage(Stage.IDLE)

    # -- inside --------------------------------------------------------------------------------

    def _set_stage(self, stage: Stage) -> None:
        self.stage = stage
        if stage is not Stage.REPS:
            self.moving, self.moving_since = False, None
        if stage is not Stage.COUNT_IN:
            self.countdown = None
        if stage in (Stage.REST, Stage.LAST_CHECK):
            self.answered, self.last_answer, self.waiting_since = False, None, None
        if stage not in ASKING:
            self.asking_since = self.waiting_since = None

    def _count_in(self, at: float) -> None:
        self.countdown = Countdown(at)
        self._set_stage(Stage.COUNT_IN)

    def _begin_set(self, at: float) -> None:
        self._set_stage(Stage.REPS)
        self.moving, self.moving_since = True, at

    def _end_set(self, *, complete: bool) -> None:
        index = self.counter.set_index
        self.done_set = index
        self._records.append(
            SetEnded(index, self.counter.reps_in_set, self.programme.side_for_set(index), self.range_percent, complete)
        )
