"""A clock you set by hand: for screenshots at a given time, and for tests (no sleeping)."""

from __future__ import annotations


class ManualClock:
    """A monotonic clock that only moves when told; call it to read the time in seconds."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = float(now)

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move forward ``seconds`` (never backwards: it stays monotonic)."""
        self.now += max(0.0, float(seconds))
