"""After each set: the leg-symptom score (0–10) and where the symptoms are, as large buttons and keys.

Keys while it has focus: 0–9 pick the score (1 then 0 makes 10), D further down the leg,
S the same place, B easing towards the back. It emits ``answered(score, Spread)`` once both are
given; a new set asks afresh (:meth:`reset`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from flossgui.model.monitoring import LEG_SCORE_RANGE, Spread
from flossgui.ui.theme import palette
from flossgui.ui.theme.tr import tr

BUTTON_HEIGHT = 56
FONT_SCALE = 1.4  # as the symptom check beside it
SPREAD_KEYS = {Qt.Key.Key_D: Spread.FURTHER, Qt.Key.Key_S: Spread.SAME, Qt.Key.Key_B: Spread.EASING}


class LegCheck(QWidget):
    """Two questions with big buttons: how strong the leg symptoms are now, and where they are."""

    answered = Signal(int, object)  # score 0–10, Spread

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("leg.score_question"))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
        self.setFont(font)
        self.setStyleSheet(  # the chosen answer stands out, also in grey print
            f"QPushButton:checked {{ background: {palette.ACCENT}; color: {palette.ON_ACCENT}; font-weight: bold; }}"
        )
        self.score: int | None = None
        self.spread: Spread | None = None
        lo, hi = LEG_SCORE_RANGE
        self.score_question = self._label(tr("leg.score_question"))
        self.scores = QButtonGroup(self)
        row = QGridLayout()  # two rows (0–5, 6–10): eleven big buttons fit a narrow window too
        per_row = (hi - lo) // 2 + 1
        for value in range(lo, hi + 1):
            button = self._button(str(value), tr("leg.score_name", score=value))
            self.scores.addButton(button, value)
            row.addWidget(button, (value - lo) // per_row, (value - lo) % per_row)
        ends = QHBoxLayout()
        ends.addWidget(self._label(tr("leg.score_low")))
        ends.addStretch(1)
        ends.addWidget(self._label(tr("leg.score_high")))
        self.spread_question = self._label(tr("leg.where_question"))
        self.spreads: dict[Spread, QPushButton] = {}
        grid = QGridLayout()
        for column, spread in enumerate((Spread.FURTHER, Spread.SAME, Spread.EASING)):
            text = tr(f"leg.where.{spread.value}")
            button = self._button(text, text.replace("&", ""))
            self.spreads[spread] = button
            grid.addWidget(button, 0, column)
        self.spread_group = QButtonGroup(self)
        for button in self.spreads.values():
            self.spread_group.addButton(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.score_question)
        layout.addLayout(row)
        layout.addLayout(ends)
        layout.addWidget(self.spread_question)
        layout.addLayout(grid)
        self.scores.idClicked.connect(self._on_score)
        for spread, button in self.spreads.items():
            button.clicked.connect(lambda _=False, s=spread: self._on_spread(s))

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setMinimumHeight(BUTTON_HEIGHT)
        button.setAccessibleName(name)
        return button

    def reset(self) -> None:
        """Ask afresh, after a new set."""
        self.score, self.spread = None, None
        for group in (self.scores, self.spread_group):
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            digit = key - Qt.Key.Key_0
            self._on_score(10 if digit == 0 and self.score == 1 and self.scores.checkedId() == 1 else digit)
        elif key in SPREAD_KEYS:
            self._on_spread(SPREAD_KEYS[key])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _on_score(self, score: int) -> None:
        self.score = score
        self.scores.button(score).setChecked(True)
        self._maybe_answer()

    def _on_spread(self, spread: Spread) -> None:
        self.spread = spread
        self.spreads[spread].setChecked(True)
        self._maybe_answer()

    def _maybe_answer(self) -> None:
        """Answer once both are given; a change afterwards answers again (the diary keeps the last)."""
        if self.score is not None and self.spread is not None:
            self.answered.emit(self.score, self.spread)
