"""The clinician's report on paper (golden image) and from the History window."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from diary_support import START, fill_fortnight
from golden_support import assert_matches_golden
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from flossgui.diary.report import build_report
from flossgui.diary.store import History
from flossgui.ui.export.report import event_words, report_image
from flossgui.ui.session.history_view import HistoryView

LAST = START + timedelta(days=13)


@pytest.fixture
def history(tmp_path):
    with History(tmp_path / "history.sqlite3") as h:
        fill_fortnight(h)
        yield h


def test_golden_report(qapp, history):
    image = report_image(build_report(history, today=LAST), made=LAST + timedelta(days=1), width_px=620)
    assert_matches_golden(image, "report")


def test_events_read_as_sentences(qapp, history):
    words = [event_words(e) for e in build_report(history, today=LAST).events]
    assert words[0] == "8 Dec: Set 1: worse than before the set; red flags shown; chose: stop for today"
    assert words[2] == "8 Dec: Session stopped early after 1 of 2 sets"


def test_history_writes_the_report(qtbot, history, tmp_path, monkeypatch):
    view = HistoryView(history)
    qtbot.addWidget(view)
    target = tmp_path / "for-the-clinic"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    with qtbot.waitSignal(view.exported) as signal:
        qtbot.mouseClick(view.report_button, Qt.MouseButton.LeftButton)
    assert signal.args == [str(target) + ".pdf"]
    assert (tmp_path / "for-the-clinic.pdf").read_bytes().startswith(b"%PDF")
    assert "Saved the report" in view.status.text()
    assert not view.report_to(tmp_path / "no" / "folder.pdf", today=date(2026, 12, 13))
    assert "Could not save the report" in view.status.text()
