"""The seat guidance in words: what this seat does, a smaller movement first, a higher seat only when it helps."""

from __future__ import annotations

import pytest

from flossgui.model.body import Body
from flossgui.model.exercise import VARIANTS, builtin_exercise
from flossgui.model.motion import Movement, Setup
from flossgui.model.seat_guidance import SUGGEST_CAP_CM, feel, seat_advice
from flossgui.text import TEXT


def advice(height: float, seat: float, kind: str = "slider") -> list[tuple[str, dict]]:
    movement = Movement(builtin_exercise(VARIANTS[kind]), Setup(body=Body(height), seat_height_cm=seat))
    return seat_advice(movement, movement.peak_strain_pct())


def test_on_a_chair_a_smaller_movement_comes_before_a_higher_seat():
    keys = [key for key, _ in advice(170, 46)]
    assert keys[:2] == ["seat.start.feet_down", "seat.string.here"]
    assert keys.index("seat.smaller_first") < keys.index("seat.suggest")
    fields = dict(advice(170, 46))["seat.suggest"]
    assert 46 < fields["cm"] <= SUGGEST_CAP_CM and fields["feel"] in TEXT


@pytest.mark.parametrize(("height", "seat"), [(170, 90), (100, 46), (220, 90)])
def test_with_hanging_feet_the_thighs_rest_on_the_seat_and_no_higher_seat_is_offered(height, seat):
    lines = dict(advice(height, seat))
    assert "seat.start.feet_hanging" in lines and 85 <= lines["seat.start.feet_hanging"]["hip"] <= 95
    assert "seat.suggest" not in lines


def test_a_seat_at_or_above_the_easier_height_suggests_nothing_higher():
    assert "seat.suggest" not in dict(advice(170, 64))


def test_words_follow_the_peak_strain():
    assert [feel(x) for x in (0.0, 0.5, 2.0, 5.0)] == [
        "seat.string.slack", "seat.string.little", "seat.string.tight", "seat.string.very",
    ]  # fmt: skip
    assert dict(advice(170, 46, "tensioner"))["seat.string.here"]["feel"] == "seat.string.very"
