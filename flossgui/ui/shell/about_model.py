""" "About the model": what the string stands for, its sources, what is inference, and how it is drawn."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from flossgui.model.calibration import calibration
from flossgui.model.exercise import VARIANTS, builtin_exercise
from flossgui.model.motion import Setup
from flossgui.model.nerve import TENSION_UNIT_STRAIN
from flossgui.model.nerve_curves import peak_tension
from flossgui.model.neuro_figures import MEASURED, NOT_FOUND, RIDEHALGH_HIP30, RIDEHALGH_HIP60, TARGETS
from flossgui.ui.figure.string_shape import GLIDE_EXAGGERATION, SAG_EXAGGERATION, TENSION_FULL_SCALE, tension_level
from flossgui.ui.theme import style
from flossgui.ui.theme.tr import tr


def display_note() -> str:
    """How the picture departs from the model's numbers (sag and glide exaggeration, colour scale)."""
    floss = peak_tension(builtin_exercise(VARIANTS["slider"]), Setup())
    return tr(
        "nerve.about.display",
        sag=SAG_EXAGGERATION,
        glide=GLIDE_EXAGGERATION,
        strain=round(100 * TENSION_FULL_SCALE * TENSION_UNIT_STRAIN, 1),
        floss=tension_level(floss),
    )


def model_lines() -> list[str]:
    """Each target with the model's value, and where the model departs from a measured trend."""
    model = calibration()
    lines = []
    for key, t in TARGETS.items():
        value = f"{model[key]:.2g}" if t.unit.startswith("×") else f"{model[key]:.1f}"
        what = t.what[:1].upper() + t.what[1:]
        lines.append(tr("nerve.about.target", what=what, value=value, unit=t.unit, lo=f"{t.lo:.3g}", hi=f"{t.hi:.3g}"))
    if model["knee_hip60"] <= model["knee_hip30"]:
        lines.append(
            tr("nerve.about.hip_trend", low=RIDEHALGH_HIP30.value, high=RIDEHALGH_HIP60.value,
               model_low=f"{model['knee_hip30']:.1f}", model_high=f"{model['knee_hip60']:.1f}")
        )  # fmt: skip
    return lines


def about_text() -> str:
    """The whole text: the idea, the published figures with their sources, the model's values,
    what no study gives, the seat, and how the picture is drawn."""
    figures = [
        tr(
            "nerve.about.figure",
            what=m.what[:1].upper() + m.what[1:],
            value=f"{m.value:g}",
            unit=m.unit,
            source=m.source,
        )
        for m in MEASURED
    ]
    return "\n\n".join(
        (
            tr("nerve.about"),
            tr("nerve.about.figures_title") + "\n" + "\n".join(figures),
            tr("nerve.about.model_title") + "\n" + "\n".join(model_lines()),
            tr("nerve.about.not_found_title") + "\n" + tr("nerve.about.not_found", items="; ".join(NOT_FOUND)),
            tr("nerve.about.seat"),
            display_note(),
            tr("nerve.about.end"),
        )
    )


class AboutModelDialog(QDialog):
    """The model's text (sources and inferences) and the display note, scrollable, with Close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("nerve.about.title"))
        title = QLabel(tr("nerve.about.title"))
        style.set_font(title, style.CAPTION_SCALE, bold=True)
        self.text = QLabel(about_text())
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setContentsMargins(4, 4, 12, 4)
        scroll = QScrollArea()
        scroll.setWidget(self.text)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(tr("about.close"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setAccessibleName(tr("about.close"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 48, em * 36)
