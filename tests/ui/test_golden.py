"""Golden images: the figure drawn at key moments must match stored PNGs, so a drawing regression fails.

The comparison follows pyqtgraph's ``tests/image_testing.py``: both images are the same size,
a pixel counts as different when any channel differs by more than :data:`PIXEL_THRESHOLD`, and
the test fails when more than :data:`DIFFERENT_SHARE` of the pixels differ (antialiasing varies
a little between Qt builds; a moved limb, bead or string changes far more). Renders are
offscreen, at a fixed size, with no text, so fonts play no part.

To regenerate after an intended change, look at the new pictures first, then:

    FLOSSGUI_GOLDEN_UPDATE=1 .venv/bin/python -m pytest tests/ui/test_golden.py

which writes ``tests/ui/golden/*.png`` and marks the tests as skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from flossgui.model.body import Body
from flossgui.model.exercise import VARIANTS, builtin_exercise
from flossgui.model.motion import Movement, Setup
from flossgui.ui.figure.figure_view import render_frame

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("FLOSSGUI_GOLDEN_UPDATE") == "1"
SIZE = QSize(320, 240)
PIXEL_THRESHOLD = 40  # of 255, any channel
DIFFERENT_SHARE = 0.004  # of the pixels

#: name: (exercise, height cm, seat cm, range, side, fraction of the rep)
CASES: dict[str, tuple[str, float, float, float, str, float]] = {
    "floss-start": ("slider", 170, 46, 1.0, "right", 0.0),
    "floss-knee-straight": ("slider", 170, 46, 1.0, "right", 0.35),
    "floss-toes-up": ("slider", 170, 46, 1.0, "right", 0.5),
    "floss-back-down": ("slider", 170, 46, 1.0, "right", 0.82),
    "floss-half-range-toes-up": ("slider", 170, 46, 0.5, "right", 0.5),
    "floss-left-leg": ("slider", 170, 46, 1.0, "left", 0.35),
    "tensioner-peak": ("tensioner", 170, 46, 1.0, "right", 0.5),
    "short-person-high-bed": ("slider", 100, 90, 0.5, "right", 0.35),
    "tall-person-high-bed": ("slider", 220, 90, 0.5, "right", 0.5),
}


def render(case: str) -> QImage:
    kind, height, seat, fraction, side, phi = CASES[case]
    setup = Setup(body=Body(height), seat_height_cm=seat, range_fraction=fraction, side=side)
    image = render_frame(Movement(builtin_exercise(VARIANTS[kind]), setup), phi, SIZE)
    return image.convertToFormat(QImage.Format.Format_RGB32)


def different_share(a: QImage, b: QImage) -> float:
    """The share of pixels where any channel differs by more than PIXEL_THRESHOLD."""
    assert a.size() == b.size()
    pa, pb = bytes(a.constBits()), bytes(b.constBits())
    differing = sum(
        1
        for i in range(0, len(pa), 4)
        if max(abs(pa[i] - pb[i]), abs(pa[i + 1] - pb[i + 1]), abs(pa[i + 2] - pb[i + 2])) > PIXEL_THRESHOLD
    )
    return differing / (a.width() * a.height())


@pytest.mark.parametrize("case", CASES)
def test_figure_matches_its_golden_image(qapp, case):
    image = render(case)
    path = GOLDEN / f"{case}.png"
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        image.save(str(path))
        pytest.skip(f"wrote {path}")
    stored = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert not stored.isNull(), f"no golden image {path}: run with FLOSSGUI_GOLDEN_UPDATE=1 (see the module docstring)"
    share = different_share(image, stored)
    assert share <= DIFFERENT_SHARE, f"{case}: {share:.2%} of pixels differ from {path}"


def test_the_comparison_catches_a_moved_limb(qapp):
    """Positive control: the next moment of the rep is far from this one's picture."""
    assert different_share(render("floss-start"), render("floss-knee-straight")) > 10 * DIFFERENT_SHARE
    assert different_share(render("floss-start"), render("floss-start")) == 0
