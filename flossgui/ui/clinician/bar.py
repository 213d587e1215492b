"""The clinician's toolbar: which variant to show, which to compare with, and display toggles."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

from flossgui.model.exercise import KINDS
from flossgui.ui.theme.tr import tr


class ClinicianBar(QToolBar):
    """Variant and compare choices, the angle, mirror and present toggles, and "About the model".

    It only offers the choices; :class:`~flossgui.ui.clinician.mode.ClinicianMode` wires them up.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("clinician.toolbar"), parent)
        self.setObjectName("clinician-toolbar")
        self.setMovable(False)
        self.toggleViewAction().setVisible(False)  # shown and hidden by the mode only
        self.variant_box = QComboBox()
        self.compare_box = QComboBox()
        self.compare_box.addItem(tr("clinician.compare.none"), None)
        for kind in KINDS:
            self.variant_box.addItem(tr(f"variant.{kind}"), kind)
            self.compare_box.addItem(tr(f"variant.{kind}"), kind)
        for box, key in ((self.variant_box, "clinician.variant"), (self.compare_box, "clinician.compare")):
            label = QLabel(tr(key) + " ")
            label.setBuddy(box)
            box.setAccessibleName(tr(key))
            self.addWidget(label)
            self.addWidget(box)
            self.addSeparator()
        self.angles_action = self._toggle("clinician.angles")
        self.mirror_action = self._toggle("clinician.mirror")
        self.present_action = self._toggle("clinician.present")
        self.addSeparator()
        self.about_action = self.addAction(tr("clinician.about"))
        for action in self.actions():
            button = self.widgetForAction(action)
            if button is not None and not button.accessibleName():
                button.setAccessibleName(action.text())

    def _toggle(self, key: str) -> QAction:
        action = self.addAction(tr(key))
        action.setCheckable(True)
        action.setToolTip(tr(f"{key}.tip"))
        return action

    def set_kind(self, box: QComboBox, kind: str | None) -> None:
        """Show ``kind`` in ``box`` without emitting its signals."""
        box.blockSignals(True)
        box.setCurrentIndex(max(box.findData(kind), 0))
        box.blockSignals(False)
