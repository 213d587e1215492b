"""One colour per exercise, everywhere a clinician sees it (plots, the presentation view's titles):
the floss is always blue, the tensioner always orange, the chin-down mistake always purple."""

from __future__ import annotations

from flossgui.ui.theme import palette

KIND_COLOURS: dict[str, str] = {"slider": palette.STRING_SLACK, "tensioner": palette.STRING_TAUT, "mistake": "#7B3294"}
