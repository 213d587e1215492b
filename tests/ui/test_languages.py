"""The window, handout and kiosk in Spanish and German: translated, chosen from the menu, and laid out to fit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar
from test_layout import CLIENT_AREAS, needed_controls

from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Movement
from flossgui.model.programme import Programme
from flossgui.model.symptoms import Symptoms
from flossgui.text.translate import language, set_language
from flossgui.ui.export.handout import handout_pdf
from flossgui.ui.shell.build import patient_session
from flossgui.ui.theme.tr import LANGUAGE_KEY, install_language, tr

START = {"en": "Start my session", "es": "Empezar sesión", "de": "Übung starten"}


@pytest.mark.parametrize("code", ["es", "de"])
def test_the_window_speaks_the_language(make_window, code):
    set_language(code)
    window = make_window()
    session = patient_session(window)
    assert session.start_button.text() == START[code]
    assert window.windowTitle() == tr("app.title") != "Nerve floss guide"
    assert session.rest_page.check.answers  # built in the language: "Mejor" / "Besser"
    assert session.rest_page.check.question.text() == tr("symptoms.question")


@pytest.mark.parametrize("code", ["es", "de"])
@pytest.mark.parametrize("area", CLIENT_AREAS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_needed_control_fits_in_the_longer_languages(make_window, code, area):
    set_language(code)
    window = make_window()
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= 1024 and hint.height() <= 560, hint
    window.show()
    window.resize(area)
    QApplication.processEvents()
    for name, widget in needed_controls(window).items():
        assert widget.isVisible(), name
        box = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        assert window.rect().contains(box), f"{code}: {name} at {box} is outside the {area} window"
    assert clipped(window) == [], f"{code} at {area}: cut short"


def clipped(window) -> list[str]:
    """Visible one-line labels and buttons narrower than their text, or partly hidden; tabs out of their bar."""
    cut = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text() or (isinstance(widget, QLabel) and widget.wordWrap()):
            continue
        shown = widget.visibleRegion().boundingRect().width()
        if widget.sizeHint().width() > widget.width() + 1 or shown < widget.width() - 1:
            cut.append(widget.text())
    for bar in window.findChildren(QTabBar):
        cut += [bar.tabText(i) for i in range(bar.count()) if bar.isVisible() and bar.tabRect(i).right() > bar.width()]
    return cut


def test_the_language_menu_remembers_the_choice_for_the_next_start(make_window, tmp_path, qapp):
    window = make_window()
    menu = window.language_menu
    [deutsch] = [a for a in menu.actions() if a.data() == "de"]
    assert next(a for a in menu.actions() if a.isChecked()).data() == ""  # the system's, at first
    deutsch.trigger()
    assert window.settings.value(LANGUAGE_KEY) == "de"
    assert window.caption.notice.text() == "flossgui erscheint ab dem nächsten Start auf Deutsch."
    assert language() == "en"  # this window stays as it was built
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "de")
    assert install_language(qapp, settings) == "de"
    assert patient_session(make_window()).start_button.text() == START["de"]


@pytest.mark.parametrize("code", ["en", "es", "de"])
def test_the_handout_renders_in_each_language(qapp, code):
    set_language(code)
    pdf = handout_pdf(Movement(builtin_exercise()), Programme(reps=8, sets=1, side="both"))
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page\r") <= 1
    title = tr("handout.title").encode("utf-16-be")
    assert title in pdf or title.hex().upper().encode() in pdf.upper()


def test_the_kiosk_screen_in_german(make_kiosk):
    set_language("de")
    kiosk = make_kiosk()
    assert kiosk.mode.panel.demo_button.text() == "Mit mir ausprobieren"


@pytest.mark.parametrize("code", ["es", "de"])
def test_the_rest_and_finish_pages_fit_in_the_longer_languages(make_window, tutorial, clock, code):
    set_language(code)
    window = make_window(programme=Programme(reps=1, sets=2, rest_s=5, tempo_s=10))
    window.show()
    window.resize(CLIENT_AREAS[0])
    session = patient_session(window)
    session.start()
    session.confirm_start.click()  # "Start your programme?"
    for _ in range(int(19 / 0.25)):  # count-in, one rep, the rest is over: the question waits
        clock.advance(0.25)
        tutorial.tick()
    QApplication.processEvents()
    assert window.current_page() is session.rest_page and session.rest_page.check.isVisible()
    assert clipped(window) == [], f"{code}: the rest page cuts words short"
    session.rest_page.check.answers[Symptoms.BETTER].click()
    session.rest_page.skip_button.click()
    for _ in range(int(14 / 0.25)):
        clock.advance(0.25)
        tutorial.tick()
    QApplication.processEvents()
    assert window.current_page() is session.finish_page
    assert clipped(window) == [], f"{code}: the finish page cuts words short"
