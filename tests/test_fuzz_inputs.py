"""Fuzzing the guarded input surfaces of issue 13: TOML text built from the characters that
shape it, numbers typed on the command line, the size of a GIF, and the timeline writers.
Each gives a value or one clean InputError, never another exception. The default suite runs
a few hundred examples in all; ``pytest -m slow`` runs thousands."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flossgui.core.errors import InputError
from flossgui.core.tomlfile import INT64, MAX_DEPTH, parse_number, parse_toml
from flossgui.model.exercise import builtin_exercise
from flossgui.model.motion import Movement, Setup
from flossgui.model.timeline import COLUMNS, timeline, write_csv, write_json
from flossgui.ui.export.files import MAX_GIF_FRAME_PIXELS, MAX_GIF_PIXELS, check_gif_size, frame_count

FEW = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
MANY = settings(max_examples=4000, deadline=None, suppress_health_check=list(HealthCheck))
MOVEMENT = Movement(builtin_exercise(), Setup())

# TOML text from the pieces that give it shape: brackets, dots, quotes, escapes, long numbers.
pieces = st.sampled_from(
    ["[", "]", "[[", "]]", "{", "}", ".", "=", ",", '"', "'", '"""', "'''", "\\", "#", "\n", " ", "a", "b.c",
     "1", "-", "1e400", "nan", "inf", "9" * 25, "1" + "0" * 30, "true", "1979-05-27", "x = ", "[t]\n"]
)  # fmt: skip
toml_texts = st.one_of(
    st.lists(pieces, max_size=80).map("".join),
    st.builds(
        lambda n, inner: "k = " + "[" * n + inner + "]" * n,
        st.integers(0, 3 * MAX_DEPTH),
        st.sampled_from(["", "1", "[]"]),
    ),
    st.builds(lambda n: "a" + ".a" * n + " = 1", st.integers(0, 100)),
    st.text(max_size=200),
)  # fmt: skip


def _check_toml(text: str) -> None:
    try:
        data = parse_toml(text, "fuzz.toml")
    except InputError as exc:
        message = exc.message()
        assert message.startswith("fuzz.toml") and "\n" not in message
        return
    stack = [(data, 0)]
    while stack:  # the result keeps to the bounds
        value, depth = stack.pop()
        assert depth <= MAX_DEPTH + 1
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        elif isinstance(value, int) and not isinstance(value, bool):
            assert INT64[0] <= value <= INT64[1]


@FEW
@given(toml_texts)
def test_toml_of_any_shape_parses_or_is_refused_cleanly(text):
    _check_toml(text)


@pytest.mark.slow
@MANY
@given(toml_texts)
def test_toml_of_any_shape_parses_or_is_refused_cleanly_many(text):
    _check_toml(text)


number_texts = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers().map(str),
    st.builds(lambda d, n: d + "0" * n, st.sampled_from(["1", "-1", "+0", "0.", "1e"]), st.integers(0, 5000)),
    st.text(max_size=20),
    st.text(alphabet="0123456789._-+eEx ", max_size=80),
)
bounds = st.sampled_from([(1, 1000, True), (1, 240, True), (0.25, 3.0, False), (10, 100, False), (0, 86400, False)])


def _check_number(text: str, bound: tuple[float, float, bool]) -> None:
    lo, hi, whole = bound
    try:
        value = parse_number(text, "--x", lo, hi, whole=whole)
    except InputError as exc:
        assert exc.source == "--x" and "\n" not in exc.message() and len(exc.message()) < 400
        return
    assert lo <= value <= hi and (isinstance(value, int) if whole else isinstance(value, float))


@FEW
@given(number_texts, bounds)
def test_typed_numbers_parse_in_range_or_are_refused_cleanly(text, bound):
    _check_number(text, bound)


@pytest.mark.slow
@MANY
@given(number_texts, bounds)
def test_typed_numbers_parse_in_range_or_are_refused_cleanly_many(text, bound):
    _check_number(text, bound)


gif_options = st.tuples(
    st.floats(0.25, 3.0), st.integers(1, 30), st.integers(200, 7680), st.integers(200, 7680)
)  # everything the options allow


def _check_gif(options: tuple[float, int, int, int]) -> None:
    speed, fps, w, h = options
    try:
        check_gif_size(MOVEMENT, speed, fps, (w, h))
    except InputError as exc:
        assert "allowed:" in exc.message() and ("--size" in exc.message())
        return
    assert w * h <= MAX_GIF_FRAME_PIXELS and frame_count(MOVEMENT, speed, fps) * w * h <= MAX_GIF_PIXELS


@FEW
@given(gif_options)
def test_every_gif_the_options_allow_is_bounded_or_refused(options):
    _check_gif(options)


@pytest.mark.slow
@MANY
@given(gif_options)
def test_every_gif_the_options_allow_is_bounded_or_refused_many(options):
    _check_gif(options)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.floats(0.25, 3.0), st.integers(1, 3), st.integers(1, 12))
def test_the_streamed_writers_give_whole_tables(speed, reps, fps):
    rows = list(timeline(MOVEMENT, speed, reps, fps))
    out = io.StringIO()
    write_json(iter(rows), out, {"speed": speed})
    data = json.loads(out.getvalue())
    assert len(data["rows"]) == len(rows) and data["columns"] == [c.name for c in COLUMNS]
    out = io.StringIO()
    write_csv(iter(rows), out)
    assert out.getvalue().count("\n") == len(rows) + 1
