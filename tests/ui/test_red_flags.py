"""Red flags: urgent-care wording from one source, shown by the safety card, the symptom checks and the handout."""

from __future__ import annotations

from PySide6.QtCore import Qt

from flossgui.model.symptoms import Symptoms
from flossgui.text import TEXT
from flossgui.text.red_flags import DOCTOR_SOON, EMERGENCY
from flossgui.ui.patient.red_flags import RedFlagsPanel
from flossgui.ui.patient.safety import SafetyCard, SymptomsDialog
from flossgui.ui.session.symptom_check import AFTER_LAST_SET, BETWEEN_SETS, SymptomCheck
from flossgui.ui.theme.tr import tr


def test_the_wording_is_urgent_care_guidance():
    emergency = " ".join(TEXT[k] for k in ("redflags.emergency", *EMERGENCY))
    for words in ("emergency department now", "999 (UK)", "112 (EU)", "911 (US)", "bottom, genitals",
                  "urine or stools", "sexual function", "both legs", "quickly getting worse"):  # fmt: skip
        assert words in emergency, words
    soon = " ".join(TEXT[k] for k in ("redflags.doctor", *DOCTOR_SOON))
    for words in ("See a doctor soon", "worse at night", "fever", "weight", "cancer", "surgery", "injury"):
        assert words in soon, words


def test_there_is_one_source_of_the_emergency_words():
    elsewhere = [k for k, v in TEXT.items() if ("999" in v or "emergency" in v) and not k.startswith("redflags.")]
    assert elsewhere == []


def test_every_screen_that_warns_shows_every_flag(qtbot):
    every = [tr(k) for k in ("redflags.emergency", *EMERGENCY, "redflags.doctor", *DOCTOR_SOON)]
    card, dialog = SafetyCard(), SymptomsDialog()
    checks = [SymptomCheck(BETWEEN_SETS), SymptomCheck(AFTER_LAST_SET)]
    for widget in (card, dialog, *checks):
        qtbot.addWidget(widget)
    for panel in (card.red_flags, dialog.red_flags, *(c.red_flags for c in checks)):
        assert isinstance(panel, RedFlagsPanel)
        assert all(line in panel.text() for line in every)


def test_worse_shows_the_red_flags_again(qtbot):
    check = SymptomCheck(BETWEEN_SETS)
    qtbot.addWidget(check)
    check.show()
    assert not check.red_flags.isVisible()
    qtbot.mouseClick(check.answers[Symptoms.SAME], Qt.MouseButton.LeftButton)
    assert not check.red_flags.isVisible()
    qtbot.mouseClick(check.answers[Symptoms.WORSE], Qt.MouseButton.LeftButton)
    assert check.red_flags.isVisible()


def test_the_red_flags_are_never_squeezed_away(qtbot):
    for dialog in (SafetyCard(), SymptomsDialog()):
        qtbot.addWidget(dialog)
        dialog.show()
        body = dialog.red_flags.parentWidget()
        assert body.height() >= body.layout().totalHeightForWidth(body.width()) - 1  # whole, scrolled if need be
        assert dialog.height() <= dialog.screen().availableGeometry().height()
