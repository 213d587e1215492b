"""Programme files: strict loading, atomic saving, round trips and the session they make."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flossgui.core.errors import InputError
from flossgui.model.grades import GRADE_NAMES, grade
from flossgui.model.playback import SPEED_LIMITS
from flossgui.model.programme import (
    KEYS,
    Programme,
    dumps_programme,
    load_programme,
    parse_programme,
    save_programme,
)
from flossgui.model.session import SessionPlan

GOOD = """
[programme]
title = "After Tuesday"
side = "both"
reps = 8
sets = 3
rest_s = 45
tempo_s = 12.5
range_percent = 70
"""


def write(tmp_path, text: str | bytes):
    path = tmp_path / "p.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def test_good_file_loads_and_makes_a_session(tmp_path):
    p = load_programme(write(tmp_path, GOOD))
    assert p == Programme(reps=8, sets=3, rest_s=45, tempo_s=12.5, side="both", range_percent=70, title="After Tuesday")
    assert p.session_plan() == SessionPlan(reps_per_set=8, sets=6, rest_s=45)
    assert [p.side_for_set(i) for i in range(4)] == ["right", "left", "right", "left"]
    assert p.range_fraction == pytest.approx(0.7)
    assert p.speed(10.0) == pytest.approx(0.8)


def test_one_side_session_and_speed_is_clamped():
    p = Programme(reps=5, sets=2, side="left", tempo_s=20)
    assert p.sides == ("left",) and p.session_plan().sets == 2
    assert p.speed(10.0) == pytest.approx(0.5)
    assert Programme(tempo_s=6).speed(10.0) == pytest.approx(10 / 6)
    assert Programme(tempo_s=6).speed(1.0) == SPEED_LIMITS[0]  # clamped


@pytest.mark.parametrize(
    ("line", "key", "allowed"),
    [
        ('reps = "ten"', "programme.reps", "whole number from 1 to 50"),
        ("reps = -3", "programme.reps", "whole number from 1 to 50"),
        ("reps = 4.5", "programme.reps", "whole number"),
        ("sets = 0", "programme.sets", "1 to 10"),
        ("rest_s = -1", "programme.rest_s", "0 to 600"),
        ("tempo_s = nan", "programme.tempo_s", "6 to 20"),
        ("tempo_s = 4", "programme.tempo_s", "6 to 20"),
        ('side = "middle"', "programme.side", "left, right, both"),
        ("speed = 2", "programme.speed", "one of title, notes"),
        ("range_percent = 5", "programme.range_percent", "10 to 100"),
        ('exercise = "yoga"', "programme.exercise", "lumbar-nerve-floss"),
    ],
)
def test_bad_values_name_file_key_and_allowed(tmp_path, line, key, allowed):
    base = {k: v for k, v in (("reps", "reps = 10"), ("sets", "sets = 2"), ("rest_s", "rest_s = 30"),
                              ("tempo_s", "tempo_s = 10"), ("side", 'side = "right"'))}  # fmt: skip
    name = line.split(" =")[0]
    base[name] = line
    path = write(tmp_path, "[programme]\n" + "\n".join(base.values()))
    with pytest.raises(InputError) as info:
        load_programme(path)
    message = info.value.message()
    assert str(path) in message and key in message and allowed in message


def test_both_sides_limits_sets_per_side(tmp_path):
    path = write(tmp_path, '[programme]\nside = "both"\nreps = 5\nsets = 6\nrest_s = 0\ntempo_s = 10\n')
    with pytest.raises(
        InputError, match=r"programme\.sets: 6 on each side is 12 sets in all \(allowed: 1 to 5 when side"
    ):
        load_programme(path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("", "programme: is missing"), ("reps = 3", "reps: is not a known key"), ("[programme", "not valid TOML")],
)
def test_structure_errors(tmp_path, text, problem):
    with pytest.raises(InputError, match=problem):
        load_programme(write(tmp_path, text))


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_programme(tmp_path / "nope.toml")


programmes = st.builds(
    Programme,
    reps=st.integers(1, 50),
    sets=st.integers(1, 5),
    rest_s=st.floats(0, 600),
    tempo_s=st.floats(6, 20),
    side=st.sampled_from(["left", "right", "both"]),
    range_percent=st.floats(10, 100),
    title=st.text(max_size=100),
    notes=st.text(max_size=300),
)


@given(programmes)
def test_dumps_then_parse_round_trips(programme):
    import tomllib

    assert parse_programme(tomllib.loads(dumps_programme(programme)), "mem") == programme


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=30)
@given(programmes)
def test_save_then_load_round_trips_leaving_no_temp_file(tmp_path, programme):
    path = tmp_path / "saved.toml"
    save_programme(programme, path)
    assert load_programme(path) == programme
    assert os.listdir(tmp_path) == ["saved.toml"]


def test_save_into_missing_folder_raises_oserror_and_keeps_nothing(tmp_path):
    with pytest.raises(OSError):
        save_programme(Programme(), tmp_path / "missing" / "p.toml")
    assert os.listdir(tmp_path) == []


def _value():
    return st.one_of(
        st.integers(-(10**20), 10**20).map(str),
        st.floats().map(repr),
        st.sampled_from(['"left"', '"right"', '"both"', '"x"', "true", "[]", "[1, 2]", "{}", "nan", "-inf", '""']),
        st.text(max_size=20).map(lambda s: '"' + s.replace("\\", "").replace('"', "") + '"'),
    )


VALID = {"reps": "10", "sets": "2", "side": '"right"'}

# A valid programme with some keys replaced or added: mostly near-misses, sometimes valid.
toml_like = st.dictionaries(st.sampled_from([*KEYS, "extra", "reps.x"]), _value(), max_size=4).map(
    lambda changes: "[programme]\n" + "\n".join(f"{k} = {v}" for k, v in (VALID | changes).items())
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=300)
@given(st.one_of(toml_like, st.text(max_size=300), st.binary(max_size=200)))
def test_fuzz_always_a_programme_or_an_input_error(tmp_path, text):
    path = write(tmp_path, text)
    try:
        result = load_programme(path)
    except InputError as exc:
        assert str(path) in exc.message() and "\n" not in exc.message()
    else:
        assert isinstance(result, Programme)


def test_rest_tempo_and_range_are_optional(tmp_path):
    p = load_programme(write(tmp_path, '[programme]\nside = "left"\nreps = 12\nsets = 1\n'))
    assert p == Programme(reps=12, sets=1, side="left")
    assert (p.rest_s, p.tempo_s, p.range_percent) == (30.0, 10.0, 100.0)


@pytest.mark.parametrize("variant", ["nerve-tensioner", "nerve-floss-chin-down"])
def test_a_programme_naming_a_comparison_is_refused_with_a_clear_message(tmp_path, variant):
    with pytest.raises(InputError) as info:
        load_programme(write(tmp_path, f'[programme]\nside = "right"\nreps = 5\nsets = 2\nexercise = "{variant}"\n'))
    message = str(info.value)
    assert "programme.exercise" in message and "never prescribed" in message and "lumbar-nerve-floss" in message
    with pytest.raises(ValueError):
        Programme(exercise=variant)


@pytest.mark.parametrize("name", GRADE_NAMES)
def test_a_grade_sets_the_exercise_and_the_starting_range(tmp_path, name):
    p = load_programme(write(tmp_path, f'[programme]\nside = "right"\nreps = 5\nsets = 2\ngrade = "{name}"\n'))
    assert (p.grade, p.exercise, p.range_percent) == (name, grade(name).exercise, grade(name).range_percent)
    assert load_programme(write(tmp_path, dumps_programme(p))) == p
    given = load_programme(
        write(tmp_path, f'[programme]\nside = "right"\nreps = 5\nsets = 2\ngrade = "{name}"\nrange_percent = 30\n')
    )
    assert given.range_percent == 30  # the clinician's range wins


def test_a_grade_and_a_different_exercise_are_refused(tmp_path):
    text = '[programme]\nside = "right"\nreps = 5\nsets = 2\ngrade = "knee"\nexercise = "lumbar-nerve-floss"\n'
    with pytest.raises(InputError, match=r"programme\.exercise"):
        load_programme(write(tmp_path, text))
    with pytest.raises(InputError, match=r"programme\.grade"):
        load_programme(write(tmp_path, '[programme]\nside = "right"\nreps = 5\nsets = 2\ngrade = "hard"\n'))
