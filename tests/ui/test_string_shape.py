"""The string's display mapping: pure, headless."""

from __future__ import annotations

import numpy as np
import pytest

from flossgui.model.exercise import VARIANTS, builtin_exercise
from flossgui.model.motion import Movement, Setup
from flossgui.model.nerve_curves import peak_tension
from flossgui.model.nerve_drawing import string_drawing
from flossgui.ui.figure.string_shape import (
    SAG_EXAGGERATION,
    TENSION_FULL_SCALE,
    model_string,
    tension_colour,
    tension_level,
)
from flossgui.ui.theme import palette


def movement(kind: str = "slider") -> Movement:
    return Movement(builtin_exercise(VARIANTS[kind]), Setup())


def _sag(frame) -> float:
    """Greatest distance of the drawn string from the straight bed, in cm."""
    drawn = np.asarray(model_string(frame).points())
    bed = np.asarray(string_drawing(frame.string, exaggeration=0.0).points())
    return float(np.hypot(*(drawn - bed).T).max())


def test_slack_string_bows_exaggerated_for_display():
    start = movement().frame(0.0)  # knee bent: the cord is slack below the knee
    assert sum(start.string.stretch_slack_cm) > 0.1
    true = np.subtract(string_drawing(start.string).points(), string_drawing(start.string, exaggeration=0.0).points())
    assert _sag(start) > 1.5 * float(np.hypot(*true.T).max()) > 0  # drawn deeper than the model says
    assert _sag(start) > 1.0  # cm: visible from across a room
    assert SAG_EXAGGERATION > 1


def test_taut_string_is_straight_and_carries_the_model_tension():
    frame = movement("tensioner").frame(0.5)
    drawing = model_string(frame)
    assert sum(frame.string.stretch_slack_cm) == 0 and _sag(frame) == pytest.approx(0, abs=1e-9)
    assert drawing.tension == frame.string.tension
    assert np.shape(drawing.points()) == (12 * (len(drawing.waypoints) - 1) + 1, 2)


def test_display_scale_reads_the_tensioner_tight_and_the_floss_loose():
    assert tension_level(0.0) == 0 and tension_level(TENSION_FULL_SCALE) == 1 and tension_level(1.0) == 1
    tensioner = peak_tension(builtin_exercise(VARIANTS["tensioner"]), Setup())
    floss = peak_tension(builtin_exercise(VARIANTS["slider"]), Setup())
    assert tension_level(tensioner) > 0.9 and tension_level(floss) < 0.25
    assert tension_colour(0.0) == palette.STRING_SLACK.upper()
    assert tension_colour(TENSION_FULL_SCALE) == palette.STRING_TAUT.upper()
