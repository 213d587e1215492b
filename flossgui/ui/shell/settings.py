"""Where the window remembers things (the safety card was seen, the patient's preferences).

``FLOSSGUI_SETTINGS`` names an INI file to use instead of the user's normal settings, so
tests, kiosks and portable installs can keep their own.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QSettings

from flossgui.model.preferences import KEYS, VERSION_KEY, Preferences, parse, stored

log = logging.getLogger(__name__)

ENV_VAR = "FLOSSGUI_SETTINGS"
ORGANIZATION = "flossgui"
APPLICATION = "flossgui"


def open_settings() -> QSettings:
    """The settings store: ``$FLOSSGUI_SETTINGS`` if set, else the user's flossgui settings."""
    path = os.environ.get(ENV_VAR)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def load_preferences(settings: QSettings) -> Preferences:
    """The patient's remembered preferences; each bad or foreign value takes its default, with one log line."""
    found = {key: settings.value(key) for key in (*KEYS, VERSION_KEY) if settings.contains(key)}
    preferences, problems = parse(found)
    for problem in problems:
        log.warning("%s (%s)", problem, settings.fileName())
    return preferences


def save_preferences(settings: QSettings, preferences: Preferences) -> None:
    """Remember ``preferences`` (with the version of their format) and write them out now."""
    for key, value in stored(preferences).items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
    settings.sync()
