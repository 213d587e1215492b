"""Writing the settings file back: values round-trip, other keys and comments are kept."""

import math
import os
import tomllib
from datetime import UTC, date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flossgui.core.atomic import write_atomic
from flossgui.core.errors import InputError
from flossgui.core.tomlwrite import dumps, format_value, update_toml_file

EXAMPLE = """\
# Waiting room, ground floor
clinic_name = "Riverside Physio"  # shown top left
messages = [
    "Welcome",
    "Ask at the desk",
]
pin_hash = "old"
speed = 1.0

# Screen off out of hours
[hours]
daily = "08:00-18:00"
"""


def test_update_replaces_the_line_and_keeps_everything_else(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(EXAMPLE)
    update_toml_file(path, {"pin_hash": "new"})
    assert path.read_text() == EXAMPLE.replace('pin_hash = "old"', 'pin_hash = "new"')


def test_update_adds_a_missing_key_among_the_top_level_ones(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(EXAMPLE.replace('pin_hash = "old"\n', ""))
    update_toml_file(path, {"pin_hash": "new"})
    text = path.read_text()
    assert 'speed = 1.0\npin_hash = "new"\n\n# Screen off out of hours\n[hours]' in text
    assert tomllib.loads(text) == {**tomllib.loads(EXAMPLE), "pin_hash": "new"}


def test_update_creates_a_missing_file(tmp_path):
    path = tmp_path / "kiosk.toml"
    update_toml_file(path, {"pin_hash": "x"})
    assert path.read_text() == 'pin_hash = "x"\n'
    assert path.stat().st_mode & 0o777 == 0o644


def test_update_falls_back_to_rewriting_when_lines_cannot_be_edited(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('pin_hash = """\nold"""\nspeed = 2\n[hours]\nmon = "08:00-12:00"\n')
    update_toml_file(path, {"pin_hash": "new"})
    assert tomllib.loads(path.read_text()) == {"pin_hash": "new", "speed": 2, "hours": {"mon": "08:00-12:00"}}


def test_update_refuses_a_file_that_is_not_toml(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("speed = \n")
    with pytest.raises(InputError, match="is not valid TOML"):
        update_toml_file(path, {"pin_hash": "x"})
    assert path.read_text() == "speed = \n"


def test_write_atomic_keeps_mode_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("a = 1\n")
    path.chmod(0o640)
    write_atomic(path, "a = 2\n")
    assert path.read_text() == "a = 2\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["kiosk.toml"]


def test_write_atomic_follows_a_symlink(tmp_path):
    target = tmp_path / "real.toml"
    target.write_text("a = 1\n")
    link = tmp_path / "kiosk.toml"
    link.symlink_to(target)
    write_atomic(link, "a = 2\n")
    assert link.is_symlink() and target.read_text() == "a = 2\n"


def test_write_atomic_cleans_up_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "kiosk.toml"
    path.write_text("a = 1\n")

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(path, "a = 2\n")
    assert path.read_text() == "a = 1\n"
    assert os.listdir(tmp_path) == ["kiosk.toml"]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (True, "true"),
        (-3, "-3"),
        (0.25, "0.25"),
        (float("inf"), "inf"),
        (float("-inf"), "-inf"),
        ('a "b"\\\n\t\x7f', r'"a \"b\"\\\n\t\u007f"'),
        (["x", 1], '["x", 1]'),
        ({"mon": "08:00-12:00", "a b": 1}, '{mon = "08:00-12:00", "a b" = 1}'),
        (date(2024, 1, 2), "2024-01-02"),
        (time(8, 30), "08:30:00"),
    ],
)
def test_format_value(value, text):
    assert format_value(value) == text


def test_format_value_refuses_unknown_types():
    with pytest.raises(TypeError):
        format_value(object())


keys = st.text(min_size=1, max_size=8)
scalars = (
    st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
    | st.datetimes(timezones=st.sampled_from([None, UTC]))
    | st.dates()
    | st.times()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=8,
)


@given(st.dictionaries(keys, values, max_size=6))
def test_dumps_round_trips(data):
    assert tomllib.loads(dumps(data)) == data


def test_dumps_nan():
    assert math.isnan(tomllib.loads(dumps({"x": float("nan")}))["x"])


@given(st.dictionaries(st.sampled_from(["speed", "side", "pin_hash", "x y"]), scalars, max_size=3))
def test_update_sets_keys_and_keeps_the_others(tmp_path_factory, changes):
    path = tmp_path_factory.mktemp("upd") / "kiosk.toml"
    path.write_text(EXAMPLE)
    update_toml_file(path, changes)
    assert tomllib.loads(path.read_text()) == {**tomllib.loads(EXAMPLE), **changes}
