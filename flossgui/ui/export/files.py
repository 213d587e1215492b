"""The exported files: a printable handout (.pdf) or the animation (.gif), as bytes, written atomically.

Works without a display (Qt renders offscreen). Files are written atomically: a reader sees
the old file or the complete new one. A path that cannot be written, or an extension that is
not offered, ends with one line naming the path and the extensions allowed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from flossgui.core.atomic import write_bytes_atomic
from flossgui.core.errors import InputError
from flossgui.model.motion import Movement, Setup
from flossgui.model.programme import Programme

FORMATS: dict[str, str] = {".pdf": "a one-page A4 handout", ".gif": "the animation, one rep looping"}
ALLOWED = ", ".join(f"{ext} ({what})" for ext, what in FORMATS.items())
FPS_RANGE: tuple[int, int] = (1, 30)
DEFAULT_FPS = 10
DEFAULT_SIZE: tuple[int, int] = (480, 300)


def programme_movement(movement: Movement, programme: Programme | None) -> Movement:
    """The movement as the programme shows it: its first leg and its range."""
    if programme is None:
        return movement
    setup: Setup = replace(movement.setup, side=programme.side_for_set(0), range_fraction=programme.range_fraction)
    return Movement(movement.exercise, setup)


def export_bytes(ext: str, movement: Movement, programme: Programme | None, speed: float, fps: int,
                 size: tuple[int, int]) -> bytes:  # fmt: skip
    """The file's content for extension ``ext`` (needs a QApplication)."""
    from PySide6.QtCore import QSize

    movement = programme_movement(movement, programme)
    if ext == ".pdf":
        from flossgui.ui.export.handout import handout_pdf

        return handout_pdf(movement, programme)
    from flossgui.ui.export.animation import animation_gif

    if programme is not None:
        speed = programme.speed(movement.exercise.period_s)
    return animation_gif(movement, speed, fps, QSize(*size))


def write_export(path: Path, data: bytes) -> None:
    """Write atomically; InputError naming the path if it fails."""
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise InputError(str(path), "", f"cannot be written ({exc.strerror or exc})", ALLOWED) from None
