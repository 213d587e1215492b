"""Lock-down of the kiosk window: nothing a visitor does gets them out of the app.

One event filter on the app's windows (the :class:`QWindow` of the kiosk's window, and of any
other that takes the keyboard focus), installed while the kiosk runs. Input reaches a window
before any widget in it, a key's shortcut override first of all, so nothing gets past it; and
the kiosk's frames (its timer, update requests and paints, which go to objects and widgets)
never pass through it, as they would through an application-wide filter, at 60 a second:

- keys: Escape, function keys and anything held with Ctrl, Alt or Meta (Alt+F4, Ctrl+Q,
  Ctrl+W, ...) are swallowed; the few plain keys that the buttons and the PIN pad need pass,
  to the widget with the focus; every key's shortcut override is taken, so no shortcut fires;
- close requests to those windows are refused until :attr:`KioskLock.leaving` is set (only
  after the staff PIN); context menus never open (the right button and the menu key never
  reach a widget);
- the window is kept frameless, on top and full screen, and put back if anything changes it
  (minimised included); on X11, :class:`~flossgui.ui.kiosk.x11.X11WindowGuard` also undoes
  what the window manager or another program does: hiding, lowering, another desktop, "show
  desktop", losing the focus;
- the mouse cursor hides after a few seconds without input and comes back when moved;
- it reports input (for the idle timer) and the admin gesture: a long press in the top-left
  corner, or Ctrl+Alt+Shift+K.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent, QMouseEvent, QWindow
from PySide6.QtWidgets import QWidget

from flossgui.kiosk.window_rules import Fix
from flossgui.ui.kiosk.x11 import X11WindowGuard

#: How long the top-left corner must be held to ask for the staff PIN.
HOLD_MS = 3000
#: How long the cursor stays visible after the last movement.
CURSOR_MS = 3000
#: The admin key chord: Ctrl+Alt+Shift+K.
ADMIN_KEY = Qt.Key.Key_K
ADMIN_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
)
_BLOCKING_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
#: Plain keys that reach the app: digits and editing for the PIN pad, focus and activation for buttons.
PASSING_KEYS = frozenset(
    {
        *(Qt.Key(Qt.Key.Key_0.value + d) for d in range(10)),
        *(Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space),
        *(Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down),
    }
)
_ACTIVITY = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.TouchBegin, QEvent.Type.Wheel})
_BUTTON_EVENTS = frozenset(
    {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick}
)
_LOCKED_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint


def corner_size(window: QWidget) -> int:
    """Side of the square, top left, that the admin gesture starts in (pixels)."""
    return max(96, min(window.width(), window.height()) // 10)


class KioskLock(QObject):
    """Keeps ``window`` full screen and the visitor inside it; see the module docstring."""

    admin_requested = Signal()
    activity = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        #: Set just before leaving with the staff PIN: from then on the window may close.
        self.leaving = False
        self.installed = False
        self.cursor_hidden = False
        self._watched: set[QWindow] = set()
        self.x11: X11WindowGuard | None = None
        self._flags = window.windowFlags()
        self.hold_timer = QTimer(self)
        self.hold_timer.setSingleShot(True)
        self.hold_timer.setInterval(HOLD_MS)
        self.hold_timer.timeout.connect(self.admin_requested)
        self.cursor_timer = QTimer(self)
        self.cursor_timer.setSingleShot(True)
        self.cursor_timer.setInterval(CURSOR_MS)
        self.cursor_timer.timeout.connect(self._hide_cursor)

    def install(self) -> None:
        """Take over the screen: frameless, on top, full screen, cursor hidden, filter on."""
        if self.installed:
            return
        self.installed = True
        # Flags before the window is first shown: changing them later makes a new native window.
        self.window.setWindowFlags(self._flags | _LOCKED_FLAGS)
        if QGuiApplication.platformName() == "xcb":
            # Qt leaves full screen to the X11 window manager: with none, the window would be mapped
            # at its normal size and cover the screen only when the guard next looked.
            self.window.setGeometry(self.window.screen().geometry())
        self.window.showFullScreen()
        QGuiApplication.instance().focusWindowChanged.connect(self._watch)
        for window in (self.window.windowHandle(), QGuiApplication.focusWindow()):
            self._watch(window)
        self._hide_cursor()
        self.x11 = X11WindowGuard.start(self.window, self._on_put_back)

    def uninstall(self) -> None:
        """Give the screen back (for switching modes; the kiosk itself never does)."""
        if not self.installed:
            return
        self.installed = False
        if self.x11 is not None:
            self.x11.stop()
            self.x11 = None
        QGuiApplication.instance().focusWindowChanged.disconnect(self._watch)
        for window in self._watched:
            window.removeEventFilter(self)
            if window is self.window.windowHandle():
                window.windowStateChanged.disconnect(self._on_state_changed)
        self._watched.clear()
        self.hold_timer.stop()
        self.cursor_timer.stop()
        self._show_cursor()
        self.window.setWindowFlags(self._flags)
        self.window.showNormal()

    # -- the filter ---------------------------------------------------------------------------

    def _watch(self, window: QWindow | None) -> None:
        """Filter ``window``'s input from now on (the kiosk's own: its state changes too)."""
        if window is None or window in self._watched:
            return
        window.installEventFilter(self)
        self._watched.add(window)
        window.destroyed.connect(lambda: self._watched.discard(window))  # a dialog closed, say
        if window is self.window.windowHandle():
            window.windowStateChanged.connect(self._on_state_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return self._on_key(event, kind == QEvent.Type.KeyPress)  # type: ignore[arg-type]
        if kind == QEvent.Type.KeyRelease:
            return not self._passes(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.Close:
            if self.leaving:
                return False
            event.ignore()
            return True
        if kind in _ACTIVITY:
            self._on_pointer(event)  # type: ignore[arg-type]
        elif kind == QEvent.Type.MouseButtonRelease:
            self.hold_timer.stop()
        # the right button would open a context menu in the widget under it
        return kind in _BUTTON_EVENTS and event.button() != Qt.MouseButton.LeftButton  # type: ignore[attr-defined]

    def _on_state_changed(self, _state: Qt.WindowState) -> None:
        if self.window.isMinimized() or not self.window.isFullScreen():
            QTimer.singleShot(0, self._restore_full_screen)

    @staticmethod
    def _passes(event: QKeyEvent) -> bool:
        return not event.modifiers() & _BLOCKING_MODIFIERS and Qt.Key(event.key()) in PASSING_KEYS

    def _on_key(self, event: QKeyEvent, press: bool) -> bool:
        if self._passes(event):
            if press:
                self.activity.emit()
                return False
            event.accept()  # a shortcut override: the key goes to the widget with the focus, no shortcut
            return True  # (the patient window's answer keys 1-3 would take the PIN's digits)
        if press and event.key() == ADMIN_KEY and event.modifiers() & ADMIN_MODIFIERS == ADMIN_MODIFIERS:
            self.activity.emit()
            self.admin_requested.emit()
        event.accept()  # for ShortcutOverride: "taken", so no shortcut fires
        return True

    def _on_pointer(self, event: QEvent) -> None:
        self.activity.emit()
        self._show_cursor()
        self.cursor_timer.start()
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._on_press(event)  # type: ignore[arg-type]
        elif kind == QEvent.Type.MouseMove and self.hold_timer.isActive():
            self._on_move(event)  # type: ignore[arg-type]

    def _on_press(self, event: QMouseEvent) -> None:
        # a second finger (or a press on a dialog's window) does not start it again
        if not self.hold_timer.isActive() and self._in_corner(event.globalPosition().toPoint()):
            self.hold_timer.start()

    def _on_move(self, event: QMouseEvent) -> None:
        if not self._in_corner(event.globalPosition().toPoint()):
            self.hold_timer.stop()  # the finger slid out of the corner

    def _in_corner(self, global_pos: QPoint) -> bool:
        pos = self.window.mapFromGlobal(global_pos)
        side = corner_size(self.window)
        return 0 <= pos.x() < side and 0 <= pos.y() < side

    @staticmethod
    def _on_put_back(fixes: tuple[Fix, ...]) -> None:
        """One line in the journal each time something had moved the window."""
        print(f"flossgui: kiosk: window put back ({', '.join(fix.value for fix in fixes)})", file=sys.stderr)

    def _restore_full_screen(self) -> None:
        if self.installed and (self.window.isMinimized() or not self.window.isFullScreen()):
            minimised = "minimised" if self.window.isMinimized() else "not full screen"
            print(f"flossgui: kiosk: window put back ({minimised})", file=sys.stderr)
            self.window.setWindowState(Qt.WindowState.WindowFullScreen)  # not minimised any more
            self.window.showFullScreen()
            self.window.raise_()
            self.window.activateWindow()

    # -- the cursor ---------------------------------------------------------------------------

    def _hide_cursor(self) -> None:
        if not self.cursor_hidden:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self.cursor_hidden = True

    def _show_cursor(self) -> None:
        if self.cursor_hidden:
            QGuiApplication.restoreOverrideCursor()
            self.cursor_hidden = False
