"""The kiosk cannot be left by a visitor: keys, closing, context menus; staff leave with the PIN."""

from __future__ import annotations

import pytest
from kiosk_support import PIN
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QApplication

from flossgui.kiosk import LEAVE_STATUS
from flossgui.kiosk.config import KioskConfig
from flossgui.ui.kiosk import pin_pad
from flossgui.ui.theme.tr import tr

CTRL, ALT, SHIFT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.ShiftModifier,
)
NONE = Qt.KeyboardModifier.NoModifier
ESCAPES = [
    (Qt.Key.Key_F4, ALT),
    (Qt.Key.Key_Escape, NONE),
    (Qt.Key.Key_Q, CTRL),
    (Qt.Key.Key_W, CTRL),
    (Qt.Key.Key_F11, NONE),
    (Qt.Key.Key_Tab, ALT),
    # Window-manager keys, where no window manager takes them first: show desktop, window menu.
    (Qt.Key.Key_D, Qt.KeyboardModifier.MetaModifier),
    (Qt.Key.Key_Space, ALT),
    (Qt.Key.Key_Super_L, NONE),
    (Qt.Key.Key_Menu, NONE),
]


def enter_pin(qtbot, kiosk, pin: str) -> None:
    for digit in pin:
        kiosk.mode.pin_pad.keys[digit].click()
    kiosk.mode.pin_pad.keys["ok"].click()


def long_press_corner(qtbot, kiosk) -> None:
    lock = kiosk.mode.lock
    qtbot.mousePress(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert lock.hold_timer.isActive() and lock.hold_timer.interval() >= 3000
    lock.hold_timer.timeout.emit()  # the 3 s have passed with the finger still down
    qtbot.mouseRelease(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def test_the_window_takes_over_the_screen(make_kiosk):
    kiosk = make_kiosk()
    w = kiosk.window
    assert w.isFullScreen()
    flags = w.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    for widget in (w.side_panel, w.controls, w.keys_help, w.caption, w.menuBar(), w.figure_view.gauge):
        assert not widget.isVisible()
    assert not w.menuBar().isEnabled()  # its View menu would switch modes
    assert kiosk.mode.panel.isVisible()


@pytest.mark.parametrize(("key", "modifiers"), ESCAPES)
def test_escape_keys_do_nothing(make_kiosk, qtbot, key, modifiers):
    kiosk = make_kiosk()
    kiosk.window.activateWindow()
    qtbot.waitUntil(kiosk.window.isActiveWindow)  # shortcuts only fire in the active window
    fired = []
    QShortcut(QKeySequence(key.value | modifiers.value), kiosk.window).activated.connect(lambda: fired.append(1))
    qtbot.keyClick(kiosk.window.windowHandle(), key, modifiers)
    assert fired == [] and kiosk.quits == []
    assert kiosk.window.isVisible() and kiosk.window.isFullScreen()
    assert not kiosk.mode.pin_pad.isVisible()


def test_shortcuts_work_when_not_locked(make_kiosk, qtbot):
    """The check above is real: the same shortcut fires on an unlocked kiosk screen."""
    kiosk = make_kiosk(locked=False)
    kiosk.window.activateWindow()
    qtbot.waitUntil(kiosk.window.isActiveWindow)
    fired = []
    QShortcut(QKeySequence(Qt.Key.Key_Q.value | CTRL.value), kiosk.window).activated.connect(lambda: fired.append(1))
    qtbot.keyClick(kiosk.window.windowHandle(), Qt.Key.Key_Q, CTRL)
    assert fired == [1]


def test_close_is_refused_until_staff_leave(make_kiosk):
    kiosk = make_kiosk()
    assert kiosk.window.close() is False
    assert kiosk.window.isVisible()
    kiosk.mode.lock.leaving = True
    assert kiosk.window.close() is True


@pytest.mark.parametrize("locked", [True, False])
def test_context_menus_never_open(make_kiosk, qtbot, locked):
    kiosk = make_kiosk(locked=locked)
    requested = []
    panel = kiosk.mode.panel
    panel.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    panel.customContextMenuRequested.connect(requested.append)
    at = panel.mapTo(kiosk.window, panel.rect().center())
    qtbot.mouseClick(kiosk.window.windowHandle(), Qt.MouseButton.RightButton, pos=at)  # as the mouse does
    qtbot.keyClick(kiosk.window.windowHandle(), Qt.Key.Key_Menu)
    assert requested == ([] if locked else [panel.rect().center()])  # unlocked, the same click opens it


def test_full_screen_comes_back(make_kiosk, qtbot):
    kiosk = make_kiosk()
    kiosk.window.showNormal()
    qtbot.waitUntil(kiosk.window.isFullScreen)


def test_a_minimised_full_screen_window_comes_back(make_kiosk, qtbot):
    """Minimised, the window is still full screen: the lock must look at both."""
    kiosk = make_kiosk()
    w = kiosk.window
    w.setWindowState(Qt.WindowState.WindowMinimized | Qt.WindowState.WindowFullScreen)
    qtbot.waitUntil(lambda: w.isFullScreen() and not w.isMinimized(), timeout=1000)


def test_an_unlocked_window_stays_minimised(make_kiosk, qtbot):
    """Positive control for the test above."""
    kiosk = make_kiosk(locked=False)
    w = kiosk.window
    w.setWindowState(Qt.WindowState.WindowMinimized | Qt.WindowState.WindowFullScreen)
    qtbot.wait(300)
    assert w.isMinimized()


def test_cursor_hides_when_idle_and_shows_on_movement(make_kiosk, qtbot):
    kiosk = make_kiosk()
    lock = kiosk.mode.lock

    def hidden() -> bool:
        cursor = QGuiApplication.overrideCursor()
        return cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor

    assert hidden()
    move = QMouseEvent(
        QEvent.Type.MouseMove, QPointF(300, 300), QPointF(300, 300), Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton, NONE,
    )  # fmt: skip
    QApplication.sendEvent(kiosk.window.windowHandle(), move)
    assert not hidden() and lock.cursor_timer.isActive()
    lock.cursor_timer.timeout.emit()
    assert hidden()
    kiosk.window.change_mode("patient")
    assert QGuiApplication.overrideCursor() is None


def test_long_press_in_the_corner_asks_for_the_pin(make_kiosk, qtbot):
    kiosk = make_kiosk()
    long_press_corner(qtbot, kiosk)
    assert kiosk.mode.pin_pad.isVisible()


def test_short_press_or_press_elsewhere_does_not(make_kiosk, qtbot):
    kiosk = make_kiosk()
    lock = kiosk.mode.lock
    qtbot.mousePress(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    assert not lock.hold_timer.isActive()
    qtbot.mouseRelease(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    qtbot.mousePress(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.mouseRelease(kiosk.window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert not lock.hold_timer.isActive() and not kiosk.mode.pin_pad.isVisible()


def test_key_chord_asks_for_the_pin(make_kiosk, qtbot):
    kiosk = make_kiosk()
    qtbot.keyClick(kiosk.window.windowHandle(), Qt.Key.Key_K, CTRL | ALT | SHIFT)
    assert kiosk.mode.pin_pad.isVisible()


def test_right_pin_offers_leave_which_exits_with_the_leave_status(make_kiosk, qtbot):
    kiosk = make_kiosk()
    long_press_corner(qtbot, kiosk)
    enter_pin(qtbot, kiosk, PIN)
    pad = kiosk.mode.pin_pad
    assert pad.accepted and pad.leave_button.isVisible() and pad.stay_button.isVisible()
    assert kiosk.quits == []
    pad.leave_button.click()
    assert kiosk.quits == [LEAVE_STATUS]
    assert kiosk.window.close() is True  # leaving: the window may close now


def test_cancel_after_right_pin_stays(make_kiosk, qtbot):
    kiosk = make_kiosk()
    long_press_corner(qtbot, kiosk)
    enter_pin(qtbot, kiosk, PIN)
    kiosk.mode.pin_pad.stay_button.click()
    assert not kiosk.mode.pin_pad.isVisible() and kiosk.quits == []
    assert kiosk.window.close() is False


def test_pin_by_keyboard(make_kiosk, qtbot):
    kiosk = make_kiosk()
    qtbot.keyClick(kiosk.window.windowHandle(), Qt.Key.Key_K, CTRL | ALT | SHIFT)
    pad, typing = kiosk.mode.pin_pad, kiosk.window.windowHandle()  # keys arrive at the window, as typed
    for key in ("2", "4", Qt.Key.Key_Backspace, *"46813"):  # 1, 2 and 3 are the patient window's answer keys
        qtbot.keyClick(typing, key)
    assert pad.digits == PIN and pad.entry.text().count("●") == 6
    qtbot.keyClick(typing, Qt.Key.Key_Return)
    assert pad.accepted


def test_wrong_pin_stays_and_says_so(make_kiosk, qtbot):
    kiosk = make_kiosk()
    long_press_corner(qtbot, kiosk)
    enter_pin(qtbot, kiosk, "1111")
    pad = kiosk.mode.pin_pad
    assert not pad.accepted and pad.message.text() == tr("pin.wrong") and pad.digits == ""
    assert kiosk.quits == []


def test_wrong_pins_are_rate_limited_and_the_wait_shown(make_kiosk, qtbot):
    kiosk = make_kiosk()
    long_press_corner(qtbot, kiosk)
    pad = kiosk.mode.pin_pad
    for _ in range(4):
        enter_pin(qtbot, kiosk, "1111")
    assert pad.message.text() == tr("pin.wait", seconds=30)
    assert not pad.keypad.isEnabled()
    pad.submit()  # even the right PIN is not checked while locked
    kiosk.clock.advance(12)
    pad.refresh()
    assert pad.message.text() == tr("pin.wait", seconds=18)
    pad.delete()  # staff still there: the pad stays open
    kiosk.clock.advance(18)
    pad.refresh()
    assert pad.keypad.isEnabled() and pad.message.text() == tr("pin.enter")
    enter_pin(qtbot, kiosk, PIN)
    assert pad.accepted


def test_the_pad_closes_itself_when_left_alone(make_kiosk, qtbot):
    kiosk = make_kiosk()
    long_press_corner(qtbot, kiosk)
    enter_pin(qtbot, kiosk, PIN)
    kiosk.clock.advance(pin_pad.TIMEOUT_S)
    kiosk.mode.pin_pad.refresh()
    assert not kiosk.mode.pin_pad.isVisible() and not kiosk.mode.pin_pad.accepted


def test_without_a_pin_there_is_no_way_out(make_kiosk, qtbot):
    kiosk = make_kiosk(KioskConfig())
    long_press_corner(qtbot, kiosk)
    pad = kiosk.mode.pin_pad
    assert pad.isVisible() and pad.message.text() == tr("pin.none")
    assert not pad.keypad.isVisible() and pad.cancel_button.isVisible()
    qtbot.keyClicks(pad, "0000")
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert not pad.accepted and kiosk.quits == []
    pad.cancel_button.click()
    assert not pad.isVisible()
