"""The application names itself after the desktop entry and shows the shipped icon.

A fresh interpreter, because pytest-qt's ``qapp`` already exists here and ``application()``
only configures the QApplication it creates.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from flossgui.ui.shell.application import DESKTOP_FILE_NAME

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
from flossgui.ui.shell.application import application
app = application()
icon = app.windowIcon()
print(app.desktopFileName())
print(icon.isNull(), icon.pixmap(64).isNull())
app.setStyleSheet("")  # the style under the style sheet
print(app.style().name())
"""


def test_desktop_file_name_is_the_linux_app_id():
    assert (ROOT / "packaging" / "linux" / f"{DESKTOP_FILE_NAME}.desktop").is_file()


def test_application_sets_desktop_file_name_and_window_icon(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "Windows"}  # the app wins
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    name, icon, style = result.stdout.splitlines()
    assert name == DESKTOP_FILE_NAME
    assert style == "fusion"
    assert icon == "False False", "the SVG window icon did not load (is Qt's SVG icon engine missing?)"
