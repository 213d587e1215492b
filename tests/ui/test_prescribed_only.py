"""Only the prescribed exercise reaches a patient: a comparison on screen cannot start a session or be exported."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from flossgui.diary.store import History
from flossgui.model.programme import Programme
from flossgui.ui.session.audio import CuePlayer, SilentOutput
from flossgui.ui.session.guided import Stage
from flossgui.ui.session.patient_session import PatientSession
from flossgui.ui.theme.tr import tr


@pytest.fixture
def session(window, tutorial, tmp_path):
    history = History(tmp_path / "diary.sqlite3")
    player = CuePlayer(tutorial.movement.exercise, SilentOutput())
    yield PatientSession(window, Programme(reps=1, sets=1), history, player)
    history.close()


def show_variant(qtbot, window, kind: str) -> None:
    """Pick ``kind`` in the clinician toolbar with the keyboard, as a clinician would."""
    window.change_mode("clinician")
    box = window.modes["clinician"].bar.variant_box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    for _ in range(box.count()):
        if box.currentData() == kind:
            break
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert window.tutorial.movement.exercise.kind == kind


@pytest.mark.parametrize("kind", ["mistake", "tensioner"])
def test_a_comparison_on_screen_cannot_start_a_session_or_be_exported(qtbot, window, session, tmp_path, kind):
    show_variant(qtbot, window, kind)
    for action in (session.start_action, session.handout_action, session.animation_action):
        assert not action.isEnabled() and action.toolTip() == tr("prescribed.only")
    assert not session.start_button.isEnabled() and session.start_button.toolTip() == tr("prescribed.only")
    session.start()  # a way round the disabled button (e.g. "Start another session") is refused too
    assert session.guided.stage is Stage.IDLE and session.history.sessions() == []
    assert not session.export_to(tmp_path / "handout.pdf") and not (tmp_path / "handout.pdf").exists()
    assert "comparison for the clinician's screen" in window.caption.notice.text()

    show_variant(qtbot, window, "slider")
    assert session.start_action.isEnabled() and session.handout_action.isEnabled()
    assert session.start_button.isEnabled() and session.start_button.toolTip() == ""


def test_the_prescribed_floss_is_recorded_by_name_in_every_set(qtbot, window, session, tutorial, clock):
    session.start_button.click()
    session.confirm_start.click()  # the patient has seen the programme
    for _ in range(60):
        clock.advance(0.25)
        tutorial.tick()
    [record] = session.history.sessions()
    assert [s.exercise for s in record.sets] == ["lumbar-nerve-floss"]


def test_history_names_the_exercise_and_marks_a_comparison(qtbot, tmp_path):
    from flossgui.ui.session.history_view import COLUMNS, HistoryView

    with History(tmp_path / "h.sqlite3") as h:
        for exercise, grade in (("nerve-floss-chin-down", None), ("lumbar-nerve-floss", "combined-small")):
            sid = h.start_session(exercise=exercise, side="left", reps_per_set=3, sets_planned=1, range_percent=50,
                                  speed=1)  # fmt: skip
            h.record_set(sid, 0, reps=3, side="left", range_percent=50, exercise=exercise, grade=grade)
        view = HistoryView(h)
        qtbot.addWidget(view)
        column = COLUMNS.index("exercise")
        names = [view.table.item(row, column).text() for row in range(view.table.rowCount())]
    assert names == ["Seated nerve floss (Whole movement, part way)", "Common mistake: chin kept down"]
