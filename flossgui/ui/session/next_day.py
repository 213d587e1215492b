"""The next-day check: at the first start the day after a session, "How was your leg after
yesterday's session?" Better, the same or worse, and where the symptoms are. Worse or spreading
further down the leg shows the red flags again and offers a smaller movement today or a pause.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from flossgui.model.monitoring import Spread, is_warning
from flossgui.model.symptoms import Choice, Symptoms
from flossgui.ui.patient.red_flags import RedFlagsPanel, fit_whole
from flossgui.ui.theme import style
from flossgui.ui.theme.tr import tr

BUTTON_HEIGHT = 56


class NextDayDialog(QDialog):
    """Asks once; emits ``answered(Symptoms, Spread | None)`` and then, after a warning, ``chosen(Choice)``."""

    answered = Signal(object, object)  # Symptoms, Spread or None (no leg symptoms)
    chosen = Signal(object)  # Choice.SMALLER or Choice.STOP, after a warning

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("next_day.title"))
        self.symptoms: Symptoms | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        question = self._label(tr("next_day.question"), style.CAPTION_SCALE, bold=True)
        self.answers = {s: self._button(f"next_day.{s.value}") for s in Symptoms}
        self.where = self._label(tr("next_day.where"))
        self.spreads = {s: self._button(f"leg.where.{s.value}") for s in Spread}
        self.no_symptoms = self._button("next_day.skip_where")
        self.result = self._label("")
        self.result.setObjectName("notice")
        self.red_flags = RedFlagsPanel()
        self.smaller_button = self._button("next_day.smaller")
        self.smaller_button.setObjectName("primary")
        self.pause_button = self._button("next_day.pause")
        self.close_button = self._button("next_day.close")
        layout.addWidget(question)
        layout.addLayout(self._row(self.answers.values()))
        layout.addWidget(self.where)
        layout.addLayout(self._row([*self.spreads.values(), self.no_symptoms]))
        layout.addWidget(self.result)
        layout.addWidget(self.red_flags)
        layout.addLayout(self._row([self.smaller_button, self.pause_button, self.close_button]))
        layout.addStretch(1)
        for symptoms, button in self.answers.items():
            button.clicked.connect(lambda _=False, s=symptoms: self._on_symptoms(s))
        for spread, button in self.spreads.items():
            button.clicked.connect(lambda _=False, s=spread: self._on_where(s))
        self.no_symptoms.clicked.connect(lambda: self._on_where(None))
        self.smaller_button.clicked.connect(lambda: self._choose(Choice.SMALLER))
        self.pause_button.clicked.connect(lambda: self._choose(Choice.STOP))
        self.close_button.clicked.connect(self.accept)
        self._show(asking_where=False, done=False, warning=False)
        fit_whole(self, body, 56)

    @staticmethod
    def _label(text: str, scale: float = style.TITLE_SCALE, *, bold: bool = False) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        style.set_font(label, scale, bold=bold)
        return label

    @staticmethod
    def _button(key: str) -> QPushButton:
        button = QPushButton(tr(key))
        button.setMinimumHeight(BUTTON_HEIGHT)
        button.setAccessibleName(tr(key).replace("&", ""))
        style.set_font(button, style.TITLE_SCALE)
        return button

    @staticmethod
    def _row(buttons: object) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:  # type: ignore[attr-defined]
            row.addWidget(button)
        return row

    def _show(self, *, asking_where: bool, done: bool, warning: bool) -> None:
        for button in self.answers.values():
            button.setEnabled(not done)
        for widget in (self.where, *self.spreads.values(), self.no_symptoms):
            widget.setVisible(asking_where and not done)
        self.result.setVisible(done)
        self.red_flags.setVisible(warning)
        self.smaller_button.setVisible(warning)
        self.pause_button.setVisible(warning)
        self.close_button.setVisible(done)

    def _on_symptoms(self, symptoms: Symptoms) -> None:
        self.symptoms = symptoms
        for s, button in self.answers.items():
            button.setDefault(s is symptoms)
        self._show(asking_where=True, done=False, warning=False)
        next(iter(self.spreads.values())).setFocus()

    def _on_where(self, spread: Spread | None) -> None:
        assert self.symptoms is not None
        self.answered.emit(self.symptoms, spread)
        warning = is_warning(spread, self.symptoms)
        self.result.setText(tr("next_day.advice" if warning else "next_day.thanks"))
        self._show(asking_where=False, done=True, warning=warning)
        (self.smaller_button if warning else self.close_button).setFocus()

    def _choose(self, choice: Choice) -> None:
        self.chosen.emit(choice)
        self.accept()
