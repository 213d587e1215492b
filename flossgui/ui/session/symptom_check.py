"""The check after a set: better, same or worse, and what to do if worse.

"Better" and "Same" answer at once (carry on). "Worse" shows the advice with its choices and
answers when one is picked. Between sets the choices are: make the movement smaller, stop for
today, or carry on; after the last set there is no set to carry on into, so the advice looks
ahead (:data:`AFTER_LAST_SET`). Every button is large, reachable with Tab and Space, has an
Alt mnemonic and an accessible name.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from flossgui.model.symptoms import Choice, Symptoms
from flossgui.ui.theme.tr import tr

BUTTON_HEIGHT = 64
FONT_SCALE = 1.4


@dataclass(frozen=True, slots=True)
class WorseAdvice:
    """What "worse" shows: the advice (a text key) and the choices offered, each with its text key."""

    advice: str
    choices: tuple[tuple[Choice, str], ...]


BETWEEN_SETS = WorseAdvice(
    "symptoms.worse_advice",
    ((Choice.SMALLER, "symptoms.check_smaller"), (Choice.STOP, "symptoms.check_stop"),
     (Choice.CARRY_ON, "symptoms.carry_on")),
)  # fmt: skip
#: After the last set: smaller next time, or leave it for today and tell the clinician.
AFTER_LAST_SET = WorseAdvice(
    "symptoms.last.worse_advice",
    ((Choice.SMALLER, "symptoms.last.smaller"), (Choice.STOP, "symptoms.last.stop")),
)


class SymptomCheck(QWidget):
    """Asks how the symptoms compare with before the set; emits ``answered(Symptoms, Choice)``."""

    answered = Signal(object, object)  # Symptoms, Choice

    def __init__(self, worse: WorseAdvice = BETWEEN_SETS, parent: QWidget | None = None) -> None:
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

        self.advice = self._label(tr(worse.advice))
        self.choices = {choice: self._button(key) for choice, key in worse.choices}
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
        self.keys_hint = self._label(tr("symptoms.keys"))  # keys 1/2/3: flossgui.ui.session.voice_coach
        self.keys_hint.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.pages)
        layout.addWidget(self.keys_hint)
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

    def show_worse(self) -> None:
        """The advice and choices after "worse" (also for "my symptoms increased" while asking)."""
        self.pages.setCurrentIndex(1)
        next(iter(self.choices.values())).setFocus()

    def _on_answer(self, symptoms: Symptoms) -> None:
        if symptoms is Symptoms.WORSE:
            self.show_worse()
        else:
            self.answered.emit(symptoms, Choice.CARRY_ON)
