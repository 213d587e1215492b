"""Where in the exercise we are, as a pure function of a monotonic clock.

Playback never accumulates per tick. It keeps one anchor — the clock reading and cycle
position at the last change (play, pause, speed, seek) — and computes the position from
the clock. Dropped frames, a slow machine or a long pause cannot shift the movement or
the rep count.
"""

from __future__ import annotations

import time
from collections.abc import Callable

SPEED_LIMITS: tuple[float, float] = (0.25, 3.0)

Clock = Callable[[], float]


def cycles_at(elapsed_s: float, speed: float, period_s: float) -> float:
    """Reps (fractional) done after ``elapsed_s`` seconds at a constant ``speed``."""
    return elapsed_s * speed / period_s


class Playback:
    """Play, pause, speed and scrub over a repeating cycle of ``period_s`` seconds at speed 1."""

    def __init__(self, period_s: float, clock: Clock = time.monotonic, speed: float = 1.0, playing: bool = True):
        if period_s <= 0:
            raise ValueError("period must be positive")
        self.period_s = period_s
        self.clock = clock
        self._speed = self._checked_speed(speed)
        self._playing = playing
        self._anchor_time = clock()
        self._anchor_cycles = 0.0

    @staticmethod
    def _checked_speed(speed: float) -> float:
        lo, hi = SPEED_LIMITS
        if not lo <= speed <= hi:
            raise ValueError(f"speed {speed} outside {lo:g}–{hi:g}")
        return float(speed)

    def _reanchor(self) -> None:
        now = self.clock()
        self._anchor_cycles = self._cycles_at(now)
        self._anchor_time = now

    def _cycles_at(self, now: float) -> float:
        if not self._playing:
            return self._anchor_cycles
        return self._anchor_cycles + cycles_at(now - self._anchor_time, self._speed, self.period_s)

    @property
    def cycles(self) -> float:
        """Reps since the start, fractional."""
        return self._cycles_at(self.clock())

    @property
    def speed(self) -> float:
        return self._speed

    @speed.setter
    def speed(self, speed: float) -> None:
        speed = self._checked_speed(speed)
        self._reanchor()
        self._speed = speed

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def seconds_per_rep(self) -> float:
        """Tempo at the current speed."""
        return self.period_s / self._speed

    def play(self, at: float | None = None) -> None:
        """Play from the current position, starting at clock time ``at`` (default now).

        A past ``at`` (e.g. the moment a rest ended, noticed a frame late) keeps the movement
        exactly where the clock says it should be.
        """
        if not self._playing:
            self._anchor_time = self.clock() if at is None else at
            self._playing = True

    def time_of(self, cycles: float) -> float:
        """Clock time at which the position is (or was, or will be) ``cycles``, at the current speed.

        While paused the position does not move: the answer is the moment of the pause.
        """
        if not self._playing:
            return self._anchor_time
        return self._anchor_time + (cycles - self._anchor_cycles) * self.period_s / self._speed

    def pause(self) -> None:
        if self._playing:
            self._reanchor()
            self._playing = False

    def toggle(self) -> None:
        self.pause() if self._playing else self.play()

    def seek(self, cycles: float) -> None:
        """Jump to a cycle position (scrubbing); keeps playing or paused as it was."""
        self._anchor_time = self.clock()
        self._anchor_cycles = max(0.0, float(cycles))
