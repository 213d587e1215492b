"""A spin box that refuses out-of-range typing out loud: it keeps the previous value and says
what is allowed, right next to it, instead of silently clamping or swallowing keys.

Put :meth:`BoundedSpinBox.with_note` in the layout (the box with its note beneath) so the
message is seen where the number was typed, even in a scrolled panel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QLabel, QSpinBox, QVBoxLayout, QWidget

from flossgui.ui.theme.tr import tr


class BoundedSpinBox(QSpinBox):
    """Whole numbers in [lo, hi]; typing outside keeps the last good value, shows :attr:`note` with the
    allowed range and emits :attr:`refused` with the same message."""

    refused = Signal(str)

    def __init__(self, lo: int, hi: int, unit: str = "", step: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unit = unit
        self.setRange(lo, hi)
        self.setSingleStep(step)
        if unit:
            self.setSuffix(f" {unit}")
        self.setCorrectionMode(QSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setKeyboardTracking(False)  # apply typed numbers on Enter or leaving the field
        self.setToolTip(self.allowed())
        self.note = QLabel()  # "99999 is not allowed here. Please use 1–50.", beside the box
        self.note.setObjectName("notice")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.hide()
        self.valueChanged.connect(self.note.hide)  # a good value was taken: the note has done its job

    def with_note(self) -> QWidget:
        """The box with its note beneath, for a form row."""
        field = QWidget()
        column = QVBoxLayout(field)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self)
        column.addWidget(self.note)
        return field

    def allowed(self) -> str:
        """The allowed range, in words."""
        return tr("input.allowed", lo=self.minimum(), hi=self.maximum(), unit=self._unit_text())

    def _unit_text(self) -> str:
        return f" {self.unit}" if self.unit else ""

    def _typed(self) -> int | None:
        text = self.cleanText().strip()
        try:
            return int(text)
        except ValueError:
            return None

    def validate(self, text: str, pos: int) -> QValidator.State:
        """Let any whole number be typed; whether it is allowed is decided on Enter."""
        body = text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()
        if body.lstrip("-").isdigit():
            value = int(body)
            ok = self.minimum() <= value <= self.maximum()
            return QValidator.State.Acceptable if ok else QValidator.State.Intermediate
        return super().validate(text, pos)

    def _check_typed(self) -> None:
        value = self._typed()
        if value is not None and not self.minimum() <= value <= self.maximum():
            unit = self._unit_text()
            message = tr("input.refused", value=f"{value}{unit}", lo=self.minimum(), hi=self.maximum(), unit=unit)
            self.note.setText(message)
            self.note.show()
            self.refused.emit(message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._check_typed()
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._check_typed()
        super().focusOutEvent(event)
