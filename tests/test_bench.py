"""``flossgui bench`` runs end to end and prints every row (figures are not checked: no timing asserts)."""

from __future__ import annotations

import subprocess
import sys

ROWS = (
    "model: one frame computed alone",
    "frame 1280×800, patient",
    "frame 1920×1080, patient",
    "start-up: bare PySide6 window",
    "start-up: flossgui, median",
    "start-up: flossgui / bare",
    "cpu: kiosk attract loop, max_fps = 30",
    "cpu: kiosk attract loop, max_fps = 60",
    "rss: kiosk after start",
    "rss: after a simulated kiosk week",
    "rss: growth over the week",
    "python heap: growth",
)


def test_bench_prints_the_machine_and_every_row():
    result = subprocess.run(
        [sys.executable, "-m", "flossgui", "bench", "--tiny"], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for label in ("cpu:", "python:", "qt:", "platform:", *ROWS):
        assert label in out, f"{label!r} missing from:\n{out}"
    assert "failed" not in out
