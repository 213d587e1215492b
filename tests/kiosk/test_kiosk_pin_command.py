"""``flossgui kiosk-pin``: PIN from a terminal or a pipe, written into the settings file."""

import io
import os
import stat
import subprocess
import sys
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
    set_pin(config, "432198")
    data = tomllib.loads(config.read_text())
    assert data["clinic_name"] == "Riverside" and data["speed"] == 0.5
    assert config.read_text().startswith("# Front desk\n")
    assert verify_pin("432198", data["pin_hash"])
    loaded, errors = load_kiosk_config(config)
    assert errors == [] and verify_pin("432198", loaded.pin_hash)


def test_set_pin_rejects_a_bad_pin_and_leaves_the_file(config):
    before = config.read_text()
    with pytest.raises(InputError, match="PIN"):
        set_pin(config, "12")
    assert config.read_text() == before


def test_set_pin_names_a_file_that_cannot_be_written(tmp_path):
    missing_dir = tmp_path / "nope" / "kiosk.toml"
    with pytest.raises(InputError, match=r"nope/kiosk\.toml: cannot be written"):
        set_pin(missing_dir, "123456")


def test_pin_from_a_pipe(config, monkeypatch, capsys):
    monkeypatch.setattr(pin_command.sys, "stdin", io.StringIO("555555\n"))
    assert main_kiosk_pin(["--config", str(config)]) == 0
    assert verify_pin("555555", tomllib.loads(config.read_text())["pin_hash"])
    assert capsys.readouterr().out == f"PIN set in {config} (mode 0640)\n"  # was 0644: others lose it


def test_pin_typed_twice(config, monkeypatch):
    typed(monkeypatch, "258025", "258025")
    assert main_kiosk_pin(["--config", str(config)]) == 0
    assert verify_pin("258025", tomllib.loads(config.read_text())["pin_hash"])


@pytest.mark.parametrize(
    ("answers", "problem"),
    [
        (("258025", "258026"), "the two entries differ"),
        (("25",), "has 2 digits"),
        (("abcd",), "is not only digits"),
        ((), "none given"),
        (("258025",), "none given"),
        (("2580",), "has 4 digits"),
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
    assert capsys.readouterr().err == "flossgui kiosk-pin: PIN: is empty (allowed: 6 to 12 digits (0-9))\n"


def test_config_that_is_not_toml_exits_2(tmp_path, monkeypatch, capsys):
    path = tmp_path / "kiosk.toml"
    path.write_text("speed = = 1\n")
    monkeypatch.setattr(pin_command.sys, "stdin", io.StringIO("123456\n"))
    assert main_kiosk_pin(["--config", str(path)]) == 2
    assert f"{path}: is not valid TOML" in capsys.readouterr().err


@pytest.mark.parametrize(("before", "after"), [(None, 0o600), (0o644, 0o640), (0o640, 0o640), (0o600, 0o600)])
def test_the_file_holding_the_hash_is_private(tmp_path, before, after):
    path = tmp_path / "kiosk.toml"
    if before is not None:
        path.write_text('clinic_name = "Riverside"\n')
        path.chmod(before)
    set_pin(path, "482915")
    assert stat.S_IMODE(path.stat().st_mode) == after


def test_the_hash_is_never_in_a_file_others_can_read(tmp_path, monkeypatch):
    """Every file opened for writing while the PIN is set is already private when opened."""
    path = tmp_path / "kiosk.toml"
    path.write_text('clinic_name = "Riverside"\n')
    path.chmod(0o644)
    seen = []
    real_fdopen = os.fdopen

    def watching_fdopen(fd, *args, **kwargs):
        seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", watching_fdopen)
    set_pin(path, "482915")
    assert seen and all(mode & 0o007 == 0 for mode in seen), [oct(m) for m in seen]


def test_a_closed_standard_input_is_one_line_not_a_traceback(config, monkeypatch, capsys):
    monkeypatch.setattr(pin_command.sys, "stdin", None)
    assert main_kiosk_pin(["--config", str(config)]) == 2
    assert capsys.readouterr().err == (
        "flossgui kiosk-pin: PIN: none given (standard input is closed) (allowed: 6 to 12 digits (0-9))\n"
    )


def test_kiosk_pin_with_stdin_closed_in_a_real_process(config):
    result = subprocess.run(
        [sys.executable, "-m", "flossgui", "kiosk-pin", "--config", str(config)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
        preexec_fn=lambda: os.close(0),
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("flossgui kiosk-pin: PIN: none given")
