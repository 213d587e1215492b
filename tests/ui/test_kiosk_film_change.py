"""A step of the kiosk's film kept as the pixels that changed: applied, it gives the next picture
exactly, and the squares repainted hold every pixel that changed."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QImage, QRegion

from flossgui.ui.kiosk.film_change import TILE, block, change_between, in_device_pixels, logical_region, pixels_of

WIDTH, HEIGHT = 97, 61  # not a whole number of squares


@st.composite
def _pictures(draw) -> tuple[np.ndarray, np.ndarray, QRect]:
    """A picture, the same with some pixels changed inside a box, and the box."""
    before = draw(arrays(np.uint32, (HEIGHT, WIDTH), elements=st.sampled_from([0xFFF4F1EA, 0xFF3B4A55])))
    left, top = draw(st.integers(0, WIDTH - 1)), draw(st.integers(0, HEIGHT - 1))
    box = QRect(left, top, draw(st.integers(1, WIDTH - left)), draw(st.integers(1, HEIGHT - top)))
    after = before.copy()
    for _ in range(draw(st.integers(0, 30))):
        x, y = draw(st.integers(box.left(), box.right())), draw(st.integers(box.top(), box.bottom()))
        after[y, x] = draw(st.integers(0, 2**32 - 1))
    return before, after, box


@settings(max_examples=150, deadline=None)
@given(_pictures())
def test_a_change_applied_gives_the_next_picture_and_its_squares_hold_every_changed_pixel(pictures):
    before, after, box = pictures
    sub = lambda picture: picture[box.top() : box.bottom() + 1, box.left() : box.right() + 1]  # noqa: E731
    change = change_between(sub(before), sub(after), box.left(), box.top(), WIDTH)
    shown = before.ravel().copy()
    change.apply(shown)
    assert np.array_equal(shown, after.ravel())
    squares = np.zeros((HEIGHT + TILE, WIDTH + TILE), bool)
    for x, y, w, h in change.tiles:
        assert x % TILE == 0 and y % TILE == 0 and h == TILE and w % TILE == 0 and w > 0
        assert not squares[y : y + h, x : x + w].any()  # no square twice
        squares[y : y + h, x : x + w] = True
    changed = before != after
    assert not (changed & ~squares[:HEIGHT, :WIDTH]).any()  # every changed pixel is repainted
    for x, y, w, h in change.tiles:  # and every square repainted holds one
        assert changed[y : y + h, x : x + w].any()
    assert (change.nbytes == 0) == (not changed.any())


@settings(max_examples=100, deadline=None)
@given(
    tiles=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(1, 4)), max_size=8),
    ratio=st.sampled_from([1.0, 1.25, 1.5, 2.0]),
)
def test_the_logical_region_covers_the_squares_at_any_scale(tiles, ratio):
    squares = tuple((c * TILE, r * TILE, n * TILE, TILE) for c, r, n in tiles)
    region = logical_region(squares, ratio)
    for x, y, w, h in squares:
        for px, py in ((x, y), (x + w - 1, y + h - 1)):  # first and last device pixel of each
            assert region.contains(QRect(int(px // ratio), int(py // ratio), 1, 1))
    bounds = QRect(0, 0, 1000, 1000)
    assert in_device_pixels(QRegion(QRect(10, 20, 30, 40)), ratio, bounds).contains(
        QRectF(10 * ratio, 20 * ratio, 30 * ratio, 40 * ratio).toAlignedRect()
    )


def test_pixels_write_through_to_the_picture(qapp):
    image = QImage(5, 3, QImage.Format.Format_RGB32)
    image.fill(0xFF000000)
    pixels = pixels_of(image)
    block(pixels, 5, QRect(1, 1, 2, 2))[:] = 0xFFFFFFFF
    assert image.pixel(2, 2) == 0xFFFFFFFF and image.pixel(3, 2) == 0xFF000000
    assert pixels_of(QImage()).size == 0
