"""The kiosk's story over time: the movement loops on its own until someone touches the screen.

- **Attract**: the movement loops at the configured speed and side, as a pure function of
  the monotonic clock (``cycles = elapsed × speed / period``), so it never drifts however long
  it runs or however many frames are dropped; nothing is counted.
- **Visitor**: someone changed the speed or the leg; the loop carries on their way.
- **Demo**: "Try it with me": a few reps from the start pose, counted.

After ``idle_timeout_seconds`` without input (a demo in progress counts as input) the screen
goes back to the attract loop. The line under the figure cycles through the app's and the
clinic's messages, also as a function of the monotonic clock. Frames are drawn at most
``max_fps`` times a second, and not at all while frozen (outside opening hours).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from flossgui.kiosk.config import KioskConfig
from flossgui.model.session import SessionPlan
from flossgui.ui.shell.tutorial import Tutorial

#: Reps in a guided demo.
DEMO_REPS = 3
#: Seconds each message stays under the figure.
MESSAGE_SECONDS = 9.0


class Scene(enum.Enum):
    ATTRACT = "attract"
    VISITOR = "visitor"
    DEMO = "demo"


def frame_interval_ms(max_fps: int) -> int:
    """The animation timer's interval for at most ``max_fps`` frames a second."""
    return math.ceil(1000 / max_fps)


class AttractLoop(QObject):
    """Drives a :class:`Tutorial` for the kiosk; see the module docstring."""

    scene_changed = Signal(object)  # Scene
    message_changed = Signal(str)

    def __init__(
        self,
        tutorial: Tutorial,
        config: KioskConfig,
        messages: Sequence[str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if not messages:
            raise ValueError("the attract loop needs at least one message")
        self.tutorial = tutorial
        self.config = config
        self.messages = tuple(messages)
        self.clock = tutorial.clock
        self.origin = self.clock()
        self.scene = Scene.ATTRACT
        self.message = ""
        self.last_input = self.origin
        self.frame_timer = QTimer(self)
        self.frame_timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.frame_timer.setInterval(frame_interval_ms(config.max_fps))
        self.frame_timer.timeout.connect(self.tick)
        self.second_timer = QTimer(self)
        self.second_timer.setInterval(1000)
        self.second_timer.timeout.connect(self.housekeep)

    # -- time ---------------------------------------------------------------------------------

    def attract_cycles(self, now: float) -> float:
        """Reps the attract loop has shown at monotonic time ``now``."""
        return (now - self.origin) * self.config.speed / self.tutorial.movement.exercise.period_s

    def message_at(self, now: float) -> str:
        """The message on show at monotonic time ``now``."""
        return self.messages[math.floor((now - self.origin) / MESSAGE_SECONDS) % len(self.messages)]

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
        if self.scene is Scene.DEMO:
            if t.playing:
                self.last_input = self.clock()
        else:
            t.counter.reset(math.floor(t.playback.cycles))
        t.tick()

    def housekeep(self) -> None:
        """Once a second: the next message when due, and back to attract after the idle time."""
        now = self.clock()
        message = self.message_at(now)
        if message != self.message:
            self.message = message
            self.message_changed.emit(message)
        if self.scene is not Scene.ATTRACT and now - self.last_input >= self.config.idle_timeout_seconds:
            self.enter_attract()

    # -- scenes -------------------------------------------------------------------------------

    def touched(self) -> None:
        """Someone used the screen: the idle time starts again."""
        self.last_input = self.clock()

    def enter_attract(self) -> None:
        """Back to the loop at the configured speed and side, where the clock says it is now."""
        t = self.tutorial
        t.set_side(self.config.side)
        t.set_speed(self.config.speed)
        t.counter.reset(math.floor(t.playback.cycles))
        t.playback.seek(self.attract_cycles(self.clock()))
        t.play()
        self._set_scene(Scene.ATTRACT)
        self.tick()

    def start_demo(self) -> None:
        """A few reps from the start pose, with the counter shown."""
        self.touched()
        self._set_scene(Scene.DEMO)
        self.tutorial.set_plan(SessionPlan(DEMO_REPS, 1, 0.0))
        self.tutorial.play()

    def step_speed(self, steps: int) -> None:
        self.touched()
        self.tutorial.step_speed(steps)
        self._visit()

    def set_side(self, side: str) -> None:
        self.touched()
        self.tutorial.set_side(side)
        self._visit()

    def _visit(self) -> None:
        if self.scene is Scene.ATTRACT:
            self._set_scene(Scene.VISITOR)

    def _set_scene(self, scene: Scene) -> None:
        if scene is not self.scene:
            self.scene = scene
            self.scene_changed.emit(scene)
