"""``flossgui bench`` runs end to end and prints every row (figures are not checked: no timing asserts)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import flossgui
from flossgui.bench import startup

ROWS = (
    "model: one frame computed alone",
    "frame 1280×800, patient",
    "frame 1920×1080, patient",
    "start-up: bare PySide6 window",
    "start-up: stand-in",
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
    drawn = re.findall(r"kiosk attract loop.*\((\d+) fps drawn\)", out)
    assert len(drawn) == 2 and all(int(fps) > 0 for fps in drawn)  # the kiosk's own paint count is read


def test_start_up_is_timed_with_flossgui_byte_compiled(tmp_path, monkeypatch):
    """As pip leaves a wheel: every module has its byte code, so the compiler is not timed."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "module.py").write_text("VALUE = 1\n")
    monkeypatch.setattr(flossgui, "__file__", str(package / "__init__.py"))
    assert startup.byte_compile()
    for name in ("__init__.py", "module.py"):
        assert Path(importlib.util.cache_from_source(str(package / name))).is_file()
