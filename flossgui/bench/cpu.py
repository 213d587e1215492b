"""CPU time an animated view costs, per minute of wall time, at a capped frame rate."""

from __future__ import annotations

import time
from typing import Any

from flossgui.bench.child import spawn
from flossgui.bench.table import Figure

TARGET_S_PER_MIN = 6.0  # 10 % of one core, for a kiosk at 30 fps
_WARM_UP_S = 0.5


def animate(fps: float, seconds: float) -> dict[str, Any]:
    """Show the first view and animate it at ``fps`` for ``seconds`` after a short warm-up.

    Runs in a child process: the CPU time is this process's own, Qt's threads included.
    """
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from flossgui.bench.views import views

    app = QApplication.instance() or QApplication([])
    view = views()[0]()
    view.widget.resize(1280, 800)
    view.widget.show()
    clock = QElapsedTimer()
    frames = 0
    marks: dict[str, float] = {}

    def tick() -> None:
        nonlocal frames
        elapsed = clock.elapsed() / 1000
        view.show_at(elapsed)
        view.widget.update()
        frames += 1
        if elapsed >= _WARM_UP_S and not marks:
            marks.update(wall=time.monotonic(), cpu=time.process_time(), frames=frames)
        elif elapsed >= _WARM_UP_S + seconds:
            app.quit()

    timer = QTimer(interval=round(1000 / fps), timerType=Qt.TimerType.PreciseTimer)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    app.exec()
    return {
        "view": view.name,
        "cpu_s": time.process_time() - marks["cpu"],
        "wall_s": time.monotonic() - marks["wall"],
        "frames": frames - marks["frames"],
    }


def cpu_figure(fps: int, seconds: float) -> Figure:
    """CPU seconds per wall minute; checked against the kiosk target at 30 fps."""
    _, result = spawn("cpu", str(fps), str(seconds))
    per_min = 60 * result["cpu_s"] / result["wall_s"]
    drawn = result["frames"] / result["wall_s"]
    name = f"cpu: {result['view']} animated at {fps} fps, 1280×800"
    value = f"{per_min:.2f} CPU s/min = {per_min / 0.6:.1f} % of a core ({drawn:.0f} fps drawn)"
    if fps == 30:
        return Figure(name, value, f"≤ {TARGET_S_PER_MIN:g} s/min", per_min <= TARGET_S_PER_MIN)
    return Figure(name, value)
