"""Memory after start and after a simulated week of a waiting-room kiosk.

The week runs on a fake clock: each tick advances it by a fixed step and does what the kiosk
does each frame (opening hours, playback, model, rep counter, widget updates, paint). The
step is chosen so that the week fits the wall-clock budget: as many frames as fit.
"""

from __future__ import annotations

import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from flossgui.bench.child import spawn
from flossgui.bench.table import Figure
from flossgui.bench.views import View, shown_window
from flossgui.kiosk.schedule import WEEKDAYS, OpeningHours, parse_range
from flossgui.model.session import State

WEEK_S = 7 * 24 * 3600
TARGET_RSS_MB = 200.0
TARGET_GROWTH_MB = 2.0
_WARM_UP_TICKS = 200  # real-time frames that fill caches and time one tick
_RSS_SHARE = 0.7  # of the budget; the rest is a second week under tracemalloc, which is slow
_MONDAY = datetime(2024, 1, 1)
_OPENS_S = 8 * 3600
# A typical clinic: weekdays 08:00–18:00, Saturday morning, closed on Sunday.
_HOURS = OpeningHours(
    tuple(() if day == "sun" else (parse_range("09:00-12:00" if day == "sat" else "08:00-18:00"),) for day in WEEKDAYS)
)


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
    """The kiosk's per-frame work on a fake clock, in the shown window.

    Until there is a kiosk window: the patient window, played in a loop during opening hours
    (a new session when one finishes) and paused outside them.
    """

    def __init__(self, view: View) -> None:
        self.view = view
        self.now = _OPENS_S  # Monday morning: the warm-up animates, as after a morning start
        self.was_open = True
        self.openings = self.sessions = self.reps = 0  # reps in finished sessions

    def tick(self, step: float) -> None:
        """Advance the clock by ``step`` seconds and do one frame's work."""
        tutorial = self.view.tutorial
        self.now += step
        self.view.clock.now = self.now
        is_open = _HOURS.is_open(_MONDAY + timedelta(seconds=self.now))
        self.openings += is_open and not self.was_open
        self.was_open = is_open
        if not is_open:
            if tutorial.playing:
                tutorial.pause()
        elif tutorial.counter.state is State.FINISHED:
            self.sessions += 1
            self.reps += tutorial.counter.reps_done
            tutorial.reset_session()
            tutorial.play()
        elif not tutorial.playing and tutorial.counter.state is State.EXERCISING:
            tutorial.play()
        self.view.show_at(self.now)
        QApplication.processEvents()  # paint and flush

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
    with shown_window() as view:
        kiosk = SimulatedKiosk(view)
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
        "sessions": kiosk.sessions,
        "openings": kiosk.openings,
    }


def soak_figures(budget_s: float) -> list[Figure]:
    _, r = spawn("soak", str(budget_s))
    start, end = r["rss_start_mb"], r["rss_end_mb"]
    growth = end - start
    rss = f"≤ {TARGET_RSS_MB:g} MB"
    frames, traced = r["frames"], r["traced_frames"]
    return [
        Figure(f"rss: after start and {_WARM_UP_TICKS} frames", f"{start:.0f} MB", rss, start <= TARGET_RSS_MB),
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
        Figure("kiosk weeks: reps counted, sessions, openings", f"{r['reps']:,}, {r['sessions']:,}, {r['openings']}"),
    ]
