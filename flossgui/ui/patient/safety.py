"""Safety: the first-run card (who should wait, when to stop, red flags) and the symptoms flow."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from flossgui.model.symptoms import Choice
from flossgui.ui.theme import style
from flossgui.ui.theme.tr import tr

SAFETY_SEEN_KEY = "safety/card_seen"


class SafetyCard(QDialog):
    """A short card: who should not start yet, what to do if symptoms start, when to get help."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("safety.title"))
        self.setAccessibleName(tr("safety.title"))
        title = QLabel(tr("safety.title"))
        style.set_font(title, style.CAPTION_SCALE, bold=True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        for key in ("safety.not_yet", "safety.stop", "safety.glide", "safety.seek_help", "safety.see_doctor"):
            label = QLabel("• " + tr(key))
            label.setWordWrap(True)
            style.set_font(label, style.TITLE_SCALE, bold=key in ("safety.seek_help", "safety.see_doctor"))
            layout.addWidget(label)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(tr("safety.ok"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("primary")
        self.ok_button.setAccessibleName(tr("safety.ok"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)


class SymptomsDialog(QDialog):
    """Offered when symptoms increase: first come back to rest, know when to get help now, then make
    the movement smaller, stop for today, or carry on."""

    chosen = Signal(object)  # Choice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("symptoms.title"))
        title = QLabel(tr("symptoms.title"))
        style.set_font(title, style.CAPTION_SCALE, bold=True)
        self.rest_first = QLabel(tr("symptoms.rest_first"))
        self.red_flags = QLabel(tr("symptoms.red_flags"))
        self.red_flags.setObjectName("notice")
        intro = QLabel(tr("symptoms.intro"))
        for label in (self.rest_first, self.red_flags, intro):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            style.set_font(label, style.TITLE_SCALE, bold=label is self.rest_first)
        self.smaller_button = QPushButton(tr("symptoms.smaller"))
        self.smaller_button.setObjectName("primary")
        self.stop_button = QPushButton(tr("symptoms.stop"))
        self.carry_on_button = QPushButton(tr("symptoms.cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.rest_first)
        layout.addWidget(self.red_flags)
        layout.addWidget(intro)
        for button, choice in (
            (self.smaller_button, Choice.SMALLER), (self.stop_button, Choice.STOP),
            (self.carry_on_button, Choice.CARRY_ON),
        ):  # fmt: skip
            button.setAccessibleName(button.text())
            style.set_font(button, style.TITLE_SCALE)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            layout.addWidget(button)
        self.rejected.connect(lambda: self.chosen.emit(Choice.CARRY_ON))

    def _choose(self, choice: Choice) -> None:
        self.chosen.emit(choice)
        self.done(QDialog.DialogCode.Accepted)
