"""The check between sets: better, same or worse, and what to do if worse.

"Better" and "Same" answer at once (carry on). "Worse" shows the advice — make the movement
smaller, or stop for today — with the three choices, and answers when one is picked. Every
button is large, reachable with Tab and Space, has an Alt mnemonic and an accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from flossgui.model.symptoms import Choice, Symptoms
from flossgui.ui.tr import tr

BUTTON_HEIGHT = 64
FONT_SCALE = 1.4


class SymptomCheck(QWidget):
    """Asks how the symptoms compare with before the set; emits ``answered(Symptoms, Choice)``."""

    answered = Signal(object, object)  # Symptoms, Choice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("symptoms.question"))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
        self.setFont(font)

        self.question = self._label(tr("symptoms.question"))
        self.answers = {s: self._button(f"symptoms.{s.value}") for s in Symptoms}
        for symptoms, button in self.answers.items():
            button.clicked.connect(lambda _=False, s=symptoms: self._on_answer(s))
        ask = QWidget()
        row = QHBoxLayout(ask)
        row.setAlignment(Qt.AlignmentFlag.AlignTop)
        for button in self.answers.values():
            row.addWidget(button)

        self.advice = self._label(tr("symptoms.worse_advice"))
        self.choices = {
            Choice.SMALLER: self._button("symptoms.check_smaller"),
            Choice.STOP: self._button("symptoms.check_stop"),
            Choice.CARRY_ON: self._button("symptoms.carry_on"),
        }
        for choice, button in self.choices.items():
            button.clicked.connect(lambda _=False, c=choice: self.answered.emit(Symptoms.WORSE, c))
        worse = QWidget()
        column = QVBoxLayout(worse)
        column.addWidget(self.advice)
        column.addSpacing(BUTTON_HEIGHT // 4)
        for button in self.choices.values():
            column.addWidget(button)
        column.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(ask)
        self.pages.addWidget(worse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.pages)
        layout.addStretch(1)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _button(self, key: str) -> QPushButton:
        text = tr(key)
        button = QPushButton(text)
        button.setMinimumHeight(BUTTON_HEIGHT)
        button.setAccessibleName(text.replace("&", ""))
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def reset(self) -> None:
        """Ask afresh (call before showing it after each set)."""
        self.pages.setCurrentIndex(0)
        self.answers[Symptoms.BETTER].setFocus()

    @property
    def showing_advice(self) -> bool:
        return self.pages.currentIndex() == 1

    def _on_answer(self, symptoms: Symptoms) -> None:
        if symptoms is Symptoms.WORSE:
            self.pages.setCurrentIndex(1)
            self.choices[Choice.SMALLER].setFocus()
        else:
            self.answered.emit(symptoms, Choice.CARRY_ON)
