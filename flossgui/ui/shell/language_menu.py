"""View ▸ Language: the system's language or one chosen, remembered in the settings.

Every text is built once, in the language chosen at start, so a new choice applies from the
next start; the notice saying so is written in the language chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from flossgui.text.translate import LANGUAGES, from_environment, language, set_language
from flossgui.ui.theme.tr import LANGUAGE_KEY, tr

SYSTEM = ""  # the settings value for "follow LANGUAGE/LANG"


def language_menu(parent: QWidget, settings: QSettings, notify: Callable[[str], object]) -> QMenu:
    """The Language menu; ``notify(text)`` shows the one-line notice after a change."""
    menu = QMenu(tr("menu.language"), parent)
    group = QActionGroup(menu)
    chosen = settings.value(LANGUAGE_KEY, SYSTEM)
    choices = {SYSTEM: tr("language.system"), **LANGUAGES}
    for code, name in choices.items():
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(code == (chosen if chosen in choices else SYSTEM))
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: _choose(settings, action.data(), notify))
    return menu


def _choose(settings: QSettings, code: str, notify: Callable[[str], object]) -> None:
    settings.setValue(LANGUAGE_KEY, code)
    settings.sync()
    now = language()
    then = code or from_environment()
    set_language(then)  # the notice in the language chosen
    text = tr("language.next_start", language=LANGUAGES[then])
    set_language(now)
    notify(text)
