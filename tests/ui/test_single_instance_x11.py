"""On a real X screen (Xvfb + openbox), a second start always ends with the first window on
screen: un-minimised if it was minimised, and made anew if another program destroyed it (X11
lets any client do that, and Qt is not told), rather than a running app with no window that
every later start would only "bring forward".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import poll_until

TOOLS = ("Xvfb", "openbox", "xdotool")
pytestmark = [
    pytest.mark.slow,  # about 10 s; .ci/run runs it with the kiosk's X11 tests
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in TOOLS), reason=f"needs {', '.join(TOOLS)} (Debian packages)"
    ),
]
TITLE = "Nerve floss guide"


@pytest.fixture
def screen(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An X screen with openbox, and the environment of a flossgui started on it."""
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_", "WAYLAND"))}
    env.update(DISPLAY=f":{xvfb.stdout.readline().strip()}", QT_QPA_PLATFORM="xcb", FLOSSGUI_AUDIO="null",
               XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path),
               DBUS_SESSION_BUS_ADDRESS="disabled:", FLOSSGUI_SETTINGS=str(tmp_path / "settings.ini"))  # fmt: skip
    (tmp_path / "settings.ini").write_text("[safety]\ncard_seen=true\n")
    wm = subprocess.Popen(["openbox"], env=env, stderr=subprocess.DEVNULL)
    try:
        yield env
    finally:
        for process in (wm, xvfb):
            process.terminate()
            process.wait(5)


def _windows(env: dict[str, str]) -> list[str]:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", TITLE], env=env,
                           capture_output=True, text=True, timeout=10, check=False)  # fmt: skip
    return found.stdout.split()


def _start(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "flossgui"], env=env, stderr=subprocess.DEVNULL)


@pytest.mark.parametrize(("done_to_it", "made_anew"), [("windowminimize", False), ("windowclose", True)])
def test_a_second_start_puts_the_first_window_back_on_screen(screen, done_to_it, made_anew):
    first = _start(screen)
    try:
        assert poll_until(lambda: _windows(screen), 30), "the window did not appear"
        (window,) = _windows(screen)
        subprocess.run(["xdotool", done_to_it, window], env=screen, timeout=10, check=True)
        assert poll_until(lambda: not _windows(screen), 5), f"{done_to_it} left the window on screen"

        second = subprocess.run([sys.executable, "-m", "flossgui"], env=screen, capture_output=True,
                                text=True, timeout=60, check=False)  # fmt: skip
        assert second.returncode == 0 and "already open" in second.stderr
        assert poll_until(lambda: bool(_windows(screen)), 10), f"after {done_to_it}, a second start showed nothing"
        assert (_windows(screen) != [window]) == made_anew
        assert first.poll() is None
    finally:
        first.terminate()
        first.wait(10)
