"""The between-sets check: answers, the advice on "worse", keyboard and accessibility."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from flossgui.model.symptoms import Choice, Symptoms
from flossgui.ui.session.symptom_check import AFTER_LAST_SET, BUTTON_HEIGHT, SymptomCheck


@pytest.fixture
def check(qtbot):
    widget = SymptomCheck()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.reset()
    return widget


@pytest.mark.parametrize("symptoms", [Symptoms.BETTER, Symptoms.SAME])
def test_better_or_same_answers_at_once(check, qtbot, symptoms):
    with qtbot.waitSignal(check.answered) as signal:
        qtbot.mouseClick(check.answers[symptoms], Qt.MouseButton.LeftButton)
    assert signal.args == [symptoms, Choice.CARRY_ON]


@pytest.mark.parametrize("choice", list(Choice))
def test_worse_shows_advice_then_answers_with_the_choice(check, qtbot, choice):
    with qtbot.assertNotEmitted(check.answered):
        qtbot.mouseClick(check.answers[Symptoms.WORSE], Qt.MouseButton.LeftButton)
    assert check.showing_advice and check.advice.isVisible()
    assert "smaller" in check.advice.text() and "stop" in check.advice.text().lower()
    with qtbot.waitSignal(check.answered) as signal:
        qtbot.mouseClick(check.choices[choice], Qt.MouseButton.LeftButton)
    assert signal.args == [Symptoms.WORSE, choice]
    check.reset()
    assert not check.showing_advice


def test_keyboard_only(check, qtbot):
    assert check.focusWidget() is check.answers[Symptoms.BETTER]
    qtbot.keyClick(check.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(check.focusWidget(), Qt.Key.Key_Tab)
    assert check.focusWidget() is check.answers[Symptoms.WORSE]
    qtbot.keyClick(check.focusWidget(), Qt.Key.Key_Space)
    assert check.focusWidget() is check.choices[Choice.SMALLER]
    qtbot.keyClick(check.focusWidget(), Qt.Key.Key_Tab)
    with qtbot.waitSignal(check.answered) as signal:
        qtbot.keyClick(check.focusWidget(), Qt.Key.Key_Space)
    assert signal.args == [Symptoms.WORSE, Choice.STOP]


def test_buttons_are_large_and_named(check):
    buttons = check.findChildren(QPushButton)
    assert len(buttons) == 6
    for button in buttons:
        assert button.minimumHeight() >= BUTTON_HEIGHT
        assert button.accessibleName() and "&" not in button.accessibleName()
        assert "&" in button.text()  # an Alt mnemonic
    assert check.accessibleName().startswith("Compared with before this set")


def test_after_the_last_set_worse_looks_ahead(qtbot):
    check = SymptomCheck(AFTER_LAST_SET)
    qtbot.addWidget(check)
    check.show()
    qtbot.waitExposed(check)
    check.reset()
    qtbot.keyClick(check.answers[Symptoms.WORSE], Qt.Key.Key_Space)
    assert list(check.choices) == [Choice.SMALLER, Choice.STOP]  # no set left to carry on into
    assert check.focusWidget() is check.choices[Choice.SMALLER]
    assert "next time" in check.advice.text().lower() and "clinician" in check.advice.text()
    with qtbot.waitSignal(check.answered) as signal:
        qtbot.mouseClick(check.choices[Choice.STOP], Qt.MouseButton.LeftButton)
    assert signal.args == [Symptoms.WORSE, Choice.STOP]
