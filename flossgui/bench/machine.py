"""What the figures were measured on: processor, cores, Python, Qt and its platform plugin."""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path


def cpu_model() -> str:
    """The processor's name, from /proc/cpuinfo where there is one."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith(("model name", "Hardware", "Model")):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def usable_cores() -> int:
    """Cores this process may run on (the affinity mask where the OS has one)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def needs_offscreen() -> bool:
    """Whether there is no screen to draw on (Linux without X11 or Wayland)."""
    return sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def describe() -> list[str]:
    """Lines naming the machine and software; call once a QGuiApplication exists."""
    import pyqtgraph
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    display = f"{screen.size().width()}×{screen.size().height()} @ {screen.refreshRate():g} Hz" if screen else "none"
    return [
        f"cpu:      {cpu_model()} ({usable_cores()} usable of {os.cpu_count()} cores)",
        f"system:   {platform.platform()}",
        f"python:   {platform.python_implementation()} {platform.python_version()}",
        f"qt:       Qt {qVersion()}, PySide6 {PySide6.__version__}, pyqtgraph {pyqtgraph.__version__}",
        f"platform: {QGuiApplication.platformName()} plugin, screen {display}",
    ]
