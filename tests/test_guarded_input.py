"""Issue 13, part 1: every user file goes through one guarded reader, every number through one
check. Each case the issue lists is a named test here: a one-line error naming the file and
field (or, for the kiosk, its defaults), never a traceback, a hang or runaway memory."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from flossgui.cli.main import main
from flossgui.core import tomlfile
from flossgui.core.errors import InputError, printable
from flossgui.core.tomlfile import MAX_FILE_BYTES, check_user_file, parse_number, read_toml
from flossgui.core.tomlwrite import update_toml_file
from flossgui.kiosk.config import KioskConfig, load_kiosk_config
from flossgui.model.exercise import load_exercise
from flossgui.model.programme import load_programme


def _kiosk(path: Path) -> None:
    """The kiosk loader never raises: its first error is raised here so all loaders compare alike."""
    config, errors = load_kiosk_config(path)
    assert config == KioskConfig()
    if errors:
        raise errors[0]


LOADERS: dict[str, Callable[[Path], object]] = {
    "exercise": load_exercise,
    "programme": load_programme,
    "kiosk": _kiosk,
    "settings update": lambda path: update_toml_file(path, {"speed": 1.0}),
}


PROGRAMME = '[programme]\nside = "left"\nreps = 8\nsets = 2\n'


def _refused(load: Callable[[Path], object], path: Path, *words: str) -> str:
    with pytest.raises(InputError) as caught:
        load(path)
    message = caught.value.message()
    assert message.startswith(printable(str(path), 1000)) and "\n" not in message and len(message) < 1500
    for word in words:
        assert word in message
    return message


def _without_hanging(call: Callable[[], object], seconds: float = 10.0) -> object:
    """Run ``call`` in a daemon thread; fail (rather than hang the suite) if it blocks."""
    result: list[object] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as exc:  # handed to the test below
            result.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the call blocked"
    return result[0]


# -- the kind of file ------------------------------------------------------------------
@pytest.mark.parametrize("kind", LOADERS)
def test_a_fifo_is_refused_at_once(tmp_path, kind):
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    outcome = _without_hanging(lambda: _refused(LOADERS[kind], path, "named pipe"))
    assert isinstance(outcome, str), outcome


@pytest.mark.parametrize("kind", LOADERS)
def test_a_symlink_to_dev_zero_is_refused(tmp_path, kind):
    path = tmp_path / "zero.toml"
    path.symlink_to("/dev/zero")
    _refused(LOADERS[kind], path, "is a device")


@pytest.mark.parametrize("kind", LOADERS)
def test_a_folder_is_refused(tmp_path, kind):
    path = tmp_path / "folder.toml"
    path.mkdir()
    _refused(LOADERS[kind], path, "is a folder")


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.toml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        _refused(load_programme, path, "is a socket")


def test_a_fifo_swapped_in_after_the_check_does_not_block(tmp_path, monkeypatch):
    """The open itself is non-blocking and checked with fstat, so a race cannot hang the read."""
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    monkeypatch.setattr(tomlfile, "check_user_file", lambda *args: None)  # as if it had been a file then
    outcome = _without_hanging(lambda: _refused(tomlfile.read_user_bytes, path, "named pipe"))
    assert isinstance(outcome, str), outcome


# -- the size of a file ----------------------------------------------------------------
@pytest.mark.parametrize("kind", LOADERS)
def test_a_200_mb_file_is_refused_unread(tmp_path, kind):
    path = tmp_path / "huge.toml"
    with path.open("wb") as f:  # sparse: 200 MB long, nothing on disk
        f.truncate(200 * 1024 * 1024)
    _refused(LOADERS[kind], path, "too large", "1 MiB")


def test_a_200_mb_string_is_refused_unread(tmp_path):
    path = tmp_path / "title.toml"
    with path.open("wb") as f:
        f.write(b'[programme]\ntitle = "')
        f.seek(200 * 1024 * 1024)
        f.write(b'"\n')
    _refused(load_programme, path, "too large")


def test_two_million_keys_are_refused(tmp_path):
    path = tmp_path / "keys.toml"
    path.write_bytes(b"".join(b"k%d = 1\n" % i for i in range(2_000_000)))
    _refused(load_programme, path, "too large")


def test_a_file_just_under_the_cap_is_read(tmp_path):
    path = tmp_path / "padded.toml"
    text = PROGRAMME
    path.write_text(text + "#" * (MAX_FILE_BYTES - len(text) - 1) + "\n", encoding="utf-8")
    assert load_programme(path).reps == 8


def test_too_many_values_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(tomlfile, "MAX_VALUES", 50)
    path = tmp_path / "keys.toml"
    path.write_text("".join(f"k{i} = [1, 2]\n" for i in range(30)), encoding="utf-8")
    _refused(read_toml, path, "too many values")


@pytest.mark.parametrize("text", ["a = [" + "1," * 400_000 + "]", "".join(f"k{i}=1\n" for i in range(90_000))])
def test_a_megabyte_of_tiny_values_is_refused_before_parsing(tmp_path, monkeypatch, text):
    """tomllib takes seconds over such a file; the pre-scan counts the values first."""
    monkeypatch.setattr(tomlfile.tomllib, "loads", lambda text: pytest.fail("parsed"))
    path = tmp_path / "many.toml"
    path.write_text(text, encoding="utf-8")
    _refused(read_toml, path, "too many values")


# -- the shape of a file ---------------------------------------------------------------
@pytest.mark.parametrize("kind", LOADERS)
@pytest.mark.parametrize("depth", [33, 1000, 300_000])
def test_arrays_nested_deeply_are_refused(tmp_path, kind, depth):
    path = tmp_path / "deep.toml"
    path.write_text("speed = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    _refused(LOADERS[kind], path, "nested too deeply", "line 1")


@pytest.mark.parametrize("kind", LOADERS)
def test_inline_tables_nested_deeply_are_refused(tmp_path, kind):
    path = tmp_path / "deep.toml"
    path.write_text("speed = " + "{a = " * 2000 + "1" + "}" * 2000 + "\n", encoding="utf-8")
    _refused(LOADERS[kind], path, "nested too deeply")


@pytest.mark.parametrize("kind", LOADERS)
def test_a_dotted_key_300000_parts_long_is_refused(tmp_path, kind):
    """tomllib needs memory quadratic in the parts of a dotted key: this one would take gigabytes."""
    path = tmp_path / "dotted.toml"
    path.write_text("a" + ".a" * 300_000 + " = 1\n", encoding="utf-8")
    _refused(LOADERS[kind], path, "dotted key too long")


def test_dotted_keys_nested_inside_tables_are_refused_after_parsing(tmp_path):
    path = tmp_path / "dotted.toml"
    key = ".".join(["k"] * 30)
    path.write_text(f"a = {{{key} = {{{key} = {{{key} = 1}}}}}}\n", encoding="utf-8")
    _refused(read_toml, path, "nested too deeply")


def test_brackets_inside_strings_and_comments_do_not_count(tmp_path):
    path = tmp_path / "ok.toml"
    brackets = "[" * 100
    path.write_text(
        PROGRAMME + f'title = "{brackets}"  # {brackets}\nnotes = """\n{brackets}.a.a.a\n"""\n', encoding="utf-8"
    )
    assert load_programme(path).title == brackets


@pytest.mark.parametrize("kind", LOADERS)
def test_an_integer_of_4301_digits_is_refused(tmp_path, kind):
    path = tmp_path / "digits.toml"
    path.write_text("speed = 1" + "0" * 4300 + "\n", encoding="utf-8")
    _refused(LOADERS[kind], path, "thousands of digits")


@pytest.mark.parametrize("kind", LOADERS)
def test_an_integer_past_64_bits_is_refused_naming_the_field(tmp_path, kind):
    path = tmp_path / "big.toml"
    path.write_text("speed = 1" + "0" * 400 + "\n", encoding="utf-8")
    _refused(LOADERS[kind], path, ": speed: ", "64-bit")


@pytest.mark.parametrize("value", ["1e400", "-1e400", "inf", "nan", str(2**63 - 1)])
def test_numbers_in_files_must_be_finite_and_in_range(tmp_path, value):
    path = tmp_path / "programme.toml"
    path.write_text(PROGRAMME + f"rest_s = {value}\n", encoding="utf-8")
    _refused(load_programme, path, "programme.rest_s", "out of range", "allowed: a number from")


def test_a_huge_string_value_is_quoted_short(tmp_path):
    path = tmp_path / "programme.toml"
    path.write_text(PROGRAMME + f'rest_s = "{"x" * 500_000}"\n', encoding="utf-8")
    assert len(_refused(load_programme, path, "programme.rest_s", "…")) < 600


def test_control_characters_in_a_file_name_or_key_are_shown_escaped(tmp_path):
    path = tmp_path / "bad\x1b[2Jname.toml"
    path.write_text('"\\u001b[31mred" = 1\n', encoding="utf-8")
    message = _refused(load_programme, path)
    assert "\x1b" not in message and "\\x1b[2J" in message


# -- numbers on the command line -------------------------------------------------------
def _cli_error(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as caught:
        main(list(argv))
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert len(last) < 300
    return last


def test_timeline_reps_1_followed_by_400_zeros(capsys):
    last = _cli_error(capsys, "timeline", "--reps", "1" + "0" * 400)
    assert last.endswith("argument --reps: is out of range; allowed: a whole number from 1 to 1000")


@pytest.mark.parametrize("option", ["--reps", "--fps", "--speed", "--range", "--seat-height", "--height"])
@pytest.mark.parametrize("value", ["1" + "0" * 400, "9" * 5000, "1e400", "-inf", "nan", "0x10", "", "1" + "0" * 64])
def test_every_timeline_number_is_checked(capsys, option, value):
    assert f"argument {option}: " in _cli_error(capsys, "timeline", option, value)


@pytest.mark.parametrize("size", ["1" + "0" * 400 + "x300", "480x" + "9" * 5000, "480", "axb", "480x300x2"])
def test_export_size_is_checked(capsys, tmp_path, size):
    assert "argument --size: " in _cli_error(capsys, "export", str(tmp_path / "a.gif"), "--size", size)


@pytest.mark.parametrize("text", ["0001", "+3", " 2 ", "1_000"])
def test_plain_spellings_of_numbers_still_parse(text):
    assert parse_number(text, "--x", 0, 2000, whole=True) == int(text)


def test_check_user_file_accepts_a_small_file(tmp_path):
    path = tmp_path / "a.ini"
    path.write_text("[General]\n", encoding="utf-8")
    check_user_file(path)  # no error
    with pytest.raises(InputError, match="too large"):
        check_user_file(path, limit=3)
