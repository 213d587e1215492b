"""The kiosk's words and buttons beside the figure, sized to be read from across a room.

From the top: the clinic's name, the current step in very large type (the same
:class:`CaptionPanel` as the patient window, so the cue follows the figure), the rep count
during a demo, one rotating message, and large touch buttons: a guided demo, slower,
faster, and the leg that moves.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from flossgui.ui.figure.caption import CaptionPanel
from flossgui.ui.kiosk.overlay import screen_unit, set_pixel_font
from flossgui.ui.shell.tutorial import Tutorial
from flossgui.ui.theme import palette
from flossgui.ui.theme.tr import tr

#: Text sizes in design pixels (on a 1920 × 1080 screen); cap heights of 3–5 cm on a
#: 40–55 inch panel, legible from 3 m and more.
CLINIC_PX, STEP_PX, CUE_PX, COUNT_PX, MESSAGE_PX, BUTTON_PX = 40, 40, 62, 60, 42, 40
BUTTON_HEIGHT_PX = 100  # a comfortable target for a finger (about 4.5 cm on a 43 inch panel)
_CUE_LINES = 4  # room kept for the longest cue, so nothing below it jumps


class KioskPanel(QWidget):
    """Words and touch buttons for a :class:`Tutorial` on a kiosk; the behaviour is wired by the mode."""

    def __init__(self, tutorial: Tutorial, clinic_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = QLabel(clinic_name, self)  # a child at once: shown alone, it would be a window
        self.clinic.setTextFormat(Qt.TextFormat.PlainText)  # may quote a file or its text
        self.clinic.setObjectName("muted")
        self.clinic.setVisible(bool(clinic_name))
        self.caption = CaptionPanel(tutorial)
        self.caption.string_button.hide()
        self.count = QLabel()
        self.count.setStyleSheet(f"color: {palette.ACCENT};")
        self.count.hide()
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # may quote a file or its text
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.demo_button = self._button(tr("kiosk.demo"))
        self.demo_button.setObjectName("primary")
        self.slower_button = self._button(tr("kiosk.slower"))
        self.faster_button = self._button(tr("kiosk.faster"))
        self.left_button = self._button(tr("kiosk.left"))
        self.right_button = self._button(tr("kiosk.right"))
        self.sides = QButtonGroup(self)
        for button in (self.left_button, self.right_button):
            button.setCheckable(True)
            self.sides.addButton(button)
        self.setStyleSheet(
            f"QPushButton:checked {{ background: {palette.NOTICE_BG}; border: 3px solid {palette.ACCENT}; }}"
        )

        buttons = QGridLayout()
        buttons.addWidget(self.demo_button, 0, 0, 1, 2)
        buttons.addWidget(self.slower_button, 1, 0)
        buttons.addWidget(self.faster_button, 1, 1)
        buttons.addWidget(self.left_button, 2, 0)
        buttons.addWidget(self.right_button, 2, 1)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.clinic)
        layout.addWidget(self.caption)
        layout.addStretch(1)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        tutorial.movement_changed.connect(self._on_movement_changed)
        self._on_movement_changed()

    @staticmethod
    def _button(text: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch targets; no focus frame to wander
        return button

    def set_message(self, text: str) -> None:
        self.message.setText(text)

    def set_count(self, text: str) -> None:
        """The rep count during a demo; empty hides it."""
        self.count.setText(text)
        self.count.setVisible(bool(text))

    def _on_movement_changed(self) -> None:
        side = self.caption.tutorial.setup.side
        (self.right_button if side == "right" else self.left_button).setChecked(True)

    def fit(self, window_size: QSize) -> None:
        """Size the text and buttons for a window of ``window_size``."""
        u = screen_unit(window_size)
        set_pixel_font(self.clinic, CLINIC_PX * u, bold=True)
        set_pixel_font(self.caption.step, STEP_PX * u)
        set_pixel_font(self.caption.cue, CUE_PX * u, bold=True)
        self.caption.cue.setMinimumHeight(self.caption.cue.fontMetrics().lineSpacing() * _CUE_LINES)
        set_pixel_font(self.count, COUNT_PX * u, bold=True)
        set_pixel_font(self.message, MESSAGE_PX * u)
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 2 + round(32 * u))
        for button in (self.demo_button, self.slower_button, self.faster_button, self.left_button, self.right_button):
            set_pixel_font(button, BUTTON_PX * u, bold=button is self.demo_button)
            button.setMinimumHeight(round(BUTTON_HEIGHT_PX * u))
        spacing = round(18 * u)
        self.layout().setSpacing(spacing)
        self.buttons.setSpacing(spacing)
