"""How the views show the nerve model's string: the display mapping, pure (no Qt).

The calibrated model (:mod:`flossgui.model.nerve`) gives true values, which are too small to
see: where the cord lies loose it has a few millimetres to spare, it glides at most about
1.5 cm, and its tension index stays low on the 0–1 scale (the floss peaks near 0.02, the
tensioner near 0.12). So the views

- bow a loose stretch :data:`SAG_EXAGGERATION` times deeper than the model's looseness, so it
  reads as loose from across a room (the "About the model" text says so),
- colour the string and fill the gauge on a scale that is full at :data:`TENSION_FULL_SCALE`,
  about the tensioner's peak on a chair, so the tensioner reads clearly tight and the floss stays
  cool blue, and
- slide the beads :data:`GLIDE_EXAGGERATION` times as far as the model's glide, so a patient
  sees them converge on the moving joint.

A view draws whatever a :data:`StringSource` returns, so a test (or another model) can swap it.
"""

from __future__ import annotations

from collections.abc import Callable

from flossgui.model.motion import Frame
from flossgui.model.nerve_drawing import StringDrawing, string_drawing
from flossgui.ui.theme import palette

#: How many times deeper than the model's sag a slack string is drawn.
SAG_EXAGGERATION = 3.5
#: Tension index at which the colour and gauge are full (about the tensioner's peak on a chair).
TENSION_FULL_SCALE = 0.12
#: How many times further than the model's glide the beads are drawn to slide.
GLIDE_EXAGGERATION = 3.0

#: Anything that turns a frame into a string to draw.
StringSource = Callable[[Frame], StringDrawing]


def model_string(frame: Frame) -> StringDrawing:
    """The string of ``frame`` from the nerve model, its sag exaggerated for display."""
    return string_drawing(frame.string, exaggeration=SAG_EXAGGERATION, glide_exaggeration=GLIDE_EXAGGERATION)


def tension_level(tension: float) -> float:
    """Model tension on the display scale: 0 slack … 1 tight (full colour, full gauge)."""
    return min(max(tension / TENSION_FULL_SCALE, 0.0), 1.0)


def tension_colour(tension: float) -> str:
    """The string's colour at model ``tension``: cool blue slack, warm orange tight."""
    return palette.mix(palette.STRING_SLACK, palette.STRING_TAUT, tension_level(tension))
