"""The exported files: a printable handout (.pdf) or the animation (.gif), written atomically as they are made.

Works without a display (Qt renders offscreen). Files are written atomically: a reader sees
the old file or the complete new one. A path that cannot be written, or an extension that is
not offered, ends with one line naming the path and the extensions allowed. The work is
bounded before it starts: a GIF larger than :data:`MAX_GIF_FRAME_PIXELS` a frame or
:data:`MAX_GIF_PIXELS` in all is refused, naming the options to change.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from flossgui.core.atomic import atomic_file
from flossgui.core.errors import InputError
from flossgui.model.motion import Movement, Setup
from flossgui.model.programme import Programme

FORMATS: dict[str, str] = {".pdf": "a one-page A4 handout", ".gif": "the animation, one rep looping"}
ALLOWED = ", ".join(f"{ext} ({what})" for ext, what in FORMATS.items())
FPS_RANGE: tuple[int, int] = (1, 30)
DEFAULT_FPS = 10
DEFAULT_SIZE: tuple[int, int] = (480, 300)
MAX_GIF_FRAME_PIXELS = 3840 * 2160  # one frame: about 100 MB while it is drawn and encoded
MAX_GIF_PIXELS = 1920 * 1080 * 1200  # all frames: a full-HD rep at 0.25x and 30 fps, a few minutes' work


def frame_count(movement: Movement, speed: float, fps: int) -> int:
    """Frames in one rep at ``speed`` and ``fps`` (at least 2)."""
    return max(2, round(movement.exercise.period_s / speed * fps))


def check_gif_size(movement: Movement, speed: float, fps: int, size: tuple[int, int]) -> None:
    """InputError, before any work, if the GIF would be too large to make in bounded time and memory."""
    w, h = size
    if w * h > MAX_GIF_FRAME_PIXELS:
        allowed = f"a GIF frame of at most {MAX_GIF_FRAME_PIXELS:,} pixels (3840x2160)"
        raise InputError("--size", "", f"{w}x{h} is {w * h:,} pixels a frame", allowed)
    frames = frame_count(movement, speed, fps)
    if frames * w * h > MAX_GIF_PIXELS:
        problem = f"{frames:,} frames (--fps {fps}, --speed {speed:g}) of {w}x{h} (--size) is too large a GIF"
        allowed = f"frames x width x height at most {MAX_GIF_PIXELS:,}: a lower --fps or --size, or a higher --speed"
        raise InputError("export", "", problem, allowed)


def programme_movement(movement: Movement, programme: Programme | None) -> Movement:
    """The movement as the programme shows it: its first leg and its range."""
    if programme is None:
        return movement
    setup: Setup = replace(movement.setup, side=programme.side_for_set(0), range_fraction=programme.range_fraction)
    return Movement(movement.exercise, setup)


def export_file(path: Path, ext: str, movement: Movement, programme: Programme | None, speed: float, fps: int,
                size: tuple[int, int]) -> None:  # fmt: skip
    """Write the export for extension ``ext`` to ``path`` atomically (needs a QApplication).

    InputError if the GIF would be too large (before any work) or the path cannot be written.
    """
    from PySide6.QtCore import QSize

    movement = programme_movement(movement, programme)
    if programme is not None:
        speed = programme.speed(movement.exercise.period_s)
    if ext == ".gif":
        check_gif_size(movement, speed, fps, size)
    try:
        with atomic_file(path) as out:
            if ext == ".pdf":
                from flossgui.ui.export.handout import handout_pdf

                out.write(handout_pdf(movement, programme))
            else:
                from flossgui.ui.export.animation import write_gif

                write_gif(out, movement, frame_count(movement, speed, fps), fps, QSize(*size))
    except OSError as exc:
        raise InputError(str(path), "", f"cannot be written ({exc.strerror or exc})", ALLOWED) from None
