"""Building a kiosk window for tests: hand-set clocks, a recorded quit, a fast PIN hash."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flossgui.kiosk.config import KioskConfig
from flossgui.kiosk.pin import hash_pin
from flossgui.model.clock import ManualClock
from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Setup
from flossgui.ui.kiosk.mode import KioskMode
from flossgui.ui.shell.build import build_window
from flossgui.ui.shell.main_window import MainWindow
from flossgui.ui.shell.tutorial import Tutorial

PIN = "246813"
PIN_HASH = hash_pin(PIN, n=16)  # cheap scrypt: tests check the flow, not the cost
MONDAY_NOON = datetime(2026, 3, 2, 12, 0)


@dataclass
class Kiosk:
    """A kiosk under test: its window and mode, the clocks it reads, and what it asked for."""

    window: MainWindow
    mode: KioskMode
    clock: ManualClock
    start: datetime
    quits: list[int] = field(default_factory=list)
    awake: list[bool] = field(default_factory=list)

    def wall(self) -> datetime:
        """Wall-clock time, moving with the monotonic clock."""
        return self.start + timedelta(seconds=self.clock.now)

    def advance(self, seconds: float) -> None:
        """Move both clocks on and let the kiosk's timers do their work once."""
        self.clock.advance(seconds)
        self.mode.loop.tick()
        self.mode.loop.housekeep()


def build_kiosk(
    qtbot, config: KioskConfig | None = None, *, start: datetime = MONDAY_NOON, locked: bool = True
) -> Kiosk:
    """A kiosk in kiosk mode on hand-set clocks; ``locked=False`` leaves the screen alone."""
    config = config or KioskConfig(pin_hash=PIN_HASH)
    clock = ManualClock(0.0)
    tutorial = Tutorial(builtin_exercise(), Setup(side=config.side), clock=clock, speed=config.speed)
    window = build_window(tutorial, remember=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.change_mode("patient"))  # give the screen back
    window.resize(1280, 720)
    kiosk = Kiosk(window, None, clock, start)  # type: ignore[arg-type]
    kiosk.mode = KioskMode(
        window, config, wall=kiosk.wall, quit=kiosk.quits.append, keep_awake=kiosk.awake.append, locked=locked
    )
    window.add_mode(kiosk.mode)
    window.change_mode("kiosk")
    if not locked:
        window.show()
    qtbot.waitExposed(window)
    return kiosk
