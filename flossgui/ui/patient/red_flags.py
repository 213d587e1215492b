"""The red flags on screen: when to go to an emergency department now, and when to see a doctor soon.

One panel, built from :mod:`flossgui.text.red_flags` (the same words as the handout and the
clinician report), used by the safety card, the "My symptoms increased" dialog and the check
after a set when the answer is "worse".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QVBoxLayout, QWidget

from flossgui.text.red_flags import DOCTOR_SOON, EMERGENCY
from flossgui.ui.theme import palette, style
from flossgui.ui.theme.tr import tr


def red_flag_lines() -> list[tuple[str, str]]:
    """The red flags line by line, each with its role: ``title``, ``lead`` (bold) or ``item``."""
    return [
        ("title", tr("redflags.title")),
        ("lead", tr("redflags.emergency")),
        *(("item", "• " + tr(key)) for key in EMERGENCY),
        ("lead", tr("redflags.doctor")),
        *(("item", "• " + tr(key)) for key in DOCTOR_SOON),
    ]


class RedFlagsPanel(QFrame):
    """The red flags in a box outlined in the warning colour, as plain text, one label per line."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.setObjectName("red-flags")
        box = f"border: 2px solid {palette.WARNING}; border-radius: 6px; background: {palette.PANEL};"
        self.setStyleSheet(f"QFrame#red-flags {{ {box} }} QFrame#red-flags QLabel {{ border: none; }}")
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        self.labels: list[QLabel] = []
        for role, text in red_flag_lines():
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            style.set_font(label, scale * (1.15 if role == "title" else 1.0), bold=role != "item")
            if role == "title":
                label.setStyleSheet(f"color: {palette.WARNING};")
            elif role == "lead" and self.labels:
                layout.addSpacing(label.fontMetrics().height() // 2)
            layout.addWidget(label)
            self.labels.append(label)
        self.setAccessibleName(tr("redflags.title"))
        self.setAccessibleDescription(self.text())

    def text(self) -> str:
        """Everything the panel says, as plain text."""
        return "\n".join(label.text() for label in self.labels)


def fit_whole(dialog: QDialog, ems: int) -> None:
    """Size ``dialog`` ``ems`` wide and tall enough for all its wrapped text (within the screen), so
    Qt never squeezes the red flags into clipped lines."""
    width = dialog.fontMetrics().horizontalAdvance("M") * ems
    layout = dialog.layout()
    height = layout.totalHeightForWidth(width) if layout is not None and layout.hasHeightForWidth() else 0
    screen = dialog.screen().availableGeometry() if dialog.screen() is not None else None
    if screen is not None:
        width, height = min(width, screen.width()), min(height, screen.height() - 40)
    dialog.setMinimumSize(width, height)
