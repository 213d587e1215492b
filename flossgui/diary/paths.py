"""Where the diary and the app's other data live (no SQLite here: the window and the command
line ask this before they need the diary itself)."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "FLOSSGUI_DATA_DIR"
FILE_NAME = "history.sqlite3"
BACKUP_DIR = "backups"


def default_data_dir() -> Path:
    """``$FLOSSGUI_DATA_DIR`` if set, else ``$XDG_DATA_HOME/flossgui``, else ``~/.local/share/flossgui``."""
    if override := os.environ.get(DATA_DIR_ENV):
        return Path(override)
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"  # the spec ignores relative paths
    return base / "flossgui"


def default_history_path() -> Path:
    """Where the diary lives unless told otherwise."""
    return default_data_dir() / FILE_NAME
