"""Milliseconds to compute and draw one frame of the window, at the screen sizes clinics use.

Each frame is what the running app does: the tutorial's tick (model, counter, widget
updates), then Qt repaints whatever became dirty (figure, scrub bar, …) and flushes it.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtWidgets import QApplication

from flossgui.bench.table import FRAME_BUDGET_MS, Figure
from flossgui.bench.views import View, shown_window

SIZES = ((1280, 800), (1920, 1080))
TARGET_P99_MS = 4.0  # at 1280×800: leaves three quarters of a 60 Hz frame to the rest
TARGET_SIZE = (1280, 800)
_WARM_UP = 10


def frame_times_ms(view: View, size: tuple[int, int], frames: int, fps: float = 60.0) -> np.ndarray:
    """Time ``frames`` successive frames of ``view`` at ``fps`` animation steps."""
    view.window.resize(*size)
    QApplication.processEvents()
    times = np.empty(frames)
    for i in range(-_WARM_UP, frames):
        start = time.perf_counter_ns()
        view.show_at(i / fps)
        QApplication.processEvents()  # delivers the update requests: paint and flush
        if i >= 0:
            times[i] = (time.perf_counter_ns() - start) / 1e6
    return times


def frame_figure(view: View, size: tuple[int, int], frames: int) -> Figure:
    """Median, p95 and p99 in ms and in percent of a 60 Hz frame; p99 checked at 1280×800."""
    med, p95, p99 = np.percentile(frame_times_ms(view, size, frames), [50, 95, 99])
    ms = " / ".join(f"{v:.2f}" for v in (med, p95, p99))
    pct = " / ".join(f"{100 * v / FRAME_BUDGET_MS:.0f}" for v in (med, p95, p99))
    w, h = size
    name = f"frame {w}×{h}, {view.mode}: median / p95 / p99"
    value = f"{ms} ms = {pct} % of 16.7 ms"
    if size == TARGET_SIZE:
        return Figure(name, value, f"p99 ≤ {TARGET_P99_MS:g} ms", bool(p99 <= TARGET_P99_MS))
    return Figure(name, value, f"p99 ≤ {FRAME_BUDGET_MS:.1f} ms", bool(p99 <= FRAME_BUDGET_MS))


def frame_figures(frames: int) -> list[Figure]:
    """Every mode of the window at every size."""
    with shown_window() as view:
        figures = []
        for mode in view.modes():
            view.change_mode(mode)
            figures += [frame_figure(view, size, frames) for size in SIZES]
        return figures
