"""Memory after start and after a simulated week of the waiting-room kiosk.

The week runs the real kiosk mode on fake clocks (monotonic and wall): each tick advances
them by a fixed step and does what the kiosk's timers do (opening hours, attract loop or
demo, messages, paint). A visitor taps "Try it with me" every morning and "Faster" every
afternoon. The step is chosen so that the week fits the wall-clock budget: as many frames
as fit.
"""

from __future__ import annotations

import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from flossgui.bench.spawn import spawn
from flossgui.bench.table import Figure
from flossgui.bench.views import shown_kiosk
from flossgui.kiosk.attract import Scene
from flossgui.model.clock import ManualClock
from flossgui.model.session import State
from flossgui.ui.kiosk.mode import KioskMode

WEEK_S = 7 * 24 * 3600
TARGET_RSS_MB = 200.0
TARGET_GROWTH_MB = 2.0
#: Real-time frames (at 30 fps) that fill caches and time one tick: 11 s, a whole rep of the
#: loop at speed 1, after which the kiosk plays each step by what it changed (ui/kiosk/lean_view.py).
_WARM_UP_TICKS = 330
_RSS_SHARE = 0.7  # of the budget; the rest is a second week under tracemalloc, which is slow
_MONDAY = datetime(2024, 1, 1)
_OPENS_S = 8 * 3600
# A typical clinic: weekdays 08:00–18:00, Saturday morning, closed on Sunday.
_HOURS_TOML = """\
[hours]
mon = "08:00-18:00"
tue = "08:00-18:00"
wed = "08:00-18:00"
thu = "08:00-18:00"
fri = "08:00-18:00"
sat = "09:00-12:00"
sun = "closed"
"""


def vm_rss_mb() -> float:
    """This process's resident set size in MB (VmRSS), 0 where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class SimulatedKiosk:
    """The kiosk's timers stood in for by hand, on fake clocks, with a daily visitor.

    (Its real timers still run, on the same fake clocks: an occasional extra frame.)
    """

    def __init__(self, mode: KioskMode, clock: ManualClock) -> None:
        self.mode = mode
        self.clock = clock
        self.was_open = True
        self.openings = self.demos = self.reps = 0  # reps counted in finished demos
        self._visited: set[tuple[date, str]] = set()

    def wall(self) -> datetime:
        """The wall clock the kiosk reads (the week starts on a Monday at midnight)."""
        return _MONDAY + timedelta(seconds=self.clock.now)

    def tick(self, step: float) -> None:
        """Advance the clocks by ``step`` seconds and do one frame's work."""
        mode, loop = self.mode, self.mode.loop
        self.clock.now += step
        is_open = mode.hours.check()
        self.openings += is_open and not self.was_open
        self.was_open = is_open
        if loop.frame_timer.isActive():
            loop.tick()
        loop.housekeep()
        if is_open:
            self._visit()
        QApplication.processEvents()  # paint and flush

    def _visit(self) -> None:
        """Tap the buttons once a day each; count each finished demo's reps once."""
        loop, counter, panel = self.mode.loop, self.mode.window.tutorial.counter, self.mode.panel
        day = self.wall().date()
        if loop.scene is Scene.DEMO and counter.state is State.FINISHED and (day, "done") not in self._visited:
            self._visited.add((day, "done"))
            self.reps += counter.reps_done
        for hour, what, button in ((10, "demo", panel.demo_button), (15, "faster", panel.faster_button)):
            if self.wall().hour >= hour and (day, what) not in self._visited:
                self._visited.add((day, what))
                self.demos += what == "demo"
                button.click()

    def warm_up(self) -> float:
        """Run real-time frames; return the seconds one tick takes."""
        start = time.perf_counter()
        for _ in range(_WARM_UP_TICKS):
            self.tick(1 / 30)
        return (time.perf_counter() - start) / _WARM_UP_TICKS

    def week(self, frames: int) -> None:
        """A simulated week in ``frames`` equal ticks."""
        for _ in range(frames):
            self.tick(WEEK_S / frames)


def simulate_week(budget_s: float) -> dict[str, Any]:
    """RSS after start and after a week; then Python-heap growth over a second, traced week."""
    clock = ManualClock(_OPENS_S)  # Monday morning: the warm-up animates, as after a morning start
    with shown_kiosk(_HOURS_TOML, clock, lambda: _MONDAY + timedelta(seconds=clock.now)) as mode:
        kiosk = SimulatedKiosk(mode, clock)
        frames = max(10, int(_RSS_SHARE * budget_s / kiosk.warm_up()))
        rss_start = vm_rss_mb()
        kiosk.week(frames)
        rss_end = vm_rss_mb()
        tracemalloc.start()
        traced_frames = max(10, int((1 - _RSS_SHARE) * budget_s / kiosk.warm_up()))
        heap_start = tracemalloc.get_traced_memory()[0]
        kiosk.week(traced_frames)
        heap_end = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
    return {
        "frames": frames,
        "traced_frames": traced_frames,
        "rss_start_mb": rss_start,
        "rss_end_mb": rss_end,
        "heap_growth_kb": (heap_end - heap_start) / 1024,
        "reps": kiosk.reps,
        "demos": kiosk.demos,
        "openings": kiosk.openings,
    }


def soak_figures(budget_s: float) -> list[Figure]:
    _, r = spawn("soak", str(budget_s))
    start, end = r["rss_start_mb"], r["rss_end_mb"]
    growth = end - start
    rss = f"≤ {TARGET_RSS_MB:g} MB"
    frames, traced = r["frames"], r["traced_frames"]
    return [
        Figure(f"rss: kiosk after start and {_WARM_UP_TICKS} frames", f"{start:.0f} MB", rss, start <= TARGET_RSS_MB),
        Figure("rss: after a simulated kiosk week", f"{end:.0f} MB", rss, end <= TARGET_RSS_MB),
        Figure(
            f"rss: growth over the week ({frames:,} frames, one per {WEEK_S / frames:.0f} s)",
            f"{growth:+.2f} MB",
            f"≤ {TARGET_GROWTH_MB:g} MB",
            growth <= TARGET_GROWTH_MB,
        ),
        Figure(
            f"python heap: growth over a 2nd week, tracemalloc ({traced:,} frames)",
            f"{r['heap_growth_kb']:+.1f} kB",
        ),
        Figure("kiosk weeks: openings, demos, reps counted", f"{r['openings']}, {r['demos']}, {r['reps']}"),
    ]
