"""The window fits small laptop screens: every control a patient needs is on screen without scrolling."""

from __future__ import annotations

import pytest
from conftest import show_active
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication

from flossgui.ui.shell.build import patient_session
from flossgui.ui.shell.main_window import GEOMETRY_KEY, MINIMUM_SIZE, SIDE_SHEET_KEY
from flossgui.ui.theme import style

#: Client areas left by a window manager's title bar and a panel on common screens (logical pixels):
#: 1024×600 netbook, 1280×720, 1366×768, and 1920×1080 at 150 % (1280×720 logical).
CLIENT_AREAS = [QSize(1024, 560), QSize(1280, 680), QSize(1366, 728)]


@pytest.fixture(autouse=True)
def _the_apps_look(qapp):
    """The app's own style sheet, palette and larger font, as users see it (other tests keep Qt's)."""
    saved = (qapp.style().name(), qapp.palette(), qapp.font(), qapp.styleSheet())
    style.apply(qapp)
    yield
    name, palette, font, sheet = saved
    qapp.setStyleSheet(sheet)
    qapp.setStyle(name)
    qapp.setPalette(palette)
    qapp.setFont(font)


def needed_controls(window) -> dict[str, object]:
    c, session = window.controls, patient_session(window)
    return {
        "play": c.play_button, "previous": c.previous_button, "next": c.next_button, "speed": c.speed_box,
        "start session": session.start_button, "symptoms increased": window.symptoms_button,
    }  # fmt: skip


def test_minimum_size_fits_a_1024x600_screen(window):
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert window.minimumSize() == MINIMUM_SIZE
    assert hint.width() <= 1024 and hint.height() <= 560, hint


@pytest.mark.parametrize("area", CLIENT_AREAS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_needed_control_is_on_screen(window, area):
    window.show()
    window.resize(area)
    QApplication.processEvents()
    assert window.size() == area
    inside = window.rect()
    for name, widget in needed_controls(window).items():
        assert widget.isVisible(), name
        box = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        assert inside.contains(box), f"{name} at {box} is outside the {area} window"
    figure = window.figure_view
    assert figure.height() >= area.height() * 0.45 and figure.width() >= area.width() * 0.45


def test_a_larger_text_size_still_fits_1280x720_and_is_remembered(make_window, qtbot):
    window = make_window()
    try:
        window.set_text_scale(1.3)
        window.show()
        window.resize(CLIENT_AREAS[1])
        QApplication.processEvents()
        for name, widget in needed_controls(window).items():
            box = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
            assert window.rect().contains(box), name
        again = make_window()
        again.restore_view()
        assert again.text_scale == pytest.approx(1.3)
    finally:
        window.set_text_scale(1.0)
    assert style.text_scale() == 1.0


def test_text_size_keys_change_the_fonts(window, qtbot):
    show_active(window, qtbot)
    before = window.caption.cue.font().pointSizeF()
    try:
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        assert window.text_scale == pytest.approx(1.1)
        assert window.caption.cue.font().pointSizeF() > before
    finally:
        window.set_text_scale(1.0)


def test_side_sheet_can_be_hidden_and_stays_hidden(make_window, qtbot):
    window = make_window()
    window.show()
    assert window.side_panel.isVisible()
    window.side_sheet_action.trigger()
    assert not window.side_panel.isVisible() and window.settings.value(SIDE_SHEET_KEY, type=bool) is False
    again = make_window()
    again.show()
    assert not again.side_panel.isVisible() and not again.side_sheet_action.isChecked()


def test_geometry_is_restored(make_window):
    window = make_window()
    assert not window.restore_view()  # a first start opens maximised
    window.show()
    window.resize(780, 520)  # within the offscreen screen (800×600)
    window.close()
    assert window.settings.value(GEOMETRY_KEY) is not None
    again = make_window()
    assert again.restore_view() and again.size() == QSize(780, 520)


@pytest.mark.parametrize("playing", [False, True], ids=["paused", "playing"])
def test_no_needed_button_is_squeezed_below_its_text(window, playing):
    """At the smallest screen, with the "Sound off" badge showing, each button keeps its whole label."""
    session = patient_session(window)
    session.sound_badge.show()
    window.show()
    window.resize(CLIENT_AREAS[0])
    if playing != window.tutorial.playing:
        window.tutorial.toggle()
    QApplication.processEvents()
    for name, widget in needed_controls(window).items():
        assert widget.width() >= widget.sizeHint().width(), f"{name}: {widget.width()} < {widget.sizeHint().width()}"
