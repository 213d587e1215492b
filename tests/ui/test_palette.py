"""Every colour pair the window uses meets WCAG AA."""

from __future__ import annotations

import pytest

from flossgui.ui.theme import palette


@pytest.mark.parametrize(("fg", "bg"), palette.TEXT_PAIRS)
def test_text_contrast_at_least_4_5(fg, bg):
    assert palette.contrast_ratio(fg, bg) >= 4.5


@pytest.mark.parametrize(("fg", "bg"), palette.GRAPHIC_PAIRS)
def test_graphics_contrast_at_least_3(fg, bg):
    assert palette.contrast_ratio(fg, bg) >= 3.0


def test_string_stays_visible_at_every_tension():
    for i in range(11):
        colour = palette.mix(palette.STRING_SLACK, palette.STRING_TAUT, i / 10)
        assert palette.contrast_ratio(colour, palette.BACKGROUND) >= 3.0
        assert palette.contrast_ratio(colour, palette.STRING_HALO) >= 3.0


def test_contrast_ratio_known_values():
    assert palette.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert palette.contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
