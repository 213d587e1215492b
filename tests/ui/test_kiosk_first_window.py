"""The kiosk's start shows one window, locked and full screen from its first show.

A widget made without a parent is a window of its own until it is put in a layout: shown
before that (``setVisible(True)`` on a fresh label), it is mapped on X11 as a top-level window
for a few milliseconds, a flash on the waiting-room screen and a window that X11 tools and
the kiosk's own watch could take for the kiosk's. And a window whose flags change after it was
made gets a new native window. Here every window shown and every native window made during the
kiosk's start is recorded, on the real start path (:func:`flossgui.ui.kiosk.app.build_kiosk`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from flossgui.model.clock import ManualClock
from flossgui.model.launch import LaunchOptions
from flossgui.ui.kiosk.app import build_kiosk
from flossgui.ui.kiosk.curtain import Curtain
from flossgui.ui.kiosk.panel import KioskPanel

LOCKED = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint


@dataclass
class Shown:
    """A window as it was when shown."""

    kind: str
    flags: Qt.WindowType
    state: Qt.WindowState


class WindowLog(QObject):
    """Application-wide: each window shown, and each time a window's native window changes."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Shown] = []
        self.native: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and watched.isWindow():
            if event.type() == QEvent.Type.Show:
                shown = Shown(type(watched).__name__, watched.windowFlags(), watched.windowState())
                self.shown.append(shown)
            elif event.type() == QEvent.Type.WinIdChange:
                self.native.append(type(watched).__name__)
        return False


@pytest.fixture
def start(qtbot, qapp, tmp_path):
    """Start the kiosk as ``flossgui --kiosk`` does (with a clinic name, so every label is in
    use), recording windows from before the first widget is made."""
    config = tmp_path / "kiosk.toml"
    config.write_text('clinic_name = "Riverside Physio"\n')
    log = WindowLog()
    qapp.installEventFilter(log)
    window, _mode = build_kiosk(LaunchOptions(mode="kiosk", kiosk_config=config), ManualClock(0.0), locked=True)
    qtbot.addWidget(window, before_close_func=lambda w: w.change_mode("patient"))  # give the screen back
    qtbot.waitExposed(window)
    qtbot.wait(100)  # timers the start set going (the lock's, the loop's) have their turn
    yield window, log
    qapp.removeEventFilter(log)


def test_the_kiosk_shows_only_its_own_window(start):
    _window, log = start
    assert [shown.kind for shown in log.shown] == ["MainWindow"], "a widget was shown as a window of its own"
    visible = [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == ["MainWindow"]


def test_the_first_show_is_already_locked_and_full_screen(start):
    """(That it covers the screen when first mapped, on X11 with no window manager, is checked
    on a real X server in test_kiosk_x11.py.)"""
    _window, log = start
    first = next(shown for shown in log.shown if shown.kind == "MainWindow")
    assert first.flags & LOCKED == LOCKED
    assert first.state & Qt.WindowState.WindowFullScreen


def test_the_native_window_is_made_once(start, qtbot):
    window, log = start
    made = int(window.winId())
    assert log.native.count("MainWindow") == 1
    window.showMinimized()  # the lock puts it back, as when a visitor or a program minimised it
    qtbot.waitUntil(lambda: window.isFullScreen() and not window.isMinimized())
    assert int(window.winId()) == made
    assert log.native.count("MainWindow") == 1


def test_a_kiosk_panel_or_curtain_shows_nothing_while_built(qtbot, qapp, tutorial, window):
    """The two widgets that showed a label before laying it out, each built on its own (the
    curtain over a window that is not shown)."""
    log = WindowLog()
    qapp.installEventFilter(log)
    try:
        qtbot.addWidget(KioskPanel(tutorial, "Riverside Physio"))
        Curtain(window, "dim")
    finally:
        qapp.removeEventFilter(log)
    assert log.shown == []
