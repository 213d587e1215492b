"""The guided home session on a tutorial: a thin Qt adapter over the pure state machine.

:class:`flossgui.model.guided_session.GuidedSession` decides everything (stages, what Play means,
what is counted, what goes into the diary). This adapter drives a
:class:`~flossgui.ui.shell.tutorial.Tutorial` for it while a session runs (``tutorial.driver``):
it forwards the clock and the patient's choices to the model, moves or holds the figure as the
model says, plays the cues, writes the model's records to the
:class:`~flossgui.diary.store.History`, and tells the views when to redraw. If the diary fails,
the session goes on unrecorded and :attr:`history_failed` says so once.

Cues come from cycle positions (:meth:`CueSchedule.between` over the previous and the current
frame), so they stay in step with the figure at any speed and however many frames are dropped.
"""

from __future__ import annotations

import logging
import math
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from flossgui.model import guided_session as machine
from flossgui.model.cues import Countdown, Cue, CueSchedule, session_cues
from flossgui.model.exercise import builtin_exercise
from flossgui.model.guided_session import Stage
from flossgui.model.monitoring import Spread, is_warning
from flossgui.model.motion import Frame
from flossgui.model.programme import Programme, dumps_programme
from flossgui.model.session import Event, SessionPlan
from flossgui.model.symptoms import Choice, Symptoms
from flossgui.ui.session.audio import CuePlayer
from flossgui.ui.shell.tutorial import Tutorial
from flossgui.ui.theme.tr import tr

if TYPE_CHECKING:
    from flossgui.diary.store import History

log = logging.getLogger(__name__)

__all__ = ["GuidedSession", "Stage"]


class GuidedSession(QObject):
    """One programme at a time played as a guided session on a tutorial, with cues and a diary."""

    stage_changed = Signal(object)  # Stage
    countdown_changed = Signal(int)  # 3, 2, 1 (0 when the count-in is over)
    answered_changed = Signal()  # the check after a set was answered, or the range changed
    history_failed = Signal(str)  # the diary stopped working (emitted once)
    worse_requested = Signal()  # "my symptoms increased" while the check is open: show its "worse" choices

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
        self.history = history
        self.model = machine.GuidedSession(tutorial.counter, programme)
        self.schedule = CueSchedule(tutorial.movement.exercise.phases)
        self.session_id: int | None = None
        self.leg_scores: dict[int, int] = {}  # this session's leg scores, by set
        self.own_plan: SessionPlan | None = None  # the patient's targets, given back afterwards
        self._stage = Stage.IDLE
        self._answered = False
        self._answered_range = self.model.range_percent
        self._can_play = True
        self._shown: int | None = None
        self._prev_now: float | None = None
        self._countdown: Countdown | None = None  # the count-in whose cues were last given
        self._prev_cycles = tutorial.frame.cycles
        self._set_start = 0
        self._events: list[Event] = []  # of the last tick, for the frame that follows it
        self._cues: list[Cue] = []  # waiting for that frame
        self._counted = False  # that tick began in a set (its last rep's cue is due, even if the set ended)
        tutorial.frame_changed.connect(self._on_frame_changed)

    # -- what the views read -------------------------------------------------------------------

    @property
    def stage(self) -> Stage:
        return self.model.stage

    @property
    def programme(self) -> Programme:
        """The programme of the session running, or the one the next session will use."""
        return self.model.programme

    @programme.setter
    def programme(self, programme: Programme) -> None:
        if not self.model.active:
            self.model.programme = programme

    @property
    def active(self) -> bool:
        """The session drives the tutorial (from the count-in until the last check is answered)."""
        return self.model.active

    @property
    def in_progress(self) -> bool:
        """Stopping now would cut the session short."""
        return self.model.in_progress

    @property
    def asking(self) -> bool:
        return self.model.asking

    @property
    def answered(self) -> bool:
        return self.model.answered

    @property
    def waiting_for_answer(self) -> bool:
        """The rest is over, but the check has not been answered yet."""
        return self.model.stage is Stage.CHECK

    @property
    def asking_since(self) -> float | None:
        """Clock time the open check was first asked (the set's end); None when nothing is asked."""
        return self.model.asking_since if self.model.asking else None

    @property
    def waiting_since(self) -> float | None:
        """Clock time since which the check waits with nothing else going on (the rest ran out, or the
        last set ended); None otherwise. A spoken question is asked again from here."""
        return self.model.waiting_since

    @property
    def last_answer(self) -> tuple[Symptoms, Choice] | None:
        return self.model.last_answer

    @property
    def done_set(self) -> int:
        return self.model.done_set

    @property
    def reps_done(self) -> int:
        return self.model.reps_done

    @property
    def can_play(self) -> bool:
        return self.model.can_play

    def next_side(self) -> str:
        """The leg of the set after the rest."""
        return self.model.side

    # -- the patient's choices -----------------------------------------------------------------

    def start(self, programme: Programme | None = None) -> None:
        """Start ``programme`` (default: the current one): its exercise (or grade), targets, tempo, range and
        first leg, then count in."""
        t = self.tutorial
        if self.own_plan is None:
            self.own_plan = t.counter.plan
        programme = programme or self.model.programme
        if t.movement.exercise.id != programme.exercise:  # the programme's exercise or grade, never a comparison
            t.set_exercise(builtin_exercise(programme.exercise))
        speed = programme.speed(t.movement.exercise.period_s)
        t.set_speed(speed)
        t.set_driver(self)
        self.leg_scores = {}
        self.model.start(programme, t.clock(), math.floor(t.playback.cycles), speed)
        t.set_plan(t.counter.plan)  # the counter shows the session's targets, held at the start pose
        self._sync()

    def answer(self, symptoms: Symptoms, choice: Choice) -> None:
        """The check after a set (see :meth:`machine.GuidedSession.answer`)."""
        self.model.answer(symptoms, choice, self.tutorial.clock())
        self._sync()

    def record_leg(self, score: int, spread: Spread) -> bool:
        """The leg check after the set just done: into the diary; True when it means "do less" (spreading
        further down the leg, or a score 2 or more above the set before's)."""
        index, history, session_id = self.model.done_set, self.history, self.session_id
        self.leg_scores[index] = score
        if history is not None and session_id is not None:
            self._safely(lambda: history.record_leg(session_id, index, score, spread))
        return is_warning(spread, None, score, self.leg_scores.get(index - 1))

    def next_set_now(self) -> None:
        """Cut the rest short (once the check is answered) and count in to the next set."""
        self.model.next_set_now(self.tutorial.clock())
        self._sync()

    def stop(self) -> None:
        """End the session now (Session ▸ Stop session, or closing the window); a partial set is kept."""
        self.model.stop(self.tutorial.clock())
        self._sync()

    def dismiss(self) -> None:
        """Leave the finished or stopped session behind."""
        self.model.dismiss()
        self._sync()

    # -- the tutorial's driver (see flossgui.ui.shell.tutorial.Driver) --------------------------

    def observe(self, completed_reps: int, now: float, completed_at: Callable[[int], float]) -> list[Event]:
        countdown = self.model.countdown if self.model.stage is Stage.COUNT_IN else None
        self._counted = self.model.stage is Stage.REPS  # the frame of this tick belongs to the set
        events = self.model.update(now, completed_reps, completed_at)
        if countdown is not None:  # 3, 2, 1 and "go", each on its second however frames fall
            if countdown != self._countdown:  # a new count-in: its cues from its start, once
                self._countdown, self._prev_now = countdown, None
            self._cues += countdown.between(self._prev_now, now)
            self._prev_now = now
        self._cues += session_cues(events)
        self._events = events
        self._sync()
        return events

    def play_pressed(self) -> None:
        self.model.play(self.tutorial.clock())
        self._sync()

    def pause_pressed(self) -> None:
        self.model.pause(self.tutorial.clock())
        self._sync()

    def symptoms_increased(self) -> bool:
        if self.model.asking:  # the check after the set is open: its "worse" asks the same
            self.worse_requested.emit()
            return False
        self.model.symptoms_increased(self.tutorial.clock())
        self._sync()
        return True

    def after_increase(self, choice: Choice) -> None:
        now = self.tutorial.clock()
        if self.model.increase_pending:
            self.model.after_increase(choice, now)
        elif choice is Choice.STOP:
            self.model.stop(now)
        self._sync()

    # -- following the model -------------------------------------------------------------------

    def _sync(self) -> None:
        """Make the tutorial, the diary and the views agree with the model."""
        m, t = self.model, self.tutorial
        fraction = m.range_percent / 100.0
        if m.active and (t.setup.side != m.side or not math.isclose(t.setup.range_fraction, fraction)):
            t.set_setup(side=m.side, range_fraction=fraction)
        if t.driver is self:
            if m.moving and not t.playing:
                t.move(at=m.moving_since)
            elif not m.moving and t.playing:
                t.hold()
        for record in m.take_records():
            self._write(record)
        self._show_countdown(m.count_in_showing(t.clock()))
        if m.stage is not self._stage:
            self._on_stage(m.stage)
        if (m.answered, m.range_percent) != (self._answered, self._answered_range):
            self._answered, self._answered_range = m.answered, m.range_percent
            self.answered_changed.emit()
        if m.can_play != self._can_play:
            self._can_play = m.can_play
            t.playback_changed.emit()  # whether Play means something changed

    def _on_stage(self, stage: Stage) -> None:
        t = self.tutorial
        self._stage = stage
        t.hold_frames(self, stage is Stage.COUNT_IN)  # the count-in runs over a still figure
        if stage is Stage.REPS:
            self._set_start = math.floor(t.playback.cycles)
            self._prev_cycles = t.playback.cycles
        if not self.model.active and t.driver is self:
            t.set_driver(None)  # the tutorial is the patient's again: Play works at once
            if self.own_plan is not None:
                t.set_plan(self.own_plan)
                self.own_plan = None
        self.stage_changed.emit(stage)

    def _show_countdown(self, number: int | None) -> None:
        if number != self._shown:
            self._shown = number
            self.countdown_changed.emit(number or 0)

    def _on_frame_changed(self, frame: Frame) -> None:
        events, self._events = self._events, []
        cues, self._cues = self._cues, []
        counted, self._counted = self._counted, False
        if (counted or self.model.stage is Stage.REPS) and (self.tutorial.playing or events):
            set_end = self._set_start + self.tutorial.counter.plan.reps_per_set
            leads = self.player.instruction_leads(self.schedule, self.tutorial.playback.seconds_per_rep)
            cues = self.schedule.between(self._prev_cycles, frame.cycles, self._set_start, set_end, leads) + cues
        self._prev_cycles = frame.cycles
        if cues:
            self.player.play(cues)

    # -- the diary -----------------------------------------------------------------------------

    def _write(self, record: machine.Record) -> None:
        """One record of the model into the diary (skipped when there is none)."""
        if isinstance(record, machine.SessionStarted):
            p = record.programme
            self.session_id = None
            if self.history is not None:
                self._safely(lambda: self._start_record(p, record.speed))
            return
        history, session_id = self.history, self.session_id
        if history is None or session_id is None:
            return
        match record:
            case machine.SetEnded(index, reps, side, range_percent, _):
                exercise, grade = self.tutorial.movement.exercise.id, self.model.programme.grade or None
                write = lambda: history.record_set(  # noqa: E731
                    session_id, index, reps=reps, side=side, range_percent=range_percent, exercise=exercise,
                    grade=grade,
                )  # fmt: skip
            case machine.CheckAnswered(index, symptoms, choice):
                write = lambda: history.record_symptoms(session_id, index, symptoms, choice)  # noqa: E731
            case machine.SymptomsIncreased(index, reps, range_percent, choice):
                write = lambda: history.record_symptoms_increased(  # noqa: E731
                    session_id, index, reps=reps, range_percent=range_percent, choice=choice
                )
            case machine.SessionEnded(outcome):
                write = lambda: history.end_session(session_id, outcome)  # noqa: E731
        self._safely(write)

    def _start_record(self, p: Programme, speed: float) -> None:
        assert self.history is not None
        self.session_id = self.history.start_session(
            exercise=self.tutorial.movement.exercise.id,
            side=p.side,
            reps_per_set=p.reps,
            sets_planned=p.session_plan().sets,
            range_percent=p.range_percent,
            speed=speed,
            programme=p.title,
            prescription=dumps_programme(p),  # the whole prescription, for the clinician's report
        )

    def _safely(self, write: Callable[[], object]) -> None:
        """Run a diary write; on failure, carry on without the diary and say so once."""
        try:
            write()
        except (sqlite3.Error, OSError, KeyError) as exc:
            log.warning("exercise history: %s; this session is not recorded", exc)
            self.history = None
            self.history_failed.emit(str(exc))


def caption_words(guided: GuidedSession) -> str | None:
    """The shared caption while a check waits for its answer (None: the tutorial's own words).

    Between sets the next set waits for the answer, so the caption must not count down to it.
    """
    if not guided.asking:
        return None
    if guided.stage is Stage.LAST_CHECK:
        return tr("guided.caption.last_check")
    return tr("guided.caption.rest_over" if guided.waiting_for_answer else "guided.caption.answer_first")
