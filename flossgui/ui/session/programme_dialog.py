"""The programme builder: a clinician sets reps, sets, rest, tempo, leg and range, and saves the file.

``programme_action(parent, on_use)`` gives the "Programme…" menu action, so the patient window
and the clinician mode can both offer it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from flossgui.core.errors import InputError
from flossgui.model.programme import (
    NOTES_MAX,
    RANGE_PERCENT,
    SIDE_CHOICES,
    TEMPO_RANGE_S,
    TITLE_MAX,
    Programme,
    load_programme,
    save_programme,
)
from flossgui.model.session import REPS_RANGE, REST_RANGE_S
from flossgui.ui.patient.spinbox import BoundedSpinBox
from flossgui.ui.theme.tr import tr

_SIDE_KEYS = {"left": "side.left", "right": "side.right", "both": "programme.side.both"}


class ProgrammeDialog(QDialog):
    """Edits a :class:`Programme`; Open… and Save as… read and write programme files (atomically)."""

    used = Signal(object)  # Programme: "Use now" was pressed

    def __init__(self, programme: Programme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("programme.window"))
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE_MAX)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.reps = BoundedSpinBox(*REPS_RANGE)
        self.sets = BoundedSpinBox(1, Programme.max_sets("left"))
        self.rest = BoundedSpinBox(round(REST_RANGE_S[0]), round(REST_RANGE_S[1]), "s", 5)
        self.tempo = BoundedSpinBox(round(TEMPO_RANGE_S[0]), round(TEMPO_RANGE_S[1]), "s")
        self.range = BoundedSpinBox(round(RANGE_PERCENT[0]), round(RANGE_PERCENT[1]), "%", 5)
        self.side = QComboBox()
        for side in SIDE_CHOICES:
            self.side.addItem(tr(_SIDE_KEYS[side]), side)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # may quote a file or its text
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        self.message.hide()

        form = QFormLayout()
        for key, widget in (
            ("programme.title", self.title), ("programme.side", self.side), ("programme.reps", self.reps),
            ("programme.sets", self.sets), ("programme.rest", self.rest), ("programme.tempo", self.tempo),
            ("programme.range", self.range), ("programme.notes", self.notes),
        ):  # fmt: skip
            form.addRow(tr(key), widget.with_note() if isinstance(widget, BoundedSpinBox) else widget)
            widget.setAccessibleName(tr(key))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(tr("programme.open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(tr("programme.save"), QDialogButtonBox.ButtonRole.ActionRole)
        self.use_button = buttons.addButton(tr("programme.use"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setObjectName("primary")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.side.currentIndexChanged.connect(self._on_side_changed)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        buttons.accepted.connect(self._on_use_clicked)
        buttons.rejected.connect(self.reject)
        self.set_programme(programme or Programme())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field (the title, a number) moves to the next one: only a button applies or closes."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(self.focusWidget(), QPushButton):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def set_programme(self, p: Programme) -> None:
        """Show ``p`` in the form (its grade and exercise, which the form does not show, are kept)."""
        self._shown = p
        self.title.setText(p.title)
        self.notes.setPlainText(p.notes)
        self.side.setCurrentIndex(self.side.findData(p.side))
        for box, value in ((self.reps, p.reps), (self.sets, p.sets), (self.rest, p.rest_s), (self.tempo, p.tempo_s),
                           (self.range, p.range_percent)):  # fmt: skip
            box.setValue(round(value))

    def programme(self) -> Programme:
        """The programme in the form (every field is already within its range)."""
        return replace(
            self._shown,
            reps=self.reps.value(),
            sets=self.sets.value(),
            rest_s=float(self.rest.value()),
            tempo_s=float(self.tempo.value()),
            side=self.side.currentData(),
            range_percent=float(self.range.value()),
            title=self.title.text().strip(),
            notes=self.notes.toPlainText().strip()[:NOTES_MAX],
        )

    def save_to(self, path: str | Path) -> bool:
        """Write the form to ``path``; False (with the reason shown) if it failed."""
        try:
            save_programme(self.programme(), path)
        except OSError as exc:
            self._say(tr("programme.error", reason=exc.strerror or exc))
            return False
        self._say(tr("programme.saved", path=path))
        return True

    def load_from(self, path: str | Path) -> bool:
        """Fill the form from the file at ``path``; False (with the reason shown) if it cannot be used."""
        try:
            self.set_programme(load_programme(path))
        except (InputError, OSError) as exc:
            self._say(tr("programme.error", reason=exc.message() if isinstance(exc, InputError) else exc))
            return False
        self.message.hide()
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _on_side_changed(self) -> None:
        self.sets.setMaximum(Programme.max_sets(self.side.currentData()))

    def _on_open_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("programme.window"), "", tr("programme.file_filter"))
        if path:
            self.load_from(path)

    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("programme.window"), "programme.toml", tr("programme.file_filter")
        )
        if path:
            self.save_to(path)

    def _on_use_clicked(self) -> None:
        self.used.emit(self.programme())
        self.accept()


def programme_action(
    parent: QWidget, current: Callable[[], Programme], on_use: Callable[[Programme], object]
) -> QAction:
    """A "Programme…" action that opens the builder on ``current()`` and hands "Use now" to ``on_use``."""
    action = QAction(tr("menu.programme"), parent)
    dialogs: list[ProgrammeDialog] = []  # made on first use, then reused

    def open_dialog() -> None:
        if not dialogs:
            dialogs.append(ProgrammeDialog(current(), parent))
            dialogs[0].used.connect(on_use)
        dialog = dialogs[0]
        dialog.set_programme(current())
        dialog.message.hide()
        dialog.open()
        dialog.raise_()

    action.triggered.connect(open_dialog)
    return action
