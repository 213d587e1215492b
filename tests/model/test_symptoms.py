"""Making the movement smaller."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flossgui.model.programme import RANGE_PERCENT
from flossgui.model.symptoms import smaller_range


def test_steps_down_by_about_a_quarter_to_the_minimum():
    steps = [100.0]
    while steps[-1] > RANGE_PERCENT[0]:
        steps.append(smaller_range(steps[-1]))
    assert steps == [100, 75, 55, 40, 30, 20, 15, 10]


@given(st.floats(*RANGE_PERCENT))
def test_always_smaller_unless_at_the_minimum(r):
    new = smaller_range(r)
    assert RANGE_PERCENT[0] <= new <= r
    assert new < r or r == RANGE_PERCENT[0]
