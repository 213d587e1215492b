"""The tutorial's state in one QObject: the movement, its playback and the session counter.

Widgets never keep time or state of their own: they call this object's methods and redraw
from its signals. Each tick reads the position from the monotonic clock (never counts
frames), so pausing, speed changes, scrubbing and dropped frames cannot drift the movement
or the count. The clock is injected, so tests drive it by hand.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from flossgui.model.body import Body
from flossgui.model.exercise import Exercise
from flossgui.model.motion import RANGE_LIMITS, Frame, Movement, Setup
from flossgui.model.playback import Clock, Playback
from flossgui.model.session import Event, SessionCounter, SessionPlan, State
from flossgui.model.symptoms import Choice, smaller_range

#: Speed steps offered to patients (1 = one rep in the exercise's period).
SPEED_STEPS: tuple[float, ...] = (0.5, 0.75, 1.0, 1.5, 2.0)
#: Range of movement steps in percent (the + and − keys).
RANGE_STEP_PERCENT = 10
FRAME_INTERVAL_MS = 16  # ≈ 60 Hz; the position comes from the clock, so jitter does not matter


class Driver(Protocol):
    """What takes the tutorial over for a while (a guided session): the count, Play, Pause, symptoms."""

    @property
    def can_play(self) -> bool: ...

    def observe(self, completed_reps: int, now: float, completed_at: Callable[[int], float]) -> list[Event]: ...

    def play_pressed(self) -> None: ...

    def pause_pressed(self) -> None: ...

    def symptoms_increased(self) -> bool: ...

    def after_increase(self, choice: Choice) -> None: ...


class Tutorial(QObject):
    """One exercise on one set-up, played from a clock, with reps and sets counted."""

    frame_changed = Signal(object)  # Frame
    movement_changed = Signal(object)  # Movement: person, seat, side or range changed
    playback_changed = Signal()  # playing, paused or speed changed
    session_changed = Signal()  # a rep counted, a rest started or ended, a new plan
    session_events = Signal(object)  # list[Event] of one tick, emitted before its frame

    def __init__(
        self,
        exercise: Exercise,
        setup: Setup | None = None,
        *,
        clock: Clock = time.monotonic,
        speed: float = 1.0,
        plan: SessionPlan | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.movement = Movement(exercise, setup)
        self.playback = Playback(exercise.period_s, clock, speed)
        self.counter = SessionCounter(plan)
        self._frame: Frame = self.movement.frame(0.0)
        self._passed_to: float | None = None  # where pass_to moved the picture on to, since the last frame
        #: A guided session, while one drives the count, Play and Pause (None: the patient's free play).
        self.driver: Driver | None = None
        self._resume_after_symptoms = False
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        self._started = False
        self._holders: set[object] = set()
        self.playback_changed.connect(self._update_timer)
        self.session_changed.connect(self._update_timer)

    # -- time ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Draw frames (about 60 a second) whenever something moves: while playing, during a rest's
        countdown, or while someone holds frames (:meth:`hold_frames`). Paused and idle, no timer runs."""
        self._started = True
        self._update_timer()

    def stop(self) -> None:
        """Draw no more frames until :meth:`start`."""
        self._started = False
        self._timer.stop()

    @property
    def ticking(self) -> bool:
        """Whether the tutorial draws frames when something moves (:meth:`start` without :meth:`stop`)."""
        return self._started

    @property
    def animating(self) -> bool:
        """Whether the frame timer runs right now."""
        return self._timer.isActive()

    def hold_frames(self, holder: object, on: bool) -> None:
        """Keep frames coming while paused (e.g. a count-in over a still figure) until released."""
        (self._holders.add if on else self._holders.discard)(holder)
        self._update_timer()

    def _update_timer(self) -> None:
        moving = self.playing or self.counter.state is State.RESTING or bool(self._holders)
        if self._started and moving and not self._timer.isActive():
            self._timer.start()
        elif self._timer.isActive() and not (self._started and moving):
            self._timer.stop()
            self.tick()  # the last frame shows where it stopped

    def tick(self) -> Frame:
        """Read the clock, count completed reps, and publish the frame for now."""
        frame = self.movement.frame(self.playback.cycles)
        observe = self.driver.observe if self.driver is not None else self.counter.observe
        events = observe(frame.rep, self.clock(), self.playback.time_of)
        if events:
            if Event.SET_DONE in events or Event.FINISHED in events:
                self._hold_at_start(self.counter.set_end_rep)
                frame = self.movement.frame(self.playback.cycles)
            if Event.REST_OVER in events and self.counter.state is State.EXERCISING and self.driver is None:
                self.playback.play(at=self.counter.rest_until)  # exactly when it ended, not when we noticed
                self.playback_changed.emit()
                frame = self.movement.frame(self.playback.cycles)
            self.session_events.emit(events)
            self.session_changed.emit()
        elif self.counter.state is State.RESTING:
            self.session_changed.emit()  # the countdown moved on
        self._publish(frame)
        return frame

    @property
    def frame(self) -> Frame:
        """The frame shown: the last one published, or the one :meth:`pass_to` moved on to."""
        if self._passed_to is not None:
            self._frame, self._passed_to = self.movement.frame(self._passed_to), None
        return self._frame

    def pass_to(self, cycles: float) -> bool:
        """Move the picture on to ``cycles`` without making or publishing its frame, if it lies in
        the rep and phase of the one shown, so that nothing but the picture changes: for a caller
        that draws it itself and counts nothing (the kiosk's loop). False, and nothing done,
        otherwise (then :meth:`tick`)."""
        if not self.movement.holds(self._frame, cycles):
            return False
        self._passed_to = cycles
        return True

    def _publish(self, frame: Frame) -> None:
        self._frame, self._passed_to = frame, None
        self.frame_changed.emit(frame)

    def _refresh(self) -> None:
        self._publish(self.movement.frame(self.playback.cycles))

    def _hold_at_start(self, rep: int) -> None:
        """Pause at the start pose of rep ``rep`` (for a rest, the end, or stopping)."""
        self.playback.seek(rep)
        self.playback.pause()
        self.counter.rebase(rep)
        self.playback_changed.emit()

    # -- playback -----------------------------------------------------------------------------

    @property
    def playing(self) -> bool:
        return self.playback.playing

    @property
    def can_play(self) -> bool:
        """Whether Play means something now (not while a guided session waits for an answer)."""
        return self.driver is None or self.driver.can_play

    def play(self) -> None:
        """Play; during a rest this skips the rest; once all sets are done it counts afresh.
        While a guided session drives, it decides what Play means."""
        if self.driver is not None:
            self.driver.play_pressed()
            return
        if self.counter.state is State.FINISHED:
            self.reset_session()
        if self.counter.state is State.RESTING:
            self.end_rest()
        self.move()

    def pause(self) -> None:
        if self.driver is not None:
            self.driver.pause_pressed()
            return
        self.hold()

    def move(self, at: float | None = None) -> None:
        """Start the movement from clock time ``at`` (default now), whoever asks (no questions)."""
        if not self.playback.playing:
            self.playback.play(at)
            self.playback_changed.emit()

    def hold(self) -> None:
        """Stop the movement where it is, whoever asks."""
        if self.playback.playing:
            self.playback.pause()
            self.playback_changed.emit()

    def set_driver(self, driver: Driver | None) -> None:
        """Let ``driver`` (a guided session) take the count, Play and Pause over; None gives them back."""
        self.driver = driver
        self.playback_changed.emit()  # whether Play means something may have changed

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    @property
    def speed(self) -> float:
        return self.playback.speed

    def set_speed(self, speed: float) -> None:
        """A new speed; the position in the movement is kept."""
        self.playback.speed = speed
        self.playback_changed.emit()

    def step_speed(self, steps: int) -> None:
        """Move ``steps`` along :data:`SPEED_STEPS` (from the nearest step)."""
        i = min(range(len(SPEED_STEPS)), key=lambda k: abs(SPEED_STEPS[k] - self.speed))
        self.set_speed(SPEED_STEPS[min(max(i + steps, 0), len(SPEED_STEPS) - 1)])

    def seek_phi(self, phi: float) -> None:
        """Scrub within the current rep to fraction ``phi`` (pauses; never counts a rep)."""
        self.pause()
        rep = math.floor(self.playback.cycles)
        self.playback.seek(rep + min(max(phi, 0.0), 0.999999))
        self._refresh()

    def step_phase(self, steps: int) -> None:
        """Pause at the start of the phase ``steps`` away, wrapping within the current rep."""
        phases = self.movement.exercise.phases
        frame = self.movement.frame(self.playback.cycles)
        index = frame.phase_index
        if steps < 0 and frame.phi - phases[index].start > 1e-6:
            steps += 1  # "previous" first goes back to the start of the current step
        self.seek_phi(phases[(index + steps) % len(phases)].start + 1e-9)  # inside it, despite rounding

    # -- set-up -------------------------------------------------------------------------------

    @property
    def setup(self) -> Setup:
        return self.movement.setup

    def set_setup(self, **changes: object) -> None:
        """Change the person, seat, side or range; the playback position is kept."""
        setup = replace(self.setup, **changes)
        if setup == self.setup:
            return
        self.movement = Movement(self.movement.exercise, setup)
        self.movement_changed.emit(self.movement)
        self._refresh()

    def set_exercise(self, exercise: Exercise) -> None:
        """Show another exercise (e.g. a variant) on the same set-up; the playback position is kept."""
        if exercise == self.movement.exercise:
            return
        self.playback.seek(self.playback.cycles)  # re-anchor here before the rep's length changes
        self.playback.period_s = exercise.period_s
        self.movement = Movement(exercise, self.setup)
        self.movement_changed.emit(self.movement)
        self.playback_changed.emit()  # the tempo may have changed
        self._refresh()

    def set_range_percent(self, percent: float) -> None:
        lo, hi = RANGE_LIMITS
        self.set_setup(range_fraction=min(max(percent / 100.0, lo), hi))

    @property
    def range_percent(self) -> int:
        return round(self.setup.range_fraction * 100)

    def step_range(self, steps: int, step_percent: int = RANGE_STEP_PERCENT) -> None:
        """Change the range by ``steps`` × ``step_percent``, within 10–100 %."""
        self.set_range_percent(self.range_percent + steps * step_percent)

    def set_side(self, side: str) -> None:
        self.set_setup(side=side)

    def set_seat_height(self, cm: float) -> None:
        self.set_setup(seat_height_cm=float(cm))

    def set_person_height(self, cm: float) -> None:
        self.set_setup(body=Body(float(cm)))

    # -- session ------------------------------------------------------------------------------

    def set_plan(self, plan: SessionPlan) -> None:
        """New targets; the session starts over."""
        self.counter.plan = plan
        self.reset_session()

    def reset_session(self) -> None:
        """Start the count again from the start pose of the current rep, paused."""
        rep = math.floor(self.playback.cycles)
        self.counter.reset(rep)
        self._hold_at_start(rep)
        self.session_changed.emit()
        self._refresh()

    def end_rest(self) -> None:
        """Cut the rest short: the next set begins (still held at the start pose)."""
        self.counter.end_rest()
        self.session_changed.emit()

    def rest_remaining(self) -> float:
        return self.counter.rest_remaining(self.clock())

    # -- "my symptoms increased" --------------------------------------------------------------

    def symptoms_increased(self) -> bool:
        """Hold still while the patient decides what to do (a guided session also notes it for the diary).

        False when there is nothing to ask: a guided session's own check is open and asks the same.
        """
        if self.driver is not None:
            return self.driver.symptoms_increased()
        self._resume_after_symptoms = self.playing
        self.hold()
        return True

    def make_smaller(self) -> bool:
        """Make the movement smaller by the one rule (:func:`smaller_range`); False if it was already least.

        It stays still afterwards: the patient presses Play when ready.
        """
        before = self.range_percent
        if smaller_range(before) >= before:
            return False
        if self.driver is not None:
            self.driver.after_increase(Choice.SMALLER)  # the session makes it smaller and records it
        else:
            self.set_range_percent(smaller_range(before))
        return self.range_percent < before

    def carry_on(self) -> None:
        """Carry on as before: the movement goes on if it was moving."""
        if self.driver is not None:
            self.driver.after_increase(Choice.CARRY_ON)
        elif self._resume_after_symptoms:
            self.play()
        self._resume_after_symptoms = False

    def stop_for_today(self) -> None:
        """Stop at the start pose (sitting, knee bent); a guided session ends and keeps its partial set."""
        self._resume_after_symptoms = False
        if self.driver is not None:
            self.driver.after_increase(Choice.STOP)
        self._hold_at_start(math.floor(self.playback.cycles))
        self._refresh()
