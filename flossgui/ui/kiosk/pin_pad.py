"""The staff PIN pad: large digit keys over the kiosk screen, for a finger or a keyboard.

A right PIN offers "Leave kiosk" and "Cancel". Wrong PINs are slowed down by the gate's
limiter, and the pad shows how long to wait. With no PIN configured it says so, and how to
set one, and offers only Cancel. Left alone for :data:`TIMEOUT_S` it closes itself, so a
"Leave kiosk" button is never left on show in a waiting room.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flossgui.kiosk.pin import PinGate
from flossgui.model.playback import Clock
from flossgui.ui.kiosk.overlay import Overlay, screen_unit, set_pixel_font
from flossgui.ui.theme import palette
from flossgui.ui.theme.tr import tr

TIMEOUT_S = 30.0
MAX_DIGITS = 12  # the PIN rule's longest
_DIGIT_KEYS = {Qt.Key(Qt.Key.Key_0.value + d): str(d) for d in range(10)}

if TYPE_CHECKING:
    from flossgui.ui.shell.main_window import MainWindow


class PinPad(Overlay):
    """Asks for the staff PIN checked by ``gate`` (None: no PIN is configured)."""

    leave_requested = Signal()

    def __init__(self, parent: MainWindow, gate: PinGate | None, clock: Clock) -> None:
        super().__init__(parent, QColor(30, 43, 51, 215))
        self.gate = gate
        self.clock = clock
        self.digits = ""
        self._touched = clock()
        self._waiting = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.card = QFrame()
        self.card.setObjectName("pinCard")
        self.card.setStyleSheet(f"QFrame#pinCard {{ background: {palette.PANEL}; border-radius: 16px; }}")
        self.title = QLabel(tr("pin.title"))
        self.entry = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        for label in (self.title, self.entry, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.keys: dict[str, QPushButton] = {}
        self.keypad = QWidget()
        grid = QGridLayout(self.keypad)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, name in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "ok"]):
            text = {"delete": tr("pin.delete"), "ok": tr("pin.ok")}.get(name, name)
            button = self._button(text, primary=name == "ok")
            self.keys[name] = button
            grid.addWidget(button, i // 3, i % 3)
            if name.isdigit():
                button.clicked.connect(lambda _=False, d=name: self.press_digit(d))
        self.keys["delete"].clicked.connect(self.delete)
        self.keys["ok"].clicked.connect(self.submit)
        self.cancel_button = self._button(tr("pin.cancel"))
        self.cancel_button.clicked.connect(self.close_pad)
        self.entry_page = QWidget()
        entry_layout = QVBoxLayout(self.entry_page)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.addWidget(self.keypad)
        entry_layout.addWidget(self.cancel_button)

        self.leave_button = self._button(tr("pin.leave"), primary=True)
        self.leave_button.clicked.connect(self.leave_requested)
        self.stay_button = self._button(tr("pin.cancel"))
        self.stay_button.clicked.connect(self.close_pad)
        self.accepted_page = QWidget()
        accepted_layout = QHBoxLayout(self.accepted_page)
        accepted_layout.setContentsMargins(0, 0, 0, 0)
        accepted_layout.addWidget(self.stay_button)
        accepted_layout.addWidget(self.leave_button)

        card_layout = QVBoxLayout(self.card)
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.entry)
        card_layout.addWidget(self.message)
        card_layout.addWidget(self.entry_page)
        card_layout.addWidget(self.accepted_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.refresh)
        self.keypad.setVisible(gate is not None)
        self._reset()

    def _button(self, text: str, *, primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the pad itself
        if primary:
            button.setObjectName("primary")
        return button

    # -- opening and closing ------------------------------------------------------------------

    def open_pad(self) -> None:
        """Show the pad, empty, on top of everything."""
        self._reset()
        self.show_on_top()
        self.setFocus()
        self.ticker.start()
        self.refresh()

    def close_pad(self) -> None:
        """Hide the pad and forget what was typed."""
        self.ticker.stop()
        self._reset()
        self.hide()

    def _reset(self) -> None:
        self.digits = ""
        self._touched = self.clock()
        self._waiting = False
        self._show_page(accepted=False)
        self.message.setText(tr("pin.enter") if self.gate is not None else tr("pin.none"))
        self._show_entry()

    @property
    def accepted(self) -> bool:
        """Whether the right PIN was given (the Leave button is on show)."""
        return self.accepted_page.isVisibleTo(self)

    def _show_page(self, *, accepted: bool) -> None:
        self.entry.setVisible(self.gate is not None and not accepted)
        self.entry_page.setVisible(not accepted)
        self.accepted_page.setVisible(accepted)

    # -- entry --------------------------------------------------------------------------------

    def press_digit(self, digit: str) -> None:
        self._touched = self.clock()
        if self.gate is not None and not self.accepted and len(self.digits) < MAX_DIGITS:
            self.digits += digit
            self._show_entry()

    def delete(self) -> None:
        self._touched = self.clock()
        self.digits = self.digits[:-1]
        self._show_entry()

    def submit(self) -> None:
        """Check the digits typed; a right PIN shows Leave and Cancel."""
        self._touched = self.clock()
        if self.gate is None or not self.digits or self.accepted:
            return
        attempt = self.gate.attempt(self.digits)
        self.digits = ""
        self._show_entry()
        if attempt.accepted:
            self.message.setText(tr("pin.accepted"))
            self._show_page(accepted=True)
        elif attempt.wait <= 0:
            self.message.setText(tr("pin.wrong"))
        self.refresh()

    def refresh(self) -> None:
        """Show the wait after wrong PINs (keys off meanwhile); close when left alone too long."""
        if self.clock() - self._touched >= TIMEOUT_S:
            self.close_pad()
            return
        if self.gate is None or self.accepted:
            return
        wait = self.gate.limiter.wait()
        self.keypad.setEnabled(wait <= 0)
        if wait > 0:
            self._waiting = True
            self.message.setText(tr("pin.wait", seconds=math.ceil(wait)))
        elif self._waiting:
            self._waiting = False
            self.message.setText(tr("pin.enter"))

    def _show_entry(self) -> None:
        self.entry.setText("\u2009".join("●" * len(self.digits)) or " ")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _DIGIT_KEYS:
            self.press_digit(_DIGIT_KEYS[key])
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.delete()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- size ---------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size())

    def _fit(self, size: QSize) -> None:
        u = screen_unit(size)
        set_pixel_font(self.title, 52 * u, bold=True)
        set_pixel_font(self.entry, 64 * u)
        self.entry.setMinimumHeight(round(80 * u))
        set_pixel_font(self.message, 32 * u)
        for button in (*self.keys.values(), self.cancel_button, self.leave_button, self.stay_button):
            set_pixel_font(button, 44 * u, bold=button.objectName() == "primary")
            button.setMinimumSize(round(170 * u), round(104 * u))
        self.card.setFixedWidth(round(720 * u))
        margin = round(36 * u)
        self.card.layout().setContentsMargins(margin, margin, margin, margin)
        self.card.layout().setSpacing(round(18 * u))
