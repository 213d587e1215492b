"""One rep of the movement as a looping GIF, for messages, slides and web pages.

Qt can read GIF but not write it, so the frames (from :func:`render_frame`) go through
Pillow: one palette shared by every frame (no flicker between frames), no dithering (the
drawing is flat colour), and Pillow's own differencing, which stores only the part of each
frame that changed.
"""

from __future__ import annotations

import io

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from flossgui.model.motion import Movement
from flossgui.ui.figure.figure_view import render_frame

_PALETTE_SAMPLES = 8  # frames whose colours make the shared palette


def frame_count(movement: Movement, speed: float, fps: int) -> int:
    """Frames in one rep at ``speed`` and ``fps`` (at least 2)."""
    return max(2, round(movement.exercise.period_s / speed * fps))


def _pil(image: QImage):
    from PIL import Image

    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    size, stride = (rgb.width(), rgb.height()), rgb.bytesPerLine()  # rows may be padded to 4 bytes
    return Image.frombuffer("RGB", size, bytes(rgb.constBits()), "raw", "RGB", stride, 1)


def animation_gif(movement: Movement, speed: float, fps: int, size: QSize) -> bytes:
    """One rep at ``speed`` as the bytes of a looping GIF (needs a QApplication)."""
    from PIL import Image

    count = frame_count(movement, speed, fps)
    frames = [_pil(render_frame(movement, i / count, size)) for i in range(count)]
    step = max(1, count // _PALETTE_SAMPLES)
    samples = frames[::step]
    sheet = Image.new("RGB", (size.width(), size.height() * len(samples)))
    for k, frame in enumerate(samples):
        sheet.paste(frame, (0, k * size.height()))
    palette = sheet.quantize(colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    indexed = [f.quantize(palette=palette, dither=Image.Dither.NONE) for f in frames]
    out = io.BytesIO()
    indexed[0].save(
        out, "GIF", save_all=True, append_images=indexed[1:], duration=round(1000 / fps), loop=0, optimize=False
    )
    return out.getvalue()
