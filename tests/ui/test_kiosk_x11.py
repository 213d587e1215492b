"""On a real X screen (Xvfb), with a stock window manager (openbox) or none, nothing a
visitor's keys or another program does keeps the kiosk hidden: within a second it is back
full screen, on top, on the current desktop and active.

Each attack is also made on an ordinary Qt window, made full screen and always on top, on a
second screen of the same kind, which it does leave minimised, hidden, lowered, moved or
unfocused: the positive control that shows the attack is real. The windows' state is read
with ``xprop``, ``xwininfo`` and ``xdotool``, not with the kiosk's own code.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import poll_until

TOOLS = ("Xvfb", "openbox", "xdotool", "wmctrl", "xprop", "xwininfo", "xev")
pytestmark = [
    pytest.mark.slow,  # about a minute; .ci/run runs it as a step of its own
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in TOOLS), reason=f"needs {', '.join(TOOLS)} (Debian packages)"
    ),
]
SIZE = (1024, 600)
BACK_WITHIN_S = 1.0
#: Keys and requests that hide, lower, move or unfocus a window under openbox's default set-up.
ATTACKS = {
    "minimise request": ["xdotool windowminimize {w}"],
    "hidden request": ["wmctrl -i -r {w} -b add,hidden"],
    "show-desktop request": ["wmctrl -k on"],
    "Super+D": ["xdotool key super+d"],
    "Super+D, right-click": ["xdotool key super+d", "xdotool mousemove 500 300 click 3"],
    "Alt+Space, Iconify": ["xdotool key alt+space", "xdotool mousemove 45 104 click 1"],
    "Alt+Space, Layer, Normal": ["xdotool key alt+space", "xdotool key l", "xdotool key n"],
    "Ctrl+Alt+Right": ["xdotool key ctrl+alt+Right"],
    "Super+F2": ["xdotool key super+F2"],
    "switch-desktop request": ["wmctrl -s 2"],
    "send-to-desktop request": ["wmctrl -i -r {w} -t 1"],
    "unmap request": ["xdotool windowunmap {w}"],
    "not-above request": ["wmctrl -i -r {w} -b remove,above"],
    "below request": ["wmctrl -i -r {w} -b add,below"],
    "not-full-screen request": ["wmctrl -i -r {w} -b remove,fullscreen"],
    "another program's window": [
        "& xmessage -name intruder -center another program",
        "xdotool search --sync --classname intruder windowactivate",
    ],
}
#: With no window manager: any program can unmap, move, resize, cover or unfocus any window.
BARE_ATTACKS = {
    "unmap request": ["xdotool windowunmap {w}"],
    "move request": ["xdotool windowmove {w} 200 150"],
    "resize request": ["xdotool windowsize {w} 300 200"],
    "another program's window": [
        "& xmessage -name intruder -geometry 1024x600+0+0 another program",
        "xdotool search --sync --classname intruder windowraise windowfocus",
    ],
}


@dataclass
class Screen:
    display: str
    env: dict[str, str]
    processes: list[subprocess.Popen]
    wm: bool
    wid: int = 0
    log: Path | None = None

    def run(self, command: str) -> str:
        return subprocess.run(
            command.split(), env=self.env, capture_output=True, text=True, timeout=10, check=False
        ).stdout

    def attack(self, commands: list[str]) -> None:
        """Run the commands (``&`` first: in the background, until the screen stops)."""
        for command in commands:
            if command.startswith("& "):
                self.processes.insert(1, subprocess.Popen(command[2:].split(), env=self.env))
            else:
                self.run(command.format(w=self.wid))
            time.sleep(0.15)  # let a menu open before the next key

    def state(self) -> dict[str, object]:
        """What the X server says about the window and the desktop."""
        info = self.run(f"xwininfo -id {self.wid}")
        found = [re.search(rf"{k}: +(-?\d+)", info) for k in ("X", "Y", "Width", "Height")]
        if not all(found):
            return {"window known to the X server": False, "xwininfo": info.strip() or "no output"}
        geometry = tuple(int(m.group(1)) for m in found)
        common = {
            "viewable": "IsViewable" in info,
            "full screen": geometry == (0, 0, *SIZE),
            "focused": self.run("xdotool getwindowfocus").strip() == str(self.wid),
        }
        if not self.wm:
            under = re.search(
                r"window:(\d+)", self.run(f"xdotool mousemove {SIZE[0] // 2} {SIZE[1] // 2} getmouselocation")
            )
            return {**common, "on top": bool(under) and int(under.group(1)) == self.wid}
        own = self.run(f"xprop -id {self.wid} _NET_WM_STATE WM_STATE _NET_WM_DESKTOP")
        root = self.run(
            "xprop -root _NET_ACTIVE_WINDOW _NET_SHOWING_DESKTOP _NET_CLIENT_LIST_STACKING _NET_CURRENT_DESKTOP"
        )
        desktop = re.search(r"_NET_WM_DESKTOP\(CARDINAL\) = (\d+)", own)
        current = re.search(r"_NET_CURRENT_DESKTOP\(CARDINAL\) = (\d+)", root)
        stacking = re.findall(r"0x[0-9a-f]+", root.split("_NET_CLIENT_LIST_STACKING", 1)[1].split("\n", 1)[0])
        active = re.search(r"_NET_ACTIVE_WINDOW\(WINDOW\): window id # (0x[0-9a-f]+)", root)
        return {
            **common,
            "normal": "window state: Normal" in own,
            "fullscreen state": "_NET_WM_STATE_FULLSCREEN" in own,
            "above": "_NET_WM_STATE_ABOVE" in own and "_NET_WM_STATE_BELOW" not in own,
            "not hidden": "_NET_WM_STATE_HIDDEN" not in own,
            "on this desktop": bool(desktop and current) and desktop.group(1) in ("4294967295", current.group(1)),
            "desktop not shown": "_NET_SHOWING_DESKTOP(CARDINAL) = 0" in root,
            "on top": bool(stacking) and int(stacking[-1], 16) == self.wid,
            "active": bool(active) and int(active.group(1), 16) == self.wid,
        }

    def held(self) -> bool:
        return all(self.state().values())

    def wait(self, condition, seconds: float) -> bool:
        return poll_until(condition, seconds)


def _x_server(tmp: Path, *, wm: bool) -> Screen:
    """A fresh Xvfb (and openbox on it, if ``wm``)."""
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    display = f":{xvfb.stdout.readline().strip()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_", "WAYLAND"))}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(tmp), XDG_DATA_HOME=str(tmp))
    env["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"  # no stray bus daemons from the ordinary window
    env["FLOSSGUI_SETTINGS"] = str(tmp / "settings.ini")
    screen = Screen(display, env, [xvfb], wm)
    if wm:
        screen.processes.append(_window_manager(screen))
    return screen


def _window_manager(screen: Screen) -> subprocess.Popen:
    """openbox on ``screen``, once it manages the screen (it once failed to open a display Xvfb
    had just announced, in one CI run of many: it is started again, up to three times)."""

    def managing() -> bool:
        return "window id #" in screen.run("xprop -root _NET_SUPPORTING_WM_CHECK")

    for _ in range(3):
        openbox = subprocess.Popen(["openbox"], env=screen.env, stderr=subprocess.DEVNULL)
        if poll_until(managing, 10):
            return openbox
        openbox.kill()
        openbox.wait()
    pytest.fail(f"openbox did not start on {screen.display}")


def _start_app(screen: Screen, app: list[str], search: str, *, log: Path | None = None) -> Screen:
    """Start ``app`` on ``screen`` and wait for its window (found by ``xdotool search``)."""
    with open(log or os.devnull, "w") as stderr:
        screen.processes.append(subprocess.Popen(app, env=screen.env, stderr=stderr))

    seen: list[int] = []

    def window() -> bool:
        """The same window found five times running (a first window the app replaces, or one
        of its widgets shown on its own for a moment, must not be taken for it)."""
        ids = screen.run(f"xdotool search --onlyvisible {search}").split()
        seen.append(int(ids[-1]) if ids else 0)
        screen.wid = seen[-1]
        return screen.wid != 0 and seen[-5:] == [screen.wid] * 5

    if not screen.wait(window, 30):
        _stop(screen)
        pytest.fail(f"the window ({search}) did not appear on {screen.display}")
    return screen


def _start_screen(tmp: Path, app: list[str], search: str, *, wm: bool, log: Path | None = None) -> Screen:
    return _start_app(_x_server(tmp, wm=wm), app, search, log=log)


def _stop(screen: Screen) -> None:
    for process in reversed(screen.processes):
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


#: An ordinary window: one Qt widget, so the window under the pointer is the window itself.
ORDINARY = (
    "from PySide6.QtWidgets import QApplication, QWidget; app = QApplication([]); w = QWidget();"
    " w.setWindowTitle('ordinary'); w.show(); app.exec()"
)


def _kiosk_command(tmp: Path) -> list[str]:
    """``flossgui --kiosk`` with settings in ``tmp`` that put every label of the screen in use."""
    (tmp / "kiosk.toml").write_text('clinic_name = "X11 test"\n')
    return [sys.executable, "-m", "flossgui", "--kiosk", "--config", str(tmp / "kiosk.toml")]


@contextlib.contextmanager
def _screens(wm: bool) -> Iterator[tuple[Screen, Screen]]:
    """The kiosk on one X screen, an ordinary window on another; both with openbox or neither."""
    tmp = Path(tempfile.mkdtemp(prefix="flossgui-x11-"))
    kiosk = _start_screen(tmp, _kiosk_command(tmp), "--class flossgui", wm=wm, log=tmp / "kiosk.log")
    kiosk.log = tmp / "kiosk.log"
    try:
        ordinary = _start_screen(tmp, [sys.executable, "-c", ORDINARY], "--name ordinary", wm=wm)
        try:
            assert kiosk.wait(kiosk.held, 20), kiosk.state()
            assert "put back" not in kiosk.log.read_text()  # taking the screen at boot is no attack
            yield kiosk, ordinary
        finally:
            _stop(ordinary)
    finally:
        _stop(kiosk)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def with_openbox() -> Iterator[tuple[Screen, Screen]]:
    with _screens(wm=True) as screens:
        yield screens


@pytest.fixture(scope="module")
def with_no_window_manager() -> Iterator[tuple[Screen, Screen]]:
    with _screens(wm=False) as screens:
        yield screens


def _make_full_screen_on_top(screen: Screen) -> None:
    if screen.wm:
        commands = [
            "wmctrl -k off",
            "wmctrl -s 0",
            "xdotool windowmap {w}",
            "wmctrl -i -r {w} -t 0",
            "wmctrl -i -r {w} -b remove,hidden",
            "wmctrl -i -r {w} -b remove,below",
            "wmctrl -i -r {w} -b add,fullscreen,above",
            "xdotool windowactivate {w}",
        ]
    else:
        commands = [
            "xdotool windowmap {w}",
            "xdotool windowmove {w} 0 0",
            f"xdotool windowsize {{w}} {SIZE[0]} {SIZE[1]}",
            "xdotool windowraise {w}",
            "xdotool windowfocus {w}",
        ]
    for command in commands:
        screen.run(command.format(w=screen.wid))
    assert screen.wait(screen.held, 5), screen.state()


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_with_openbox_the_kiosk_comes_back_within_a_second(with_openbox, attack):
    _attack_both(*with_openbox, ATTACKS[attack])


@pytest.mark.parametrize("attack", list(BARE_ATTACKS))
def test_with_no_window_manager_the_kiosk_comes_back_within_a_second(with_no_window_manager, attack):
    _attack_both(*with_no_window_manager, BARE_ATTACKS[attack])


def _attack_both(kiosk: Screen, ordinary: Screen, attack: list[str]) -> None:
    _make_full_screen_on_top(ordinary)
    ordinary.attack(attack)
    time.sleep(BACK_WITHIN_S + 0.05)
    assert not ordinary.held(), f"positive control: {attack} leaves an ordinary window {ordinary.state()}"

    assert kiosk.held()
    logged = kiosk.log.read_text().count("\n")
    kiosk.attack(attack)
    # Watch for a while: the window may be seen away briefly, and must be back within the second.
    start, last_away = time.monotonic(), None
    while (elapsed := time.monotonic() - start) < BACK_WITHIN_S + 0.2:
        state = kiosk.state()
        if not all(state.values()):
            last_away = elapsed
            assert elapsed < BACK_WITHIN_S, f"after {attack}, still away: {state}"
        time.sleep(0.02)
    put_back = kiosk.log.read_text().splitlines()[logged:]
    seen = "never seen away" if last_away is None else f"seen away until {last_away:.2f} s"
    print(f"{attack}: {seen}; {put_back}")
    assert last_away is None or put_back, "the kiosk was moved and put back, and the journal says so"
    assert kiosk.processes[-1].poll() is None


#: Fresh starts watched for the windows the kiosk maps (a widget shown as a window of its own
#: for a few milliseconds was caught by a window manager in about 7 starts in 10).
STARTS = 3
_MARK = "FLOSSGUI_TEST_START"


@pytest.mark.parametrize("wm", [True, False], ids=["openbox", "no window manager"])
def test_the_kiosk_maps_one_window_full_screen_from_the_start(wm):
    """Every top-level window the kiosk maps, as the X server reports it to ``xev`` on the root
    window, over several fresh starts: one, already covering the screen when first mapped."""
    tmp = Path(tempfile.mkdtemp(prefix="flossgui-x11-"))
    try:
        for _ in range(STARTS):
            mapped = _windows_mapped_by_a_start(tmp, wm=wm)
            assert list(mapped.values()) == [(0, 0, *SIZE)], f"windows mapped, where first mapped: {mapped}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _windows_mapped_by_a_start(tmp: Path, *, wm: bool) -> dict[str, tuple[int, ...] | None]:
    """Start the kiosk on a fresh screen, wait until it holds the screen, and return the
    top-level windows mapped from its launch on (see :func:`_first_maps`)."""
    screen = _x_server(tmp, wm=wm)
    events, errors = tmp / "xev.txt", tmp / "xev.err"
    try:
        if wm:  # openbox's own windows are mapped before the mark
            assert screen.wait(lambda: "window id" in screen.run("xprop -root _NET_SUPPORTING_WM_CHECK"), 10)

        def marked() -> bool:
            screen.run(f"xprop -root -f {_MARK} 8s -set {_MARK} 1")
            return f"({_MARK})" in events.read_text()

        for _ in range(3):  # once in a CI run xev saw nothing for 10 s: start it again
            with open(events, "w") as out, open(errors, "w") as err:
                xev = ["xev", "-root", "-event", "substructure", "-event", "property"]
                screen.processes.append(subprocess.Popen(xev, env=screen.env, stdout=out, stderr=err))
            if screen.wait(marked, 10):
                break
            stale = screen.processes.pop()
            stale.kill()
            stale.wait()
        else:
            pytest.fail(f"xev saw nothing on {screen.display}: {errors.read_text()!r}")
        _start_app(screen, _kiosk_command(tmp), "--class flossgui")
        assert screen.wait(screen.held, 20), screen.state()
        return _first_maps(events.read_text().split(f"({_MARK})", 1)[1])
    finally:
        _stop(screen)


def _first_maps(events: str) -> dict[str, tuple[int, ...] | None]:
    """From ``xev -root -event substructure`` output: each top-level window mapped, in order,
    with its x, y, width and height when first mapped. A window that a window manager put in
    a frame counts when the frame is mapped, at the frame's place."""
    placed: dict[str, tuple[int, ...]] = {}  # the root's children
    held_by: dict[str, str] = {}  # frame: the window in it
    first: dict[str, tuple[int, ...] | None] = {}
    for block in events.split("\n\n"):
        kind, _, text = block.strip().partition(" event,")
        window = (re.findall(r"window (0x[0-9a-f]+)", text)[1:] or [""])[0]  # the first is the root
        if kind in ("CreateNotify", "ConfigureNotify"):
            found = re.search(r"\((-?\d+),(-?\d+)\), width (\d+), height (\d+)", text)
            placed[window] = tuple(int(n) for n in found.groups())
        elif kind == "ReparentNotify":
            parent = re.search(r"parent (0x[0-9a-f]+)", text).group(1)
            if parent in placed:
                held_by[parent] = window
        elif kind == "MapNotify":
            first.setdefault(held_by.get(window, window), placed.get(window))
    return first
