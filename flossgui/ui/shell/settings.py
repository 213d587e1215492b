"""Where the window remembers things (the safety card was seen, the patient's preferences).

``FLOSSGUI_SETTINGS`` names an INI file to use instead of the user's normal settings, so
tests, kiosks and portable installs can keep their own. A settings file is checked like any
user file before Qt reads it: one that is not a regular file of at most 1 MiB (a FIFO would
hang Qt's read) is passed over with one log line, and the window starts on its defaults.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings

from flossgui.core.errors import InputError
from flossgui.core.tomlfile import check_user_file
from flossgui.model.preferences import KEYS, VERSION_KEY, Preferences, parse, stored

ENV_VAR = "FLOSSGUI_SETTINGS"
ORGANIZATION = "flossgui"
APPLICATION = "flossgui"
_ALLOWED = "a regular INI file of at most 1 MiB"

log = logging.getLogger(__name__)


def _usable(path: str) -> bool:
    """True if Qt may read ``path``: absent (it will be made) or a small regular file."""
    if not os.path.lexists(path):
        return True
    try:
        check_user_file(path, allowed=_ALLOWED)
    except InputError as exc:
        log.warning("settings: %s; starting on the defaults", exc.message())
        return False
    return True


def open_settings() -> QSettings:
    """The settings store: ``$FLOSSGUI_SETTINGS`` if set, else the user's flossgui settings;
    if that file is unusable, a fresh one in a private temporary folder (nothing is kept)."""
    path = os.environ.get(ENV_VAR)
    if path and _usable(path):
        return QSettings(path, QSettings.Format.IniFormat)
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
    if _usable(settings.fileName()):
        return settings
    return QSettings(str(Path(tempfile.mkdtemp(prefix="flossgui-")) / "settings.ini"), QSettings.Format.IniFormat)


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
