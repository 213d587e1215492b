"""A guided home session: count in, lead the reps with cues, rest, ask, and keep the diary.

:class:`GuidedSession` drives a :class:`~flossgui.ui.shell.tutorial.Tutorial` through a
:class:`~flossgui.model.programme.Programme`::

    READY ─start─▶ COUNTDOWN (3-2-1) ─▶ EXERCISING ─set done─▶ RESTING ─rest over + answered─▶ COUNTDOWN …
                                             └─last set─▶ FINISHED        └─"stop"─▶ STOPPED

The same check follows the last set, in FINISHED, and is recorded against that set. With no set
left to change, "make it smaller" there applies to the next session (the programme's range).

It keeps no clock of its own: every step is read from the tutorial's frames and events.
Cues come from cycle positions (:meth:`CueSchedule.between` over the previous and the current
frame), so they stay in step with the figure at any speed and however many frames are dropped.
Every set, symptom answer and the outcome go to the :class:`~flossgui.diary.store.History` as they
happen; if the diary fails, the session goes on unrecorded and :attr:`history_failed` says so once.
"""

from __future__ import annotations

import enum
import logging
import math
import sqlite3
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from flossgui.diary.store import History, Outcome
from flossgui.model.cues import Countdown, Cue, CueSchedule, session_cues
from flossgui.model.motion import Frame
from flossgui.model.programme import Programme
from flossgui.model.session import Event, State
from flossgui.model.symptoms import Choice, Symptoms, smaller_range
from flossgui.ui.session.audio import CuePlayer
from flossgui.ui.shell.tutorial import Tutorial

log = logging.getLogger(__name__)


class Stage(enum.Enum):
    READY = "ready"
    COUNTDOWN = "countdown"
    EXERCISING = "exercising"
    RESTING = "resting"
    FINISHED = "finished"
    STOPPED = "stopped"


ACTIVE = (Stage.COUNTDOWN, Stage.EXERCISING, Stage.RESTING)


class GuidedSession(QObject):
    """One programme played as a guided session on a tutorial, with cues and a diary."""

    stage_changed = Signal(object)  # Stage
    countdown_changed = Signal(int)  # 3, 2, 1 (0 when the countdown is over)
    answered_changed = Signal()  # the check after a set (or after the last one) was answered
    history_failed = Signal(str)  # the diary stopped working (emitted once)

    def __init__(
        self,
        tutorial: Tutorial,
        player: CuePlayer,
        programme: Programme,
        history: History | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tutorial = tutorial
        self.player = player
        self.programme = programme
        self.history = history
        self.schedule = CueSchedule(tutorial.movement.exercise.phases)
        self.stage = Stage.READY
        self.session_id: int | None = None
        self.answered = False
        self.last_answer: tuple[Symptoms, Choice] | None = None
        self.countdown: Countdown | None = None
        self.done_set = 0  # the last set completed
        self.reps_done = 0  # in the whole session, once it ended
        self._shown: int | None = None
        self._prev_now: float | None = None
        self._prev_cycles = tutorial.frame.cycles
        self._set_start = 0
        self._events: list[Event] = []
        tutorial.session_events.connect(self._on_session_events)
        tutorial.frame_changed.connect(self._on_frame_changed)
        tutorial.playback_changed.connect(self._on_playback_changed)
        tutorial.next_set_requested.connect(self.next_set_now)
        tutorial.stopped_for_today.connect(self._on_stopped_for_today)

    # -- what the views read -------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.stage in ACTIVE

    @property
    def set_index(self) -> int:
        """The set being done, or during a rest the one just done (0-based)."""
        return self.done_set if self.stage is Stage.RESTING else self.tutorial.counter.set_index

    @property
    def waiting_for_answer(self) -> bool:
        """The rest is over, but the check has not been answered yet."""
        return self.stage is Stage.RESTING and not self.answered and self.tutorial.counter.state is not State.RESTING

    @property
    def asking(self) -> bool:
        """The check after a set (between sets, or after the last) waits for its answer."""
        return self.stage in (Stage.RESTING, Stage.FINISHED) and not self.answered

    def next_side(self) -> str:
        """The leg of the set after the rest."""
        return self.programme.side_for_set(self.done_set + 1)

    # -- driving -----------------------------------------------------------------------------

    def start(self) -> None:
        """Apply the programme (targets, tempo, range, first leg) and count in to the first set."""
        p, t = self.programme, self.tutorial
        t.auto_resume = False
        t.set_speed(p.speed(t.movement.exercise.period_s))
        t.set_range_percent(p.range_percent)
        t.set_side(p.side_for_set(0))
        t.set_plan(p.session_plan())  # starts the count over, held at the start pose
        self.session_id = None
        self.reps_done = 0
        if self.history is not None:
            self._safely(self._start_record)
        self._begin_countdown()

    def answer(self, symptoms: Symptoms, choice: Choice) -> None:
        """The check after a set: record it, then make the movement smaller, stop, or carry on.

        After the last set there is nothing left to stop or carry on: "smaller" makes the next
        session's movement smaller than this one's (:attr:`programme` changes), "stop" is recorded.
        """
        if not self.asking:
            return
        self.last_answer = (symptoms, choice)
        self._record(lambda h, sid: h.record_symptoms(sid, self.done_set, symptoms, choice))
        if self.stage is Stage.FINISHED:
            now = self.tutorial.range_percent
            smaller = min(self.programme.range_percent, smaller_range(now))
            if choice is Choice.SMALLER and smaller < now:
                self.programme = replace(self.programme, range_percent=smaller)
            self.answered = True
            self.answered_changed.emit()
            return
        if choice is Choice.STOP:
            self.tutorial.stop_for_today()
            return
        if choice is Choice.SMALLER:
            self.tutorial.set_range_percent(smaller_range(self.tutorial.range_percent))
        self.answered = True
        self.answered_changed.emit()
        if self.tutorial.counter.state is not State.RESTING:  # the rest ran out while they thought
            self._next_set()

    def next_set_now(self) -> None:
        """Cut the rest short (once the check is answered) and count in to the next set."""
        if self.stage is Stage.RESTING and self.answered:
            if self.tutorial.counter.state is State.RESTING:
                self.tutorial.end_rest()
            self._next_set()

    def _begin_countdown(self) -> None:
        self.countdown = Countdown(self.tutorial.clock())
        self._prev_now = None
        self._shown = None
        self._set_stage(Stage.COUNTDOWN)

    def _next_set(self) -> None:
        self.tutorial.set_side(self.programme.side_for_set(self.done_set + 1))
        self._begin_countdown()

    def _set_stage(self, stage: Stage) -> None:
        if stage is not self.stage:
            self.stage = stage
            self.tutorial.hold_frames(self, stage is Stage.COUNTDOWN)  # the count-in runs over a still figure
            self.stage_changed.emit(stage)

    def _begin_set(self) -> None:
        self._set_start = math.floor(self.tutorial.playback.cycles)
        self._prev_cycles = self.tutorial.playback.cycles
        self._set_stage(Stage.EXERCISING)

    # -- following the tutorial ----------------------------------------------------------------

    def _on_session_events(self, events: list[Event]) -> None:
        self._events = list(events)

    def _on_frame_changed(self, frame: Frame) -> None:
        events, self._events = self._events, []
        cues: list[Cue] = []
        if self.stage is Stage.EXERCISING and (self.tutorial.playing or events):
            set_end = self._set_start + self.tutorial.counter.plan.reps_per_set
            leads = self.player.instruction_leads(self.schedule, self.tutorial.playback.seconds_per_rep)
            cues += self.schedule.between(self._prev_cycles, frame.cycles, self._set_start, set_end, leads)
        self._prev_cycles = frame.cycles
        if self.active:
            cues += session_cues(events)
            for event in events:
                self._on_event(event)
        if self.stage is Stage.COUNTDOWN:
            cues += self._countdown_tick()
        self.player.play(cues)

    def _countdown_tick(self) -> list[Cue]:
        assert self.countdown is not None
        now = self.tutorial.clock()
        cues = self.countdown.between(self._prev_now, now)
        self._prev_now = now
        shown = self.countdown.showing(now)
        if shown != self._shown:
            self._shown = shown
            self.countdown_changed.emit(shown or 0)
        if self.countdown.done(now):
            self._begin_set()
            self.tutorial.play()
        return cues

    def _on_event(self, event: Event) -> None:
        if event in (Event.SET_DONE, Event.FINISHED):
            self.done_set = self.tutorial.counter.set_index
            reps = self.tutorial.counter.reps_in_set
            self._record(lambda h, sid: self._record_set(h, sid, reps))
        if event in (Event.SET_DONE, Event.FINISHED):
            self.answered = False  # a new check, after this set
            self.last_answer = None
        if event is Event.SET_DONE:
            self._set_stage(Stage.RESTING)
        elif event is Event.FINISHED:
            self._end("finished")
        elif event is Event.REST_OVER and self.answered:
            self._next_set()

    def _on_playback_changed(self) -> None:
        if self.stage is Stage.COUNTDOWN and self.tutorial.playing:  # Play pressed during the count-in
            self.countdown_changed.emit(0)
            self._begin_set()

    def _on_stopped_for_today(self) -> None:
        if not self.active:
            return
        counter = self.tutorial.counter
        if counter.state is State.EXERCISING and counter.reps_in_set > 0:
            self.done_set, reps = counter.set_index, counter.reps_in_set
            self._record(lambda h, sid: self._record_set(h, sid, reps))
        self._end("stopped")

    def _end(self, outcome: Outcome) -> None:
        self.reps_done = self.tutorial.counter.reps_done
        self._record(lambda h, sid: h.end_session(sid, outcome))
        self._set_stage(Stage.FINISHED if outcome == "finished" else Stage.STOPPED)
        if outcome == "stopped":
            self.tutorial.reset_session()  # no rest left running to restart the movement
        self.tutorial.auto_resume = True

    # -- the diary -----------------------------------------------------------------------------

    def _start_record(self) -> None:
        assert self.history is not None
        p, t = self.programme, self.tutorial
        self.session_id = self.history.start_session(
            exercise=t.movement.exercise.id,
            side=p.side,
            reps_per_set=p.reps,
            sets_planned=t.counter.plan.sets,
            range_percent=t.range_percent,
            speed=t.speed,
            programme=p.title,
        )

    def _record_set(self, history: History, session_id: int, reps: int) -> None:
        t = self.tutorial
        history.record_set(session_id, self.done_set, reps=reps, side=t.setup.side, range_percent=t.range_percent)

    def _record(self, write: Callable[[History, int], object]) -> None:
        """One write to this session's diary entry (skipped when there is no diary)."""
        history, session_id = self.history, self.session_id
        if history is not None and session_id is not None:
            self._safely(lambda: write(history, session_id))

    def _safely(self, write: Callable[[], object]) -> None:
        """Run a diary write; on failure, carry on without the diary and say so once."""
        try:
            write()
        except (sqlite3.Error, OSError) as exc:
            log.warning("exercise history: %s; this session is not recorded", exc)
            self.history = None
            self.history_failed.emit(str(exc))
