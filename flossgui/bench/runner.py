"""``flossgui bench``: measure every figure and print the table."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass

from flossgui.bench.machine import needs_offscreen
from flossgui.bench.spawn import ChildFailed
from flossgui.bench.table import Figure, format_table


@dataclass(frozen=True, slots=True)
class Scale:
    """How long each measurement runs."""

    model_s: float  # seconds of model computing
    frames: int  # frames timed per view and size
    launches: int  # starts of each program
    cpu_s: float  # seconds of animation per frame rate
    soak_s: float  # wall seconds for the simulated kiosk weeks


FULL = Scale(model_s=3, frames=3000, launches=9, cpu_s=30, soak_s=60)
QUICK = Scale(model_s=1, frames=300, launches=5, cpu_s=5, soak_s=10)
TINY = Scale(model_s=0.01, frames=3, launches=1, cpu_s=0.1, soak_s=0.1)  # for the tests: rows, not figures


def run(*, quick: bool = False, tiny: bool = False) -> int:
    """Measure, then print the machine and the table; missed targets are shown, not an error."""
    scale = TINY if tiny else QUICK if quick else FULL
    if needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # children inherit it
    from flossgui.bench.cpu import cpu_figure
    from flossgui.bench.frame_cost import frame_figures
    from flossgui.bench.machine import describe
    from flossgui.bench.model_rate import model_figure
    from flossgui.bench.soak import soak_figures
    from flossgui.bench.startup import startup_figures
    from flossgui.ui.shell.application import application

    _app = application()  # as the app makes it (name, style), for the whole run
    figures = _measure("model", lambda: [model_figure(scale.model_s)])
    figures += _measure("frame", lambda: frame_figures(scale.frames))
    figures += _measure("start-up", lambda: startup_figures(scale.launches))
    figures += _measure("cpu", lambda: [cpu_figure(fps, scale.cpu_s) for fps in (30, 60)])
    figures += _measure("rss", lambda: soak_figures(scale.soak_s))
    print("\n".join(describe()), end="\n\n")
    print(format_table(figures))
    return 0


def _measure(what: str, measure: Callable[[], list[Figure]]) -> list[Figure]:
    """The figures, or one failed row naming what went wrong in a child process."""
    print(f"measuring {what}…", file=sys.stderr, flush=True)
    try:
        return measure()
    except ChildFailed as exc:
        return [Figure(what, f"failed: {exc}", ok=False)]
