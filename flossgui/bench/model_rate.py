"""How many frames a second the pure model computes, with nothing drawn."""

from __future__ import annotations

import time
from dataclasses import fields

from flossgui.bench.table import FRAME_BUDGET_MS, Figure
from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Frame, Movement


def frames_per_second(seconds: float) -> float:
    """``Movement.frame`` calls per second over about ``seconds`` of computing."""
    movement = Movement(builtin_exercise())
    count, start = 0, time.perf_counter()
    deadline = start + seconds
    while (now := time.perf_counter()) < deadline or count == 0:
        for i in range(100):
            movement.frame((count + i) * 0.0137)  # steps that sample every phase of the rep
        count += 100
    return count / (now - start)


def model_figure(seconds: float) -> Figure:
    rate = frames_per_second(seconds)
    share = 100 * 1000 / rate / FRAME_BUDGET_MS
    parts = " + ".join(f.name for f in fields(Frame) if f.name in ("pose", "skeleton", "string"))
    return Figure(f"model: frames/s computed alone ({parts})", f"{rate:,.0f} /s = {share:.2f} % of 16.7 ms each")
