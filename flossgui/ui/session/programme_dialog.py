"""The programme builder: a clinician writes the whole prescription and saves the file.

Three tabs: the dose (patient, dates, grade, leg, range, seat, reps, sets, rest, tempo, sessions a
day, notes), the plan over the weeks ahead, and the clinician's name, clinic, contact and logo.
"New" starts from :func:`~flossgui.model.programme.starter_programme`, a cautious first dose.

:func:`flossgui.ui.session.programme_menu.programme_action` opens it from the menus.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from flossgui.core.errors import InputError
from flossgui.model.exercise import DEFAULT_EXERCISE
from flossgui.model.grades import GRADE_NAMES, GRADES, grade
from flossgui.model.programme import (
    ADVANCE_MAX,
    CONTACT_MAX,
    NAME_MAX,
    NOTES_MAX,
    PATH_MAX,
    PER_DAY_RANGE,
    RANGE_PERCENT,
    SIDE_CHOICES,
    STEPS_MAX,
    TEMPO_RANGE_S,
    TITLE_MAX,
    WEEK_RANGE,
    Clinician,
    Programme,
    Step,
    load_programme,
    save_programme,
    starter_programme,
)
from flossgui.model.seat import SEAT_RANGE_CM
from flossgui.model.session import REPS_RANGE, REST_RANGE_S
from flossgui.ui.patient.spinbox import BoundedSpinBox
from flossgui.ui.theme.tr import tr

_SIDE_KEYS = {"left": "side.left", "right": "side.right", "both": "programme.side.both"}
_PLAN_COLUMNS = ("weeks_from", "weeks_to", "grade", "range", "advance_if")
FILE_SUFFIX = ".floss.toml"


def _grade_box(*, ungraded: bool) -> QComboBox:
    """A grade chooser, gentlest first; ``ungraded`` adds "not graded" (data None) for older files."""
    box = QComboBox()
    if ungraded:
        box.addItem(tr("grade.none"), "")
    for step in GRADES:
        box.addItem(tr(step.label_key), step.name)
        box.setItemData(box.count() - 1, tr(step.description_key), Qt.ItemDataRole.ToolTipRole)
    return box


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


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
        self.patient = QLineEdit()
        self.patient.setMaxLength(NAME_MAX)
        self.start = _date_edit()
        self.review = _date_edit()
        self.grade = _grade_box(ungraded=True)
        self.seat = BoundedSpinBox(round(SEAT_RANGE_CM[0]) - 1, round(SEAT_RANGE_CM[1]), "cm")
        self.seat.setSpecialValueText(tr("programme.seat.own"))  # the minimum stands for "not prescribed"
        self.per_day = BoundedSpinBox(*PER_DAY_RANGE)
        self.plan = QTableWidget(0, len(_PLAN_COLUMNS))
        self.plan.setHorizontalHeaderLabels([tr(f"programme.plan.{c}") for c in _PLAN_COLUMNS])
        self.plan.setAccessibleName(tr("programme.tab.plan"))
        self.plan.verticalHeader().hide()
        self.plan.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 52)
        self.plan.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.plan.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.plan.horizontalHeader().setStretchLastSection(True)
        self.add_step_button = QPushButton(tr("programme.plan.add"))
        self.remove_step_button = QPushButton(tr("programme.plan.remove"))
        self.clinician_name = QLineEdit()
        self.clinician_name.setMaxLength(NAME_MAX)
        self.clinic = QLineEdit()
        self.clinic.setMaxLength(NAME_MAX)
        self.contact = QLineEdit()
        self.contact.setMaxLength(CONTACT_MAX)
        self.logo = QLineEdit()
        self.logo.setMaxLength(PATH_MAX)
        self.logo_button = QPushButton(tr("programme.clinician.logo_choose"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # may quote a file or its text
        self.message.setObjectName("notice")
        self.message.setWordWrap(True)
        self.message.hide()

        form = QFormLayout()
        for key, widget in (
            ("programme.title", self.title), ("programme.patient", self.patient), ("programme.start", self.start),
            ("programme.review", self.review), ("programme.grade", self.grade), ("programme.side", self.side),
            ("programme.range", self.range), ("programme.seat", self.seat), ("programme.reps", self.reps),
            ("programme.sets", self.sets), ("programme.rest", self.rest), ("programme.tempo", self.tempo),
            ("programme.per_day", self.per_day), ("programme.notes", self.notes),
        ):  # fmt: skip
            form.addRow(tr(key), widget.with_note() if isinstance(widget, BoundedSpinBox) else widget)
            widget.setAccessibleName(tr(key))
        self.tabs = QTabWidget()
        dose = QWidget()
        dose.setLayout(form)
        self.tabs.addTab(dose, tr("programme.tab.dose"))
        plan = QWidget()
        plan_layout = QVBoxLayout(plan)
        plan_help = QLabel(tr("programme.plan.help"))
        plan_help.setWordWrap(True)
        plan_buttons = QHBoxLayout()
        plan_buttons.addWidget(self.add_step_button)
        plan_buttons.addWidget(self.remove_step_button)
        plan_buttons.addStretch(1)
        plan_layout.addWidget(plan_help)
        plan_layout.addWidget(self.plan, 1)
        plan_layout.addLayout(plan_buttons)
        self.tabs.addTab(plan, tr("programme.tab.plan"))
        clinic = QWidget()
        clinic_form = QFormLayout(clinic)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(self.logo_button)
        for key, widget in (
            ("programme.clinician.name", self.clinician_name), ("programme.clinician.clinic", self.clinic),
            ("programme.clinician.contact", self.contact),
        ):  # fmt: skip
            clinic_form.addRow(tr(key), widget)
            widget.setAccessibleName(tr(key))
        clinic_form.addRow(tr("programme.clinician.logo"), logo_row)
        self.logo.setAccessibleName(tr("programme.clinician.logo"))
        self.tabs.addTab(clinic, tr("programme.tab.clinic"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.new_button = buttons.addButton(tr("programme.new"), QDialogButtonBox.ButtonRole.ResetRole)
        self.open_button = buttons.addButton(tr("programme.open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(tr("programme.save"), QDialogButtonBox.ButtonRole.ActionRole)
        self.use_button = buttons.addButton(tr("programme.use"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setObjectName("primary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.side.currentIndexChanged.connect(self._on_side_changed)
        self.grade.currentIndexChanged.connect(self._on_grade_changed)
        self.new_button.clicked.connect(lambda: self.set_programme(starter_programme(date.today())))
        self.add_step_button.clicked.connect(self._on_add_step_clicked)
        self.remove_step_button.clicked.connect(self._on_remove_step_clicked)
        self.logo_button.clicked.connect(self._on_logo_clicked)
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
        """Show ``p`` in the form; what it leaves open (dates, sessions a day) gets the starter's values."""
        starter = starter_programme(date.today())
        self._shown = p  # what the form does not show is kept
        self.title.setText(p.title)
        self.notes.setPlainText(p.notes)
        self.side.setCurrentIndex(self.side.findData(p.side))
        self.grade.blockSignals(True)  # the programme's own range, not the grade's starting one
        self.grade.setCurrentIndex(self.grade.findData(p.grade))
        self.grade.blockSignals(False)
        for box, value in ((self.reps, p.reps), (self.sets, p.sets), (self.rest, p.rest_s), (self.tempo, p.tempo_s),
                           (self.range, p.range_percent), (self.per_day, p.per_day or starter.per_day),
                           (self.seat, p.seat_height_cm or self.seat.minimum())):  # fmt: skip
            box.setValue(round(value))
        self.patient.setText(p.patient)
        self.start.setDate(_qdate(p.start or starter.start or date.today()))
        self.review.setDate(_qdate(p.review or max(starter.review or date.today(), p.start or date.min)))
        self.plan.setRowCount(0)
        for step in p.progression:
            self._add_step(step)
        c = p.clinician
        for edit, text in ((self.clinician_name, c.name), (self.clinic, c.clinic), (self.contact, c.contact),
                           (self.logo, c.logo)):  # fmt: skip
            edit.setText(text)

    def programme(self) -> Programme:
        """The programme in the form; ValueError (in words) if the dates or the steps do not fit together."""
        seat = self.seat.value()
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
            patient=self.patient.text().strip(),
            grade=self.grade.currentData(),
            exercise=grade(self.grade.currentData()).exercise if self.grade.currentData() else DEFAULT_EXERCISE,
            seat_height_cm=None if seat == self.seat.minimum() else float(seat),
            per_day=self.per_day.value(),
            start=self.start.date().toPython(),
            review=self.review.date().toPython(),
            progression=tuple(self._step(row) for row in range(self.plan.rowCount())),
            clinician=Clinician(
                self.clinician_name.text().strip(),
                self.clinic.text().strip(),
                self.contact.text().strip(),
                self.logo.text().strip(),
            ),
        )

    # -- the plan over the weeks --------------------------------------------------------------

    def _add_step(self, step: Step) -> None:
        row = self.plan.rowCount()
        self.plan.insertRow(row)
        first, last = BoundedSpinBox(*WEEK_RANGE), BoundedSpinBox(*WEEK_RANGE)
        first.setValue(step.first_week)
        last.setValue(step.last_week)
        grade_box = _grade_box(ungraded=False)
        grade_box.setCurrentIndex(grade_box.findData(step.grade))
        rng = BoundedSpinBox(round(RANGE_PERCENT[0]), round(RANGE_PERCENT[1]), "%", 5)
        rng.setValue(round(step.range_percent))
        advance = QLineEdit(step.advance_if)
        advance.setMaxLength(ADVANCE_MAX)
        for column, widget in enumerate((first, last, grade_box, rng, advance)):
            widget.setAccessibleName(tr(f"programme.plan.{_PLAN_COLUMNS[column]}"))
            self.plan.setCellWidget(row, column, widget)
        self._on_plan_changed()

    def _step(self, row: int) -> Step:
        first, last, grade_box, rng, advance = (self.plan.cellWidget(row, c) for c in range(len(_PLAN_COLUMNS)))
        return Step(first.value(), last.value(), grade_box.currentData(), float(rng.value()), advance.text().strip())

    def _on_add_step_clicked(self) -> None:
        """A new step after the last one: two more weeks, one grade up (or the same at the top)."""
        rows = self.plan.rowCount()
        if rows == 0:
            name = self.grade.currentData() or GRADE_NAMES[-1]
            step = Step(
                1, 2, name, float(self.range.value()), starter_programme(date.today()).progression[0].advance_if
            )
        else:
            last = self._step(rows - 1)
            first = min(last.last_week + 1, WEEK_RANGE[1])
            up = grade(GRADE_NAMES[min(GRADE_NAMES.index(last.grade) + 1, len(GRADE_NAMES) - 1)])
            step = Step(first, min(first + 1, WEEK_RANGE[1]), up.name, up.range_percent, last.advance_if)
        self._add_step(step)

    def _on_remove_step_clicked(self) -> None:
        self.plan.removeRow(self.plan.rowCount() - 1)
        self._on_plan_changed()

    def _on_plan_changed(self) -> None:
        self.add_step_button.setEnabled(self.plan.rowCount() < STEPS_MAX)
        self.remove_step_button.setEnabled(self.plan.rowCount() > 0)

    def _on_logo_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("programme.clinician.logo"), "", tr("programme.logo_filter"))
        if path:
            self.logo.setText(path)

    # -- files --------------------------------------------------------------------------------

    def checked_programme(self) -> Programme | None:
        """:meth:`programme`, or None with the reason shown."""
        try:
            return self.programme()
        except ValueError as exc:
            self._say(tr("programme.invalid", reason=exc))
            return None

    def save_to(self, path: str | Path) -> bool:
        """Write the form to ``path``; False (with the reason shown) if it failed."""
        programme = self.checked_programme()
        if programme is None:
            return False
        try:
            save_programme(programme, path)
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

    def _on_grade_changed(self) -> None:
        """A grade chosen starts at its own range (the clinician can then change it)."""
        if name := self.grade.currentData():
            self.range.setValue(round(grade(name).range_percent))

    def _on_side_changed(self) -> None:
        self.sets.setMaximum(Programme.max_sets(self.side.currentData()))

    def _on_open_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("programme.window"), "", tr("programme.file_filter"))
        if path:
            self.load_from(path)

    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("programme.window"), "programme" + FILE_SUFFIX, tr("programme.file_filter")
        )
        if path:
            self.save_to(path)

    def _on_use_clicked(self) -> None:
        programme = self.checked_programme()
        if programme is not None:
            self.used.emit(programme)
            self.accept()
