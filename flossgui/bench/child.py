"""Child processes of the bench, and how the bench starts them.

``python -m flossgui.bench.child MODE`` runs one measurement in a fresh interpreter and
prints its result as one JSON line:

- ``bare``: a plain PySide6 window; reports the monotonic time of its first painted frame;
- ``app``: the real flossgui window, started as the ``flossgui`` command starts it; the same;
- ``cpu FPS SECONDS``: runs the kiosk with ``max_fps = FPS``; reports CPU and wall seconds;
- ``soak SECONDS``: RSS after start, then a simulated kiosk week (:mod:`flossgui.bench.soak`).

``time.monotonic`` is one system-wide clock (CLOCK_MONOTONIC on Linux), so the parent can
subtract its own reading taken just before the spawn.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from typing import Any

_TIMEOUT_S = 300


class ChildFailed(RuntimeError):
    """A child ended without a result; the message says how."""


def spawn(*args: str) -> tuple[float, dict[str, Any]]:
    """Run a child; return the monotonic time just before it started and its result.

    The child gets its own settings (a returning user's) and data folders, so the app it
    starts cannot touch the user's own.
    """
    from flossgui.bench.views import settings_file
    from flossgui.ui.shell.settings import ENV_VAR

    with tempfile.TemporaryDirectory(prefix="flossgui-bench-") as home:
        env = os.environ | {f"XDG_{d}_HOME": os.path.join(home, d.lower()) for d in ("CONFIG", "DATA", "STATE")}
        env[ENV_VAR] = settings_file(home)
        start = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "flossgui.bench.child", *args],
            env=env, capture_output=True, text=True, timeout=_TIMEOUT_S, check=False,
        )  # fmt: skip
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        last = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
        raise ChildFailed(f"{args[0]} child failed: {last}")
    return start, json.loads(lines[-1])


def report(**result: Any) -> None:
    """Print the child's result for :func:`spawn`."""
    print(json.dumps(result), flush=True)


def _quit_after_first_paint() -> None:
    """Report the time the first frame of any window has been painted, then quit."""
    from PySide6.QtWidgets import QApplication

    from flossgui.ui.shell.first_paint import after_first_paint

    def done() -> None:
        report(painted=time.monotonic())
        QApplication.quit()

    after_first_paint(QApplication.instance(), done)


def bare() -> int:
    """The baseline: the least a PySide6 program does to show a window."""
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    _quit_after_first_paint()
    window = QWidget()
    window.resize(1280, 800)
    window.show()
    return app.exec()


def app() -> int:
    """The flossgui window, through the command's own entry point."""
    from flossgui.ui.shell.app import application

    application()  # as the app makes it; the app then takes this instance, with the hook in place
    _quit_after_first_paint()
    from flossgui.cli.main import main

    return main([])


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
    sys.exit({"bare": bare, "app": app, "cpu": cpu, "soak": soak}[mode](*rest))
