"""The red flags on screen: when to go to an emergency department now, and when to see a doctor soon.

One panel, built from :mod:`flossgui.text.red_flags` (the same words as the handout and the
clinician report), used by the safety card, the "My symptoms increased" dialog and the check
after a set when the answer is "worse".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

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


def fit_whole(dialog: QDialog, body: QWidget, ems: int) -> None:
    """Give ``dialog`` the contents ``body`` in a scroll area, ``ems`` wide and as tall as all its
    wrapped text needs (within the screen): no line is ever squeezed away, and on a small screen
    the rest scrolls into view."""
    scroll = QScrollArea()
    scroll.setWidget(body)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    width = dialog.fontMetrics().horizontalAdvance("M") * ems
    inner = body.layout()
    height = inner.totalHeightForWidth(width) if inner is not None and inner.hasHeightForWidth() else 0
    screen = dialog.screen().availableGeometry() if dialog.screen() is not None else None
    if screen is not None:
        width, height = min(width, screen.width() - 40), min(height, screen.height() - 80)
    dialog.resize(width, height)
    dialog.setMinimumWidth(min(width, dialog.fontMetrics().horizontalAdvance("M") * 30))
