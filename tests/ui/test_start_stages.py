"""The window starts in two stages: what is on screen first, the rest just after the first paint."""

from __future__ import annotations

from conftest import click


def test_finishing_the_build_changes_nothing_on_screen(make_window, qtbot):
    window = make_window(staged=True)
    window.show()
    qtbot.waitExposed(window)
    first = window.grab().toImage()
    assert "clinician" not in window.modes  # not built yet
    window.finish_building()
    qtbot.wait(10)
    assert "clinician" in window.modes
    assert window.grab().toImage() == first


def test_a_session_started_before_the_build_finished_has_its_pages(make_window, qtbot, history):
    window = make_window(staged=True, history=history)
    session = window.modes["patient"].session
    window.show()
    click(session.start_button)
    assert session.guided.active
    assert window.pages.indexOf(window._page_areas[session.rest_page]) >= 0


def test_every_mode_and_menu_once_finished(make_window):
    staged = make_window(staged=True)
    staged.finish_building()
    whole = make_window()
    assert set(staged.modes) == set(whole.modes)
    titles = [a.text() for a in staged.menuBar().actions()]
    assert titles == [a.text() for a in whole.menuBar().actions()]
    staged.change_mode("clinician")
    whole.change_mode("clinician")
    assert [a.text() for a in staged.menuBar().actions()] == [a.text() for a in whole.menuBar().actions()]
