"""CPU time the kiosk's attract loop costs, per minute of wall time, at its capped frame rate."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from flossgui.bench.spawn import spawn
from flossgui.bench.table import Figure

TARGET_S_PER_MIN = 6.0  # 10 % of one core, for a kiosk at 30 fps
SIZE = (1920, 1080)  # a waiting-room screen
#: The kiosk draws each step of its loop the first time it shows it and keeps what it changed (the first rep,
#: 10 s at speed 1) and runs lighter after that: runs this long or longer are measured from then.
SETTLED_AFTER_S = 11.0
_WARM_UP_S = 0.5  # for shorter runs (a quick look, the tests)


def animate(fps: int, seconds: float, size: tuple[int, int] = SIZE) -> dict[str, Any]:
    """Run the real kiosk (``max_fps = fps``, open all day) at ``size`` for ``seconds`` after a
    warm-up (:data:`SETTLED_AFTER_S` for runs at least that long, else half a second).

    Runs in a child process: the CPU time is this process's own, Qt's threads included. The
    kiosk's own timers drive it; the bench reads the count of frames the kiosk's film screen
    painted.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from flossgui.bench.views import shown_kiosk
    from flossgui.ui.kiosk.app import paint_on_one_thread

    marks: dict[str, float] = {}
    paint_on_one_thread()  # as flossgui --kiosk does
    with shown_kiosk(f"max_fps = {fps}\n", time.monotonic, datetime.now, size) as kiosk:
        screen = kiosk.lean.screen  # what the kiosk lays over the figure view, and counts its paints

        def mark() -> None:
            marks.update(wall=time.monotonic(), cpu=time.process_time(), frames=screen.frames_drawn)

        warm_up = SETTLED_AFTER_S if seconds >= SETTLED_AFTER_S else _WARM_UP_S
        QTimer.singleShot(round(1000 * warm_up), mark)
        QTimer.singleShot(round(1000 * (warm_up + seconds)), QApplication.quit)
        QApplication.exec()
        return {
            "cpu_s": time.process_time() - marks["cpu"],
            "wall_s": time.monotonic() - marks["wall"],
            "frames": screen.frames_drawn - marks["frames"],
        }


def cpu_figure(fps: int, seconds: float) -> Figure:
    """CPU seconds per wall minute; checked against the kiosk target at 30 fps."""
    _, result = spawn("cpu", str(fps), str(seconds))
    per_min = 60 * result["cpu_s"] / result["wall_s"]
    drawn = result["frames"] / result["wall_s"]
    name = f"cpu: kiosk attract loop, max_fps = {fps}, {SIZE[0]}×{SIZE[1]}"
    value = f"{per_min:.2f} CPU s/min = {per_min / 0.6:.1f} % of a core ({drawn:.0f} fps drawn)"
    if fps == 30:
        return Figure(name, value, f"≤ {TARGET_S_PER_MIN:g} s/min", per_min <= TARGET_S_PER_MIN)
    return Figure(name, value)
