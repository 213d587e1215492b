"""Child processes of the bench (started by :func:`flossgui.bench.spawn.spawn`).

``python -m flossgui.bench.child MODE`` runs one measurement in a fresh interpreter and
prints its result as one JSON line:

- ``bare``: a plain PySide6 window; reports the monotonic time of its first painted frame;
- ``standin``: the patient window's widgets and style with no flossgui code; the same;
- ``app``: the real flossgui window, started as the ``flossgui`` command starts it; the same;
- ``cpu FPS SECONDS``: runs the kiosk with ``max_fps = FPS``; reports CPU and wall seconds;
- ``soak SECONDS``: RSS after start, then a simulated kiosk week (:mod:`flossgui.bench.soak`).

``time.monotonic`` is one system-wide clock (CLOCK_MONOTONIC on Linux), so the parent can
subtract its own reading taken just before the spawn.
"""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget


def report(**result: Any) -> None:
    """Print the child's result for :func:`spawn`."""
    print(json.dumps(result), flush=True)


def _report_painted() -> None:
    """Report the time the window's first frame has been painted, then quit."""
    from PySide6.QtWidgets import QApplication

    report(painted=time.monotonic())
    QApplication.quit()


def _show_timed(app: QApplication, window: QWidget) -> int:
    """Show ``window`` at 1280×800 and run ``app`` until its first paint is reported."""
    from flossgui.ui.shell.first_paint import after_first_paint

    window.resize(1280, 800)
    after_first_paint(window, _report_painted)
    window.show()
    return app.exec()


def bare() -> int:
    """The baseline: the least a PySide6 program does to show a window."""
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    return _show_timed(app, QWidget())


def standin() -> int:
    """The patient window's widgets, scene and menus in the app's style, with no flossgui code
    (:mod:`flossgui.bench.standin`): what those widgets cost by themselves."""
    from PySide6.QtWidgets import QApplication

    from flossgui.bench.standin import standin_window
    from flossgui.ui.theme import style

    app = QApplication([*sys.argv[:1], *style.STYLE_ARGS])
    style.dress(app)
    return _show_timed(app, standin_window())


def app() -> int:
    """The flossgui window as the ``flossgui`` command starts it, less parsing the command line
    (the bench sits below the command's layer; measured by hand, parsing adds about 0.02 s).

    The first paint is watched on the window, as the app itself watches it, never with a
    filter on the whole application: that would pass every event of every widget being built
    through Python, and cost the app far more than the bare window.
    """
    from flossgui.model.launch import LaunchOptions  # the model before Qt, as the command imports it
    from flossgui.ui.shell.app import run

    return run(LaunchOptions(), painted=_report_painted)


def cpu(fps: str, seconds: str) -> int:
    from flossgui.bench.cpu import animate

    report(**animate(int(fps), float(seconds)))
    return 0


def soak(seconds: str) -> int:
    from flossgui.bench.soak import simulate_week

    report(**simulate_week(float(seconds)))
    return 0


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    sys.exit({"bare": bare, "standin": standin, "app": app, "cpu": cpu, "soak": soak}[mode](*rest))
