"""What a screen reader sees: every control a user can reach has a name."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QTabBar, QWidget


def unnamed_controls(window: QWidget) -> list[str]:
    """Controls that can take focus, shown, whose accessible interface has no name."""
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QAbstractSpinBox | QComboBox | QAbstractSlider | QTabBar):
            continue
        if not widget.isVisibleTo(window) or widget.focusPolicy().value == 0:
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or not interface.text(QAccessible.Text.Name).strip():
            missing.append(
                f"{type(widget).__name__} {widget.objectName() or widget.text() if hasattr(widget, 'text') else ''}"
            )
    return missing


@pytest.mark.parametrize("mode", ["patient", "clinician"])
def test_every_control_has_an_accessible_name(window, mode):
    window.show()
    window.change_mode(mode)
    for tab in range(window.side_panel.count()):
        window.side_panel.setCurrentIndex(tab)
        assert unnamed_controls(window) == []


def test_the_check_finds_an_unnamed_control(window):
    """Positive control: a button with neither text nor name is reported."""
    from PySide6.QtWidgets import QPushButton

    window.show()
    unnamed = QPushButton()
    window.controls.add_trailing(unnamed)
    unnamed.show()
    assert len(unnamed_controls(window)) == 1
