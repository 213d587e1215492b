"""The kiosk's still picture as plain ground and detail: the one colour most of it is, and the
tiles where it holds anything else (the chair, the floor, the parts of the figure that never move).

Where the figure was, the film paints that colour and copies the still picture only where it has
detail: a fill only writes, while a copy also reads a picture of 8 MB (at 1920 × 1080) that is
never in the cache at 60 frames a second, and most of what the figure crosses is plain ground.
"""

from __future__ import annotations

import collections
import math

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QRegion

#: Side of a tile of detail, in the widget's pixels.
TILE = 16
#: Device pixels looked at around each tile (where Qt rounds a tile's edge at fractional scales).
_MARGIN = 1


def plain_ground(picture: QImage, ratio: float) -> tuple[QColor, QRegion]:
    """The colour most of ``picture`` (in device pixels, ``ratio`` of them to the widget's) is,
    and the tiles, in the widget's pixels, that hold any pixel of another colour."""
    image = picture.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    samples = collections.Counter(image.pixel(x, y) for y in range(0, height, TILE) for x in range(0, width, TILE))
    colour = samples.most_common(1)[0][0]
    plain = colour.to_bytes(4, "little") * width  # RGB32 is stored B, G, R, 0xff
    data, stride = memoryview(image.constBits()), image.bytesPerLine()
    columns = math.ceil(width / ratio / TILE)
    spans = [(max(0, math.floor(tx * TILE * ratio) - _MARGIN), min(width, math.ceil((tx + 1) * TILE * ratio) + _MARGIN))
             for tx in range(columns)]  # fmt: skip
    detail = QRegion()
    for ty in range(math.ceil(height / ratio / TILE)):
        top = max(0, math.floor(ty * TILE * ratio) - _MARGIN)
        bottom = min(height, math.ceil((ty + 1) * TILE * ratio) + _MARGIN)
        rows = [data[y * stride : y * stride + 4 * width] for y in range(top, bottom)]
        rows = [row for row in rows if row != plain]
        marked = [any(row[4 * a : 4 * b] != plain[4 * a : 4 * b] for row in rows) for a, b in spans]
        start = None
        for tx, mark in enumerate([*marked, False]):  # each run of marked tiles as one rectangle
            if mark and start is None:
                start = tx
            elif not mark and start is not None:
                detail += QRect(start * TILE, ty * TILE, (tx - start) * TILE, TILE)
                start = None
    return QColor.fromRgb(colour), detail
