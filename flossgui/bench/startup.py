"""Seconds from process start to the first painted frame: the app against a bare PySide6 window."""

from __future__ import annotations

import compileall
import statistics
from pathlib import Path

import flossgui
from flossgui.bench.spawn import spawn
from flossgui.bench.table import Figure

TARGET_RATIO = 1.6  # issue 11: within 1.6× of a window that shows nothing


def seconds_to_first_paint(mode: str) -> float:
    """One launch of the ``mode`` child, from just before the spawn to its first painted frame."""
    start, result = spawn(mode)
    return result["painted"] - start


def byte_compile() -> bool:
    """Byte-compile flossgui as pip does when it installs a wheel, so that an editable install
    (or PYTHONDONTWRITEBYTECODE) does not time the compiler; False if it could not (read-only)."""
    return compileall.compile_dir(Path(flossgui.__file__).parent, quiet=2)


def startup_figures(launches: int) -> list[Figure]:
    """Median start-up of each, launched alternately so both see the same machine state, with
    flossgui byte-compiled as an installed app is."""
    byte_compile()
    times: dict[str, list[float]] = {"bare": [], "standin": [], "app": []}
    for _ in range(launches):
        for mode, seconds in times.items():
            seconds.append(seconds_to_first_paint(mode))
    bare, standin, app = (statistics.median(times[mode]) for mode in ("bare", "standin", "app"))
    ratio = app / bare
    return [
        Figure(f"start-up: bare PySide6 window, median of {launches}", f"{bare:.2f} s"),
        Figure(
            f"start-up: stand-in (the window's widgets and style, no flossgui code), median of {launches}",
            f"{standin:.2f} s = {standin / bare:.2f}× bare",
        ),
        Figure(f"start-up: flossgui, median of {launches}", f"{app:.2f} s"),
        Figure("start-up: flossgui / bare", f"{ratio:.2f}×", f"≤ {TARGET_RATIO:g}×", ratio <= TARGET_RATIO),
    ]
