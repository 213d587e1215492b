"""The history screen on a temporary diary: charts, table, empty state and CSV export."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from flossgui.diary.store import History
from flossgui.model.symptoms import Choice, Symptoms
from flossgui.ui.session.history_view import COLUMNS, HistoryView
from flossgui.ui.theme.tr import tr

TODAY = date(2024, 5, 20)


def fill(h: History) -> None:
    """Three weeks of sessions, most days, range growing, one set made smaller."""
    for day in range(21):
        if day % 5 == 3:
            continue
        start = datetime.combine(TODAY - timedelta(days=20 - day), datetime.min.time()).replace(hour=9)
        rng = min(100, 50 + 3 * day)
        sets = 2 + day % 2
        sid = h.start_session(exercise="lumbar-nerve-floss", side="both" if day % 2 else "right", reps_per_set=8,
                              sets_planned=sets, range_percent=rng, speed=1.0, started=start)  # fmt: skip
        for i in range(sets):
            worse = day == 12 and i == 0
            h.record_set(sid, i, reps=8, side="right", range_percent=rng - (10 if day == 12 and i else 0),
                         ended=start + timedelta(minutes=2 * (i + 1)))  # fmt: skip
            h.record_symptoms(sid, i, Symptoms.WORSE if worse else Symptoms.SAME,
                              Choice.SMALLER if worse else Choice.CARRY_ON)  # fmt: skip
        h.end_session(sid, "finished", ended=start + timedelta(minutes=10))


@pytest.fixture
def view(qtbot, history):
    fill(history)
    widget = HistoryView(history)
    widget.refresh(today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    return widget


def test_charts_and_table_show_the_diary(view, history, tmp_path):
    per_day = history.reps_per_day()
    xs, heights = view.bars.opts["x"], view.bars.opts["height"]
    assert len(xs) == len(per_day) == 17 and list(heights) == [r for _, r in per_day]
    line_x, line_y = view.range_line.getData()
    assert len(line_y) == len(history.range_over_time()) and max(line_y) <= 100
    assert list(line_x) == sorted(line_x)
    assert view.table.rowCount() == 17 and view.empty.isHidden()
    newest = [view.table.item(0, c).text() for c in range(view.table.columnCount())]
    assert newest[1:6] == ["Seated nerve floss", "Right", "2 / 2", "16", "100 %"]
    reduced = view.table.findItems("86 → 76 %", Qt.MatchFlag.MatchExactly)
    assert reduced, "a set made smaller shows as a reduced range"
    assert view.table.item(reduced[0].row(), 7).text() == "Worse, Same"
    assert view.grab().save(str(tmp_path / "history.png"))


def test_empty_diary_says_so(qtbot, history):
    widget = HistoryView(history)
    qtbot.addWidget(widget)
    assert not widget.empty.isHidden() and widget.table.rowCount() == 0


def test_export_button_writes_csv(view, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV (*.csv)"))
    with qtbot.waitSignal(view.exported) as signal:
        view.export_button.click()
    assert signal.args == [str(target)]
    assert target.read_text().startswith("session,started_at") and "Saved 17 sessions" in view.status.text()


def test_export_failure_is_shown_not_raised(view, qtbot, tmp_path):
    with qtbot.assertNotEmitted(view.exported):
        assert not view.export_to(tmp_path / "no" / "such" / "folder.csv")
    assert "Could not save" in view.status.text()


def test_symptoms_increased_during_a_set_shows_in_the_table(qtbot, history):
    sid = history.start_session(exercise="lumbar-nerve-floss", side="right", reps_per_set=5, sets_planned=1,
                                range_percent=100, speed=1.0)  # fmt: skip
    history.record_symptoms_increased(sid, 0, reps=2, range_percent=100, choice=Choice.SMALLER)
    history.record_set(sid, 0, reps=4, side="right", range_percent=75)
    history.record_symptoms(sid, 0, Symptoms.SAME, Choice.CARRY_ON)
    widget = HistoryView(history)
    qtbot.addWidget(widget)
    widget.refresh()
    column = COLUMNS.index("symptoms")
    assert widget.table.item(0, column).text() == "Same, " + tr("history.increased", count=1)
