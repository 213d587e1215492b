"""Every mode offers what its user needs: the clinician view has Programme, Export and History,
however the window was started."""

from __future__ import annotations

from datetime import date

import pytest
from diary_support import START, fill_fortnight
from PySide6.QtCore import Qt

from flossgui.diary.store import History
from flossgui.ui.shell.build import patient_session
from flossgui.ui.theme.tr import tr


def titles(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions() if a.isVisible()]


@pytest.fixture
def history(tmp_path):
    with History(tmp_path / "diary.sqlite3") as h:
        yield h


def test_started_as_clinician_the_window_has_programme_export_and_history(make_window, history):
    window = make_window(mode="clinician", history=history)
    shown = titles(window)
    for name in ("Programme", "Session", "Export", "History"):
        assert name in shown, shown
    clinician, session = window.modes["clinician"], patient_session(window)
    assert session.programme_action in clinician.programme_menu.actions()
    assert session.handout_action in clinician.programme_menu.actions()
    assert session.history_action in clinician.history_menu.actions()
    mnemonics = [a.text().split("&")[1][0].lower() for a in window.menuBar().actions() if "&" in a.text()]
    assert len(mnemonics) == len(set(mnemonics))  # every Alt key opens one menu
    window.change_mode("patient")
    assert "Programme" not in titles(window) and "Session" in titles(window)


def test_the_handout_is_refused_in_the_programme_menu_while_the_mistake_is_shown(make_window, qtbot):
    window = make_window(mode="clinician")
    box = window.modes["clinician"].bar.variant_box
    box.setFocus()
    for _ in range(box.count()):
        if box.currentData() == "mistake":
            break
        qtbot.keyClick(box, Qt.Key.Key_Down)
    handout = patient_session(window).handout_action
    assert not handout.isEnabled() and handout.toolTip() == tr("prescribed.only")


def test_history_writes_the_clinician_report(make_window, history, tmp_path):
    fill_fortnight(history)
    window = make_window(mode="clinician", history=history)
    clinician = window.modes["clinician"]
    clinician.history_menu.aboutToShow.emit()
    assert clinician.report_action.isEnabled()
    assert clinician.write_report(tmp_path / "report.pdf", today=date(2026, 12, 13))
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert window.caption.notice.text() == tr("report.saved", path=tmp_path / "report.pdf")
    assert not clinician.write_report(tmp_path / "missing" / "r.pdf", today=START)
    assert "Could not save the report" in window.caption.notice.text()


def test_without_a_diary_there_is_no_report(make_window):
    window = make_window(mode="clinician")
    clinician = window.modes["clinician"]
    clinician.history_menu.aboutToShow.emit()
    assert not clinician.report_action.isEnabled() and not clinician.write_report("x.pdf")
