"""``flossgui kiosk-pin``: PIN from a terminal or a pipe, written into the settings file."""

import io
import tomllib

import pytest

from flossgui.cli import kiosk_pin as pin_command
from flossgui.cli.kiosk_pin import main_kiosk_pin, set_pin
from flossgui.core.errors import InputError
from flossgui.kiosk.config import load_kiosk_config
from flossgui.kiosk.pin import verify_pin


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('# Front desk\nclinic_name = "Riverside"\nspeed = 0.5\n')
    return path


def typed(monkeypatch, *answers):
    """Make getpass return ``answers`` in turn, as if typed at a terminal."""
    replies = iter(answers)

    def fake_getpass(prompt=""):
        try:
            return next(replies)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr(pin_command.sys, "stdin", Terminal())
    monkeypatch.setattr(pin_command.getpass, "getpass", fake_getpass)


def test_set_pin_keeps_other_keys(config):
    set_pin(config, "4321")
    data = tomllib.loads(config.read_text())
    assert data["clinic_name"] == "Riverside" and data["speed"] == 0.5
    assert config.read_text().startswith("# Front desk\n")
    assert verify_pin("4321", data["pin_hash"])
    loaded, errors = load_kiosk_config(config)
    assert errors == [] and verify_pin("4321", loaded.pin_hash)


def test_set_pin_rejects_a_bad_pin_and_leaves_the_file(config):
    before = config.read_text()
    with pytest.raises(InputError, match="PIN"):
        set_pin(config, "12")
    assert config.read_text() == before


def test_set_pin_names_a_file_that_cannot_be_written(tmp_path):
    missing_dir = tmp_path / "nope" / "kiosk.toml"
    with pytest.raises(InputError, match=r"nope/kiosk\.toml: cannot be written"):
        set_pin(missing_dir, "1234")


def test_pin_from_a_pipe(config, monkeypatch, capsys):
    monkeypatch.setattr(pin_command.sys, "stdin", io.StringIO("555555\n"))
    assert main_kiosk_pin(["--config", str(config)]) == 0
    assert verify_pin("555555", tomllib.loads(config.read_text())["pin_hash"])
    assert capsys.readouterr().out == f"PIN set in {config}\n"


def test_pin_typed_twice(config, monkeypatch):
    typed(monkeypatch, "2580", "2580")
    assert main_kiosk_pin(["--config", str(config)]) == 0
    assert verify_pin("2580", tomllib.loads(config.read_text())["pin_hash"])


@pytest.mark.parametrize(
    ("answers", "problem"),
    [
        (("2580", "2581"), "the two entries differ"),
        (("25",), "has 2 digits"),
        (("abcd",), "is not only digits"),
        ((), "none given"),
        (("2580",), "none given"),
    ],
)
def test_bad_typed_input_exits_2_with_one_line(config, monkeypatch, capsys, answers, problem):
    before = config.read_text()
    typed(monkeypatch, *answers)
    assert main_kiosk_pin(["--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("flossgui kiosk-pin: PIN: ") and problem in err
    assert err.count("\n") == 1
    assert config.read_text() == before


def test_empty_pipe_exits_2(config, monkeypatch, capsys):
    monkeypatch.setattr(pin_command.sys, "stdin", io.StringIO(""))
    assert main_kiosk_pin(["--config", str(config)]) == 2
    assert capsys.readouterr().err == "flossgui kiosk-pin: PIN: is empty (allowed: 4 to 12 digits (0-9))\n"


def test_config_that_is_not_toml_exits_2(tmp_path, monkeypatch, capsys):
    path = tmp_path / "kiosk.toml"
    path.write_text("speed = = 1\n")
    monkeypatch.setattr(pin_command.sys, "stdin", io.StringIO("1234\n"))
    assert main_kiosk_pin(["--config", str(path)]) == 2
    assert f"{path}: is not valid TOML" in capsys.readouterr().err
