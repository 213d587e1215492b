"""Issue 13: when the diary was found damaged and put aside, the patient is told once, in
plain words, where the old file went; the diary keeps recording."""

from __future__ import annotations

from datetime import datetime, timedelta

from flossgui.diary.store import History
from flossgui.ui.session.audio import CuePlayer, SilentOutput
from flossgui.ui.session.patient_session import PatientSession, open_history

NOW = datetime(2026, 3, 2, 9, 30)


def test_the_patient_is_told_once_where_the_damaged_diary_went(window, tutorial, tmp_path):
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a diary" * 500)
    player = CuePlayer(tutorial.movement.exercise, SilentOutput())
    session = PatientSession(window, player=player)
    session.set_history(*open_history(lambda: History.open_checked(path, NOW)))
    notice = window.caption.notice.text()
    assert notice.startswith("Your exercise diary was damaged") and "history.damaged-20260302-093000.sqlite3" in notice
    assert session.history_action.isEnabled()
    session.history.close()

    again = PatientSession(window, player=player)
    window.caption.show_notice("")
    again.set_history(*open_history(lambda: History.open_checked(path, NOW + timedelta(hours=1))))
    assert window.caption.notice.text() == ""  # said once
    again.history.close()
