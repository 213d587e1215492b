"""Where the window remembers things (e.g. that the safety card was seen).

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
