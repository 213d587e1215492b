"""``flossgui export PATH``: a printable handout (.pdf) or the animation (.gif), chosen by extension.

Works without a display (Qt renders offscreen). A path that cannot be written, or an extension
that is not offered, ends with one line naming the path and the extensions allowed.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from flossgui.cli.options import exercise_from, setup_from
from flossgui.core.errors import InputError
from flossgui.model.motion import Movement
from flossgui.ui.export.files import ALLOWED, FORMATS


def check_path(path: Path) -> str:
    """The export format of ``path`` (its extension), or InputError if unknown or not writable."""
    ext = path.suffix.lower()
    if ext not in FORMATS:
        raise InputError(str(path), "", f"cannot export to {ext or 'a file without an extension'}", ALLOWED)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise InputError(str(path), "", "cannot be written (no such folder, or no permission)", ALLOWED)
    return ext


def run_export(options: argparse.Namespace) -> int:
    """``flossgui export``: check the path, render offscreen if there is no display, write."""
    from flossgui.ui.export.files import export_file  # Qt: only now
    from flossgui.ui.shell.application import application, has_display

    path = Path(options.path)
    ext = check_path(path)
    movement = Movement(exercise_from(options), setup_from(options))
    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the application exists
    application()
    export_file(path, ext, movement, options.programme, options.speed, options.fps, options.size)
    return 0
