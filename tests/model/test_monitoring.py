"""Monitoring rules: the leg score, where the symptoms went, when to warn, when to ask the next day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flossgui.model.monitoring import SCORE_RISE_WORSE, Spread, check_score, is_warning, next_day_due
from flossgui.model.symptoms import Symptoms


@pytest.mark.parametrize("bad", [-1, 11, 2.5, True, "3", None])
def test_a_leg_score_is_a_whole_number_from_0_to_10(bad):
    with pytest.raises(ValueError, match="0 to 10"):
        check_score(bad)
    assert [check_score(v) for v in (0, 10)] == [0, 10]


@given(st.sampled_from(list(Spread)), st.sampled_from([*Symptoms, None]), st.integers(0, 10), st.integers(0, 10))
def test_spreading_worse_or_a_rising_score_always_warns_and_nothing_else_does(spread, symptoms, score, previous):
    expected = spread is Spread.FURTHER or symptoms is Symptoms.WORSE or score - previous >= SCORE_RISE_WORSE
    assert is_warning(spread, symptoms, score, previous) is expected
    assert is_warning(Spread.EASING, Symptoms.BETTER) is False


def test_the_next_day_check_is_asked_once_the_day_after_a_session():
    today = date(2026, 12, 2)
    assert next_day_due(today - timedelta(days=1), today, answered_today=False)
    assert not next_day_due(today - timedelta(days=1), today, answered_today=True)
    assert not next_day_due(today - timedelta(days=3), today, answered_today=False)  # not "yesterday's"
    assert not next_day_due(today, today, answered_today=False) and not next_day_due(None, today, False)
