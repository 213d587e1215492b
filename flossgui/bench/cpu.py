"""CPU time the animated window costs, per minute of wall time, at a capped frame rate."""

from __future__ import annotations

import time
from typing import Any

from flossgui.bench.child import spawn
from flossgui.bench.table import Figure

TARGET_S_PER_MIN = 6.0  # 10 % of one core, for a kiosk at 30 fps
_WARM_UP_S = 0.5


def animate(fps: float, seconds: float) -> dict[str, Any]:
    """Run the window's animation loop at ``fps`` for ``seconds`` after a short warm-up.

    Runs in a child process: the CPU time is this process's own, Qt's threads included.
    Until there is a kiosk window, this is the patient window, ticked by a timer like its own
    but capped at ``fps``.
    """
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from flossgui.bench.views import shown_window

    with shown_window() as view:
        frames = 0
        marks: dict[str, float] = {}
        start = time.monotonic()

        def tick() -> None:
            nonlocal frames
            elapsed = time.monotonic() - start
            view.show_at(elapsed)
            frames += 1
            if elapsed >= _WARM_UP_S and not marks:
                marks.update(wall=time.monotonic(), cpu=time.process_time(), frames=frames)
            elif elapsed >= _WARM_UP_S + seconds:
                QApplication.quit()

        timer = QTimer(interval=round(1000 / fps), timerType=Qt.TimerType.CoarseTimer)  # as the tutorial's own
        timer.timeout.connect(tick)
        timer.start()
        QApplication.exec()
    return {
        "view": view.mode,
        "cpu_s": time.process_time() - marks["cpu"],
        "wall_s": time.monotonic() - marks["wall"],
        "frames": frames - marks["frames"],
    }


def cpu_figure(fps: int, seconds: float) -> Figure:
    """CPU seconds per wall minute; checked against the kiosk target at 30 fps."""
    _, result = spawn("cpu", str(fps), str(seconds))
    per_min = 60 * result["cpu_s"] / result["wall_s"]
    drawn = result["frames"] / result["wall_s"]
    name = f"cpu: {result['view']} window animated at {fps} fps, 1280×800 (no kiosk window yet)"
    value = f"{per_min:.2f} CPU s/min = {per_min / 0.6:.1f} % of a core ({drawn:.0f} fps drawn)"
    if fps == 30:
        return Figure(name, value, f"≤ {TARGET_S_PER_MIN:g} s/min", per_min <= TARGET_S_PER_MIN)
    return Figure(name, value)
