"""How many frames a second the pure model computes, with nothing drawn, and each frame's cost.

The frames step through the rep as the app does, so each computes a pose, the skeleton and the
string (the distributed cord's quasi-static solve); the rep's settled states are made once,
before timing, as the app makes them once per change of set-up.
"""

from __future__ import annotations

import time
from dataclasses import fields

from flossgui.bench.table import FRAME_BUDGET_MS, Figure
from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Frame, Movement


def frames_per_second(seconds: float) -> float:
    """``Movement.frame`` calls per second over about ``seconds`` of computing."""
    movement = Movement(builtin_exercise())
    movement.frame(0.5)  # the rep's settled string, once per set-up
    count, start = 0, time.perf_counter()
    deadline = start + seconds
    while (now := time.perf_counter()) < deadline or count == 0:
        for i in range(100):
            movement.frame((count + i) * 0.0137)  # steps that sample every phase of the rep
        count += 100
    return count / (now - start)


#: The most a frame of the model may take (ms), leaving the rest of a 60 Hz frame to drawing.
FRAME_TARGET_MS = 0.5


def model_figure(seconds: float) -> Figure:
    rate = frames_per_second(seconds)
    ms = 1000 / rate
    share = 100 * ms / FRAME_BUDGET_MS
    parts = " + ".join(f.name for f in fields(Frame) if f.name in ("pose", "skeleton", "string"))
    return Figure(
        f"model: one frame computed alone ({parts})",
        f"{ms:.3f} ms ({rate:,.0f} /s, {share:.1f} % of 16.7 ms)",
        f"≤ {FRAME_TARGET_MS:g} ms",
        ms <= FRAME_TARGET_MS,
    )
