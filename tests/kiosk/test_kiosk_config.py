"""The kiosk settings file: defaults, every kind of error handled leniently, fuzzing."""

import math
import string
import subprocess
import sys
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flossgui.kiosk.config import DEFAULT_MESSAGES, KioskConfig, load_kiosk_config, parse_kiosk_config
from flossgui.kiosk.pin import hash_pin
from flossgui.kiosk.schedule import ALWAYS_OPEN

MONDAY = datetime(2024, 1, 1)


@pytest.fixture
def write(tmp_path):
    def write(text: str | bytes):
        path = tmp_path / "kiosk.toml"
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        return path

    return write


def only_error(errors):
    assert len(errors) == 1, [e.message() for e in errors]
    return errors[0]


def test_no_file_gives_defaults_without_errors():
    config, errors = load_kiosk_config(None)
    assert config == KioskConfig()
    assert errors == []
    assert config.messages == DEFAULT_MESSAGES
    assert (config.speed, config.side, config.max_fps) == (1.0, "right", 30)
    assert config.idle_timeout_seconds == 60.0
    assert config.hours == ALWAYS_OPEN and config.outside_hours == "dim" and config.pin_hash == ""


def test_full_file(write):
    pin_hash = hash_pin("123456")
    config, errors = load_kiosk_config(
        write(f'''
schema_version = 1
clinic_name = "Riverside Physio"
messages = ["Welcome", "Try it at home"]
speed = 0.5
side = "left"
idle_timeout_seconds = 120
max_fps = 20
outside_hours = "blank"
pin_hash = "{pin_hash}"

[hours]
daily = "08:00-18:00"
sat = ["09:00-12:00", "13:00-15:00"]
sun = "closed"
''')
    )
    assert errors == []
    assert config == KioskConfig(
        clinic_name="Riverside Physio",
        messages=("Welcome", "Try it at home"),
        speed=0.5,
        side="left",
        idle_timeout_seconds=120.0,
        max_fps=20,
        hours=config.hours,
        outside_hours="blank",
        pin_hash=pin_hash,
    )
    assert config.hours.is_open(MONDAY.replace(hour=9))
    assert not config.hours.is_open(MONDAY.replace(day=6, hour=12, minute=30))  # Saturday lunch
    assert not config.hours.is_open(MONDAY.replace(day=7, hour=12))  # Sunday


def test_weekdays_without_daily_close_the_other_days(write):
    config, errors = load_kiosk_config(write('[hours]\nmon = "08:00-12:00"\n'))
    assert errors == []
    assert config.hours.is_open(MONDAY.replace(hour=9))
    assert not config.hours.is_open(MONDAY.replace(day=2, hour=9))


@pytest.mark.parametrize("text", ["", "[hours]\n"])
def test_no_or_empty_hours_table_means_always_open(write, text):
    config, errors = load_kiosk_config(write(text))
    assert (config.hours, errors) == (ALWAYS_OPEN, [])


def test_missing_file(tmp_path):
    path = tmp_path / "nope.toml"
    config, errors = load_kiosk_config(path)
    assert config == KioskConfig()
    assert only_error(errors).message() == f"{path}: file not found (allowed: an existing TOML file of at most 1 MiB)"


def test_unreadable_file(tmp_path):
    config, errors = load_kiosk_config(tmp_path)  # a folder
    assert config == KioskConfig()
    assert "is a folder" in only_error(errors).message()


@pytest.mark.parametrize("text", ["speed = ", b"\xff\xfe", "a = " + "[" * 100_000])
def test_bad_toml(write, text):
    path = write(text)
    config, errors = load_kiosk_config(path)
    assert config == KioskConfig()
    assert only_error(errors).source == str(path)


@pytest.mark.parametrize(
    ("text", "key", "allowed"),
    [
        ('speed = "fast"', "speed", "a number from 0.25 to 3"),
        ("speed = 4", "speed", "a number from 0.25 to 3"),
        ("speed = nan", "speed", "a number from 0.25 to 3"),
        ("speed = true", "speed", "a number from 0.25 to 3"),
        ('side = "up"', "side", "one of left, right"),
        ("idle_timeout_seconds = 5", "idle_timeout_seconds", "a number from 10 to 3600"),
        ("max_fps = 30.5", "max_fps", "a whole number from 5 to 60"),
        ("max_fps = 120", "max_fps", "a whole number from 5 to 60"),
        ('outside_hours = "off"', "outside_hours", "one of dim, blank"),
        ("clinic_name = 3", "clinic_name", "text of at most 80 characters"),
        (f'clinic_name = "{"x" * 81}"', "clinic_name", "text of at most 80 characters"),
        ('messages = "hello"', "messages", "a list of up to 20 strings"),
        ("messages = []", "messages", "a list of 1 to 20 non-empty strings"),
        ('messages = ["ok", " "]', "messages", "a list of 1 to 20 non-empty strings"),
        ('pin_hash = "1234"', "pin_hash", "a hash written by `flossgui kiosk-pin`"),
        ("schema_version = 2", "schema_version", "1"),
        ('schema_version = "1"', "schema_version", "a whole number"),
        ("colour = 1", "colour", "one of schema_version, clinic_name, messages"),
    ],
)
def test_one_bad_key_keeps_the_rest(write, text, key, allowed):
    path = write(f'{text}\n[hours]\nmon = "08:00-09:00"\n')
    config, errors = load_kiosk_config(path)
    error = only_error(errors)
    assert (error.source, error.field) == (str(path), key)
    assert allowed in error.allowed
    assert error.message().startswith(f"{path}: {key}: ")
    assert config == KioskConfig(hours=config.hours)
    assert config.hours != ALWAYS_OPEN


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('hours = "08:00-18:00"', "hours"),
        ('[hours]\ndaily = "8am-6pm"', "hours.daily"),
        ('[hours]\nmon = "08:00-25:00"', "hours.mon"),
        ('[hours]\nmon = "09:00-09:00"', "hours.mon"),
        ("[hours]\nmon = 8", "hours.mon"),
        ("[hours]\nmon = []", "hours.mon"),
        ('[hours]\ndaily = "08:00-18:00"\nmonday = "08:00-12:00"', "hours.monday"),
    ],
)
def test_bad_hours_keep_the_screen_on(write, text, key):
    path = write(text)
    config, errors = load_kiosk_config(path)
    error = only_error(errors)
    assert error.field == key
    assert error.message().startswith(f"{path}: {key}: ")
    assert config.hours == ALWAYS_OPEN


def test_several_errors_all_reported(write):
    _, errors = load_kiosk_config(write('speed = 9\nside = "up"\nfoo = 1\n[hours]\nsun = "x"\n'))
    assert sorted(e.field for e in errors) == ["foo", "hours.sun", "side", "speed"]


def test_model_imports_no_qt():
    code = (
        "import sys, flossgui.kiosk.config, flossgui.cli.kiosk_pin;"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- fuzzing ----------------------------------------------------------------------------
KEYS = ["schema_version", "clinic_name", "messages", "speed", "side", "idle_timeout_seconds", "max_fps"]
KEYS += ["outside_hours", "pin_hash", "hours", "daily", "mon", "sun", "x"]
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(["08:00-18:00", "22:00-02:00", "closed", "left", "dim", "blank", "24:00-01:00"])
    | st.datetimes()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), values, max_size=10))
def test_fuzz_parsed_values_never_raise(data):
    config, errors = parse_kiosk_config(data, "fuzz.toml")
    assert isinstance(config, KioskConfig)
    assert all(e.source == "fuzz.toml" and "\n" not in e.message() for e in errors)
    assert 0.25 <= config.speed <= 3 and math.isfinite(config.speed)
    assert 5 <= config.max_fps <= 60 and config.side in ("left", "right")
    assert config.messages and config.outside_hours in ("dim", "blank")


FRAGMENTS = "speed = |side = |[hours]|daily = |mon = |messages = [|]|\"|'''|=|08:00-18:00|1.5|nan|inf|{|}|,|"
FRAGMENTS += "pin_hash = |scrypt$|$|max_fps = 30|#|\n"
toml_ish = st.lists(
    st.sampled_from(FRAGMENTS.split("|")) | st.text(alphabet=string.printable, max_size=8),
    max_size=30,
).map("".join)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(toml_ish, st.binary(max_size=200)))
def test_fuzz_file_text_never_raises(write, text):
    config, errors = load_kiosk_config(write(text))
    assert isinstance(config, KioskConfig)
    assert isinstance(errors, list)
