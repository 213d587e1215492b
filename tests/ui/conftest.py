"""Window fixtures: a hand-set clock, a private settings file, and windows cleaned up by qtbot."""

from __future__ import annotations

import functools

import pytest

from flossgui.model.clock import ManualClock
from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Setup
from flossgui.ui.shell.build import build_window
from flossgui.ui.shell.main_window import MainWindow
from flossgui.ui.shell.settings import ENV_VAR
from flossgui.ui.shell.tutorial import Tutorial


@pytest.fixture(autouse=True)
def _private_settings(tmp_path, monkeypatch):
    """Each test remembers things in its own INI file, never the user's."""
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "settings.ini"))


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(0.0)


@pytest.fixture
def tutorial(clock, qapp) -> Tutorial:
    return Tutorial(builtin_exercise(), Setup(), clock=clock)


@pytest.fixture
def history(tmp_path):
    """An empty diary of the test's own, closed afterwards."""
    from flossgui.diary.store import History

    with History(tmp_path / "diary.sqlite3") as diary:
        yield diary


@pytest.fixture
def make_window(qtbot, tutorial):
    """Build windows as the app does (:func:`build_window`) on the test's tutorial, 1280×800, cleaned up."""

    def make(**options) -> MainWindow:
        w = build_window(options.pop("tutorial", tutorial), **options)
        qtbot.addWidget(w)
        w.resize(1280, 800)
        return w

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture
def make_kiosk(qtbot):
    """Build kiosk windows (see ``kiosk_support.build_kiosk``); each gives the screen back after the test."""
    from kiosk_support import build_kiosk

    return functools.partial(build_kiosk, qtbot)


def show_active(window, qtbot) -> None:
    """Show ``window`` and wait until it is the active window, so keys go through Qt's shortcuts as a user's do."""
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def run_for(tutorial, clock, seconds: float, step: float = 0.25) -> None:
    """Advance the hand-set clock ``seconds`` in ``step`` s ticks, drawing a frame after each, as the timer would."""
    for _ in range(round(seconds / step)):
        clock.advance(step)
        tutorial.tick()


def click(widget) -> None:
    """A left click in the middle of ``widget``, as a user's."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def poll_until(condition, seconds: float, interval: float = 0.05) -> bool:
    """Ask ``condition`` every ``interval`` s until it holds or ``seconds`` have passed (for other
    processes' windows, which no Qt signal reports); whether it held."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()
