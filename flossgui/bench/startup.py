"""Seconds from process start to the first painted frame: the app against a bare PySide6 window."""

from __future__ import annotations

import statistics

from flossgui.bench.child import spawn
from flossgui.bench.table import Figure
from flossgui.bench.views import has_window

TARGET_RATIO = 1.3


def seconds_to_first_paint(mode: str) -> float:
    """One launch of the ``mode`` child, from just before the spawn to its first painted frame."""
    start, result = spawn(mode)
    return result["painted"] - start


def startup_figures(launches: int) -> list[Figure]:
    """Median start-up of each, launched alternately so both see the same machine state."""
    modes = ("bare", "app") if has_window() else ("bare",)
    times: dict[str, list[float]] = {mode: [] for mode in modes}
    for _ in range(launches):
        for mode in modes:
            times[mode].append(seconds_to_first_paint(mode))
    bare = statistics.median(times["bare"])
    figures = [Figure(f"start-up: bare PySide6 window, median of {launches}", f"{bare:.2f} s")]
    if "app" not in times:
        missing = "no window yet (flossgui.ui.app)"
        target = f"≤ {TARGET_RATIO:g}×"
        return [*figures, Figure("start-up: flossgui", missing), Figure("start-up: flossgui / bare", missing, target)]
    app = statistics.median(times["app"])
    ratio = app / bare
    return [
        *figures,
        Figure(f"start-up: flossgui, median of {launches}", f"{app:.2f} s"),
        Figure("start-up: flossgui / bare", f"{ratio:.2f}×", f"≤ {TARGET_RATIO:g}×", ratio <= TARGET_RATIO),
    ]
