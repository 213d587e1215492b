"""The kiosk's attract loop on screen: timers, signals and the tutorial, driven by the pure
:class:`~flossgui.kiosk.attract.AttractStory` (which scene, where the loop is, which message).

Frames are drawn at most ``max_fps`` times a second, and not at all while frozen (outside
opening hours); once a second the message and the idle time are looked at. Outside a demo,
within one step of the exercise, only the picture changes: the tutorial moves on without
making a frame (:meth:`Tutorial.pass_to`), ``draw`` (the kiosk's film) shows that moment, and
the tutorial's listeners (its words, the patient widgets the kiosk hides) hear of the next
step only.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from flossgui.kiosk.attract import DEMO_REPS, AttractStory, Scene
from flossgui.kiosk.config import KioskConfig
from flossgui.model.session import SessionPlan
from flossgui.ui.shell.tutorial import Tutorial


def frame_interval_ms(max_fps: int) -> int:
    """The animation timer's interval for at most ``max_fps`` frames a second."""
    return math.ceil(1000 / max_fps)


class AttractLoop(QObject):
    """Drives a :class:`Tutorial` for the kiosk as its :class:`AttractStory` says; ``draw``, if
    given, shows the moments (in cycles) the tutorial passes without a frame (see the module docstring)."""

    scene_changed = Signal(object)  # Scene
    message_changed = Signal(str)

    def __init__(
        self,
        tutorial: Tutorial,
        config: KioskConfig,
        messages: Sequence[str],
        parent: QObject | None = None,
        draw: Callable[[float], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.tutorial = tutorial
        self.draw = draw
        self.config = config
        self.clock = tutorial.clock
        self.story = AttractStory(
            self.clock(),
            speed=config.speed,
            period_s=tutorial.movement.exercise.period_s,
            idle_timeout_s=config.idle_timeout_seconds,
            messages=messages,
        )
        self.message = ""
        self.frame_timer = QTimer(self)
        self.frame_timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.frame_timer.setInterval(frame_interval_ms(config.max_fps))
        self.frame_timer.timeout.connect(self.tick)
        self.second_timer = QTimer(self)
        self.second_timer.setInterval(1000)
        self.second_timer.timeout.connect(self.housekeep)

    @property
    def scene(self) -> Scene:
        return self.story.scene

    @property
    def messages(self) -> tuple[str, ...]:
        return self.story.messages

    def start(self) -> None:
        """Start looping and drawing."""
        self.enter_attract()
        self.frame_timer.start()
        self.second_timer.start()
        self.housekeep()

    def stop(self) -> None:
        self.frame_timer.stop()
        self.second_timer.stop()

    def freeze(self) -> None:
        """Stop drawing (closed hours); the loop's time runs on, so it resumes in step."""
        self.enter_attract()
        self.frame_timer.stop()

    def thaw(self) -> None:
        """Draw again, back on the attract loop."""
        self.enter_attract()
        self.frame_timer.start()

    def tick(self) -> None:
        """One frame: outside a demo nothing is counted, so the session never ends or rests."""
        t = self.tutorial
        if self.story.scene is Scene.DEMO:
            if t.playing:
                self.story.touched(self.clock())  # a demo in progress counts as input
            t.tick()
            return
        cycles = t.playback.cycles
        if self.draw is not None and t.pass_to(cycles):
            self.draw(cycles)
            return
        t.counter.reset(math.floor(cycles))
        t.tick()

    def housekeep(self) -> None:
        """Once a second: the next message when due, and back to attract after the idle time."""
        now = self.clock()
        message = self.story.message_at(now)
        if message != self.message:
            self.message = message
            self.message_changed.emit(message)
        if self.story.idle_over(now):
            self.enter_attract()

    # -- scenes -------------------------------------------------------------------------------

    def touched(self) -> None:
        """Someone used the screen: the idle time starts again."""
        self.story.touched(self.clock())

    def enter_attract(self) -> None:
        """Back to the loop at the configured speed and side, where the clock says it is now."""
        t = self.tutorial
        t.set_side(self.config.side)
        t.set_speed(self.config.speed)
        t.counter.reset(math.floor(t.playback.cycles))
        t.playback.seek(self.story.attract_cycles(self.clock()))
        t.play()
        self._changed(self.story.scene, self.story.back_to_attract())
        self.tick()

    def start_demo(self) -> None:
        """A few reps from the start pose, with the counter shown."""
        before = self.story.scene
        self._changed(before, self.story.start_demo(self.clock()))
        self.tutorial.set_plan(SessionPlan(DEMO_REPS, 1, 0.0))
        self.tutorial.play()

    def step_speed(self, steps: int) -> None:
        self.tutorial.step_speed(steps)
        self._visit()

    def set_side(self, side: str) -> None:
        self.tutorial.set_side(side)
        self._visit()

    def _visit(self) -> None:
        before = self.story.scene
        self._changed(before, self.story.visit(self.clock()))

    def _changed(self, before: Scene, after: Scene) -> None:
        if after is not before:
            self.scene_changed.emit(after)
