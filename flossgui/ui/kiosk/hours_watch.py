"""Following the waiting room's opening hours on the wall clock.

The schedule is the only thing the kiosk reads the wall clock for (everything that moves
uses the monotonic clock). A single-shot timer wakes at the next change, and at least once
a minute, so a wall-clock jump (time zone, daylight saving, NTP, a suspended PC) is caught
within a minute.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from flossgui.kiosk.schedule import OpeningHours

#: The longest the watch sleeps between two checks, in seconds.
RECHECK_S = 60.0


class HoursWatch(QObject):
    """Says whether the room is open now, and emits :attr:`changed` when that flips."""

    changed = Signal(bool)

    def __init__(
        self,
        hours: OpeningHours,
        wall: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.hours = hours
        self.wall = wall
        self.is_open: bool | None = None
        self.next_change: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Check now, and from now on at every change."""
        self.check()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> bool:
        """Read the wall clock, emit :attr:`changed` if the state flipped, and set the next wake-up."""
        now = self.wall()
        is_open = self.hours.is_open(now)
        self.next_change = self.hours.next_change(now)
        delay = RECHECK_S
        if self.next_change is not None:
            delay = min(delay, (self.next_change - now).total_seconds())
        self.timer.start(max(1, math.ceil(delay * 1000)))
        if is_open != self.is_open:
            self.is_open = is_open
            self.changed.emit(is_open)
        return is_open
