#!/usr/bin/env python3
"""The kiosk's CPU against Chromium's for the same loop, side by side on this machine.

    .venv/bin/python packaging/kiosk/cpu-side-by-side.py [--rounds 3] [--seconds 30] [--fps 60]

Each round runs, one after the other (never at once):

- **kiosk**: a fresh ``Xvfb :N -screen 0 1920x1080x24`` and ``flossgui --kiosk --config FILE``
  on it (FILE holds ``max_fps = FPS``), as on an X11 deployment with no window manager;
- **chromium**: ``chromium --headless --no-sandbox --disable-gpu --window-size=1920,1080``
  showing /work/shared/peers/kiosk-loop.html (or ``--page``), the same loop as an SVG page.

After a warm-up (15 s: the kiosk works out and keeps its first rep as it shows it), the user +
system CPU time of each whole process tree (the kiosk with its X server; every Chromium
process) is read from /proc over ``--seconds`` of wall time, and the frames actually drawn are
counted: in the kiosk, its own count of the frames its film screen painted (read once a
second by a tiny wrapper around the real entry point: an event filter of the wrapper's own
would cost the kiosk a Python call a frame); in Chromium, the page's own ``frames N``
console lines. Prints one line per run and a summary: ranges, and the kiosk's share of
Chromium's CPU round by round and over the whole session. The machine should be otherwise
quiet; alternate rounds spread out what other work does. Needs Xvfb and chromium; not part of
the test suite (it takes minutes).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK")
_PEER = Path("/work/shared/peers/kiosk-loop.html")
_WARM_UP_S = 15.0  # the kiosk works out and keeps its first rep (10 s) before it settles

#: Run inside the kiosk's interpreter (``-c``): the real ``flossgui --kiosk``, printing the
#: frames its film screen has painted (its own count) as ``frames COUNT MONOTONIC`` once a second.
_KIOSK_WRAPPER = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from flossgui.cli.main import main
from flossgui.ui.kiosk.lean_view import FilmScreen
from flossgui.ui.shell.application import application

def report():
    screens = [w for w in QApplication.allWidgets() if isinstance(w, FilmScreen)]
    print("frames", sum(s.frames_drawn for s in screens), time.monotonic(), flush=True)

application()
timer = QTimer()
timer.timeout.connect(report)
timer.start(1000)
sys.exit(main(sys.argv[1:]))
"""


def tree_cpu_s(roots: list[int]) -> float:
    """User + system seconds of ``roots`` and all their descendants, reaped ones included."""
    parent: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path("/proc", entry, "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        pid = int(entry)
        parent[pid] = int(fields[1])
        ticks[pid] = sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    inside = set(roots)
    grew = True
    while grew:
        more = {pid for pid, ppid in parent.items() if ppid in inside} - inside
        inside |= more
        grew = bool(more)
    return sum(ticks.get(pid, 0) for pid in inside) / _TICK


class Lines:
    """Reads a pipe in a thread, keeping (monotonic time, line) for lines matching ``pattern``."""

    def __init__(self, stream, pattern: str) -> None:
        self.pattern = re.compile(pattern)
        self.seen: list[tuple[float, int]] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            m = self.pattern.search(line)
            if m:
                self.seen.append((time.monotonic(), int(m.group(1))))

    def rate(self, start: float, end: float) -> float:
        """Counts per second between the last lines at or before ``start`` and ``end``."""
        before = [s for s in self.seen if s[0] <= start]
        after = [s for s in self.seen if s[0] <= end]
        if not before or not after or after[-1][0] <= before[-1][0]:
            return float("nan")
        return (after[-1][1] - before[-1][1]) / (after[-1][0] - before[-1][0])


def measure(roots: list[int], lines: Lines, seconds: float) -> tuple[list[float], float]:
    """CPU seconds per wall minute of each root's tree, and frames drawn per second, over ``seconds``."""
    time.sleep(_WARM_UP_S)
    t0, c0 = time.monotonic(), [tree_cpu_s([root]) for root in roots]
    time.sleep(seconds)
    t1, c1 = time.monotonic(), [tree_cpu_s([root]) for root in roots]
    time.sleep(2.5)  # the next frame report or two
    return [60 * (b - a) / (t1 - t0) for a, b in zip(c0, c1, strict=True)], lines.rate(t0, t1)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def run_kiosk(args: argparse.Namespace, home: str) -> tuple[list[float], float]:
    config = Path(home, "kiosk.toml")
    config.write_text(f"max_fps = {args.fps}\n", encoding="utf-8")
    xvfb = subprocess.Popen(
        ["Xvfb", args.display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    time.sleep(1.5)
    env = os.environ | {
        "DISPLAY": args.display, "QT_QPA_PLATFORM": "xcb", "DBUS_SESSION_BUS_ADDRESS": "disabled:",
        **{f"XDG_{d}_HOME": str(Path(home, d.lower())) for d in ("CONFIG", "DATA", "STATE", "CACHE")},
    }  # fmt: skip
    kiosk = subprocess.Popen(
        [sys.executable, "-c", _KIOSK_WRAPPER, "--kiosk", "--config", str(config)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        return measure([kiosk.pid, xvfb.pid], Lines(kiosk.stdout, r"^frames (\d+)"), args.seconds)
    finally:
        stop(kiosk)
        stop(xvfb)


def run_chromium(args: argparse.Namespace, home: str) -> tuple[list[float], float]:
    chromium = subprocess.Popen(
        [args.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1920,1080",
         f"--user-data-dir={home}/chromium", "--enable-logging=stderr", "--v=0", args.page.as_uri()],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        return measure([chromium.pid], Lines(chromium.stderr, r'"frames (\d+)"'), args.seconds)
    finally:
        stop(chromium)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--fps", type=int, default=60, help="the kiosk's max_fps")
    parser.add_argument("--display", default=":71", help="a free X display for the kiosk's Xvfb")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--page", type=Path, default=_PEER)
    parser.add_argument("--only", choices=("kiosk", "chromium"), help="run one side only")
    args = parser.parse_args()
    runs = {"kiosk": run_kiosk, "chromium": run_chromium}
    if args.only:
        runs = {args.only: runs[args.only]}
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for round_ in range(1, args.rounds + 1):
        for name, run in runs.items():
            with tempfile.TemporaryDirectory(prefix="flossgui-cpu-") as home:
                parts, fps = run(args, home)
            cpu = sum(parts)
            results[name].append((cpu, fps))
            split = f"  (app {parts[0]:.1f} + X server {parts[1]:.1f})" if len(parts) > 1 else ""
            print(f"round {round_}  {name:8}  {cpu:5.1f} CPU s/min  {fps:5.1f} fps drawn{split}", flush=True)
    for name, rows in results.items():
        cpus, fpss = [r[0] for r in rows], [r[1] for r in rows]
        print(f"{name:8}  {min(cpus):.1f}–{max(cpus):.1f} CPU s/min  {min(fpss):.0f}–{max(fpss):.0f} fps drawn")
    if len(results) == 2:
        k, c = results["kiosk"], results["chromium"]
        shares = [a[0] / b[0] for a, b in zip(k, c, strict=True)]
        whole = sum(a[0] for a in k) / sum(b[0] for b in c)
        print(f"kiosk / chromium, round by round: {min(shares):.2f}–{max(shares):.2f}; over the session: {whole:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
