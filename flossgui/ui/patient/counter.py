"""The rep and set counter: targets, a large count, the rest countdown, finished, start again.

While something else owns the plan (a guided session), the editors and "Start again" are hidden
and ignored, and a line says why: nothing here can start the count over mid-session.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from flossgui.model.session import REPS_RANGE, REST_RANGE_S, SETS_RANGE, SessionPlan, State
from flossgui.ui.patient.spinbox import BoundedSpinBox
from flossgui.ui.shell.tutorial import Tutorial
from flossgui.ui.theme import style
from flossgui.ui.theme.tr import tr, trn


class CounterPanel(QGroupBox):
    """Shows and edits the :class:`~flossgui.model.session.SessionCounter` of a :class:`Tutorial`."""

    def __init__(self, tutorial: Tutorial, parent: QWidget | None = None) -> None:
        super().__init__(tr("counter.title"), parent)
        self.tutorial = tutorial
        plan = tutorial.counter.plan
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        style.set_font(self.count, style.COUNTER_SCALE, bold=True)
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        style.set_font(self.status, style.TITLE_SCALE)
        self.reps_box = BoundedSpinBox(*REPS_RANGE)
        self.sets_box = BoundedSpinBox(*SETS_RANGE)
        self.rest_box = BoundedSpinBox(round(REST_RANGE_S[0]), round(REST_RANGE_S[1]), "s", 5)
        self._show_plan(plan)
        self.reset_button = QPushButton(tr("counter.reset"))
        self.locked_note = QLabel(tr("counter.locked"))
        self.locked_note.setObjectName("muted")
        self.locked_note.setWordWrap(True)
        self.locked_note.hide()
        self.editable = True
        self._shown_plan = plan
        for widget, key in ((self.reps_box, "counter.reps"), (self.sets_box, "counter.sets"),
                            (self.rest_box, "counter.rest"), (self.reset_button, "counter.reset")):  # fmt: skip
            widget.setAccessibleName(tr(key))
        self.count.setAccessibleName(tr("counter.title"))

        self.editors = QWidget()  # the targets and "Start again": hidden while the plan is not ours to change
        editors = QVBoxLayout(self.editors)
        editors.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.addRow(tr("counter.reps"), self.reps_box.with_note())
        form.addRow(tr("counter.sets"), self.sets_box.with_note())
        form.addRow(tr("counter.rest"), self.rest_box.with_note())
        editors.addLayout(form)
        editors.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.status)
        layout.addWidget(self.locked_note)
        layout.addWidget(self.editors)

        for box in (self.reps_box, self.sets_box, self.rest_box):
            box.valueChanged.connect(self._on_plan_edited)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        tutorial.session_changed.connect(self._on_session_changed)
        self._on_session_changed()

    def set_editable(self, editable: bool) -> None:
        """Offer the targets and "Start again", or (False) show the tutorial's plan and change nothing."""
        self.editable = editable
        self._show_plan(self.tutorial.counter.plan)
        self.editors.setVisible(editable)
        self.locked_note.setVisible(not editable)

    def _on_reset_clicked(self) -> None:
        if self.editable:
            self.tutorial.reset_session()

    def _on_plan_edited(self) -> None:
        if not self.editable:
            return
        plan = SessionPlan(self.reps_box.value(), self.sets_box.value(), float(self.rest_box.value()))
        self.tutorial.set_plan(plan)

    def _show_plan(self, plan: SessionPlan) -> None:
        """Put ``plan`` in the boxes (e.g. the one restored at start, or a session's while it runs)."""
        for box, value in ((self.reps_box, plan.reps_per_set), (self.sets_box, plan.sets),
                           (self.rest_box, round(plan.rest_s))):  # fmt: skip
            if box.value() != value:
                with QSignalBlocker(box):
                    box.setValue(value)
                box.note.hide()

    def _on_session_changed(self) -> None:
        counter = self.tutorial.counter
        plan = counter.plan
        if plan != self._shown_plan:
            self._shown_plan = plan
            self._show_plan(plan)
        self.count.setText(trn("counter.rep_of", plan.reps_per_set, rep=counter.reps_in_set))
        if counter.state is State.RESTING:
            self.status.setText(tr("counter.rest_left", seconds=math.ceil(self.tutorial.rest_remaining())))
        elif counter.state is State.FINISHED:
            self.status.setText(tr("counter.finished"))
        else:
            self.status.setText(tr("counter.set_of", set=counter.set_index + 1, sets=plan.sets))
