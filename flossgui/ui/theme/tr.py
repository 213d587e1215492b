"""The one translation hook of the Qt side: texts come from :mod:`flossgui.text.translate`
(no Qt needed), and Qt's own words (standard buttons, file dialogs) from Qt's translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from flossgui.text.translate import choose, language, set_language, tr, trn

__all__ = ["LANGUAGE_KEY", "install_language", "tr", "trn"]

#: Where the Language menu's choice is remembered ("" or absent: follow the system).
LANGUAGE_KEY = "ui/language"


def install_language(app: QCoreApplication, settings: QSettings) -> str:
    """Choose the language (the remembered choice, else LANGUAGE/LANG), and load Qt's own
    translations of its dialogs for it; returns the language code."""
    set_language(choose(settings.value(LANGUAGE_KEY, "")))
    code = language()
    if code != "en":
        translator = QTranslator(app)
        if translator.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)
    return code
