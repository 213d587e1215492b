"""One rep of the movement as a looping GIF, for messages, slides and web pages.

Qt can read GIF but not write it, so the frames (from :func:`render_frame`) go through
Pillow: one palette shared by every frame (no flicker between frames), no dithering (the
drawing is flat colour), and only the part of each frame that changed is stored.

Frames are streamed: each is drawn, encoded and written before the next is drawn, so memory
stays that of one frame whatever the length. (Pillow's own ``save_all`` keeps every frame
until the end; its documented ``getdata`` encodes one frame for writers like this one.)
"""

from __future__ import annotations

from typing import BinaryIO

from PIL import GifImagePlugin, Image, ImageChops
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from flossgui.model.motion import Movement
from flossgui.ui.figure.figure_view import render_frame

_PALETTE_SAMPLES = 8  # frames whose colours make the shared palette
_SAMPLE_WIDTH = 640  # samples are shrunk (keeping their colours) to this width at most
_COLOURS = 32


def _indexed(image: QImage, palette: Image.Image | None = None) -> Image.Image:
    """The frame as a Pillow image: RGB, or indexed to ``palette`` without dithering."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    size, stride = (rgb.width(), rgb.height()), rgb.bytesPerLine()  # rows may be padded to 4 bytes
    frame = Image.frombuffer("RGB", size, rgb.constBits(), "raw", "RGB", stride, 1)
    if palette is None:
        return frame.copy()  # its own pixels: rgb goes when this returns
    return frame.quantize(palette=palette, dither=Image.Dither.NONE)


def _palette(movement: Movement, count: int, size: QSize) -> Image.Image:
    """One palette for every frame, from a few frames spread over the rep."""
    scale = min(1.0, _SAMPLE_WIDTH / size.width())
    w, h = max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
    step = max(1, count // _PALETTE_SAMPLES)
    samples = range(0, count, step)
    sheet = Image.new("RGB", (w, h * len(samples)))
    for k, i in enumerate(samples):
        sample = _indexed(render_frame(movement, i / count, size)).resize((w, h), Image.Resampling.NEAREST)
        sheet.paste(sample, (0, k * h))
    return sheet.quantize(colors=_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def _header(size: QSize, palette: Image.Image) -> bytes:
    """GIF89a screen descriptor, the global colour table and the loop-for-ever extension."""
    colours = bytes(palette.getpalette() or [0, 0, 0])
    bits = max(1, (len(colours) // 3 - 1).bit_length())  # the table holds 2**bits colours
    table = colours[: 3 * 2**bits].ljust(3 * 2**bits, b"\0")
    w, h = size.width(), size.height()
    screen = b"GIF89a" + w.to_bytes(2, "little") + h.to_bytes(2, "little") + bytes([0x80 | (bits - 1), 0, 0])
    loop = b"!\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    return screen + table + loop


def write_gif(out: BinaryIO, movement: Movement, count: int, fps: int, size: QSize) -> None:
    """Write one rep as ``count`` frames shown at ``fps`` to ``out``, a looping GIF, frame by
    frame (needs a QApplication). A frame identical to the one before lengthens that one
    instead of being stored.
    """
    palette = _palette(movement, count, size)
    out.write(_header(size, palette))
    full = (0, 0, size.width(), size.height())
    step_ms = round(1000 / fps)
    previous: Image.Image | None = None
    pending: tuple[Image.Image, tuple[int, int], int] | None = None  # written once its length is known
    for i in range(count):
        frame = _indexed(render_frame(movement, i / count, size), palette)
        box = full if previous is None else ImageChops.subtract_modulo(frame, previous).getbbox()
        if box is None and pending is not None:
            pending = (pending[0], pending[1], pending[2] + step_ms)
            continue
        if pending is not None:
            out.write(b"".join(GifImagePlugin.getdata(pending[0], pending[1], duration=pending[2])))
        box = box or full
        pending = (frame if box == full else frame.crop(box), box[:2], step_ms)
        previous = frame
    if pending is not None:
        out.write(b"".join(GifImagePlugin.getdata(pending[0], pending[1], duration=pending[2])))
    out.write(b";")
