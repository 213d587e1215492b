"""The window's calm colours, and the WCAG contrast check they must pass.

Colours are hex strings so this module stays pure (tests check contrast without Qt).
"""

from __future__ import annotations

import colorsys

BACKGROUND = "#F4F1EA"  # warm off-white
PANEL = "#FBFAF6"
TEXT = "#1E2B33"  # deep slate
MUTED_TEXT = "#4A5A63"
ACCENT = "#2D6A84"  # calm teal-blue: primary buttons
ON_ACCENT = "#FFFFFF"
WARNING = "#8A3B12"  # symptoms button text, on PANEL
NOTICE_BG = "#E6EFF3"
FIGURE = "#3B4A55"
FIGURE_LIMB = "#52636F"
FIGURE_REST = "#9AA6AF"  # the resting leg, behind the one that moves
SEAT = "#B79E80"
SEAT_EDGE = "#8C7358"
MATTRESS = "#C9D5DD"
MUTED_LINE = "#7E8F9A"  # reference lines, edges
MATTRESS_EDGE = MUTED_LINE
FLOOR = "#8F8A80"
FLOOR_FILL = "#E4DED2"  # also the empty track of the tension gauge
STRING_SLACK = "#1F6E9C"  # cool blue: loose
STRING_TAUT = "#C4501B"  # warm orange: tight
STRING_HALO = "#FFFFFF"

#: (foreground, background) pairs of text the window shows; each must reach 4.5:1 (WCAG AA).
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    (TEXT, BACKGROUND),
    (TEXT, PANEL),
    (MUTED_TEXT, BACKGROUND),
    (MUTED_TEXT, PANEL),
    (ON_ACCENT, ACCENT),
    (WARNING, PANEL),
    (TEXT, NOTICE_BG),
)
#: Graphics that must stand out from the scene background: 3:1 (WCAG AA, non-text).
GRAPHIC_PAIRS: tuple[tuple[str, str], ...] = (
    (FIGURE, BACKGROUND),
    (STRING_SLACK, BACKGROUND),
    (STRING_TAUT, BACKGROUND),
    (STRING_SLACK, STRING_HALO),  # the string wears a light halo, so it shows on the body too
    (STRING_TAUT, STRING_HALO),
    (STRING_HALO, FIGURE),
    (FLOOR, BACKGROUND),
)


def _channel(c: int) -> float:
    s = c / 255.0
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2.x) of ``#RRGGBB``."""
    h = hex_colour.lstrip("#")
    r, g, b = (_channel(int(h[i : i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i : i + 2], 16) / 255.0 for i in (0, 2, 4))  # type: ignore[return-value]


def mix(a: str, b: str, t: float) -> str:
    """The colour ``t`` of the way from ``a`` to ``b`` (0 → a, 1 → b).

    Interpolated in HSV, hue the short way round, so the colours in between stay as vivid
    as the ends instead of greying out (and stay distinct from the slate figure).
    """
    t = min(max(t, 0.0), 1.0)
    (ha, sa, va), (hb, sb, vb) = colorsys.rgb_to_hsv(*_rgb(a)), colorsys.rgb_to_hsv(*_rgb(b))
    dh = (hb - ha + 0.5) % 1.0 - 0.5
    rgb = colorsys.hsv_to_rgb((ha + t * dh) % 1.0, sa + t * (sb - sa), va + t * (vb - va))
    return "#" + "".join(f"{round(c * 255):02X}" for c in rgb)
