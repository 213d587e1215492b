"""Where the window remembers things (e.g. that the safety card was seen).

``FLOSSGUI_SETTINGS`` names an INI file to use instead of the user's normal settings, so
tests, kiosks and portable installs can keep their own.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ENV_VAR = "FLOSSGUI_SETTINGS"
ORGANIZATION = "flossgui"
APPLICATION = "flossgui"


def open_settings() -> QSettings:
    """The settings store: ``$FLOSSGUI_SETTINGS`` if set, else the user's flossgui settings."""
    path = os.environ.get(ENV_VAR)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
