"""The patient's set-up: how far to move, which leg, the seat (with guidance) and their height."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from flossgui.model.body import HEIGHT_RANGE_CM
from flossgui.model.exercise import Exercise
from flossgui.model.motion import RANGE_LIMITS, Movement, Setup
from flossgui.model.seat import SEAT_PRESETS, SEAT_RANGE_CM
from flossgui.model.seat_guidance import seat_advice
from flossgui.ui.patient.spinbox import BoundedSpinBox
from flossgui.ui.shell.tutorial import RANGE_STEP_PERCENT, Tutorial
from flossgui.ui.theme.tr import tr


@lru_cache(maxsize=64)
def _peak_strain(exercise: Exercise, setup: Setup) -> float:
    """:meth:`Movement.peak_strain_pct`, computed once per exercise and set-up (not per frame)."""
    return Movement(exercise, setup).peak_strain_pct()


def seat_guidance(movement: Movement) -> list[str]:
    """What this seat does to the start and to the string, and what to try if the end is tight."""
    setup, exercise = movement.setup, movement.exercise

    def strain_at(cm: float) -> float:
        return _peak_strain(exercise, dataclasses.replace(setup, seat_height_cm=cm))

    lines = seat_advice(movement, _peak_strain(exercise, setup), strain_at)
    words = [tr(key, **{k: tr(v) if k == "feel" else v for k, v in fields.items()}) for key, fields in lines]
    here, advice = " ".join(words[:2]), " ".join(words[2:])  # this seat; what to try
    return [here, advice] if advice else [here]


class SetupPanel(QGroupBox):
    """Controls that change the :class:`~flossgui.model.motion.Setup` of a :class:`Tutorial`."""

    def __init__(self, tutorial: Tutorial, parent: QWidget | None = None) -> None:
        super().__init__(tr("setup.title"), parent)
        self.tutorial = tutorial

        self.range_box = BoundedSpinBox(round(RANGE_LIMITS[0] * 100), round(RANGE_LIMITS[1] * 100), "%",
                                        RANGE_STEP_PERCENT)  # fmt: skip
        self.range_help = QLabel(tr("range.help"))
        self.left_button = QRadioButton(tr("side.left"))
        self.right_button = QRadioButton(tr("side.right"))
        self.sides = QButtonGroup(self)
        self.sides.addButton(self.left_button)
        self.sides.addButton(self.right_button)
        self.preset_box = QComboBox()
        self.preset_box.addItem(tr("seat.preset.custom"), None)
        for name, cm in SEAT_PRESETS.items():
            self.preset_box.addItem(tr(f"seat.preset.{name}"), cm)
        self.seat_box = BoundedSpinBox(round(SEAT_RANGE_CM[0]), round(SEAT_RANGE_CM[1]), "cm")
        self.seat_help = QLabel()
        self.why_button = QPushButton(tr("seat.why.button"))
        self.why_button.setCheckable(True)
        self.why_text = QLabel(tr("seat.why"))
        self.why_text.setObjectName("notice")
        self.why_text.hide()
        self.height_box = BoundedSpinBox(round(HEIGHT_RANGE_CM[0]), round(HEIGHT_RANGE_CM[1]), "cm")
        for label in (self.range_help, self.seat_help, self.why_text):
            label.setWordWrap(True)
        self.range_help.setObjectName("muted")

        for widget, key in (
            (self.range_box, "range"), (self.preset_box, "seat.preset"), (self.seat_box, "seat.height"),
            (self.height_box, "person.height"), (self.why_button, "seat.why.button"),
            (self.left_button, "side.left"), (self.right_button, "side.right"),
        ):  # fmt: skip
            widget.setAccessibleName(tr(key))

        sides = QHBoxLayout()
        sides.addWidget(self.left_button)
        sides.addWidget(self.right_button)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("range"), self.range_box.with_note())
        form.addRow(self.range_help)
        form.addRow(tr("side"), sides)
        form.addRow(tr("seat.preset"), self.preset_box)
        form.addRow(tr("seat.height"), self.seat_box.with_note())
        form.addRow(self.seat_help)
        form.addRow(self.why_button)
        form.addRow(self.why_text)
        form.addRow(tr("person.height"), self.height_box.with_note())

        self._guidance_for: Movement | None = None  # guidance still to be written, for this movement
        self._on_movement_changed(tutorial.movement)
        self.range_box.valueChanged.connect(tutorial.set_range_percent)
        self.sides.buttonClicked.connect(self._on_side_clicked)
        self.why_button.toggled.connect(self.why_text.setVisible)
        self.preset_box.activated.connect(self._on_preset_chosen)
        self.seat_box.valueChanged.connect(tutorial.set_seat_height)
        self.height_box.valueChanged.connect(tutorial.set_person_height)
        tutorial.movement_changed.connect(self._on_movement_changed)

    def _on_movement_changed(self, movement: Movement) -> None:
        setup = movement.setup
        for box, value in (
            (self.range_box, round(setup.range_fraction * 100)),
            (self.seat_box, round(setup.seat_height_cm)),
            (self.height_box, round(setup.body.height_cm)),
        ):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        (self.right_button if setup.side == "right" else self.left_button).setChecked(True)
        preset = self.preset_box.findData(setup.seat_height_cm)
        self.preset_box.setCurrentIndex(max(preset, 0))
        self._guidance_for = movement
        if self.isVisible():
            self._show_guidance()

    def _show_guidance(self) -> None:
        """The seat guidance (a search over the movement): only once the panel is on screen."""
        if self._guidance_for is not None:
            self.seat_help.setText("\n\n".join(seat_guidance(self._guidance_for)))
            self._guidance_for = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_guidance()

    def _on_side_clicked(self, button: QRadioButton) -> None:
        self.tutorial.set_side("left" if button is self.left_button else "right")

    def _on_preset_chosen(self, index: int) -> None:
        cm = self.preset_box.itemData(index)
        if cm is not None:
            self.tutorial.set_seat_height(cm)
