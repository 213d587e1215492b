"""What turns one step of the kiosk's film (:mod:`.lean_view`) into the next: the pixels that differ.

The figure moves little from one step to the next (a rep is 600 steps at 60 fps), so the
picture of a step differs from the one before it in about a tenth of the area its moving
parts cover. Kept as those pixels, a step is shown by writing them into the picture (numpy)
and repainting the :data:`TILE`-pixel squares that hold them, instead of drawing the figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QImage, QRegion

#: Side of the squares (device pixels) repainted around the pixels that changed: smaller ones
#: repaint fewer pixels but as more rectangles, each of which costs Qt and the X server a little.
TILE = 16


@dataclass(frozen=True, slots=True, eq=False)
class Change:
    """The pixels that differ between two pictures: their ``indices`` in the picture's pixels,
    row after row, their new ``values``, and ``tiles``, the (x, y, width, height) rectangles
    of :data:`TILE`-pixel squares holding them, in device pixels."""

    indices: np.ndarray
    values: np.ndarray
    tiles: tuple[tuple[int, int, int, int], ...]

    @property
    def nbytes(self) -> int:
        return self.indices.nbytes + self.values.nbytes

    def apply(self, pixels: np.ndarray) -> None:
        """Write the new values into ``pixels``, the picture's pixels in one flat array."""
        pixels[self.indices] = self.values


def change_between(before: np.ndarray, after: np.ndarray, left: int, top: int, stride: int) -> Change:
    """The change from ``before`` to ``after``: two blocks of pixels of the same shape whose
    top-left corner lies at (``left``, ``top``) of a picture ``stride`` pixels to a row.

    The indices are numpy's own type (8 bytes): smaller ones are converted at each use, and
    writing runs of pixels instead cost three times as long in the kiosk (see its README, "CPU")."""
    width = before.shape[1]
    changed = np.flatnonzero(before != after)  # a flat array's are far quicker found than by row and column
    rows, columns = changed // width, changed % width
    values = after[rows, columns]
    rows, columns = rows + top, columns + left
    return Change(rows * stride + columns, values, _tiles(rows // TILE, columns // TILE))


def _tiles(tile_rows: np.ndarray, tile_columns: np.ndarray) -> tuple[tuple[int, int, int, int], ...]:
    """The squares (row, column in tiles) as rectangles in pixels, each run along a row as one."""
    keys = np.unique(tile_rows.astype(np.int64) << 32 | tile_columns.astype(np.int64))
    rects: list[tuple[int, int, int, int]] = []
    run_row, run_start, run_end = -1, 0, 0
    for key in keys.tolist():
        row, column = key >> 32, key & 0xFFFFFFFF
        if row == run_row and column == run_end:
            run_end += 1
            continue
        if run_row >= 0:
            rects.append((run_start * TILE, run_row * TILE, (run_end - run_start) * TILE, TILE))
        run_row, run_start, run_end = row, column, column + 1
    if run_row >= 0:
        rects.append((run_start * TILE, run_row * TILE, (run_end - run_start) * TILE, TILE))
    return tuple(rects)


def pixels_of(image: QImage) -> np.ndarray:
    """The pixels of ``image`` (32 bits each, no padding at the ends of rows) as one flat array
    that writes through to it, until Qt moves them: take it again after painting on ``image``."""
    bits = image.bits()  # None for a null image
    return np.frombuffer(bits, dtype=np.uint32) if bits is not None else np.empty(0, dtype=np.uint32)


def block(pixels: np.ndarray, width: int, box: QRect) -> np.ndarray:
    """The rows and columns of ``box`` in ``pixels``, a picture ``width`` pixels to a row."""
    rows = pixels.reshape(-1, width)
    return rows[box.top() : box.bottom() + 1, box.left() : box.right() + 1]


def in_device_pixels(region: QRegion, ratio: float, bounds: QRect) -> QRect:
    """The device pixels the bounding rectangle of ``region`` (logical) covers, within ``bounds``."""
    r = region.boundingRect()
    return QRectF(r.x() * ratio, r.y() * ratio, r.width() * ratio, r.height() * ratio).toAlignedRect() & bounds


def logical_region(tiles: tuple[tuple[int, int, int, int], ...], ratio: float) -> QRegion:
    """The logical pixels covering ``tiles`` (device pixels) at device pixel ratio ``ratio``."""
    region = QRegion()
    for x, y, w, h in tiles:
        left, top = math.floor(x / ratio), math.floor(y / ratio)
        region += QRect(left, top, math.ceil((x + w) / ratio) - left, math.ceil((y + h) / ratio) - top)
    return region
