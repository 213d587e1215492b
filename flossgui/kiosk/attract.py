"""The kiosk's story over time, as a pure state machine: the movement loops on its own until
someone touches the screen.

- **Attract**: the movement loops at the configured speed, as a pure function of the
  monotonic clock (``cycles = elapsed × speed / period``), so it never drifts however long it
  runs or however many frames are dropped; nothing is counted.
- **Visitor**: someone changed the speed or the leg; the loop carries on their way.
- **Demo**: "Try it with me": a few reps from the start pose, counted.

After ``idle_timeout_s`` without input (a demo in progress counts as input) the story goes
back to the attract loop. The line under the figure cycles through the messages, also as a
function of the monotonic clock. Every method takes the time ``now`` (monotonic seconds) it
happens at: the story never reads a clock itself. The Qt side
(:class:`flossgui.ui.kiosk.attract.AttractLoop`) owns the timers and the tutorial.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence

#: Reps in a guided demo.
DEMO_REPS = 3
#: Seconds each message stays under the figure.
MESSAGE_SECONDS = 9.0


class Scene(enum.Enum):
    ATTRACT = "attract"
    VISITOR = "visitor"
    DEMO = "demo"


class AttractStory:
    """Which scene the kiosk is in, the loop's position and the message on show; see the module docstring."""

    def __init__(
        self, origin: float, *, speed: float, period_s: float, idle_timeout_s: float, messages: Sequence[str]
    ) -> None:
        if not messages:
            raise ValueError("the attract loop needs at least one message")
        if not (speed > 0 and period_s > 0 and idle_timeout_s > 0):
            raise ValueError("speed, period and idle timeout must be positive")
        self.origin = origin
        self.speed = speed
        self.period_s = period_s
        self.idle_timeout_s = idle_timeout_s
        self.messages = tuple(messages)
        self.scene = Scene.ATTRACT
        self.last_input = origin

    def attract_cycles(self, now: float) -> float:
        """Reps the attract loop has shown at ``now``."""
        return (now - self.origin) * self.speed / self.period_s

    def message_at(self, now: float) -> str:
        """The message on show at ``now``."""
        return self.messages[math.floor((now - self.origin) / MESSAGE_SECONDS) % len(self.messages)]

    def touched(self, now: float) -> None:
        """Someone used the screen (or a demo is still playing): the idle time starts again."""
        self.last_input = max(self.last_input, now)

    def start_demo(self, now: float) -> Scene:
        """ "Try it with me": the demo scene."""
        self.touched(now)
        self.scene = Scene.DEMO
        return self.scene

    def visit(self, now: float) -> Scene:
        """A visitor changed the speed or the leg: the visitor scene, unless a demo runs."""
        self.touched(now)
        if self.scene is Scene.ATTRACT:
            self.scene = Scene.VISITOR
        return self.scene

    def idle_over(self, now: float) -> bool:
        """Whether the idle time has run out at ``now`` (then :meth:`back_to_attract`)."""
        return self.scene is not Scene.ATTRACT and now - self.last_input >= self.idle_timeout_s

    def back_to_attract(self) -> Scene:
        self.scene = Scene.ATTRACT
        return self.scene
