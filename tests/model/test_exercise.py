"""The choreography: the shipped exercise, its smoothness, and the loader's refusals."""

from __future__ import annotations

import copy
import math
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flossgui.core.errors import InputError
from flossgui.core.resources import asset
from flossgui.model.exercise import MOVING_JOINTS, builtin_exercise, builtin_names, load_exercise, parse_exercise

EXERCISE = builtin_exercise()
SOURCE = asset("exercises", "lumbar-nerve-floss.toml").read_text()
phis = st.floats(min_value=0.0, max_value=1.0, exclude_max=True)


def angle(name: str, phi: float) -> float:
    return EXERCISE.angles_at(phi)[MOVING_JOINTS.index(name)]


def test_every_shipped_exercise_loads():
    assert "lumbar-nerve-floss" in builtin_names()
    for name in builtin_names():
        assert builtin_exercise(name).phases


def test_sequence_follows_the_seed_exercise():
    start = dict(zip(MOVING_JOINTS, EXERCISE.angles_at(0.0), strict=True))
    assert start["neck"] > 40 and start["trunk"] > 20 and start["knee"] >= 80 and start["ankle"] < -20
    # Knee straight, sitting up, head level, toes still pointed.
    assert angle("knee", 0.35) == pytest.approx(0) and angle("trunk", 0.35) == pytest.approx(0)
    assert angle("neck", 0.35) == pytest.approx(0) and angle("ankle", 0.35) < -20
    # Then toes up while looking up.
    assert angle("ankle", 0.5) > 0 and angle("neck", 0.5) < -20 and angle("knee", 0.5) == pytest.approx(0)
    # Then head and toes come back together, then the slump back to the start.
    assert angle("neck", 0.65) == pytest.approx(0) and angle("ankle", 0.65) < -20
    assert [p.id for p in EXERCISE.phases] == ["straighten", "toes-up", "level", "slump"]


@given(phis)
def test_rep_closes_on_itself(phi):
    assert EXERCISE.angles_at(0.0) == pytest.approx(EXERCISE.angles_at(1.0 - 1e-12), abs=1e-6)
    assert all(math.isfinite(a) for a in EXERCISE.angles_at(phi))


@given(phis)
def test_continuous_with_continuous_velocity(phi):
    eps = 1e-6
    before, here, after = (EXERCISE.angles_at((phi + d) % 1.0) for d in (-eps, 0.0, eps))
    for b, h, a in zip(before, here, after, strict=True):
        assert abs(a - h) < 1e-3 and abs(h - b) < 1e-3  # no jumps
        assert abs((a - h) - (h - b)) / eps < 1.0  # left and right velocity agree


@given(phis)
def test_no_overshoot_beyond_keyframes(phi):
    for j, value in enumerate(EXERCISE.angles_at(phi)):
        keys = [k.angles[j] for k in EXERCISE.keyframes]
        assert min(keys) - 1e-9 <= value <= max(keys) + 1e-9


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ex.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("edit", "field", "allowed"),
    [
        (lambda s: s.replace("[exercise]", "[exercise"), "", "TOML"),
        (lambda s: s.replace("knee = 90", "knee = 170"), "keyframe[0].knee", "0 to 130"),
        (lambda s: s.replace("ankle = 15", "ankle = 'up'"), "keyframe[2].ankle", "-50 to 20"),
        (lambda s: s.replace("knee = 90", "knee = 90\nelbow = 3"), "keyframe[0].elbow", "one of at, neck"),
        (lambda s: s.replace("knee = 90", "hip = 80"), "keyframe[0].hip", "at, neck"),
        (lambda s: s.replace("at = 0.50", "at = 0.30"), "keyframe[2].at", "increasing"),
        (lambda s: s.replace("until = 0.50", "until = 0.20"), "phase[1].until", "increasing"),
        (lambda s: s.replace("at = 0.0\n", "at = 0.1\n"), "keyframe[0].at", "at 0"),
        (lambda s: re.sub(r"\[\[keyframe\]\].*", "", s, flags=re.S), "keyframe", "2 to 50"),
        (lambda s: s.replace('cue = "cue.level"', 'cue = "cue.nope"'), "phase[2].cue", "one of cue."),
        (lambda s: s.replace("until = 1.0", "until = 0.9"), "phase[3].until", "end at 1.0"),
        (lambda s: s.replace("period_s = 10.0", "period_s = -1"), "exercise.period_s", "4 to 30"),
    ],
)
def test_malformed_files_are_refused_naming_file_and_field(tmp_path, edit, field, allowed):
    path = write(tmp_path, edit(SOURCE))
    with pytest.raises(InputError) as info:
        load_exercise(path)
    message = info.value.message()
    assert str(path) in message and "\n" not in message
    assert info.value.field == field
    assert allowed in message


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match=r"nope\.toml: file not found"):
        load_exercise(tmp_path / "nope.toml")


@given(st.text(max_size=300))
def test_any_text_gives_an_exercise_or_an_input_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "ex.toml"
    path.write_text(text, encoding="utf-8")
    try:
        load_exercise(path)
    except InputError as exc:
        assert str(path) in exc.message()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=8,
)


@given(st.data())
def test_any_mutated_field_gives_an_exercise_or_an_input_error(data):
    """Structured fuzzing: replace or add one field anywhere in a valid file with any value."""
    doc = copy.deepcopy(tomllib.loads(SOURCE))
    section = data.draw(st.sampled_from(["exercise", "keyframe", "phase"]))
    table = doc[section] if section == "exercise" else data.draw(st.sampled_from(doc[section]))
    key = data.draw(st.sampled_from([*table, "extra"]))
    table[key] = data.draw(json_values)
    try:
        parse_exercise(doc, "fuzz.toml")
    except InputError as exc:
        assert exc.message().startswith("fuzz.toml")
