"""The programme builder edits the whole prescription, starts from cautious defaults, and refuses a bad plan."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt

from flossgui.model.programme import Clinician, Programme, Step, load_programme, starter_programme
from flossgui.ui.session.programme_dialog import ProgrammeDialog


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_new_starts_from_a_cautious_dose_reviewed_in_two_weeks(qtbot):
    dialog = ProgrammeDialog(Programme())
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    p = dialog.programme()
    assert p == starter_programme(date.today())
    assert (p.grade, p.exercise, p.per_day, p.review - p.start) == ("ankle-head", "floss-ankle-head", 2,
                                                                    timedelta(days=14))  # fmt: skip
    assert [(s.first_week, s.last_week, s.grade) for s in p.progression] == [(1, 2, "ankle-head"),
                                                                             (3, 4, "combined-small")]  # fmt: skip


def test_every_field_is_edited_and_saved(qtbot, tmp_path):
    dialog = ProgrammeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.patient, "J. S.")
    dialog.grade.setFocus()
    qtbot.keyClick(dialog.grade, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.grade, Qt.Key.Key_Down)  # past "not graded" to the knee alone
    assert dialog.range.value() == 100  # the grade's own starting range
    dialog.range.setValue(80)
    dialog.seat.setValue(58)
    dialog.per_day.setValue(3)
    dialog.start.setDate(QDate(2026, 11, 30))
    dialog.review.setDate(QDate(2026, 12, 21))
    dialog.tabs.setCurrentIndex(1)
    qtbot.mouseClick(dialog.add_step_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_step_button, Qt.MouseButton.LeftButton)
    dialog.tabs.setCurrentIndex(2)
    for edit, text in ((dialog.clinician_name, "A. Physio"), (dialog.clinic, "Riverside"),
                       (dialog.contact, "01234 567890"), (dialog.logo, "/clinic/logo.png")):  # fmt: skip
        type_into(qtbot, edit, text)
    path = tmp_path / "p.floss.toml"
    assert dialog.save_to(path)
    p = load_programme(path)
    assert (p.patient, p.grade, p.exercise, p.range_percent) == ("J. S.", "knee", "floss-knee", 80)
    assert (p.seat_height_cm, p.per_day) == (58, 3)
    assert (p.start, p.review) == (date(2026, 11, 30), date(2026, 12, 21))
    assert [(s.first_week, s.last_week, s.grade) for s in p.progression] == [(1, 2, "knee"), (3, 4, "ankle-head")]
    assert p.clinician == Clinician("A. Physio", "Riverside", "01234 567890", "/clinic/logo.png")
    dialog.seat.setValue(dialog.seat.minimum())
    assert dialog.seat.text() == "Their own seat" and dialog.programme().seat_height_cm is None


def test_a_plan_out_of_order_is_refused_with_the_reason(qtbot, tmp_path):
    programme = Programme(progression=(Step(1, 2, "combined-small", 60), Step(3, 4, "combined", 80)))
    dialog = ProgrammeDialog(programme)
    qtbot.addWidget(dialog)
    dialog.plan.cellWidget(1, 0).setValue(2)  # the second step now starts inside the first
    assert not dialog.save_to(tmp_path / "p.floss.toml") and not (tmp_path / "p.floss.toml").exists()
    assert "overlap" in dialog.message.text() and dialog.message.isVisibleTo(dialog)
    used = []
    dialog.used.connect(used.append)
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert used == []
    qtbot.mouseClick(dialog.remove_step_button, Qt.MouseButton.LeftButton)
    assert dialog.save_to(tmp_path / "p.floss.toml")
