"""Remembered preferences: defaults, ranges, and bad or foreign values falling back one by one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flossgui.model.preferences import KEYS, SPECS, VERSION, VERSION_KEY, Preferences, parse, stored


def valid_value(spec):
    if spec.kind is bool:
        return st.booleans()
    if spec.choices:
        return st.sampled_from(spec.choices)
    if spec.kind is int:
        values = st.integers(round(spec.lo), round(spec.hi))
    else:
        values = st.floats(spec.lo, spec.hi, allow_nan=False)
    return st.none() | values if spec.optional else values


preferences = st.builds(Preferences, **{name: valid_value(spec) for name, spec in SPECS.items()})
anything = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=60) | st.binary(max_size=8)


def test_nothing_stored_gives_the_defaults():
    assert parse({}) == (Preferences(), [])


@given(preferences)
def test_what_is_stored_comes_back(prefs):
    assert parse(stored(prefs)) == (prefs, [])


@given(preferences)
def test_as_text_too(prefs):
    """An INI file gives every value back as text."""

    def text(v):
        return "" if v is None else str(v).lower() if isinstance(v, bool) else str(v)

    as_text = {k: text(v) for k, v in stored(prefs).items()}
    assert parse(as_text) == (prefs, [])


@given(st.dictionaries(st.sampled_from([*KEYS, VERSION_KEY, "other/key"]), anything))
def test_any_stored_values_give_usable_preferences(raw):
    prefs, problems = parse(raw)
    assert isinstance(prefs, Preferences)  # checked by its own __post_init__
    assert len(problems) <= len(raw)
    for line in problems:
        assert line.startswith("settings: ") and "\n" not in line and len(line) < 300


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("patient/reps", "99999", "1–50"),
        ("patient/reps", "0", "1–50"),
        ("patient/reps", "7.5", "1–50"),
        ("patient/side", "both", "left or right"),
        ("patient/speed", "nan", "0.25–3"),
        ("audio/muted", "perhaps", "true or false"),
        ("patient/range_percent", "@Variant(\\0\\0\\0\\x7f)", "10–100"),
        ("patient/rest_s", b"12", "0–600"),
        ("patient/height_cm", ["1", "2"], "100–220"),
    ],
)
def test_a_bad_value_falls_back_with_one_line_naming_key_and_range(key, value, allowed):
    prefs, problems = parse({key: value, "patient/sets": "3"})
    assert prefs == Preferences(sets=3)
    [line] = problems
    assert key in line and allowed in line


def test_a_foreign_version_is_said_once_and_values_are_still_checked():
    prefs, problems = parse({VERSION_KEY: "7", "patient/reps": "12"})
    assert prefs.reps == 12 and len(problems) == 1 and VERSION_KEY in problems[0]
    assert stored(prefs)[VERSION_KEY] == VERSION


def test_out_of_range_preferences_cannot_be_made():
    with pytest.raises(ValueError, match="reps"):
        Preferences(reps=51)
