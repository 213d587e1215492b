"""The window's calm colours, and the WCAG contrast check they must pass.

Colours are hex strings so this module stays pure (tests check contrast without Qt).
"""

from __future__ import annotations

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
SEAT = "#B79E80"
SEAT_EDGE = "#8C7358"
FLOOR = "#8F8A80"
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


def mix(a: str, b: str, t: float) -> str:
    """The colour ``t`` of the way from ``a`` to ``b`` (0 → a, 1 → b)."""
    t = min(max(t, 0.0), 1.0)
    ha, hb = a.lstrip("#"), b.lstrip("#")
    rgb = (round(int(ha[i : i + 2], 16) + t * (int(hb[i : i + 2], 16) - int(ha[i : i + 2], 16))) for i in (0, 2, 4))
    return "#" + "".join(f"{c:02X}" for c in rgb)
